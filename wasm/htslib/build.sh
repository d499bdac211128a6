#!/usr/bin/env bash
# htslib 1.16 (Debian 1.16+ds-3) + bundled htscodecs 1.3.0 (Debian strips it from +ds) -> libhts.a,
# and the programs bgzip, tabix, htsfile. No configure script in the +ds tarball: config.mk/config.h below
# mirror Debian's configure result minus plugins/libcurl/S3/GCS and the x86 SIMD codec variants.
. "$(dirname "$0")/../shared/common.sh"
HERE="$(cd "$(dirname "$0")" && pwd)"
d=$(lokus_unpack htslib "$HERE")
lokus_fetch htscodecs
if [ ! -f "$d/htscodecs/htscodecs/htscodecs.c" ]; then
mkdir -p "$d/htscodecs"
tar -xf "$LOKUS_DL/htscodecs_1.3.0.orig.tar.gz" -C "$d/htscodecs" --strip-components=1
[ -f "$d/htscodecs/htscodecs/version.h" ] || echo '#define HTSCODECS_VERSION_TEXT "1.3.0"' > "$d/htscodecs/htscodecs/version.h"
find "$d/htscodecs" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
fi

cat > "$d/config.mk" <<MK
CC     = emcc
AR     = emar
RANLIB = emranlib
CPPFLAGS = -I$LOKUS_SYSROOT/include
CFLAGS   = $CFLAGS -Wall -fvisibility=hidden
LDFLAGS  = -L$LOKUS_SYSROOT/lib
LIBS     = -ldeflate -llzma -lbz2 -lz -lm
PLATFORM   = default
PLUGIN_EXT =
HTS_CFLAGS_AVX2 =
HTS_CFLAGS_AVX512 =
HTS_CFLAGS_SSE4 =
HTS_HAVE_NEON =
NONCONFIGURE_OBJS =
plugin_OBJS =
noplugin_LDFLAGS =
noplugin_LIBS =
MK
cat > "$d/config.h" <<'H'
/* Lokus wasm32 build: written by wasm/htslib/build.sh (Debian's config.h minus plugins, curl, S3, SIMD). */
#define HAVE_DRAND48 1
#define HAVE_FSYNC 1
#define HAVE_GETPAGESIZE 1
#define HAVE_GMTIME_R 1
#define HAVE_LIBBZ2 1
#define HAVE_LIBDEFLATE 1
#define HAVE_LIBLZMA 1
#define HAVE_LIBZ 1
#define HAVE_LZMA_H 1
#define PACKAGE_BUGREPORT "samtools-help@lists.sourceforge.net"
#define PACKAGE_NAME "HTSlib"
#define PACKAGE_STRING "HTSlib 1.16"
#define PACKAGE_TARNAME "htslib"
#define PACKAGE_URL "http://www.htslib.org/"
#define PACKAGE_VERSION "1.16"
#if defined(HTS_ALLOW_UNALIGNED) && HTS_ALLOW_UNALIGNED == 0
#define UBSAN 1
#endif
H
echo 'include $(HTSPREFIX)htscodecs_bundled.mk' > "$d/htscodecs.mk"
touch -d "@$SOURCE_DATE_EPOCH" "$d/config.mk" "$d/config.h" "$d/htscodecs.mk"

cd "$d"
make -j2 lib-static bgzip.o tabix.o htsfile.o >&2
for p in bgzip tabix htsfile; do
  lokus_link htslib "$p" "$p.o" libhts.a -L"$LOKUS_SYSROOT/lib" -ldeflate -llzma -lbz2 -lz -lm
done
log "htslib done"
