# Shared emscripten toolchain settings for every Lokus WebAssembly tool build.
# Source it from a recipe: `. "$(dirname "$0")/../shared/flags.sh"`.
# See wasm/README.md ("Flags and why") and wasm/CONTRACT.md.

LOKUS_WASM_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export LOKUS_WASM_DIR
export LOKUS_BUILD="${LOKUS_BUILD:-$LOKUS_WASM_DIR/.build}"
export LOKUS_SYSROOT="$LOKUS_BUILD/sysroot"      # zlib, libdeflate, bzip2, liblzma (static, wasm32)
export LOKUS_SRC="$LOKUS_BUILD/src"              # unpacked + patched sources
export LOKUS_OUT="$LOKUS_BUILD/out"              # linked <program>.{js,wasm} per tool

# Debian's emscripten 3.1.6 runs on the system node and ships a prebuilt (frozen) system-library cache.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
export EM_CACHE="${EM_CACHE:-$LOKUS_BUILD/emcache}"
if [ ! -d "$EM_CACHE/sysroot" ]; then
  mkdir -p "$LOKUS_BUILD" && cp -a /usr/share/emscripten/cache "$EM_CACHE"
fi

export CC=emcc CXX=em++ AR=emar RANLIB=emranlib NM=llvm-nm
# Reproducibility: no timestamps, no absolute build paths in objects.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1672531200}"
export ZERO_AR_DATE=1

# -O3: measurably faster than -O2 on the BGZF/pileup hot loops.
# -msimd128: lets clang auto-vectorise (and SIMDe map SSE to wasm SIMD in minimap2); every current
#   browser and Node >= 16 support fixed-width wasm SIMD.
# No -pthread: workers/SharedArrayBuffer would need COOP/COEP; every tool runs single threaded.
LOKUS_OPT="-O3 -msimd128"
LOKUS_PREFIX_MAP="-ffile-prefix-map=$LOKUS_BUILD=/lokus -fdebug-prefix-map=$LOKUS_BUILD=/lokus"
export CFLAGS="$LOKUS_OPT $LOKUS_PREFIX_MAP -I$LOKUS_SYSROOT/include"
export CXXFLAGS="$CFLAGS"
export CPPFLAGS="-I$LOKUS_SYSROOT/include"

# Link flags for final programs (MODULARIZE factory, one instance per command; see CONTRACT.md).
LOKUS_LDFLAGS=(
  -O3 -msimd128
  -L"$LOKUS_SYSROOT/lib"
  -sMODULARIZE=1 -sEXPORT_NAME=Module
  -sINVOKE_RUN=0 -sEXIT_RUNTIME=1
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sMAXIMUM_MEMORY=4GB
  -sTOTAL_STACK=5242880
  -sFORCE_FILESYSTEM=1 -lworkerfs.js -lnodefs.js -lproxyfs.js
  -sENVIRONMENT=web,worker,node
  -sEXPORTED_RUNTIME_METHODS=callMain,FS,WORKERFS,NODEFS,PROXYFS
  -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0
  --pre-js "$LOKUS_WASM_DIR/shared/pre.js"
  "$LOKUS_SYSROOT/lib/lokus_getopt.o"   # glibc-style getopt messages (shared/getopt_glibc_msgs.c)
  "$LOKUS_SYSROOT/lib/lokus_fast_strtod.o" -Wl,--wrap=strtod   # exact fast path before musl's long-double strtod
  "$LOKUS_SYSROOT/lib/lokus_stdout_buffer.o"   # 64 KiB fully buffered stdout (shared/stdout_buffer.c)
  "$LOKUS_SYSROOT/lib/lokus_fast_memchr.o" -Wl,--wrap=memchr   # 16 bytes per step (shared/fast_memchr.c)
  "$LOKUS_SYSROOT/lib/lokus_crc32_zlib.o" -Wl,--wrap=libdeflate_crc32   # zlib's braided CRC (shared/crc32_zlib.c)
)
export LOKUS_LDFLAGS_STR="${LOKUS_LDFLAGS[*]}"
# Plain (non-program) link flags, for configure scripts' test links.
export LDFLAGS="-L$LOKUS_SYSROOT/lib"

export MAKEFLAGS="${MAKEFLAGS:--j2}"
