#!/usr/bin/env node
// Seeded generator of Oxford-Nanopore-like reads for the pathogen workflow: the sample haplotype (a real
// reference with KNOWN spiked variants, as in gen-pathogen-reads.mjs) cut into long reads of either strand with
// the error model of gen-ont-reads.mjs (~7% edits, indels biased to homopolymers, ONT-looking qualities), and no
// reads over a known region (reads are cut at its edges, as at an amplicon drop-out). Writes OUT.fastq.gz and
// OUT.truth.json (variants as normalised VCF records, the gap).
// Usage: node scripts/gen-pathogen-ont-reads.mjs REF.fa OUT [--depth 30] [--min 1000] [--max 4000] [--error 0.07] [--seed 5]
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// SNVs and one 3 bp deletion in non-repetitive context (1-based reference positions), and the interval without reads.
const VARIANTS = [
  { pos: 6_140, alt: 'A' },
  { pos: 14_502, alt: 'G' },
  { pos: 21_380, alt: 'C' },
  { pos: 27_112, deleteBases: 3 },
  { pos: 40_655, alt: 'C' },
];
const GAP = { start: 34_001, end: 35_200 };

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const [refPath, outPrefix] = args;
if (!refPath || !outPrefix) {
  console.error('usage: gen-pathogen-ont-reads.mjs REF.fa OUT [--depth D] [--min L] [--max L] [--error E] [--seed S]');
  process.exit(1);
}
const targetDepth = opt('depth', 30);
const minLen = opt('min', 1000);
const maxLen = opt('max', 4000);
const errRate = opt('error', 0.07);
const seedArg = opt('seed', 5);
let seed = seedArg >>> 0;

// mulberry32: tiny, well-known seeded PRNG (as in the other generators)
function rand() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randInt = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const lines = readFileSync(refPath, 'latin1').split('\n');
if (lines.slice(1).some((l) => l.startsWith('>'))) throw new Error('expected a single-sequence reference');
const contig = lines[0].slice(1).split(/\s/)[0];
const ref = lines.slice(1).join('').replace(/\s/g, '').toUpperCase();

// The haplotype and the truth records (VCF terms); the gap moves left by the bases deleted before it.
const truth = [];
let hap = '';
let cursor = 0;
let shift = 0;
for (const v of VARIANTS) {
  const i = v.pos - 1;
  hap += ref.slice(cursor, i);
  if (v.deleteBases) {
    const refAllele = ref.slice(i, i + 1 + v.deleteBases);
    truth.push({ chrom: contig, pos: v.pos, ref: refAllele, alt: refAllele[0] });
    hap += refAllele[0];
    cursor = i + 1 + v.deleteBases;
    if (v.pos < GAP.start) shift -= v.deleteBases;
  } else {
    if (v.alt === ref[i]) throw new Error(`variant at ${v.pos}: ALT equals REF`);
    truth.push({ chrom: contig, pos: v.pos, ref: ref[i], alt: v.alt });
    hap += v.alt;
    cursor = i + 1;
  }
}
hap += ref.slice(cursor);
const gapStart = GAP.start - 1 + shift;
const gapEnd = GAP.end + shift;

const BASES = 'ACGT';
const COMP = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N' };
const revcomp = (s) => [...s].reverse().map((c) => COMP[c] ?? 'N').join('');
const qchar = (q) => String.fromCharCode(33 + Math.max(2, Math.min(40, q)));

/** gen-ont-reads.mjs's error model: substitutions 40%, deletions 30%, insertions 30%; 1.5x in homopolymers. */
function noisy(frag) {
  let out = '';
  let qual = '';
  for (let j = 0; j < frag.length; j++) {
    const b = frag[j];
    const p = j > 0 && frag[j - 1] === b ? errRate * 1.5 : errRate;
    const e = rand();
    if (e < p * 0.4) {
      let alt = BASES[randInt(0, 3)];
      if (alt === b) alt = BASES[(BASES.indexOf(alt) + 1) % 4];
      out += alt;
      qual += qchar(randInt(3, 10));
    } else if (e < p * 0.7) {
      // deletion: skip the base
    } else if (e < p) {
      out += (j > 0 && frag[j - 1] === b ? b : BASES[randInt(0, 3)]) + b;
      qual += qchar(randInt(3, 9)) + qchar(randInt(8, 20));
    } else {
      out += b;
      qual += qchar(randInt(10, 30));
    }
  }
  return { out, qual };
}

const depth = new Uint32Array(hap.length);
const reads = [];
let bases = 0;
while (bases < targetDepth * (hap.length - (gapEnd - gapStart))) {
  const len = randInt(minLen, maxLen);
  let start = randInt(-Math.floor(len / 2), hap.length - Math.floor(len / 2));
  let end = Math.min(hap.length, start + len);
  start = Math.max(0, start);
  if (start >= gapStart && start < gapEnd) start = gapEnd;
  if (start < gapStart && end > gapStart) end = gapStart;
  if (end - start < 300) continue;
  const strand = rand() < 0.5 ? '+' : '-';
  const fragment = hap.slice(start, end);
  const { out, qual } = noisy(strand === '-' ? revcomp(fragment) : fragment);
  for (let p = start; p < end; p++) depth[p] += 1;
  bases += end - start;
  reads.push(`@ont_lambda_${String(reads.length + 1).padStart(4, '0')} hap=${start + 1}-${end} strand=${strand}\n${out}\n+\n${qual}\n`);
}

let lowest = Infinity;
for (let p = 0; p < hap.length; p++) if ((p < gapStart || p >= gapEnd) && depth[p] < lowest) lowest = depth[p];
writeFileSync(`${outPrefix}.fastq.gz`, gzipSync(Buffer.from(reads.join('')), { level: 9 }));
writeFileSync(
  `${outPrefix}.truth.json`,
  `${JSON.stringify({ reference: refPath.split('/').at(-1), contig, reads: reads.length, seed: seedArg, errorRate: errRate, variants: truth, gap: GAP, lowestDepthOutsideGap: lowest }, null, 2)}\n`,
);
console.error(`${reads.length} reads (${bases} bases); ${truth.length} variants; no reads in ${contig}:${GAP.start}-${GAP.end}; lowest depth elsewhere ${lowest}`);
