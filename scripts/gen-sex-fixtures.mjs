#!/usr/bin/env node
// Writes the synthetic sex-check fixtures (seeded, so reruns give the same records), on GRCh38 contigs with hg38
// names: sex.chrX.vcf.gz(.tbi), chrX genotypes of three samples (XX_SAMPLE with heterozygous calls outside the
// pseudoautosomal regions, XY_SAMPLE hemizygous there and heterozygous only inside PAR1, XY_DIPLOID calling the
// same male genotypes as diploid homozygotes), and sex.female.bam / sex.male.bam (.csi), reads spread over the
// chromosomes in proportion to length with chrX at full (female) or half (male) density and reads on chrY only
// for the male. Needs native samtools, bgzip and tabix. Run from the repository root.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const F = 'test/fixtures';
const builds = readFileSync('src/core/files/reference-builds.ts', 'utf8');
const grch38 = builds.slice(builds.indexOf('GRCh38: {'));
const lengths = [...grch38.slice(0, grch38.indexOf('}')).matchAll(/'?(\w+)'?: (\d+),/g)].map((m) => [
  m[1] === 'MT' ? 'chrM' : `chr${m[1]}`,
  Number(m[2]),
]);

let seed = 7151;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = (s) => s[Math.floor(random() * s.length)];

// chrX genotypes: 60 sites in PAR1 (10,001-2,781,479), 600 outside the PARs.
const records = [];
const site = (pos, gts) => records.push(['chrX', pos, '.', pick('ACGT'), 'x', 50, 'PASS', '.', 'GT', ...gts]);
for (let i = 0; i < 60; i++)
  site(20_000 + i * 40_000, [pick(['0/1', '1/1', '0/0']), pick(['0/1', '0/1', '1/1']), pick(['0/1', '0/1', '1/1'])]);
for (let i = 0; i < 600; i++) {
  const male = pick(['1', '1', '0', '.']);
  site(3_000_000 + i * 200_000, [
    pick(['0/1', '0/1', '1/1', '0/0', './.']),
    male,
    male === '.' ? './.' : `${male}/${male}`,
  ]);
}
for (const r of records) if (r[4] === 'x') r[4] = r[3] === 'A' ? 'G' : 'A';
const vcf = [
  '##fileformat=VCFv4.2',
  ...lengths.map(([name, length]) => `##contig=<ID=${name},length=${length}>`),
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  [
    '#CHROM',
    'POS',
    'ID',
    'REF',
    'ALT',
    'QUAL',
    'FILTER',
    'INFO',
    'FORMAT',
    'XX_SAMPLE',
    'XY_SAMPLE',
    'XY_DIPLOID',
  ].join('\t'),
  ...records.map((r) => r.join('\t')),
].join('\n');
writeFileSync(`${F}/sex.chrX.vcf`, vcf + '\n');
execFileSync('bgzip', ['-f', `${F}/sex.chrX.vcf`]);
execFileSync('tabix', ['-f', '-p', 'vcf', `${F}/sex.chrX.vcf.gz`]);

function bam(name, xDensity, yDensity) {
  const reads = [];
  for (const [chrom, length] of lengths) {
    const density = chrom === 'chrX' ? xDensity : chrom === 'chrY' ? yDensity : chrom === 'chrM' ? 0 : 1;
    const count = Math.round((length / 1e6) * density);
    for (let i = 0; i < count; i++) {
      const pos = 1 + Math.floor(random() * (length - 60));
      reads.push(
        [
          `${chrom}_${i}`,
          0,
          chrom,
          pos,
          60,
          '30M',
          '*',
          0,
          0,
          Array.from({ length: 30 }, () => pick('ACGT')).join(''),
          'I'.repeat(30),
        ].join('\t'),
      );
    }
  }
  const header = ['@HD\tVN:1.6\tSO:unsorted', ...lengths.map(([c, l]) => `@SQ\tSN:${c}\tLN:${l}`)];
  writeFileSync('/tmp/lokus-sex.sam', [...header, ...reads].join('\n') + '\n');
  execFileSync('samtools', ['sort', '--no-PG', '-o', `${F}/${name}`, '/tmp/lokus-sex.sam']);
  execFileSync('samtools', ['index', '-c', `${F}/${name}`]);
}
bam('sex.female.bam', 1, 0);
bam('sex.male.bam', 0.5, 0.3);
console.log(`${records.length} chrX records; sex.female.bam, sex.male.bam written`);
