#!/bin/sh
# Rebuilds the clinical quick checks' fixtures from committed data with the native tools (Debian bookworm:
# bcftools 1.16, samtools 1.16.1, htslib 1.16), then their native outputs. Run from the repository root.
set -eu
F=test/fixtures
K=$F/1kg_phase1_chr22_5samples.vcf.gz
# Sample identity: one person's genotypes in two overlapping halves of the region, and another person's.
bcftools view --no-version -s HG00096 -r 22:50300078-50650000 "$K" | bcftools annotate --no-version -x INFO,FORMAT/DS,FORMAT/GL -Oz -o $F/identity.HG00096.a.vcf.gz
bcftools view --no-version -s HG00096 -r 22:50500000-50999964 "$K" | bcftools annotate --no-version -x INFO,FORMAT/DS,FORMAT/GL -Oz -o $F/identity.HG00096.b.vcf.gz
bcftools view --no-version -s HG00097 -r 22:50500000-50999964 "$K" | bcftools annotate --no-version -x INFO,FORMAT/DS,FORMAT/GL -Oz -o $F/identity.HG00097.vcf.gz
for f in identity.HG00096.a identity.HG00096.b identity.HG00097; do tabix -f -p vcf $F/$f.vcf.gz; done
node scripts/gen-hotspot-bam.mjs
node scripts/gen-identity-bam.mjs
node scripts/gen-sex-fixtures.mjs
node scripts/make-clinical-expected.mjs
