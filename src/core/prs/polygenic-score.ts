// A polygenic score from a scoring file and target genotypes: read the file, match it as pgsc_calc does, refuse
// below the minimum overlap, and score every sample as plink2 does. Also the summary and log tables.
import { Matcher, type MatchOptions, type RowMatch } from './match';
import { forEachLine } from './lines';
import { scoreSamples, type Contribution, type SampleScore } from './score';
import { readScoringFile, type ScoringFile } from './scoring-file';
import { TargetReader } from './target';

export interface PolygenicScoreOptions extends MatchOptions {
  /** Fraction of the scoring file's variants that must match (pgsc_calc's min_overlap, 0.75). */
  minOverlap: number;
}

export interface MatchSummaryRow {
  status: string;
  ambiguous: string;
  multiallelic: string;
  duplicate: string;
  flipped: string;
  count: number;
  percent: number;
  [key: string]: string | number;
}

export interface PolygenicScoreResult {
  scoring: Omit<ScoringFile, 'rows'>;
  samples: string[];
  targetSites: number;
  matches: RowMatch[];
  matched: number;
  /** Matched rows / all variant rows of the scoring file. */
  matchRate: number;
  options: PolygenicScoreOptions;
  /** Why no score is reported, when the overlap is below the minimum (completes "not reported, because …"). */
  refusal?: string;
  scores: SampleScore[];
  /** Per sample, the matched variants' contributions. */
  contributions: Contribution[][];
}

export function computePolygenicScore(
  scoringText: string,
  targetText: string,
  options: PolygenicScoreOptions,
): PolygenicScoreResult {
  const { rows, ...scoring } = readScoringFile(scoringText);
  const matcher = new Matcher(rows, options);
  const target = new TargetReader(matcher);
  forEachLine(targetText, (line) => target.push(line));
  const matches = matcher.finish();
  const matched = matches.filter((m) => m.status === 'matched').length;
  const matchRate = scoring.rowCount > 0 ? matched / scoring.rowCount : 0;
  const base = { scoring, samples: target.samples, targetSites: target.sites, matches, matched, matchRate, options };
  if (matchRate < options.minOverlap) {
    const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
    return {
      ...base,
      refusal: `only ${matched} of ${scoring.rowCount} variants of the score (${percent(matchRate)}) matched the target, below the minimum of ${percent(options.minOverlap)}: a score from so few variants would mislead`,
      scores: [],
      contributions: [],
    };
  }
  return { ...base, ...scoreSamples(target.samples, matches, (site) => target.genotypes(site)) };
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** Counts of rows by match status and flags, like pgsc_calc's summary; unscorable rows are listed by reason. */
export function matchSummary(result: PolygenicScoreResult): MatchSummaryRow[] {
  const total = result.scoring.rowCount;
  const groups = new Map<string, MatchSummaryRow>();
  for (const m of result.matches) {
    const row = {
      status: m.status,
      ambiguous: yesNo(m.ambiguous),
      multiallelic: yesNo(m.multiallelic),
      duplicate: yesNo(m.duplicateId),
      flipped: yesNo(m.flipped),
    };
    const key = Object.values(row).join('\t');
    const found = groups.get(key) ?? { ...row, count: 0, percent: 0 };
    found.count++;
    groups.set(key, found);
  }
  for (const [reason, count] of Object.entries(result.scoring.unscorable))
    groups.set(reason, {
      status: `not scorable: ${reason}`,
      ambiguous: '',
      multiallelic: '',
      duplicate: '',
      flipped: '',
      count: count ?? 0,
      percent: 0,
    });
  return [...groups.values()].map((g) => ({ ...g, percent: total > 0 ? (100 * g.count) / total : 0 }));
}

/** One row per scoring-file row: what it matched and why it was used or dropped (exportable, like pgsc_calc's log). */
export function matchLog(result: PolygenicScoreResult): Record<string, string | number>[] {
  return result.matches.map((m) => ({
    row: m.row.rowNr + 1,
    rsID: m.row.rsId,
    chr: m.row.chrom,
    pos: m.row.pos,
    effect_allele: m.row.effectAllele,
    other_allele: m.row.otherAllele ?? '',
    weight: m.row.weight,
    effect_type: m.row.effectType,
    status: m.status,
    match_type: m.matchType ?? '',
    target_variant: m.site ? `${m.site.chrom}:${m.site.pos}:${m.site.ref}:${m.site.alts.join(',')}` : '',
    matched_effect_allele: m.matchedEffectAllele ?? '',
    reason: m.reason,
  }));
}

/** The matched variants as a plink2 --score file (ID, effect allele, weight), for checking the score elsewhere. */
export function matchedVariants(result: PolygenicScoreResult): Record<string, string | number>[] {
  return result.matches
    .filter((m) => m.status === 'matched')
    .map((m) => ({
      ID: `${m.site!.chrom}:${m.site!.pos}:${m.site!.ref}:${m.site!.alts.join(',')}`,
      effect_allele: m.matchedEffectAllele!,
      effect_weight: m.row.weight,
      effect_type: m.row.effectType,
    }));
}
