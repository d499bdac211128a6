#!/usr/bin/env bash
# seqtk 1.4 (Debian trixie 1.4-2; bookworm's 1.3 orig tarball is no longer served by the archive).
. "$(dirname "$0")/../shared/common.sh"
HERE="$(cd "$(dirname "$0")" && pwd)"
d=$(lokus_unpack seqtk "$HERE")
cd "$d"
emcc $CFLAGS -Wall -Wno-unused-function -c seqtk.c -o seqtk.o
lokus_link seqtk seqtk seqtk.o -lz -lm
log "seqtk done"
