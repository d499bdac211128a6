// The known truth of the generated pathogen reads (scripts/gen-pathogen-reads.mjs): spiked variants and the
// region without reads, and the consensus expected from them: the reference with the variants applied and N
// over the gap. Shared by the unit, wasm and end-to-end tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PATHOGEN_FIXTURES = join(import.meta.dirname, '../../../fixtures/pathogen');

export interface Truth {
  contig: string;
  pairs: number;
  variants: { chrom: string; pos: number; ref: string; alt: string }[];
  gap: { start: number; end: number };
}

export function readTruth(sample: 'lambda-a' | 'lambda-b'): Truth {
  return JSON.parse(readFileSync(join(PATHOGEN_FIXTURES, `${sample}.truth.json`), 'utf8')) as Truth;
}

export function referenceSequence(): string {
  return readFileSync(join(PATHOGEN_FIXTURES, 'lambda.fa'), 'utf8').split('\n').slice(1).join('').trim();
}

/** The reference with N over the gap and the variants applied (from the last, so positions stay valid). */
export function expectedConsensus(truth: Truth, reference = referenceSequence()): string {
  const bases = [...reference];
  for (let i = truth.gap.start - 1; i < truth.gap.end; i++) bases[i] = 'N';
  for (const v of [...truth.variants].sort((a, b) => b.pos - a.pos)) bases.splice(v.pos - 1, v.ref.length, ...v.alt);
  return bases.join('');
}

/** "NC_001416.1:4821 G>T" lines, the way the tests compare calls with the truth. */
export const variantKeys = (variants: readonly { pos: number; ref: string; alt: string }[]): string[] =>
  variants.map((v) => `${v.pos} ${v.ref}>${v.alt}`);
