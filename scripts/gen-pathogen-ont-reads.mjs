#!/usr/bin/env node
// Seeded generator of Oxford-Nanopore-like reads for the pathogen workflow: the sample haplotype (a real
// reference with KNOWN spiked variants, as in gen-pathogen-reads.mjs) cut into long reads of either strand with
// the error model of gen-ont-reads.mjs (~7% edits, indels biased to homopolymers, ONT-looking qualities), and no
// reads over a known region (reads are cut at its edges, as at an amplicon drop-out). Writes OUT.fastq.gz and
// OUT.truth.json (variants as normalised VCF records, the gap).
// Usage: node scripts/gen-pathogen-ont-reads.mjs REF.fa OUT [--depth 30] [--min 1000] [--max 4000] [--error 0.07] [--seed 5]
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { nanoporeRead, readSingleSequence, revcomp, seededRandom, spikeHaplotype } from './lib/simulate-reads.mjs';

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
const random = seededRandom(seedArg);
const { rand, randInt } = random;

const { contig, ref } = readSingleSequence(refPath);
const { hap, truth, gapStart, gapEnd } = spikeHaplotype(contig, ref, VARIANTS, GAP);

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
  const { out, qual } = nanoporeRead(strand === '-' ? revcomp(fragment) : fragment, errRate, random);
  for (let p = start; p < end; p++) depth[p] += 1;
  bases += end - start;
  reads.push(
    `@ont_lambda_${String(reads.length + 1).padStart(4, '0')} hap=${start + 1}-${end} strand=${strand}\n${out}\n+\n${qual}\n`,
  );
}

let lowest = Infinity;
for (let p = 0; p < hap.length; p++) if ((p < gapStart || p >= gapEnd) && depth[p] < lowest) lowest = depth[p];
writeFileSync(`${outPrefix}.fastq.gz`, gzipSync(Buffer.from(reads.join('')), { level: 9 }));
writeFileSync(
  `${outPrefix}.truth.json`,
  `${JSON.stringify({ reference: refPath.split('/').at(-1), contig, reads: reads.length, seed: seedArg, errorRate: errRate, variants: truth, gap: GAP, lowestDepthOutsideGap: lowest }, null, 2)}\n`,
);
console.error(
  `${reads.length} reads (${bases} bases); ${truth.length} variants; no reads in ${contig}:${GAP.start}-${GAP.end}; lowest depth elsewhere ${lowest}`,
);
