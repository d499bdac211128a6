// Every analysis Lokus offers, in the order the picker shows them.
import type { AnyAnalysis } from './analysis';
import { alignmentQc } from './alignment-qc';
import { fastqQc } from './fastq-qc';
import { panelCoverage } from './panel-coverage';
import { somaticHotspots } from './somatic-hotspots';
import { sampleIdentity } from './sample-identity';
import { sampleSex } from './sample-sex';
import { variantSummary } from './variant-summary';
import { pathogenConsensus } from './pathogen-consensus';
import { pharmacogenomics } from './pharmacogenomics';
import { polygenicScore } from './polygenic-score';
import { familyTriage } from './family-triage';

export const ANALYSES: readonly AnyAnalysis[] = [
  alignmentQc,
  fastqQc,
  variantSummary,
  panelCoverage,
  somaticHotspots,
  sampleIdentity,
  sampleSex,
  pharmacogenomics,
  polygenicScore,
  familyTriage,
  pathogenConsensus,
];

export function findAnalysis(id: string): AnyAnalysis | undefined {
  return ANALYSES.find((a) => a.id === id);
}
