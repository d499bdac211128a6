#!/usr/bin/env node
// Seeded generator of Oxford-Nanopore-like reads: long substrings of a real reference (either strand) with
// ~7% edits (substitutions, insertions, deletions; deletions/insertions biased to homopolymer runs) and
// ONT-looking base qualities. Deterministic for a given --seed.
// Usage: node scripts/gen-ont-reads.mjs REF.fa[.gz] [--n 40] [--min 1000] [--max 4000] [--error 0.07] [--seed 42] > reads.fastq
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

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
let seed = opt('seed', 42) >>> 0;

// mulberry32: tiny, well-known seeded PRNG
function rand() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const randInt = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

let raw = readFileSync(refPath);
if (raw[0] === 0x1f && raw[1] === 0x8b) raw = gunzipSync(raw);
const seqs = [];
for (const line of raw.toString('latin1').split('\n')) {
  if (line.startsWith('>')) seqs.push({ name: line.slice(1).split(/\s/)[0], s: [] });
  else if (seqs.length) seqs[seqs.length - 1].s.push(line.trim().toUpperCase());
}
for (const r of seqs) r.s = r.s.join('');

const BASES = 'ACGT';
const COMP = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N' };
const revcomp = (s) => [...s].reverse().map((c) => COMP[c] ?? 'N').join('');
const qchar = (q) => String.fromCharCode(33 + Math.max(2, Math.min(40, q)));

for (let i = 0; i < n; i++) {
  const ref = seqs[randInt(0, seqs.length - 1)];
  const len = Math.min(randInt(minLen, maxLen), ref.s.length);
  const start = randInt(0, ref.s.length - len);
  const strand = rand() < 0.5 ? '+' : '-';
  let frag = ref.s.slice(start, start + len);
  if (strand === '-') frag = revcomp(frag);
  let out = '';
  let qual = '';
  for (let j = 0; j < frag.length; j++) {
    const b = frag[j];
    const homopolymer = j > 0 && frag[j - 1] === b;
    const e = rand();
    const p = homopolymer ? errRate * 1.5 : errRate;
    if (e < p * 0.4) {
      // substitution
      let alt = BASES[randInt(0, 3)];
      if (alt === b) alt = BASES[(BASES.indexOf(alt) + 1) % 4];
      out += alt;
      qual += qchar(randInt(3, 10));
    } else if (e < p * 0.7) {
      // deletion: skip the base
    } else if (e < p) {
      // insertion before the base (repeat the base in homopolymers, random otherwise)
      out += homopolymer ? b : BASES[randInt(0, 3)];
      out += b;
      qual += qchar(randInt(3, 9)) + qchar(randInt(8, 20));
    } else {
      out += b;
      qual += qchar(randInt(10, 30));
    }
  }
  const name = `ont_sim_${String(i + 1).padStart(3, '0')} ref=${ref.name}:${start + 1}-${start + len} strand=${strand}`;
  process.stdout.write(`@${name}\n${out}\n+\n${qual}\n`);
}
