#!/usr/bin/env bash
# Rebuilds test/fixtures/ from Debian packages (see test/fixtures/README.md for provenance and licences).
# Needs: r-bioc-rsamtools, r-bioc-variantannotation, htslib-test, samtools, bcftools, tabix, minimap2, bedtools, and the
# bcftools 1.16 source tree (for test/split-vep.vcf) in $BCFTOOLS_SRC (apt-get source bcftools).
# Uses the NATIVE tools; output is deterministic (gzip -n, fixed seeds).
set -euo pipefail
cd "$(dirname "$0")/.."
F=test/fixtures
RS=/usr/lib/R/site-library/Rsamtools/extdata
VA=/usr/lib/R/site-library/VariantAnnotation/extdata
SX=/usr/share/doc/samtools/examples
MM=/usr/share/doc/minimap2/test
HT=/usr/share/htslib-test/test
BCFTOOLS_SRC=${BCFTOOLS_SRC:-/tmp/apt-src/src/bcftools-1.16}
mkdir -p "$F/bad"

# --- copied verbatim -------------------------------------------------------------------------------------------
cp $RS/ex1.bam $F/ex1.bam
cp $RS/ex1.bam.bai $F/ex1.bam.bai
cp $RS/ex1.bcf.gz $F/ex1.mpileup.bcf                  # raw all-sites mpileup likelihoods for ex1.bam
cp $RS/ex1.bcf.gz.csi $F/ex1.mpileup.bcf.csi
cp $RS/example.gtf.gz $F/gencode_excerpt.gtf.gz
cp $RS/example.gtf.gz.tbi $F/gencode_excerpt.gtf.gz.tbi
cp $SX/ex1.fa $F/ex1.fa
cp $SX/toy.sam $F/toy.sam
cp $SX/toy.fa $F/toy.fa
cp $VA/chr22.vcf.gz $F/1kg_phase1_chr22_5samples.vcf.gz
cp $VA/chr22.vcf.gz.tbi $F/1kg_phase1_chr22_5samples.vcf.gz.tbi
cp "$HT/ce#1000.sam" "$F/ce#1000.sam"
cp $HT/ce.fa $F/ce.fa
cp $HT/ce.fa.fai $F/ce.fa.fai
bgzip -c "$BCFTOOLS_SRC/test/split-vep.vcf" > $F/vep_csq_chr1.vcf.gz
zcat $MM/MT-human.fa.gz > $F/MT-human.fa
zcat $MM/MT-orang.fa.gz > $F/MT-orang.fa

# --- derived (native tools, same versions as the wasm builds) ------------------------------------------------------
samtools faidx $F/ex1.fa
samtools faidx $F/toy.fa
samtools faidx $F/MT-human.fa
samtools view --no-PG -C -T $F/ex1.fa -o $F/ex1.cram $F/ex1.bam
# drop the UR: tags (absolute path of the reference on the machine that made the file)
samtools view -H $F/ex1.cram | grep -v '^@PG' | sed 's/\tUR:[^\t]*//' > /tmp/ex1.cram.hdr.sam
samtools reheader --no-PG -i /tmp/ex1.cram.hdr.sam $F/ex1.cram > /dev/null
rm -f /tmp/ex1.cram.hdr.sam
samtools index $F/ex1.cram
samtools fastq $F/ex1.bam > $F/ex1.fastq 2>/dev/null
samtools sort --no-PG -n -o $F/ex1.byname.bam $F/ex1.bam
samtools fastq -1 /tmp/ex1_R1.fastq -2 /tmp/ex1_R2.fastq -0 /dev/null -s /dev/null -n $F/ex1.byname.bam 2>/dev/null
gzip -n -9 -c /tmp/ex1_R1.fastq > $F/ex1_R1.fastq.gz
gzip -n -9 -c /tmp/ex1_R2.fastq > $F/ex1_R2.fastq.gz
rm -f /tmp/ex1_R1.fastq /tmp/ex1_R2.fastq
bcftools mpileup --no-version -f $F/ex1.fa -Ou $F/ex1.bam 2>/dev/null | bcftools call --no-version -mv -Oz -o $F/ex1.calls.vcf.gz
bcftools index $F/ex1.calls.vcf.gz
bcftools view --no-version -Ob -o $F/1kg_phase1_chr22_5samples.bcf $F/1kg_phase1_chr22_5samples.vcf.gz
bcftools index $F/1kg_phase1_chr22_5samples.bcf
zcat $F/gencode_excerpt.gtf.gz | awk 'BEGIN{OFS="\t"} $3=="exon" { match($0, /transcript_id "[^"]+"/); id=substr($0, RSTART+15, RLENGTH-16); print $1, $4-1, $5, id, ".", $7 }' > $F/gencode_excerpt.exons.bed
bedtools makewindows -g $F/ex1.fa.fai -w 200 > $F/ex1.windows200.bed
node scripts/gen-ont-reads.mjs $F/MT-human.fa --n 40 --min 1000 --max 4000 --error 0.07 --seed 42 > $F/MT-human.ont-sim.fastq
# deliberately broken inputs
head -c 200000 $F/1kg_phase1_chr22_5samples.vcf.gz > $F/bad/1kg_chr22.truncated.vcf.gz
head -c 60000 $F/ex1.bam > $F/bad/ex1.truncated.bam
printf 'this is not a BAM file\n' > $F/bad/not-a-bam.bam
ls -la $F $F/bad
