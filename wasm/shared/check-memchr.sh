#!/usr/bin/env bash
# Checks the SIMD memchr (shared/fast_memchr.c) against a byte loop on every alignment, length and needle
# position of shared/check_memchr.c, in Node. Needs Debian's emscripten.   bash wasm/shared/check-memchr.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/flags.sh"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
emcc $LOKUS_OPT -o "$work/check.js" "$HERE/check_memchr.c" "$HERE/fast_memchr.c" -sENVIRONMENT=node
# Node >= 18 has fetch(), which emscripten 3.1.6 would use for the .wasm path
node --no-experimental-fetch "$work/check.js"
