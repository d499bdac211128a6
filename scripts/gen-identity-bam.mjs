#!/usr/bin/env node
// Writes test/fixtures/identity.ref.fa.gz (+ .fai, .gzi) and identity.HG00096.bam (+ .bai): a synthetic reference
// for contig "22" (the 1000 Genomes naming of the identity VCFs) and ~30x single-end reads carrying HG00096's
// phased SNV genotypes of identity.HG00096.a.vcf.gz, for the BAM-versus-VCF path of the Sample identity analysis.
// The reference is pseudo-random bases with every VCF record's REF at its real position inside the read region and
// N elsewhere (the real chr22 length, bgzip-compressed, so it stays small). Indels are not put in the reads (the
// haplotypes carry SNVs only). Seeded: reruns give the same files. Needs native bcftools, samtools and bgzip.
// Run from the repository root.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const F = 'test/fixtures';
const CONTIG = '22';
/** GRCh37 chr22 length (1000 Genomes phase 1 coordinates). */
const LENGTH = 51304566;
/** The read region: inside both HG00096 halves (a: 50300078-50650000, b: 50500000-50999964). */
const START = 50500001;
const END = 50560000;
const READ = 100;
const DEPTH = 30;
const ERROR_RATE = 0.002;

let seed = 20261126;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const base = () => 'ACGT'[Math.floor(random() * 4)];

// Records of the region and its margin: position, REF, ALT and HG00096's phased genotype.
const from = START - READ;
const to = END + READ;
const query = execFileSync(
  'bcftools',
  ['query', '-r', `${CONTIG}:${from}-${to}`, '-f', '%POS\t%REF\t%ALT[\t%GT]\n', `${F}/identity.HG00096.a.vcf.gz`],
  { encoding: 'utf8' },
);
const records = query
  .trim()
  .split('\n')
  .map((line) => {
    const [pos, ref, alt, gt] = line.split('\t');
    return { pos: Number(pos), ref, alts: alt.split(','), gt: gt.split(/[|/]/).map(Number) };
  });

// The reference of the read region (plus a margin), with each record's REF bases in place.
const ref = Array.from({ length: to - from + 1 }, base);
for (const r of records) {
  for (let i = 0; i < r.ref.length; i++) ref[r.pos + i - from] = r.ref[i];
}
// Two haplotypes from the phased genotypes: SNVs only.
const haplotypes = [ref.slice(), ref.slice()];
let snvs = 0;
for (const r of records) {
  const snv = r.ref.length === 1 && r.alts.every((a) => a.length === 1);
  if (!snv) continue;
  snvs += 1;
  for (const h of [0, 1]) haplotypes[h][r.pos - from] = r.gt[h] === 0 ? r.ref : r.alts[r.gt[h] - 1];
}

// Reads at random starts over the region, each from a random haplotype, with rare substitutions.
const count = Math.round((DEPTH * (END - START + 1)) / READ);
const sam = [];
for (let n = 1; n <= count; n++) {
  const pos = START - READ + 1 + Math.floor(random() * (END - START + READ));
  const hap = haplotypes[random() < 0.5 ? 0 : 1];
  const seq = hap
    .slice(pos - from, pos - from + READ)
    .map((b) => (random() < ERROR_RATE ? 'ACGT'.replace(b, '')[Math.floor(random() * 3)] : b));
  sam.push(
    [
      `r${n}`,
      random() < 0.5 ? 0 : 16,
      CONTIG,
      pos,
      60,
      `${READ}M`,
      '*',
      0,
      0,
      seq.join(''),
      'F'.repeat(READ),
      'RG:Z:HG00096',
    ].join('\t'),
  );
}
const header = ['@HD\tVN:1.6\tSO:unsorted', `@SQ\tSN:${CONTIG}\tLN:${LENGTH}`, '@RG\tID:HG00096\tSM:HG00096'];
writeFileSync('/tmp/identity.HG00096.sam', [...header, ...sam].join('\n') + '\n');
execFileSync('samtools', ['sort', '--no-PG', '-o', `${F}/identity.HG00096.bam`, '/tmp/identity.HG00096.sam']);
execFileSync('samtools', ['index', `${F}/identity.HG00096.bam`]);

// The FASTA: N outside the region, 60 bases a line, bgzip-compressed and indexed (.fai, .gzi).
const sequence = Buffer.alloc(LENGTH, 'N');
sequence.write(ref.join(''), from - 1, 'latin1');
const lines = [`>${CONTIG}`];
for (let i = 0; i < LENGTH; i += 60) lines.push(sequence.toString('latin1', i, Math.min(i + 60, LENGTH)));
writeFileSync('/tmp/identity.ref.fa', lines.join('\n') + '\n');
writeFileSync(`${F}/identity.ref.fa.gz`, execFileSync('bgzip', ['-c', '/tmp/identity.ref.fa'], { maxBuffer: 1 << 26 }));
execFileSync('samtools', ['faidx', `${F}/identity.ref.fa.gz`]);
console.log(
  `${count} reads over ${CONTIG}:${START}-${END} (${snvs} SNVs of ${records.length} records) written to ${F}/identity.HG00096.bam; reference ${F}/identity.ref.fa.gz`,
);
