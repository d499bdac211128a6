#!/usr/bin/env bash
# minimap2 2.24 (Debian 2.24+dfsg-3) with Debian's SIMDe patches (Makefile.simde): SSE4.1 intrinsics are
# provided by SIMDe and lowered to WebAssembly SIMD (-msimd128). kthread.c gets a sequential kt_for /
# kt_pipeline under __EMSCRIPTEN__ (patches/kthread-sequential.patch) since there are no pthreads.
. "$(dirname "$0")/../shared/common.sh"
HERE="$(cd "$(dirname "$0")" && pwd)"
d=$(lokus_unpack minimap2 "$HERE")
lokus_unpack simde >/dev/null
cd "$d"
make -f Makefile.simde -j2 CC=emcc AR=emar \
  CFLAGS="$CFLAGS -Wall -Wc++-compat -DHAVE_KALLOC -DUSE_SIMDE -DSIMDE_ENABLE_NATIVE_ALIASES" \
  INCLUDES="-I$LOKUS_SRC/simde/usr/include -I$LOKUS_SYSROOT/include" libminimap2.a main.o >&2
lokus_link minimap2 minimap2 main.o libminimap2.a -lz -lm
log "minimap2 done"
