// Diplotype -> phenotype by the CPIC tables in data/phenotypes.json: allele functions paired by rule, or
// the sum of activity values mapped through score ranges (CYP2C9, CYP2D6, DPYD).
import { PHENOTYPES } from './definitions';

export interface PhenotypeCall {
  phenotype: string;
  /** Sum of the two alleles' activity values, for activity-score genes. */
  activityScore?: number;
  functions: [string, string];
}

export function phenotypeOf(gene: string, alleles: readonly [string, string]): PhenotypeCall {
  const def = PHENOTYPES[gene];
  const a = def?.alleles[alleles[0]];
  const b = def?.alleles[alleles[1]];
  if (!def || !a || !b)
    return {
      phenotype: 'Indeterminate',
      functions: [a?.function ?? 'Unknown function', b?.function ?? 'Unknown function'],
    };
  const functions: [string, string] = [a.function, b.function];
  if (def.method === 'activity') {
    if (a.activity === undefined || b.activity === undefined) return { phenotype: 'Indeterminate', functions };
    const score = a.activity + b.activity;
    const range = def.ranges?.find((r) => score >= r.min - 1e-9 && score <= r.max + 1e-9);
    return { phenotype: range?.phenotype ?? 'Indeterminate', activityScore: score, functions };
  }
  const rule = def.rules?.find(
    (r) =>
      (r.functions[0] === a.function && r.functions[1] === b.function) ||
      (r.functions[0] === b.function && r.functions[1] === a.function),
  );
  return { phenotype: rule?.phenotype ?? 'Indeterminate', functions };
}
