// Every analysis Lokus offers, in the order the picker shows them.
import type { AnyAnalysis } from './analysis';
import { alignmentQc } from './alignment-qc';
import { fastqQc } from './fastq-qc';
import { variantSummary } from './variant-summary';

export const ANALYSES: readonly AnyAnalysis[] = [alignmentQc, fastqQc, variantSummary];

export function findAnalysis(id: string): AnyAnalysis | undefined {
  return ANALYSES.find((a) => a.id === id);
}
