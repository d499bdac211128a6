// The genome build of a scoring file (its harmonised positions' build, else the authors') against the target's,
// as pgsc_calc checks it before matching: positions on different builds cannot be matched.
import type { ScoringHeader } from './scoring-file';

export type Build = 'GRCh37' | 'GRCh38' | 'unknown';

/** GRCh37, hg19, 37 → GRCh37; GRCh38, hg38, 38 → GRCh38; NR (not reported) and anything else → unknown. */
export function normaliseBuild(text: string | undefined): Build {
  const t = (text ?? '').trim().toLowerCase();
  if (/^(grch37|hg19|b37|37|ncbi37)$/.test(t)) return 'GRCh37';
  if (/^(grch38|hg38|38)$/.test(t)) return 'GRCh38';
  return 'unknown';
}

/** The build the scoring file's positions are on: #HmPOS_build for a harmonised file, else #genome_build. */
export function scoringBuild(header: ScoringHeader, harmonised: boolean): Build {
  return normaliseBuild(harmonised ? (header.hmPosBuild ?? header.genomeBuild) : header.genomeBuild);
}

/** Why the builds cannot be matched, or undefined when they agree or either is unknown (then matching tells). */
export function buildMismatch(scoring: Build, target: Build): string | undefined {
  if (scoring === 'unknown' || target === 'unknown' || scoring === target) return undefined;
  return `the scoring file's positions are on ${scoring} but the VCF is on ${target}: positions of different builds do not match`;
}
