#!/usr/bin/env node
// Seeded generator of paired 150 bp Illumina-like reads from a real reference with KNOWN spiked variants and a
// known region without reads, for the pathogen workflow's tests, example and benchmark. Writes
// <out>_R1.fastq.gz, <out>_R2.fastq.gz and <out>.truth.json (the variants as normalised VCF records, the gap).
// Usage: node scripts/gen-pathogen-reads.mjs REF.fa OUT_PREFIX [--pairs 6000] [--profile a|b] [--seed 7] [--plain]
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { BASES, readSingleSequence, revcomp, seededRandom, spikeHaplotype } from './lib/simulate-reads.mjs';

// Variants per profile (1-based reference positions, VCF-style REF/ALT as bcftools norm writes them) and the
// reference interval left without reads. Positions sit in non-repetitive context so left-alignment keeps them.
const PROFILES = {
  a: {
    variants: [
      { pos: 4_821, alt: 'T' },
      { pos: 11_307, alt: 'A' },
      { pos: 19_960, alt: 'A' },
      { pos: 27_112, deleteBases: 3 },
      { pos: 38_204, alt: 'C' },
      { pos: 44_615, alt: 'C' },
    ],
    gap: { start: 33_001, end: 33_600 },
  },
  b: {
    variants: [
      { pos: 8_450, alt: 'C' },
      { pos: 23_777, alt: 'A' },
      { pos: 41_090, alt: 'A' },
    ],
    gap: { start: 15_201, end: 15_500 },
  },
};

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const [refPath, outPrefix] = args;
if (!refPath || !outPrefix) {
  console.error('usage: gen-pathogen-reads.mjs REF.fa OUT_PREFIX [--pairs N] [--profile a|b] [--seed S] [--plain]');
  process.exit(1);
}
const pairs = Number(opt('pairs', 6000));
const profile = PROFILES[opt('profile', 'a')];
if (!profile) throw new Error(`unknown profile; use one of ${Object.keys(PROFILES).join(', ')}`);
const plain = args.includes('--plain');
const READ_LEN = 150;
const ERROR_RATE = 0.001;
const { rand } = seededRandom(Number(opt('seed', 7)));
const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

const { contig, ref } = readSingleSequence(refPath);
const { hap, truth, gapStart, gapEnd } = spikeHaplotype(contig, ref, profile.variants, profile.gap);

function sequence(s) {
  let out = '';
  for (const b of s) out += rand() < ERROR_RATE ? BASES[(BASES.indexOf(b) + 1 + Math.floor(rand() * 3)) % 4] : b;
  return out;
}
function qualities(n) {
  let q = '';
  for (let i = 0; i < n; i++) q += String.fromCharCode(33 + 30 + Math.floor(rand() * 8) - (i > 120 ? 4 : 0));
  return q;
}

// Fragments are clipped at the genome ends and at the gap, so depth falls sharply to zero at the gap's edges
// (as at an amplicon drop-out) rather than thinning out over a read length.
const depth = new Uint32Array(hap.length);
const r1 = [];
const r2 = [];
for (let n = 0; n < pairs;) {
  let start = Math.floor(rand() * (hap.length + 200)) - 200;
  let end = start + Math.round(320 + 40 * gauss());
  start = Math.max(0, start);
  end = Math.min(hap.length, end);
  if (start >= gapStart && start < gapEnd) start = gapEnd;
  if (start < gapStart && end > gapStart) end = gapStart;
  if (end - start < 60) continue;
  n += 1;
  const fragment = hap.slice(start, end);
  const len = Math.min(READ_LEN, fragment.length);
  const one = fragment.slice(0, len);
  const two = revcomp(fragment.slice(fragment.length - len));
  const name = `frag${n}`;
  r1.push(`@${name}/1\n${sequence(one)}\n+\n${qualities(len)}\n`);
  r2.push(`@${name}/2\n${sequence(two)}\n+\n${qualities(len)}\n`);
  for (let p = start; p < start + len; p++) depth[p] += 1;
  for (let p = end - len; p < end; p++) if (p >= start + len) depth[p] += 1;
}

let lowest = Infinity;
for (let p = 0; p < hap.length; p++) if ((p < gapStart || p >= gapEnd) && depth[p] < lowest) lowest = depth[p];
const suffix = plain ? '' : '.gz';
const write = (path, text) => writeFileSync(path, plain ? text : gzipSync(Buffer.from(text), { level: 6 }));
write(`${outPrefix}_R1.fastq${suffix}`, r1.join(''));
write(`${outPrefix}_R2.fastq${suffix}`, r2.join(''));
writeFileSync(
  `${outPrefix}.truth.json`,
  `${JSON.stringify({ reference: refPath.split('/').at(-1), contig, pairs, seed: Number(opt('seed', 7)), variants: truth, gap: profile.gap, lowestDepthOutsideGap: lowest }, null, 2)}\n`,
);
console.error(
  `${pairs} pairs; ${truth.length} variants; no reads in ${contig}:${profile.gap.start}-${profile.gap.end}; lowest depth elsewhere ${lowest}`,
);
