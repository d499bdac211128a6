// Alleles and chromosomes as small numbers: one table of distinct alleles shared by the scoring file and the target
// (so matching compares ids, not strings), their complements, and the chromosome codes pgsc_calc scores.
import { Interner } from './columns';

const COMPLEMENT: Readonly<Record<string, string>> = { A: 'T', T: 'A', C: 'G', G: 'C' };

/** pgsc_calc complements (without reversing) only alleles that are valid DNA. */
export function complement(allele: string): string {
  return /^[ACGT]+$/.test(allele) ? [...allele].map((b) => COMPLEMENT[b]!).join('') : allele;
}

const LOWER = /[a-z]/;
/** Upper case, without a new string for the usual allele that is upper case already. */
export function upper(allele: string): string;
export function upper(allele: string | undefined): string | undefined;
export function upper(allele: string | undefined): string | undefined {
  return allele !== undefined && LOWER.test(allele) ? allele.toUpperCase() : allele;
}

export class AlleleTable extends Interner {
  readonly #complements: number[] = [0];

  complementOf(id: number): number {
    let found = this.#complements[id];
    if (found === undefined) {
      found = this.id(complement(this.values[id]!));
      this.#complements[id] = found;
    }
    return found;
  }
}

/** Chromosomes pgsc_calc scores: 1–22, X and Y (a "chr" prefix is dropped first). */
export function scorableChromosome(chrom: string): string | undefined {
  const bare = chrom.replace(/^chr/i, '').toUpperCase();
  return /^([1-9]|1\d|2[0-2]|X|Y)$/.test(bare) ? bare : undefined;
}

/** Code of a scorable chromosome: 1–22, X = 23, Y = 24; 0 for any other. */
export function chromosomeCode(chrom: string): number {
  const bare = scorableChromosome(chrom);
  return bare === undefined ? 0 : bare === 'X' ? 23 : bare === 'Y' ? 24 : Number(bare);
}

export const chromosomeOfCode = (code: number): string => (code === 23 ? 'X' : code === 24 ? 'Y' : String(code));

/** chromosomeCode with a cache: a file names few chromosomes, on millions of lines. */
export class ChromosomeCodes {
  readonly #codes = new Map<string, number>();

  code(chrom: string): number {
    let code = this.#codes.get(chrom);
    if (code === undefined) {
      code = chromosomeCode(chrom);
      this.#codes.set(chrom, code);
    }
    return code;
  }
}
