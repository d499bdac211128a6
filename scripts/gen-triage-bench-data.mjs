#!/usr/bin/env node
// Writes the bench:triage data set (bench-data/triage-<records>/, gitignored): a seeded synthetic trio at genome
// scale (nothing from a person) streamed to disk, never held whole: reference FASTA (+.fai), Ensembl-style GFF3,
// a joint-called VCF (GT:AD:DP:GQ, 1 % multi-allelic, de novo and recessive sites planted among inherited ones),
// a ClinVar-like VCF on every 50th site, and a PED. Needs native bgzip, tabix and samtools.
// Usage: node scripts/gen-triage-bench-data.mjs [--records 5000000] [--out bench-data/triage-5000000]
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const value = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const records = Number(value('records', 5_000_000));
const out = resolve(value('out', join(root, 'bench-data', `triage-${records}`)));
const PARAMS = JSON.stringify({ version: 1, seed: 20261203, records });
if (existsSync(join(out, 'params.json')) && readFileSync(join(out, 'params.json'), 'utf8') === PARAMS) {
  console.log(`${out}: up to date`);
  process.exit(0);
}
mkdirSync(out, { recursive: true });

let s = 20261203;
const random = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = Math.imul(s ^ (s >>> 15), s | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(random() * a.length)];
const BASES = 'ACGT';
// One record every 20 bases on average; chrX a tenth of the genome, outside both builds' PARs from 2.8 Mb on.
const total = records * 20;
const CONTIGS = [
  ['1', 0.4],
  ['2', 0.3],
  ['3', 0.2],
  ['X', 0.1],
].map(([name, share]) => [name, Math.max(3_000_000, Math.round(total * share))]);
const GENE_EVERY = 10_000;

/** A writable with a string buffer and backpressure. */
function sink(stream) {
  let buf = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const chunk = buf.join('');
    buf = [];
    size = 0;
    if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
  };
  return {
    async write(text) {
      buf.push(text);
      size += text.length;
      if (size > 1 << 22) await flush();
    },
    async end() {
      await flush();
      await new Promise((r) => stream.end(r));
    },
  };
}

function bgzipTo(path) {
  const child = spawn('bgzip', ['-c'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdout.pipe(createWriteStream(path));
  const done = new Promise((res, rej) => child.on('close', (c) => (c === 0 ? res() : rej(new Error(`bgzip ${c}`)))));
  return { w: sink(child.stdin), done };
}

function run(cmd, args) {
  return new Promise((res, rej) =>
    spawn(cmd, args, { stdio: 'inherit' }).on('close', (c) => (c === 0 ? res() : rej(new Error(`${cmd} ${c}`)))),
  );
}

const fasta = sink(createWriteStream(join(out, 'ref.fa')));
const gff = sink(createWriteStream(join(out, 'genes.gff3')));
const vcf = bgzipTo(join(out, 'trio.vcf.gz'));
const clinvar = bgzipTo(join(out, 'clinvar.vcf.gz'));
await gff.write('##gff-version 3\n');
const FORMAT = ['GT', 'AD', 'DP', 'GQ'].map(
  (id, i) =>
    `##FORMAT=<ID=${id},Number=${['1', 'R', '1', '1'][i]},Type=${i ? 'Integer' : 'String'},Description="${id}">\n`,
);
await vcf.w.write(
  [
    '##fileformat=VCFv4.2\n',
    '##source=Lokus bench:triage synthetic trio (scripts/gen-triage-bench-data.mjs); not from any person\n',
    ...CONTIGS.map(([n, l]) => `##contig=<ID=${n},length=${l}>\n`),
    '##FILTER=<ID=PASS,Description="All filters passed">\n',
    '##INFO=<ID=gnomad_popmax_af,Number=A,Type=Float,Description="Simulated popmax allele frequency">\n',
    ...FORMAT,
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tCHILD\tFATHER\tMOTHER\n',
  ].join(''),
);
await clinvar.w.write(
  [
    '##fileformat=VCFv4.1\n',
    '##source=Lokus bench:triage ClinVar-like sites (synthetic)\n',
    ...CONTIGS.map(([n, l]) => `##contig=<ID=${n},length=${l}>\n`),
    '##INFO=<ID=CLNSIG,Number=.,Type=String,Description="Clinical significance">\n',
    '##INFO=<ID=CLNREVSTAT,Number=.,Type=String,Description="Review status">\n',
    '##INFO=<ID=CLNDN,Number=.,Type=String,Description="Disease name">\n',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n',
  ].join(''),
);

const call = (alleles, n) => {
  // alleles: the sample's allele indexes; n: number of ALT alleles at the site.
  const d = 20 + Math.floor(random() * 20);
  const ad = Array.from({ length: n + 1 }, () => 0);
  if (alleles[0] === alleles[1]) ad[alleles[0]] = d;
  else {
    const h = Math.floor(d * (0.35 + random() * 0.3));
    ad[alleles[0]] = d - h;
    ad[alleles[1]] = h;
  }
  return `${alleles[0]}/${alleles[1]}:${ad.join(',')}:${d}:${40 + Math.floor(random() * 59)}`;
};
const parent = (af, n) =>
  [0, 1].map(() => (random() < af ? (n === 2 && random() < 0.5 ? 2 : 1) : 0)).sort((a, b) => a - b);

let written = 0;
const share = records / CONTIGS.reduce((a, [, l]) => a + l / 20, 0);
for (const [name, length] of CONTIGS) {
  const seq = Buffer.alloc(length);
  for (let i = 0; i < length; i++) seq[i] = BASES.charCodeAt(Math.floor(random() * 4));
  // Genes: two CDS exons of 300 bases each, ATG first, TAA last.
  for (let start = 1001, n = 1; start + 2000 < length; start += GENE_EVERY, n++) {
    const gene = `G${name}_${n}`;
    const t = `transcript:${gene}-201`;
    seq.write('ATG', start + 99);
    seq.write('TAA', start + 1296);
    const lines = [
      `${name}\tlokus\tgene\t${start}\t${start + 1999}\t.\t+\t.\tID=gene:${gene};Name=${gene};biotype=protein_coding`,
      `${name}\tlokus\tmRNA\t${start}\t${start + 1999}\t.\t+\t.\tID=${t};Parent=gene:${gene};biotype=protein_coding`,
      `${name}\tlokus\texon\t${start + 100}\t${start + 399}\t.\t+\t.\tParent=${t}`,
      `${name}\tlokus\texon\t${start + 1000}\t${start + 1299}\t.\t+\t.\tParent=${t}`,
      `${name}\tlokus\tCDS\t${start + 100}\t${start + 399}\t.\t+\t0\tID=CDS:${gene}-201;Parent=${t}`,
      `${name}\tlokus\tCDS\t${start + 1000}\t${start + 1299}\t.\t+\t0\tID=CDS:${gene}-201;Parent=${t}`,
    ];
    await gff.write(lines.join('\n') + '\n');
  }
  await fasta.write(`>${name}\n`);
  for (let i = 0; i < length; i += 60) await fasta.write(seq.toString('latin1', i, Math.min(length, i + 60)) + '\n');
  const target = Math.round((length / 20) * share);
  const male = name === 'X';
  for (let k = 0, pos = 10; k < target && pos < length - 50; k++) {
    pos += 1 + Math.floor(random() * 38);
    const ref = String.fromCharCode(seq[pos - 1]);
    const n = random() < 0.01 ? 2 : 1;
    const alts = [...BASES].filter((b) => b !== ref);
    const alt = n === 2 ? `${alts[0]},${alts[1]}` : pick(alts);
    const af = random() < 0.7 ? 0.0005 + random() * 0.01 : 0.05 + random() * 0.45;
    const afs = n === 2 ? `${af.toFixed(4)},${(af / 2).toFixed(4)}` : af.toFixed(4);
    let father = parent(af, n);
    let mother = parent(af, n);
    if (male && pos > 2_800_000) father = [father[0], father[0]]; // hemizygous, coded diploid
    let child = male && pos > 2_800_000 ? [0, 1].map(() => pick(mother)) : [pick(father), pick(mother)];
    const planted = random();
    if (planted < 1e-4)
      [child, father, mother] = [
        [0, 1],
        [0, 0],
        [0, 0],
      ]; // de novo
    else if (planted < 2e-4 && !male)
      [child, father, mother] = [
        [1, 1],
        [0, 1],
        [0, 1],
      ]; // recessive
    child.sort((a, b) => a - b);
    const gts = [child, father, mother].map((g) => call(g, n)).join('\t');
    await vcf.w.write(`${name}\t${pos}\t.\t${ref}\t${alt}\t60\tPASS\tgnomad_popmax_af=${afs}\tGT:AD:DP:GQ\t${gts}\n`);
    if (++written % 50 === 0 && n === 1)
      await clinvar.w.write(
        `${name}\t${pos}\t${written}\t${ref}\t${alt}\t.\t.\tCLNSIG=${pick(['Pathogenic', 'Likely_benign', 'Uncertain_significance'])};CLNREVSTAT=criteria_provided,_single_submitter;CLNDN=not_provided\n`,
      );
  }
}
await Promise.all([fasta.end(), gff.end(), vcf.w.end(), clinvar.w.end()]);
await Promise.all([vcf.done, clinvar.done]);
await run('samtools', ['faidx', join(out, 'ref.fa')]);
await run('tabix', ['-f', '-p', 'vcf', join(out, 'trio.vcf.gz')]);
await run('tabix', ['-f', '-p', 'vcf', join(out, 'clinvar.vcf.gz')]);
writeFileSync(
  join(out, 'trio.ped'),
  'FAM\tCHILD\tFATHER\tMOTHER\t1\t2\nFAM\tFATHER\t0\t0\t1\t1\nFAM\tMOTHER\t0\t0\t2\t1\n',
);
writeFileSync(join(out, 'params.json'), PARAMS);
console.log(`${out}: ${written} records`);
