// Pieces shared by the seeded read generators (gen-ont-reads, gen-pathogen-reads, gen-pathogen-ont-reads): the
// PRNG, a single-sequence reference, the sample haplotype with spiked variants and a read-free gap, reverse
// complements, and the Nanopore-like error model. Deterministic: the same seed gives the same bytes.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** mulberry32, a tiny well-known seeded PRNG: rand() in [0, 1), randInt(lo, hi) inclusive. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const rand = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const randInt = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  return { rand, randInt };
}

/** Every sequence of a FASTA (plain or gzip), upper case: [{ name, seq }]. */
export function readFasta(path) {
  let raw = readFileSync(path);
  if (raw[0] === 0x1f && raw[1] === 0x8b) raw = gunzipSync(raw);
  const seqs = [];
  for (const line of raw.toString('latin1').split('\n')) {
    if (line.startsWith('>')) seqs.push({ name: line.slice(1).split(/\s/)[0], parts: [] });
    else if (seqs.length) seqs[seqs.length - 1].parts.push(line.trim().toUpperCase());
  }
  return seqs.map(({ name, parts }) => ({ name, seq: parts.join('') }));
}

/** The one sequence of a single-sequence reference. */
export function readSingleSequence(path) {
  const seqs = readFasta(path);
  if (seqs.length !== 1) throw new Error(`${path}: expected a single-sequence reference, found ${seqs.length}`);
  return { contig: seqs[0].name, ref: seqs[0].seq };
}

/**
 * The sample's haplotype: the reference with `variants` applied ({ pos, alt } SNVs or { pos, deleteBases }),
 * the truth records in VCF terms, and the read-free `gap` (1-based, inclusive) in haplotype coordinates
 * (0-based, half-open), moved left by the bases deleted before it.
 */
export function spikeHaplotype(contig, ref, variants, gap) {
  const truth = [];
  let hap = '';
  let cursor = 0; // 0-based reference position copied up to
  let shift = 0;
  for (const v of [...variants].sort((x, y) => x.pos - y.pos)) {
    const i = v.pos - 1;
    hap += ref.slice(cursor, i);
    if (v.deleteBases) {
      const refAllele = ref.slice(i, i + 1 + v.deleteBases);
      truth.push({ chrom: contig, pos: v.pos, ref: refAllele, alt: refAllele[0] });
      hap += refAllele[0];
      cursor = i + 1 + v.deleteBases;
      if (v.pos < gap.start) shift -= v.deleteBases;
    } else {
      if (v.alt === ref[i]) throw new Error(`variant at ${v.pos}: ALT equals REF`);
      truth.push({ chrom: contig, pos: v.pos, ref: ref[i], alt: v.alt });
      hap += v.alt;
      cursor = i + 1;
    }
  }
  hap += ref.slice(cursor);
  return { hap, truth, gapStart: gap.start - 1 + shift, gapEnd: gap.end + shift };
}

const COMPLEMENT = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N' };
export const revcomp = (s) =>
  [...s]
    .reverse()
    .map((b) => COMPLEMENT[b] ?? 'N')
    .join('');

export const BASES = 'ACGT';
const qchar = (q) => String.fromCharCode(33 + Math.max(2, Math.min(40, q)));

/**
 * Nanopore-like sequencing of a fragment: per base an error with probability errRate (1.5x in homopolymer
 * runs), 40% substitutions, 30% deletions, 30% insertions (repeating the base in homopolymers); qualities low
 * at errors. Returns the read and its quality string.
 */
export function nanoporeRead(frag, errRate, { rand, randInt }) {
  let out = '';
  let qual = '';
  for (let j = 0; j < frag.length; j++) {
    const b = frag[j];
    const homopolymer = j > 0 && frag[j - 1] === b;
    const e = rand();
    const p = homopolymer ? errRate * 1.5 : errRate;
    if (e < p * 0.4) {
      let alt = BASES[randInt(0, 3)];
      if (alt === b) alt = BASES[(BASES.indexOf(alt) + 1) % 4];
      out += alt;
      qual += qchar(randInt(3, 10));
    } else if (e < p * 0.7) {
      // deletion: skip the base
    } else if (e < p) {
      out += (homopolymer ? b : BASES[randInt(0, 3)]) + b;
      qual += qchar(randInt(3, 9)) + qchar(randInt(8, 20));
    } else {
      out += b;
      qual += qchar(randInt(10, 30));
    }
  }
  return { out, qual };
}
