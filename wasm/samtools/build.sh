#!/usr/bin/env bash
# samtools 1.16.1 (Debian 1.16.1-1) against the wasm htslib built by ../htslib/build.sh.
# No curses (tview's curses UI is unavailable; `samtools tview -d H|T` still works), no pthreads.
. "$(dirname "$0")/../shared/common.sh"
HERE="$(cd "$(dirname "$0")" && pwd)"
HTSDIR="$LOKUS_SRC/htslib"
[ -f "$HTSDIR/libhts.a" ] || { log "build htslib first"; exit 1; }
d=$(lokus_unpack samtools "$HERE")
cat > "$d/config.mk" <<MK
CC       = emcc
AR       = emar
RANLIB   = emranlib
CPPFLAGS = -I$LOKUS_SYSROOT/include
CFLAGS   = $CFLAGS -Wall
LDFLAGS  = $LOKUS_LDFLAGS_STR
LIBS     =
HTSDIR   = $HTSDIR
HTSLIB   = \$(HTSDIR)/libhts.a
HTSLIB_LIB = \$(HTSLIB) -L$LOKUS_SYSROOT/lib -ldeflate -llzma -lbz2 -lz
HTSLIB_LDFLAGS =
HTSLIB_CPPFLAGS = -I\$(HTSDIR)
BGZIP    = true
CURSES_LIB =
MK
printf '/* Lokus wasm32 build: no curses */\n' > "$d/config.h"
touch -d "@$SOURCE_DATE_EPOCH" "$d/config.mk" "$d/config.h"
sed -i 's/ -lpthread$//' "$d/Makefile"
cd "$d"
make -j2 samtools >&2
mkdir -p "$LOKUS_OUT/samtools"
mv samtools "$LOKUS_OUT/samtools/samtools.js"; mv samtools.wasm "$LOKUS_OUT/samtools/samtools.wasm"
log "samtools done"
