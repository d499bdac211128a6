#!/usr/bin/env bash
# bedtools 2.30.0 (Debian 2.30.0+dfsg-3, with Debian's patches incl. the `htsutil` subcommand). Like the
# Debian binary it uses its bundled htslib 1.9 (src/utils/htslib) with zlib/bzip2/liblzma. C++ exceptions
# are not enabled: bedtools only throws on fatal paths, and an uncaught throw aborts (exit 134) as natively.
. "$(dirname "$0")/../shared/common.sh"
HERE="$(cd "$(dirname "$0")" && pwd)"
d=$(lokus_unpack bedtools "$HERE")
cd "$d"
sed -i 's/ -lpthread//' Makefile
make -C src/utils/htslib -j2 CC=emcc AR=emar RANLIB=emranlib CFLAGS="$CFLAGS -Wall" CPPFLAGS="-I$LOKUS_SYSROOT/include" lib-static >&2
make -j2 bin/bedtools CXX=em++ CC=emcc AR=emar \
  BT_CXXFLAGS="-Wall -std=c++11" CXXFLAGS="$CXXFLAGS" CPPFLAGS="-I$LOKUS_SYSROOT/include" \
  LDFLAGS="$LOKUS_LDFLAGS_STR -L$LOKUS_SYSROOT/lib" >&2
mkdir -p "$LOKUS_OUT/bedtools"
mv bin/bedtools "$LOKUS_OUT/bedtools/bedtools.js"; mv bin/bedtools.wasm "$LOKUS_OUT/bedtools/bedtools.wasm"
log "bedtools done"
