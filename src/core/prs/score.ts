// Polygenic score per sample from matched rows and genotypes, as plink2 --score reports it with
// no-mean-imputation: SUM of dosage x weight, ALLELE_CT (alleles at non-missing genotypes) and AVG = SUM / ALLELE_CT.
import type { RowMatch, TargetSite } from './match';
import type { EffectType } from './scoring-file';

export interface SampleScore {
  sample: string;
  sum: number;
  alleleCount: number;
  /** SUM / ALLELE_CT (NaN when no allele was counted). */
  average: number;
  /** Matched variants whose genotype was missing in this sample (they add nothing, as pgsc_calc below 50 samples). */
  missing: number;
}

export interface Contribution {
  row: RowMatch;
  dosage: number;
  contribution: number;
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

/**
 * Copies of `effect` in a genotype at `site`, shaped by the row's effect type as plink2's dominant/recessive do.
 * A haploid call (male chrX, chrY) counts as two copies of its allele, as plink2 --score counts it.
 */
export function effectDosage(alleles: readonly number[], site: TargetSite, effect: string, type: EffectType): number {
  let copies = 0;
  for (const a of alleles) if ((a === 0 ? site.ref : site.alts[a - 1]) === effect) copies++;
  if (alleles.length === 1) copies *= 2;
  if (type === 'dominant') return Math.min(copies, 1);
  if (type === 'recessive') return Math.max(copies - 1, 0);
  return copies;
}

/** Alleles a genotype adds to ALLELE_CT: two per called genotype, haploid calls included (plink2). */
export const ALLELES_PER_GENOTYPE = 2;

/**
 * Scores every sample. `genotypes(site)` gives the GT of each sample at a matched site, in sample order.
 * Rows that are not matched add nothing.
 */
export function scoreSamples(
  samples: readonly string[],
  matches: readonly RowMatch[],
  genotypes: (site: TargetSite) => readonly string[] | undefined,
): { scores: SampleScore[]; contributions: Contribution[][] } {
  const scores = samples.map((sample) => ({ sample, sum: 0, alleleCount: 0, average: NaN, missing: 0 }));
  const contributions: Contribution[][] = samples.map(() => []);
  for (const row of matches) {
    if (row.status !== 'matched' || !row.site || row.matchedEffectAllele === undefined) continue;
    const gts = genotypes(row.site) ?? [];
    samples.forEach((_, i) => {
      const score = scores[i]!;
      const alleles = parseGenotype(gts[i] ?? '.');
      if (!alleles) {
        score.missing++;
        return;
      }
      const dosage = effectDosage(alleles, row.site!, row.matchedEffectAllele!, row.row.effectType);
      const contribution = dosage * row.row.weight;
      score.sum += contribution;
      score.alleleCount += ALLELES_PER_GENOTYPE;
      contributions[i]!.push({ row, dosage, contribution });
    });
  }
  for (const s of scores) s.average = s.alleleCount > 0 ? s.sum / s.alleleCount : NaN;
  return { scores, contributions };
}
