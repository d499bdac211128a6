#!/usr/bin/env node
// Synthetic polygenic-score data: a PGS Catalog format 2.0 scoring file and a one-sample all-sites VCF that
// carries a genotype at most of its positions. Nothing from a real person; positions and weights are random.
//   node scripts/gen-prs-data.mjs                       -> test/fixtures/prs/ (the example: 2,000 variants)
//   node scripts/gen-prs-data.mjs --variants 1000000 --out bench-data/prs   (bench:prs)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from './lib/simulate-reads.mjs';

const { values } = parseArgs({
  options: {
    variants: { type: 'string', default: '2000' },
    out: { type: 'string', default: join(import.meta.dirname, '..', 'test', 'fixtures', 'prs') },
    sample: { type: 'string', default: 'SYNTH01' },
  },
});
const count = Number(values.variants);
const { rand, randInt } = seededRandom(20261203);
const BASES = ['A', 'C', 'G', 'T'];
const COMPLEMENT = { A: 'T', C: 'G', G: 'C', T: 'A' };

/** Sorted distinct positions spread over chromosomes 1-22 in proportion to nothing in particular. */
const sites = [];
const perChrom = Math.ceil(count / 22);
for (let chrom = 1; chrom <= 22 && sites.length < count; chrom++) {
  let pos = 10_000;
  for (let i = 0; i < perChrom && sites.length < count; i++) {
    pos += 50 + randInt(0, 5_000);
    const ref = BASES[randInt(0, 3)];
    let alt = BASES[randInt(0, 3)];
    // Strand-ambiguous pairs (A/T, C/G), which the matcher excludes by default, kept to ~3 % of sites as in real scores.
    while (alt === ref || (alt === COMPLEMENT[ref] && rand() < 0.9)) alt = BASES[randInt(0, 3)];
    sites.push({ chrom, pos, ref, alt });
  }
}

const rows = [];
const vcf = [];
for (const [i, s] of sites.entries()) {
  // The scoring file names the effect allele on either strand and in either order; ~5 % of sites are not genotyped.
  const effectIsAlt = rand() < 0.5;
  const flip = rand() < 0.1;
  const strand = (a) => (flip ? COMPLEMENT[a] : a);
  const effect = strand(effectIsAlt ? s.alt : s.ref);
  const other = strand(effectIsAlt ? s.ref : s.alt);
  const weight = ((rand() - 0.5) * 0.2).toFixed(6);
  rows.push([`rs${900000000 + i}`, s.chrom, s.pos, effect, other, weight].join('\t'));
  if (rand() < 0.05) continue;
  const gt = ['0/0', '0/1', '1/1'][randInt(0, 2)];
  vcf.push([s.chrom, s.pos, '.', s.ref, s.alt, '50', 'PASS', '.', 'GT', gt].join('\t'));
}

mkdirSync(values.out, { recursive: true });
const pgsId = count === 2000 ? 'PGS_LOKUS_EXAMPLE' : `PGS_LOKUS_BENCH_${count}`;
writeFileSync(
  join(values.out, `${pgsId}.txt`),
  [
    '###PGS CATALOG SCORING FILE - synthetic, made by scripts/gen-prs-data.mjs',
    '#format_version=2.0',
    '##POLYGENIC SCORE (PGS) INFORMATION',
    `#pgs_id=${pgsId}`,
    '#pgs_name=lokus_synthetic',
    '#trait_reported=Synthetic trait (teaching example)',
    '#genome_build=GRCh37',
    '#weight_type=beta',
    `#variants_number=${count}`,
    '##SOURCE INFORMATION',
    '#citation=Lokus synthetic example (no publication)',
    '#license=CC0 1.0',
    'rsID\tchr_name\tchr_position\teffect_allele\tother_allele\teffect_weight',
    ...rows,
  ].join('\n') + '\n',
);
writeFileSync(
  join(values.out, `${values.sample}.vcf`),
  [
    '##fileformat=VCFv4.2',
    '##reference=GRCh37 (synthetic sites)',
    ...Array.from({ length: 22 }, (_, i) => `##contig=<ID=${i + 1},length=249250621>`),
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${values.sample}`,
    ...vcf,
  ].join('\n') + '\n',
);
console.log(`${rows.length} scoring rows, ${vcf.length} VCF records -> ${values.out}`);
