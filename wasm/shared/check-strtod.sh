#!/usr/bin/env bash
# Checks the strtod fast path (shared/fast_strtod.c) bit for bit on the fixed and 400,000 generated decimal
# strings of shared/check_strtod.c: wasm with the fast path must equal wasm without it (musl, the libc the
# tools otherwise use) on every string, and native glibc on every string where musl and glibc agree.
# Needs gcc and Debian's emscripten.   bash wasm/shared/check-strtod.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/flags.sh"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/native" "$HERE/check_strtod.c"
emcc $LOKUS_OPT -o "$work/musl.js" "$HERE/check_strtod.c" -sENVIRONMENT=node
emcc $LOKUS_OPT -o "$work/fast.js" "$HERE/check_strtod.c" "$HERE/fast_strtod.c" -Wl,--wrap=strtod -sENVIRONMENT=node
"$work/native" > "$work/glibc.txt"
# Node >= 18 has fetch(), which emscripten 3.1.6 would use for the .wasm path
node --no-experimental-fetch "$work/musl.js" > "$work/musl.txt"
node --no-experimental-fetch "$work/fast.js" > "$work/fast.txt"
if ! cmp -s "$work/musl.txt" "$work/fast.txt"; then
  echo "strtod fast path DIFFERS from musl's strtod:" >&2
  diff "$work/musl.txt" "$work/fast.txt" | head -20 >&2
  exit 1
fi
echo "strtod fast path: $(wc -l < "$work/fast.txt") strings, identical to musl's strtod"
echo "musl vs native glibc (not the fast path's doing; none of these forms reach it):"
out=$(diff "$work/glibc.txt" "$work/musl.txt" | grep "^[<>]" | sed "s/^/  /" || true)
echo "${out:-  none}"
