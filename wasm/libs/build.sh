#!/usr/bin/env bash
# Static wasm32 libraries shared by the tools, built once into $LOKUS_SYSROOT (wasm/.build/sysroot):
# zlib, libdeflate (fast BGZF), bzip2 and liblzma (CRAM codecs). Sources: Debian bookworm, see tools.json.
. "$(dirname "$0")/../shared/common.sh"
HERE="$(cd "$(dirname "$0")" && pwd)"
# glibc-style getopt diagnostics, linked into every program (see shared/getopt_glibc_msgs.c)
emcc $CFLAGS -c "$LOKUS_WASM_DIR/shared/getopt_glibc_msgs.c" -o "$LOKUS_SYSROOT/lib/lokus_getopt.o"
# Clinger's exact fast path for strtod, wrapped around musl's (see shared/fast_strtod.c)
emcc $CFLAGS -c "$LOKUS_WASM_DIR/shared/fast_strtod.c" -o "$LOKUS_SYSROOT/lib/lokus_fast_strtod.o"
# A 64 KiB fully buffered stdout instead of musl's 1 KiB (see shared/stdout_buffer.c)
emcc $CFLAGS -c "$LOKUS_WASM_DIR/shared/stdout_buffer.c" -o "$LOKUS_SYSROOT/lib/lokus_stdout_buffer.o"
# memchr comparing 16 bytes per step with wasm SIMD instead of musl's 4 (see shared/fast_memchr.c)
emcc $CFLAGS -c "$LOKUS_WASM_DIR/shared/fast_memchr.c" -o "$LOKUS_SYSROOT/lib/lokus_fast_memchr.o"
# libdeflate_crc32 answered by zlib's braided CRC over 64-bit words (see shared/crc32_zlib.c)
emcc $CFLAGS -c "$LOKUS_WASM_DIR/shared/crc32_zlib.c" -o "$LOKUS_SYSROOT/lib/lokus_crc32_zlib.o"
stamp="$LOKUS_SYSROOT/.libs-done"
if [ -f "$stamp" ] && [ "${LOKUS_REBUILD_LIBS:-0}" != 1 ]; then log "sysroot libraries already built"; exit 0; fi

# zlib 1.2.13. Z_TESTW=8: 64-bit braids in crc32.c (zlib picks them only for x86_64/aarch64 by name; wasm has
# native 64-bit integer operations). The CRC values are the same; see shared/crc32_zlib.c for the speed.
d=$(lokus_unpack zlib)
( cd "$d" && CFLAGS="$CFLAGS -DZ_TESTW=8" CHOST=wasm32 emconfigure ./configure --static --prefix="$LOKUS_SYSROOT" >&2 && emmake make libz.a >&2 && emmake make install-libs install-headers >&2 ) \
  || ( cd "$d" && cp libz.a "$LOKUS_SYSROOT/lib/" && cp zlib.h zconf.h "$LOKUS_SYSROOT/include/" )

# libdeflate 1.14 (static library only)
d=$(lokus_unpack libdeflate)
( cd "$d" && emmake make libdeflate.a CC=emcc AR=emar CFLAGS="$CFLAGS" >&2 && cp libdeflate.a "$LOKUS_SYSROOT/lib/" && cp libdeflate.h "$LOKUS_SYSROOT/include/" )

# bzip2 1.0.8 (libbz2 only)
d=$(lokus_unpack bzip2)
( cd "$d" && emmake make libbz2.a CC=emcc AR=emar RANLIB=emranlib CFLAGS="$CFLAGS -D_FILE_OFFSET_BITS=64" >&2 && cp libbz2.a "$LOKUS_SYSROOT/lib/" && cp bzlib.h "$LOKUS_SYSROOT/include/" )

# xz-utils 5.4.1 (liblzma only, no threads)
d=$(lokus_unpack xz-utils)
( cd "$d" && emconfigure ./configure --host=wasm32-unknown-emscripten --prefix="$LOKUS_SYSROOT" --disable-shared --enable-static \
    --disable-threads --disable-xz --disable-xzdec --disable-lzmadec --disable-lzmainfo --disable-lzma-links \
    --disable-scripts --disable-doc --disable-nls --disable-rpath >&2 \
  && emmake make -C src/liblzma >&2 && emmake make -C src/liblzma install >&2 )

touch "$stamp"
log "sysroot libraries done: $(ls "$LOKUS_SYSROOT/lib" | tr '\n' ' ')"
