// Polygenic score per sample from matched rows and genotypes, as plink2 --score reports it with
// no-mean-imputation: SUM of dosage x weight, ALLELE_CT (alleles at non-missing genotypes) and AVG = SUM / ALLELE_CT.
import { float64s, uint32s, uint8s } from './columns';
import type { Matches } from './matches';

export interface SampleScore {
  sample: string;
  sum: number;
  alleleCount: number;
  /** SUM / ALLELE_CT (NaN when no allele was counted). */
  average: number;
  /** Matched variants whose genotype was missing in this sample (they add nothing, as pgsc_calc below 50 samples). */
  missing: number;
}

/** The first sample's scored rows: row index (into Matches), dosage and dosage × weight. */
export interface Contributions {
  readonly row: Uint32Array;
  readonly dosage: Uint8Array;
  readonly value: Float64Array;
  /** The JSON export says how many; the values are in the tables. */
  toJSON(): { scored: number };
}

/** The GT of one sample ("0/1", "1|1", "1", "./.") as allele indices; undefined when any allele is missing. */
export function parseGenotype(gt: string): number[] | undefined {
  if (gt === '' || gt === '.') return undefined;
  const alleles = gt.split(/[/|]/);
  const out: number[] = [];
  for (const a of alleles) {
    if (!/^\d+$/.test(a)) return undefined;
    out.push(Number(a));
  }
  return out;
}

/** Alleles a genotype adds to ALLELE_CT: two per called genotype, haploid calls included (plink2). */
export const ALLELES_PER_GENOTYPE = 2;

/**
 * Copies of the effect allele, shaped by the effect type (0 additive, 1 dominant, 2 recessive) as plink2's
 * dominant/recessive do. A haploid call (male chrX, chrY) counts as two copies of its allele, as plink2 counts it.
 */
export function shapeDosage(copies: number, ploidy: number, effectType: number): number {
  const dosage = ploidy === 1 ? copies * 2 : copies;
  if (effectType === 1) return Math.min(dosage, 1);
  if (effectType === 2) return Math.max(dosage - 1, 0);
  return dosage;
}

/** Scores every sample over the matched rows; rows that are not matched add nothing. */
export function scoreSamples(
  samples: readonly string[],
  matches: Matches,
): { scores: SampleScore[]; contributions: Contributions } {
  const { sites, rows } = matches;
  const scores = samples.map((sample) => ({ sample, sum: 0, alleleCount: 0, average: NaN, missing: 0 }));
  const parsed = sites.genotypeNames.map((gt) => parseGenotype(gt));
  const first = { row: uint32s(), dosage: uint8s(), value: float64s() };
  const n = samples.length;
  for (let i = 0; i < matches.length; i++) {
    if (matches.status[i] !== 1) continue;
    const site = matches.site[i]!;
    const effect = matches.matchedEffect(i);
    const altStart = sites.altStart[site]!;
    const altCount = sites.altStart[site + 1]! - altStart;
    const weight = rows.weight[i]!;
    for (let s = 0; s < n; s++) {
      const score = scores[s]!;
      const alleles = parsed[sites.genotypes[site * n + s]!];
      if (!alleles) {
        score.missing++;
        continue;
      }
      let copies = 0;
      for (const a of alleles) {
        const id = a === 0 ? sites.ref[site] : a <= altCount ? sites.alts[altStart + a - 1] : -1;
        if (id === effect) copies++;
      }
      const dosage = shapeDosage(copies, alleles.length, rows.effectType[i]!);
      const contribution = dosage * weight;
      score.sum += contribution;
      score.alleleCount += ALLELES_PER_GENOTYPE;
      if (s === 0) {
        first.row.push(i);
        first.dosage.push(dosage);
        first.value.push(contribution);
      }
    }
  }
  for (const s of scores) s.average = s.alleleCount > 0 ? s.sum / s.alleleCount : NaN;
  const row = first.row.done();
  const contributions = {
    row,
    dosage: first.dosage.done(),
    value: first.value.done(),
    toJSON: () => ({ scored: row.length }),
  };
  return { scores, contributions };
}
