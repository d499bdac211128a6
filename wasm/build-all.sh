#!/usr/bin/env bash
# Build every WebAssembly tool from pinned Debian sources and install it into public/wasm.
#   bash wasm/build-all.sh                 # all tools (npm run wasm:build)
#   bash wasm/build-all.sh htslib samtools # just these (htslib is needed by samtools/bcftools)
# Build times are appended to wasm/.build/times.tsv; tools.json is rewritten with sha256/size of outputs.
set -euo pipefail
WASM_DIR="$(cd "$(dirname "$0")" && pwd)"
. "$WASM_DIR/shared/flags.sh"
mkdir -p "$LOKUS_BUILD"
TOOLS=("$@")
[ ${#TOOLS[@]} -gt 0 ] || TOOLS=(htslib samtools bcftools seqtk minimap2 bedtools)

timed() {
  local name=$1; shift
  local t0 t1
  t0=$(date +%s)
  "$@"
  t1=$(date +%s)
  printf '%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$name" "$((t1 - t0))" >> "$LOKUS_BUILD/times.tsv"
  echo "[wasm] $name built in $((t1 - t0)) s" >&2
}

timed libs bash "$WASM_DIR/libs/build.sh"
for t in "${TOOLS[@]}"; do
  if [ "$t" = samtools ] || [ "$t" = bcftools ]; then
    [ -f "$LOKUS_SRC/htslib/libhts.a" ] || timed htslib bash "$WASM_DIR/htslib/build.sh"
  fi
  timed "$t" bash "$WASM_DIR/$t/build.sh"
done
node "$WASM_DIR/shared/install.mjs" "${TOOLS[@]}"
node "$WASM_DIR/../scripts/check-wasm-manifest.mjs"
