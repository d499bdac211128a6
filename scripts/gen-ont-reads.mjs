#!/usr/bin/env node
// Seeded generator of Oxford-Nanopore-like reads: long substrings of a real reference (either strand) with
// ~7% edits (substitutions, insertions, deletions; deletions/insertions biased to homopolymer runs) and
// ONT-looking base qualities. Deterministic for a given --seed.
// Usage: node scripts/gen-ont-reads.mjs REF.fa[.gz] [--n 40] [--min 1000] [--max 4000] [--error 0.07] [--seed 42] > reads.fastq
import { nanoporeRead, readFasta, revcomp, seededRandom } from './lib/simulate-reads.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const refPath = args[0];
if (!refPath) {
  console.error('usage: gen-ont-reads.mjs REF.fa[.gz] [--n N] [--min L] [--max L] [--error E] [--seed S]');
  process.exit(1);
}
const n = opt('n', 40);
const minLen = opt('min', 1000);
const maxLen = opt('max', 4000);
const errRate = opt('error', 0.07);
const random = seededRandom(opt('seed', 42));
const { rand, randInt } = random;
const seqs = readFasta(refPath);

for (let i = 0; i < n; i++) {
  const ref = seqs[randInt(0, seqs.length - 1)];
  const len = Math.min(randInt(minLen, maxLen), ref.seq.length);
  const start = randInt(0, ref.seq.length - len);
  const strand = rand() < 0.5 ? '+' : '-';
  let frag = ref.seq.slice(start, start + len);
  if (strand === '-') frag = revcomp(frag);
  const { out, qual } = nanoporeRead(frag, errRate, random);
  const name = `ont_sim_${String(i + 1).padStart(3, '0')} ref=${ref.name}:${start + 1}-${start + len} strand=${strand}`;
  process.stdout.write(`@${name}\n${out}\n+\n${qual}\n`);
}
