// The outcome of matching, as columns: each row's status (matched / excluded / unmatched), its best target
// variant and flags, labelled as pgsc_calc labels them (duplicates, strand-ambiguous, multi-allelic), and each
// row back as an object with its reason for the log.
import type { Matcher } from './match';
import type { ScoreRow } from './scoring-file';
import type { ScoreRows } from './score-rows';
import type { TargetSite, TargetSites } from './target';

/** pgsc_calc's match types, best first. */
export const MATCH_TYPES = [
  'refalt',
  'altref',
  'refalt_flip',
  'altref_flip',
  'no_oa_ref',
  'no_oa_alt',
  'no_oa_ref_flip',
  'no_oa_alt_flip',
] as const;
export type MatchType = (typeof MATCH_TYPES)[number];

/** No candidate yet (a rank above every match type). */
export const NO_MATCH = 255;

export interface MatchOptions {
  keepAmbiguous: boolean;
  keepMultiallelic: boolean;
}

export type MatchStatus = 'matched' | 'excluded' | 'unmatched';
export const MATCH_STATUSES: readonly MatchStatus[] = ['unmatched', 'matched', 'excluded'];

export const AMBIGUOUS = 1;
export const MULTIALLELIC = 2;
export const DUPLICATE_BEST = 4;
export const DUPLICATE_ID = 8;
export const FLIPPED = 16;

export interface RowMatch {
  row: ScoreRow;
  status: MatchStatus;
  /** The best candidate, when any target site matched. */
  site?: TargetSite;
  matchType?: MatchType;
  /** The effect allele as it appears in the target (complemented for a flip). */
  matchedEffectAllele?: string;
  ambiguous: boolean;
  multiallelic: boolean;
  duplicateBestMatch: boolean;
  duplicateId: boolean;
  flipped: boolean;
  /** One plain sentence: why the row was matched, excluded or not matched. */
  reason: string;
}

export class Matches {
  readonly rows: ScoreRows;
  readonly sites: TargetSites;
  /** Index into MATCH_STATUSES. */
  readonly status: Uint8Array;
  /** Bits: AMBIGUOUS, MULTIALLELIC, DUPLICATE_BEST, DUPLICATE_ID, FLIPPED. */
  readonly flags: Uint8Array;
  /** Index into MATCH_TYPES, NO_MATCH when none. */
  readonly rank: Uint8Array;
  /** Target site of the best candidate, -1 when none. */
  readonly site: Int32Array;
  readonly alt: Uint8Array;
  readonly matched: number;
  readonly #options: MatchOptions;

  constructor(matcher: Matcher, sites: TargetSites) {
    const { rows, rank, site, alt, ties, options } = matcher;
    this.rows = rows;
    this.sites = sites;
    this.rank = rank;
    this.site = site;
    this.alt = alt;
    this.#options = options;
    // Rows whose best matches land on one target variant are all excluded (pgsc_calc's duplicate_ID, keep_first_match off).
    const perVariant = new Uint8Array(sites.alts.length);
    for (let i = 0; i < rows.length; i++) {
      const s = site[i]!;
      if (s >= 0) {
        const v = sites.altStart[s]! + alt[i]!;
        if (perVariant[v]! < 255) perVariant[v]!++;
      }
    }
    this.status = new Uint8Array(rows.length);
    this.flags = new Uint8Array(rows.length);
    let matched = 0;
    const complementOf = (id: number) => rows.alleles.complementOf(id);
    for (let i = 0; i < rows.length; i++) {
      const s = site[i]!;
      if (s < 0) continue;
      const altId = sites.alts[sites.altStart[s]! + alt[i]!]!;
      const altCount = sites.altStart[s + 1]! - sites.altStart[s]!;
      const flags =
        (complementOf(sites.ref[s]!) === altId ? AMBIGUOUS : 0) |
        (altCount > 1 ? MULTIALLELIC : 0) |
        (ties[i]! > 1 ? DUPLICATE_BEST : 0) |
        (perVariant[sites.altStart[s]! + alt[i]!]! > 1 ? DUPLICATE_ID : 0) |
        (MATCH_TYPES[rank[i]!]!.endsWith('_flip') ? FLIPPED : 0);
      this.flags[i] = flags;
      const excluded =
        flags & DUPLICATE_ID ||
        (flags & AMBIGUOUS && !options.keepAmbiguous) ||
        (flags & MULTIALLELIC && !options.keepMultiallelic);
      this.status[i] = excluded ? 2 : 1;
      if (!excluded) matched++;
    }
    this.matched = matched;
  }

  get length(): number {
    return this.rows.length;
  }

  /** The effect allele's id as the target has it (complemented for a flip); 0 for a row without a match. */
  matchedEffect(i: number): number {
    if (this.rank[i] === NO_MATCH) return 0;
    const effect = this.rows.effect[i]!;
    return this.flags[i]! & FLIPPED ? this.rows.alleles.complementOf(effect) : effect;
  }

  /** Row i with its match, as the log shows it. */
  at(i: number): RowMatch {
    const row = this.rows.at(i);
    const flags = this.flags[i]!;
    const base = {
      row,
      status: MATCH_STATUSES[this.status[i]!]!,
      ambiguous: (flags & AMBIGUOUS) !== 0,
      multiallelic: (flags & MULTIALLELIC) !== 0,
      duplicateBestMatch: (flags & DUPLICATE_BEST) !== 0,
      duplicateId: (flags & DUPLICATE_ID) !== 0,
      flipped: (flags & FLIPPED) !== 0,
    };
    if (this.rank[i] === NO_MATCH) {
      const reason =
        this.rows.chrom[i] !== 0
          ? 'no target variant at this position with these alleles'
          : `chromosome ${row.chrom} is not scored (only 1–22, X and Y)`;
      return { ...base, reason };
    }
    const matchType = MATCH_TYPES[this.rank[i]!]!;
    const why: string[] = [];
    if (base.duplicateId) why.push('another scoring row matches the same target variant');
    if (base.ambiguous && !this.#options.keepAmbiguous) why.push('strand-ambiguous (A/T or C/G)');
    if (base.multiallelic && !this.#options.keepMultiallelic) why.push('multi-allelic target site');
    return {
      ...base,
      site: this.sites.at(this.site[i]!),
      matchType,
      matchedEffectAllele: this.rows.alleles.values[this.matchedEffect(i)]!,
      reason: why.length > 0 ? `excluded: ${why.join('; ')}` : `matched as ${matchType}`,
    };
  }

  /** Every row as an object: for small files and tests; the views walk the columns instead. */
  all(): RowMatch[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  /** The JSON export carries the counts; the per-row log is its own export. */
  toJSON(): { rows: number; matched: number } {
    return { rows: this.length, matched: this.matched };
  }
}
