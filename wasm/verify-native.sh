#!/usr/bin/env bash
# Compare the WebAssembly builds with the native Debian binaries on real data: stdout bytes, output files
# and exit status must be identical.   bash wasm/verify-native.sh [filter-regex]
# Needs the native tools (samtools bcftools bgzip tabix htsfile minimap2 seqtk bedtools) on PATH.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FX="$ROOT/test/fixtures"
RS=/usr/lib/R/site-library/Rsamtools/extdata
VA=/usr/lib/R/site-library/VariantAnnotation/extdata
T=$(mktemp -d /tmp/lokus-verify.XXXXXX)
FILTER="${1:-.}"
pass=0; fail=0; skip=0
W() { node "$ROOT/scripts/wasm-run.mjs" "$@"; }

# check <name> <program> [args...]   ({OUT} in args -> per-side output file, compared too)
check() {
  local name=$1; shift
  [[ "$name" =~ $FILTER ]] || return 0
  local prog=$1; shift
  if ! node -e "process.exit(require('$ROOT/wasm/tools.json').tools.some(t=>t.programs.some(p=>p.name==='$prog'))?0:1)"; then
    skip=$((skip+1)); return 0
  fi
  # same relative output name on both sides (it ends up in @PG CL: lines), separate directories
  local a args=()
  for a in "$@"; do args+=("${a//\{OUT\}/out.file}"); done
  mkdir -p "$T/native/$name" "$T/wasm/$name"
  (cd "$T/native/$name" && "$prog" "${args[@]}" > "$T/$name.native.out" 2> "$T/$name.native.err" < "${STDIN:-/dev/null}"); local ns=$?
  (cd "$T/wasm/$name" && W "$prog" "${args[@]}" > "$T/$name.wasm.out" 2> "$T/$name.wasm.err" < "${STDIN:-/dev/null}"); local ws=$?
  [ -e "$T/native/$name/out.file" ] && mv "$T/native/$name/out.file" "$T/$name.native.file"
  [ -e "$T/wasm/$name/out.file" ] && mv "$T/wasm/$name/out.file" "$T/$name.wasm.file"
  local ok=1 why=""
  [ $ns -eq $ws ] || { ok=0; why="status native=$ns wasm=$ws"; }
  cmp -s "$T/$name.native.out" "$T/$name.wasm.out" || { ok=0; why="$why stdout differs ($(stat -c %s "$T/$name.native.out") vs $(stat -c %s "$T/$name.wasm.out") bytes)"; }
  if [ -e "$T/$name.native.file" ] || [ -e "$T/$name.wasm.file" ]; then
    cmp -s "$T/$name.native.file" "$T/$name.wasm.file" || { ok=0; why="$why output file differs"; }
  fi
  if [ $ok = 1 ]; then pass=$((pass+1)); printf 'ok    %-28s (status %d)\n' "$name" $ns
  else fail=$((fail+1)); printf 'FAIL  %-28s %s\n' "$name" "$why"; fi
}
# err <name> <program> [args...]: error paths - same exit status, and wasm stderr mentions the same first word
err() {
  local name=$1; shift
  [[ "$name" =~ $FILTER ]] || return 0
  local prog=$1; shift
  (cd "$T" && "$prog" "$@" > /dev/null 2> "$T/$name.native.err" < /dev/null); local ns=$?
  (cd "$T" && W "$prog" "$@" > /dev/null 2> "$T/$name.wasm.err" < /dev/null); local ws=$?
  local same="stderr differs"; cmp -s "$T/$name.native.err" "$T/$name.wasm.err" && same="stderr identical"
  if [ $ns -eq $ws ] && [ $ns -ne 0 ]; then pass=$((pass+1)); printf 'ok    %-28s (status %d, %s) %s\n' "$name" $ns "$same" "$(head -c 60 "$T/$name.wasm.err" | head -1)"
  else fail=$((fail+1)); printf 'FAIL  %-28s status native=%d wasm=%d; wasm stderr: %s\n' "$name" $ns $ws "$(head -c 200 "$T/$name.wasm.err")"; fi
}

BAM=$FX/ex1.bam; FA=$FX/ex1.fa
cp "$BAM" "$T/ex1.bam"; cp "$FA" "$T/ex1.fa"
head -c 20000 "$BAM" > "$T/trunc.bam"

# htslib
check bgzip-c          bgzip -c "$RS/ex1.sam"
check bgzip-d          bgzip -dc "$VA/chr22.vcf.gz"
check bgzip-l9         bgzip -l 9 -c "$FX/ex1.fastq"
check tabix-list       tabix -l "$VA/chr22.vcf.gz"
check tabix-region     tabix "$VA/chr22.vcf.gz" 22:50000000-51000000
if [[ tabix-index =~ $FILTER ]] && node -e "process.exit(require('$ROOT/wasm/tools.json').tools.some(t=>t.programs.some(p=>p.name==='tabix'))?0:1)"; then
  mkdir -p "$T/n" "$T/w"; cp "$VA/chr22.vcf.gz" "$T/n/"; cp "$VA/chr22.vcf.gz" "$T/w/"
  tabix -p vcf "$T/n/chr22.vcf.gz"; W tabix -p vcf "$T/w/chr22.vcf.gz"
  if cmp -s "$T/n/chr22.vcf.gz.tbi" "$T/w/chr22.vcf.gz.tbi"; then pass=$((pass+1)); echo "ok    tabix-index"; else fail=$((fail+1)); echo "FAIL  tabix-index .tbi differs"; fi
fi
check htsfile          htsfile "$BAM" "$FX/ex1.cram" "$VA/chr22.vcf.gz"
# samtools
check sam-flagstat     samtools flagstat "$BAM"
check sam-view         samtools view "$BAM"
check sam-view-h       samtools view -h "$BAM" seq1:100-500
check sam-view-b       samtools view -b "$BAM"
check sam-view-c       samtools view -c -q 30 "$BAM"
check sam-view-cram    samtools view -T "$FA" "$FX/ex1.cram"
check sam-view-tocram  samtools view -C -T "$FA" "$BAM"
check sam-sort         samtools sort -o {OUT} "$BAM"
check sam-sort-n       samtools sort -n "$BAM"
check sam-index        samtools index "$BAM" {OUT}
check sam-stats        samtools stats "$BAM"
check sam-idxstats     samtools idxstats "$BAM"
check sam-depth        samtools depth "$BAM"
check sam-mpileup      samtools mpileup -f "$FA" "$BAM"
check sam-faidx        samtools faidx "$FA" seq2:1-300
check sam-fastq        samtools fastq "$BAM"
check sam-coverage     samtools coverage "$BAM"
err   sam-missing      samtools view /nonexistent.bam
err   sam-trunc        samtools view "$T/trunc.bam"
err   sam-badopt       samtools view --no-such-option "$BAM"
err   tabix-badopt     tabix -Z "$BAM"
err   bgzip-trunc      bgzip -dc "$T/trunc.bam"
# bcftools
check bcf-view         bcftools view --no-version "$FX/1kg_phase1_chr22_5samples.bcf"
check bcf-view-Oz      bcftools view --no-version -Oz "$VA/chr22.vcf.gz"
check bcf-view-Ob      bcftools view --no-version -Ob "$VA/chr22.vcf.gz"
check bcf-stats        bcftools stats "$VA/chr22.vcf.gz"
check bcf-query        bcftools query -f '%CHROM\t%POS\t%REF\t%ALT[\t%GT]\n' "$VA/chr22.vcf.gz"
check bcf-call         bcftools call --no-version -mv "$FX/ex1.mpileup.bcf"
check bcf-mpileup      bcftools mpileup -f "$FA" "$BAM"
check bcf-norm         bcftools norm --no-version -m -any "$VA/chr22.vcf.gz"
check bcf-fill-tags    bcftools +fill-tags --no-version "$FX/1kg_phase1_chr22_5samples.bcf" -- -t AF,AC,AN,MAF
check bcf-counts       bcftools +counts "$FX/1kg_phase1_chr22_5samples.bcf"
check bcf-setGT        bcftools +setGT --no-version "$FX/1kg_phase1_chr22_5samples.bcf" -- -t a -n 0
check bcf-split-vep    bcftools +split-vep -l "$FX/vep_csq_chr1.vcf.gz"
check bcf-plugin-list  bcftools plugin -l
check bcf-concat-thr   bcftools concat --threads 2 --no-version "$FX/1kg_phase1_chr22_5samples.bcf" "$FX/1kg_phase1_chr22_5samples.bcf"
err   bcf-missing      bcftools view /nonexistent.vcf.gz
err   bcf-badopt       bcftools view --no-such-option "$VA/chr22.vcf.gz"
err   bcf-badopt-short bcftools view -Z x
err   bcf-noplugin     bcftools +no-such-plugin "$VA/chr22.vcf.gz"
# seqtk
check seqtk-seq        seqtk seq -a "$FX/ex1.fastq"
check seqtk-fqchk      seqtk fqchk "$FX/ex1.fastq"
check seqtk-comp       seqtk comp "$FA"
check seqtk-gz         seqtk seq -q20 -n N "$FX/ex1_R1.fastq.gz"
# minimap2
check mm2-sr           minimap2 -a -x sr "$FA" "$FX/ex1_R1.fastq.gz" "$FX/ex1_R2.fastq.gz"
check mm2-ont          minimap2 -a -x map-ont "$FX/MT-human.fa" "$FX/MT-human.ont-sim.fastq"
check mm2-paf          minimap2 -x asm5 "$FX/MT-human.fa" "$FX/MT-orang.fa"
err   mm2-missing      minimap2 -a /nonexistent.fa "$FX/ex1.fastq"
check seqtk-permute    seqtk seq "$FX/ex1.fastq" -a
# bedtools
check bt-intersect     bedtools intersect -a "$FX/ex1.windows200.bed" -b "$FX/gencode_excerpt.exons.bed" -wa -wb
check bt-intersect-c   bedtools intersect -a "$FX/ex1.windows200.bed" -b "$BAM" -c
check bt-intersect-wo  bedtools intersect -a "$FX/gencode_excerpt.exons.bed" -b "$FX/gencode_excerpt.exons.bed" -wo -s
check bt-sort-merge-d  bedtools merge -i "$FX/gencode_excerpt.exons.bed" -d 100 -c 4 -o count
check bt-merge         bedtools merge -i "$FX/gencode_excerpt.exons.bed"
check bt-coverage      bedtools coverage -a "$FX/ex1.windows200.bed" -b "$BAM"
check bt-bamtobed      bedtools bamtobed -i "$BAM"
err   bt-missing       bedtools merge -i /nonexistent.bed

echo "passed $pass, failed $fail, skipped $skip (not built); work dir $T"
[ $fail -eq 0 ]
