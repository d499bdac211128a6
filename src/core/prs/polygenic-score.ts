// A polygenic score from a scoring file and target genotypes: read the file, match it as pgsc_calc does, refuse
// below the minimum overlap, and score every sample as plink2 does. Also the summary and log tables.
import { forEachLine } from './lines';
import { Matcher } from './match';
import {
  AMBIGUOUS,
  DUPLICATE_ID,
  FLIPPED,
  MATCH_STATUSES,
  MULTIALLELIC,
  type MatchOptions,
  type Matches,
} from './matches';
import { scoreSamples, type Contributions, type SampleScore } from './score';
import { ScoringFileReader, type ScoringFile } from './scoring-file';
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
  scoring: Omit<ScoringFile, 'rows' | 'alleles'>;
  samples: string[];
  targetSites: number;
  matches: Matches;
  matched: number;
  /** Matched rows / all variant rows of the scoring file. */
  matchRate: number;
  options: PolygenicScoreOptions;
  /** Why no score is reported, when the overlap is below the minimum (completes "not reported, because …"). */
  refusal?: string;
  scores: SampleScore[];
  /** The first sample's per-variant contributions (none when no score is reported). */
  contributions?: Contributions;
}

/** Lines of a text, one call each: a whole string in tests, a streamed file in the app. */
export type LineSource = (consume: (line: string) => void) => void | Promise<void>;

/** The score from line sources: the scoring file is read first (the matcher needs it), then the target streams past. */
export async function scoreFromLines(
  scoringLines: LineSource,
  targetLines: LineSource,
  options: PolygenicScoreOptions,
): Promise<PolygenicScoreResult> {
  const reader = new ScoringFileReader();
  await scoringLines((line) => reader.push(line));
  const file = reader.finish();
  const target = new TargetReader(new Matcher(file.rows, options));
  await targetLines((line) => target.push(line));
  return finishScore(file, target, options);
}

/** The same from two whole texts (tests, small files). */
export function computePolygenicScore(
  scoringText: string,
  targetText: string,
  options: PolygenicScoreOptions,
): PolygenicScoreResult {
  const reader = new ScoringFileReader();
  forEachLine(scoringText, (line) => reader.push(line));
  const file = reader.finish();
  const target = new TargetReader(new Matcher(file.rows, options));
  forEachLine(targetText, (line) => target.push(line));
  return finishScore(file, target, options);
}

function finishScore(file: ScoringFile, target: TargetReader, options: PolygenicScoreOptions): PolygenicScoreResult {
  const { rows: _rows, alleles: _alleles, ...scoring } = file;
  const matches = target.matcher.finish(target.done());
  const matched = matches.matched;
  const matchRate = scoring.rowCount > 0 ? matched / scoring.rowCount : 0;
  const base = { scoring, samples: target.samples, targetSites: target.sites, matches, matched, matchRate, options };
  if (matchRate < options.minOverlap) {
    const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
    return {
      ...base,
      refusal: `only ${matched} of ${scoring.rowCount} variants of the score (${percent(matchRate)}) matched the target, below the minimum of ${percent(options.minOverlap)}: a score from so few variants would mislead`,
      scores: [],
    };
  }
  return { ...base, ...scoreSamples(target.samples, matches) };
}

const yesNo = (flags: number, bit: number) => (flags & bit ? 'yes' : 'no');

/** Counts of rows by match status and flags, like pgsc_calc's summary; unscorable rows are listed by reason. */
export function matchSummary(result: PolygenicScoreResult): MatchSummaryRow[] {
  const total = result.scoring.rowCount;
  const { matches } = result;
  const counts = new Map<number, number>();
  const SHOWN = AMBIGUOUS | MULTIALLELIC | DUPLICATE_ID | FLIPPED;
  for (let i = 0; i < matches.length; i++) {
    const key = matches.status[i]! * 32 + (matches.flags[i]! & SHOWN);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const groups: MatchSummaryRow[] = [...counts].map(([key, count]) => ({
    status: MATCH_STATUSES[key >> 5]!,
    ambiguous: yesNo(key, AMBIGUOUS),
    multiallelic: yesNo(key, MULTIALLELIC),
    duplicate: yesNo(key, DUPLICATE_ID),
    flipped: yesNo(key, FLIPPED),
    count,
    percent: 0,
  }));
  for (const [reason, count] of Object.entries(result.scoring.unscorable))
    groups.push({
      status: `not scorable: ${reason}`,
      ambiguous: '',
      multiallelic: '',
      duplicate: '',
      flipped: '',
      count: count ?? 0,
      percent: 0,
    });
  return groups.map((g) => ({ ...g, percent: total > 0 ? (100 * g.count) / total : 0 }));
}

const variantName = (site: { chrom: string; pos: number; ref: string; alts: readonly string[] }) =>
  `${site.chrom}:${site.pos}:${site.ref}:${site.alts.join(',')}`;

/** One row per scoring-file row: what it matched and why it was used or dropped (exportable, like pgsc_calc's log). */
export function matchLog(result: PolygenicScoreResult): Record<string, string | number>[] {
  return Array.from({ length: result.matches.length }, (_, i) => {
    const m = result.matches.at(i);
    return {
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
      target_variant: m.site ? variantName(m.site) : '',
      matched_effect_allele: m.matchedEffectAllele ?? '',
      reason: m.reason,
    };
  });
}

/** The matched variants as a plink2 --score file (ID, effect allele, weight), for checking the score elsewhere. */
export function matchedVariants(result: PolygenicScoreResult): Record<string, string | number>[] {
  const { matches } = result;
  const out: Record<string, string | number>[] = [];
  for (let i = 0; i < matches.length; i++) {
    if (matches.status[i] !== 1) continue;
    const row = matches.rows.at(i);
    out.push({
      ID: variantName(matches.sites.at(matches.site[i]!)),
      effect_allele: matches.rows.alleles.values[matches.matchedEffect(i)]!,
      effect_weight: row.weight,
      effect_type: row.effectType,
    });
  }
  return out;
}
