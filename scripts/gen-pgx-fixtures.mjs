#!/usr/bin/env node
// Writes the PGx fixtures in test/fixtures/pgx/ from the allele definitions (src/core/pgx/data): two VCFs
// (GRCh38 variant-only with chr names, bgzipped and indexed; GRCh37 all-sites with plain names) and a BAM of
// synthetic reads (seeded) at real GRCh38 chr10 positions on a synthetic, mostly-N chr10 of the real length,
// with one covered-reference, heterozygous, homozygous-variant and uncovered position each (and more); then
// the native bcftools outputs of the analysis' commands, which the wasm test must reproduce.
// Needs the native samtools, bcftools, bgzip and tabix (1.16). Usage: node scripts/gen-pgx-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test/fixtures/pgx');
const data = JSON.parse(readFileSync(join(root, 'src/core/pgx/data/allele-definitions.json'), 'utf8'));
const LENGTHS = {
  GRCh38: { 1: 248956422, 6: 170805979, 10: 133797422, 12: 133275309, 13: 114364328, 16: 90338345, 22: 50818468 },
  GRCh37: { 1: 249250621, 6: 171115067, 10: 135534747, 12: 133851895, 13: 115169878, 16: 90354753, 22: 51304566 },
};
const positions = data.genes.flatMap((g) => g.positions.map((p) => ({ ...p, chromosome: g.chromosome, gene: g.gene })));
const byId = new Map(positions.map((p) => [p.rsid, p]));

mkdirSync(out, { recursive: true });

// mulberry32, seeded: the same bytes on every run.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The record's alleles: REF = the build's genome base, then the definition's other alleles (TPMT has two ALTs). */
function recordAlleles(p, build) {
  const ref = p[build].genomeRef;
  return [ref, ...[p.ref, p.alt, ...(p.otherAlts ?? [])].filter((a) => a !== ref)];
}

/** Genotype in bases -> GT against recordAlleles. */
function gt(p, build, bases) {
  const alleles = recordAlleles(p, build);
  const sep = bases.includes('|') ? '|' : '/';
  return bases
    .split(/[/|]/)
    .map((b) => {
      if (!alleles.includes(b)) throw new Error(`${p.rsid}: ${b} is none of ${alleles.join(', ')}`);
      return String(alleles.indexOf(b));
    })
    .join(sep);
}

function vcf({ build, naming, genotypes, othersRef, extra = [] }) {
  const chr = (c) => (naming === 'chr' ? `chr${c}` : c);
  const lines = [
    '##fileformat=VCFv4.2',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
    '##INFO=<ID=END,Number=1,Type=Integer,Description="End of a reference block">',
  ];
  for (const c of Object.keys(LENGTHS[build]).sort((a, b) => a - b))
    lines.push(`##contig=<ID=${chr(c)},length=${LENGTHS[build][c]}>`);
  lines.push(['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'PGX_SAMPLE'].join('\t'));
  const records = [];
  for (const p of positions) {
    const given = genotypes[p.rsid];
    if (given === undefined && !othersRef) continue;
    const [ref, ...alts] = recordAlleles(p, build);
    records.push([
      p.chromosome,
      p[build].pos,
      [
        chr(p.chromosome),
        p[build].pos,
        p.rsid,
        ref,
        alts.join(','),
        '60',
        'PASS',
        '.',
        'GT:DP',
        `${given === undefined ? '0/0' : gt(p, build, given)}:30`,
      ].join('\t'),
    ]);
  }
  for (const e of extra) records.push([e[0], e[1], [chr(e[0]), ...e.slice(1)].join('\t')]);
  records.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return `${[...lines, ...records.map((r) => r[2])].join('\n')}\n`;
}

// GRCh38, variant sites only (most positions absent, so not called), plus unrelated variants near the targets.
const variantOnly = vcf({
  build: 'GRCh38',
  naming: 'chr',
  genotypes: {
    rs3758581: 'G/G',
    rs4244285: 'G/A',
    rs1800460: 'C/T',
    rs1142345: 'T/C',
    rs1065852: 'G/A',
    rs3892097: 'C/T',
    rs4149056: 'T/C',
    rs67376798: 'A/A',
    rs9923231: 'C/T',
  },
  extra: [
    ['10', 94781860, '.', 'C', 'T', '60', 'PASS', '.', 'GT:DP', '0/1:30'],
    ['6', 18138996, '.', 'A', 'G', '60', 'PASS', '.', 'GT:DP', '1/1:30'],
  ],
});
writeFileSync(join(out, 'pgx-grch38-variants.vcf'), variantOnly);
execFileSync('bgzip', ['-f', join(out, 'pgx-grch38-variants.vcf')]);
execFileSync('tabix', ['-f', '-p', 'vcf', join(out, 'pgx-grch38-variants.vcf.gz')]);

// GRCh37, every position called (0/0 where not given), plain names, not compressed.
writeFileSync(
  join(out, 'pgx-grch37-allsites.vcf'),
  vcf({
    build: 'GRCh37',
    naming: 'plain',
    genotypes: {
      rs12769205: 'G/G',
      rs4244285: 'A/A',
      rs1057910: 'A/C',
      rs3892097: 'C/T',
      rs1800460: 'C|T',
      rs1142345: 'T|C',
      rs16947: 'G/G',
      rs1135840: 'C/C',
      rs116855232: 'C/T',
    },
    othersRef: true,
  }),
);

// BAM: synthetic chr10 (real GRCh38 length) that is N except 601-base windows of random sequence around
// the chr10 positions, with the genome's REF at each position.
const BAM_CALLS = {
  rs12248560: 'ref',
  rs28399504: 'ref',
  rs12769205: 'het',
  rs4986893: 'uncovered',
  rs4244285: 'het',
  rs3758581: 'hom',
  rs1799853: 'ref',
  rs7900194: 'ref',
  rs9332131: 'ref',
  rs28371685: 'ref',
  rs1057910: 'het',
  rs28371686: 'ref',
};
const random = rng(20261125);
const chr10 = positions.filter((p) => p.chromosome === '10');
const windows = new Map();
for (const p of chr10) {
  const start = p.GRCh38.pos - 300;
  let seq = '';
  for (let i = 0; i < 601 + 8; i++) seq += 'ACGT'[Math.floor(random() * 4)];
  windows.set(p.rsid, {
    start,
    seq: seq.slice(0, 300) + p.GRCh38.genomeRef + seq.slice(300 + p.GRCh38.genomeRef.length, 601),
  });
}
const sorted = [...windows.values()].sort((a, b) => a.start - b.start);
// Windows that overlap (rs1057910 and rs28371686 are 5 bases apart) keep the earlier window's bases.
const faTmp = join(out, 'pgx-chr10.fa');
const fa = createWriteStream(faTmp);
fa.write('>chr10\n');
const seqAt = (pos) => {
  for (const w of sorted) if (pos >= w.start && pos < w.start + w.seq.length) return w.seq[pos - w.start];
  return 'N';
};
const positionsByBase = new Map(chr10.map((p) => [p.GRCh38.pos, p.GRCh38.genomeRef]));
const baseAt = (pos) => {
  let base = seqAt(pos);
  for (const [p, r] of positionsByBase) if (pos >= p && pos < p + r.length) base = r[pos - p];
  return base;
};
const NLINE = 'N'.repeat(60) + '\n';
const firstWindow = sorted[0].start;
const lastWindow = sorted.at(-1).start + 609;
let chunk = '';
for (let lineStart = 1; lineStart <= LENGTHS.GRCh38[10]; lineStart += 60) {
  const lineEnd = Math.min(lineStart + 59, LENGTHS.GRCh38[10]);
  if (lineEnd < firstWindow || lineStart > lastWindow || lineEnd - lineStart < 59) {
    chunk +=
      lineEnd - lineStart === 59 && (lineEnd < firstWindow || lineStart > lastWindow)
        ? NLINE
        : Array.from({ length: lineEnd - lineStart + 1 }, (_, i) => baseAt(lineStart + i)).join('') + '\n';
  } else {
    chunk += Array.from({ length: 60 }, (_, i) => baseAt(lineStart + i)).join('') + '\n';
  }
  if (chunk.length > 1 << 20) {
    fa.write(chunk);
    chunk = '';
  }
}
fa.write(chunk);
await new Promise((resolve) => fa.end(resolve));
rmSync(`${faTmp}.gz`, { force: true });
execFileSync('bgzip', ['-f', '-i', '-l', '9', faTmp]);
execFileSync('samtools', ['faidx', `${faTmp}.gz`]);

const refBase = (pos) =>
  execFileSync('samtools', ['faidx', `${faTmp}.gz`, `chr10:${pos}-${pos + 99}`])
    .toString()
    .split('\n')
    .slice(1)
    .join('');
// The header lists every chromosome the definitions use (real GRCh38 lengths), as a whole-genome BAM would;
// reads and reference sequence exist for chr10 only.
const sam = [
  '@HD\tVN:1.6\tSO:unsorted',
  ...Object.keys(LENGTHS.GRCh38).map((c) => `@SQ\tSN:chr${c}\tLN:${LENGTHS.GRCh38[c]}`),
  '@RG\tID:pgx\tSM:PGX_SAMPLE',
];
let n = 0;
for (const [rsid, kind] of Object.entries(BAM_CALLS)) {
  if (kind === 'uncovered') continue;
  const p = byId.get(rsid);
  const pos = p.GRCh38.pos;
  const alt = p.GRCh38.genomeRef === p.ref ? p.alt : p.ref;
  for (let i = 0; i < 30; i++) {
    const start = pos - 90 + Math.floor(random() * 80);
    let seq = refBase(start);
    const variant = kind === 'hom' || (kind === 'het' && i % 2 === 1);
    if (variant) seq = seq.slice(0, pos - start) + alt + seq.slice(pos - start + 1);
    sam.push(
      [
        `r${++n}`,
        random() < 0.5 ? 0 : 16,
        'chr10',
        start,
        60,
        `${seq.length}M`,
        '*',
        0,
        0,
        seq,
        'I'.repeat(seq.length),
        'RG:Z:pgx',
      ].join('\t'),
    );
  }
}
writeFileSync(join(out, 'pgx-chr10.sam'), `${sam.join('\n')}\n`);
execFileSync('samtools', ['sort', '--no-PG', '-o', join(out, 'pgx-chr10.bam'), join(out, 'pgx-chr10.sam')]);
execFileSync('samtools', ['index', join(out, 'pgx-chr10.bam')]);
rmSync(join(out, 'pgx-chr10.sam'));
console.log(`wrote ${out}: ${n} reads`);

// Native outputs of the analysis' commands (the wasm test checks its argv equal these and its output equals
// the native output). targets() mirrors targetList() in src/core/pgx/definitions.ts.
function targets({ withRange, build, naming }) {
  const builds = build ? [build] : ['GRCh37', 'GRCh38'];
  const entries = [];
  for (const p of positions) {
    for (const b of builds) {
      const names =
        naming === 'chr'
          ? [`chr${p.chromosome}`]
          : naming === 'plain'
            ? [p.chromosome]
            : [`chr${p.chromosome}`, p.chromosome];
      for (const chrom of names) entries.push({ chrom, pos: p[b].pos });
    }
  }
  const unique = new Map(entries.map((e) => [`${e.chrom}:${e.pos}`, e]));
  return [...unique.values()]
    .sort((a, b) => (a.chrom === b.chrom ? a.pos - b.pos : a.chrom < b.chrom ? -1 : 1))
    .map((e) => (withRange ? `${e.chrom}:${e.pos}-${e.pos}` : `${e.chrom}:${e.pos}`))
    .join(',');
}
const view = (where, file) => [{ program: 'bcftools', argv: ['view', '--no-version', ...where, file] }];
const pileup = (where) => [
  {
    program: 'bcftools',
    argv: [
      'mpileup',
      '--no-version',
      '-f',
      'pgx-chr10.fa.gz',
      '-a',
      'FORMAT/AD,FORMAT/DP',
      ...where,
      '-Ou',
      'pgx-chr10.bam',
    ],
  },
  { program: 'bcftools', argv: ['call', '--no-version', '-m', '-Ov', '-'] },
];
const CASES = {
  'vcf-grch38-stream': {
    params: {},
    inputs: { variants: 'pgx-grch38-variants.vcf.gz' },
    steps: view(['--targets-overlap', 'record', '-t', targets({ withRange: false })], 'pgx-grch38-variants.vcf.gz'),
  },
  'vcf-grch38-index': {
    params: { useIndex: 1 },
    inputs: { variants: 'pgx-grch38-variants.vcf.gz' },
    steps: view(['-r', targets({ withRange: true })], 'pgx-grch38-variants.vcf.gz'),
  },
  'vcf-grch37-stream': {
    params: {},
    inputs: { variants: 'pgx-grch37-allsites.vcf' },
    steps: view(['--targets-overlap', 'record', '-t', targets({ withRange: false })], 'pgx-grch37-allsites.vcf'),
  },
  'bam-stream': {
    params: {},
    inputs: { alignments: 'pgx-chr10.bam', reference: 'pgx-chr10.fa.gz' },
    steps: pileup(['-t', targets({ withRange: false })]),
  },
  'bam-index': {
    params: { useIndex: 1, build: 38, chrNames: 1 },
    inputs: { alignments: 'pgx-chr10.bam', reference: 'pgx-chr10.fa.gz' },
    steps: pileup(['-r', targets({ withRange: true, build: 'GRCh38', naming: 'chr' })]),
  },
};
mkdirSync(join(out, 'expected'), { recursive: true });
for (const [name, c] of Object.entries(CASES)) {
  let data = Buffer.alloc(0);
  for (const step of c.steps)
    data = execFileSync(step.program, step.argv, {
      cwd: out,
      input: data,
      maxBuffer: 1 << 26,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
  writeFileSync(
    join(out, 'expected', `${name}.json`),
    `${JSON.stringify({ ...c, stdout: data.toString('utf8') }, null, 1)}\n`,
  );
}
console.log(`wrote ${Object.keys(CASES).length} expected outputs`);
