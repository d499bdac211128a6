// Matching scoring-file rows to target variants as the PGS Catalog calculator (pgsc_calc 2.x, pgscatalog.match)
// does: join on chromosome and position, then on alleles in its order of preference; label the best match per
// row, duplicates, strand-ambiguous and multi-allelic sites, and decide matched / excluded / unmatched.
import type { ScoreRow } from './scoring-file';

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

export interface MatchOptions {
  keepAmbiguous: boolean;
  keepMultiallelic: boolean;
}

/** A target site as the scorer sees it: chromosome without "chr", REF and every ALT. */
export interface TargetSite {
  /** 0-based order in the target file. */
  index: number;
  chrom: string;
  pos: number;
  ref: string;
  alts: readonly string[];
}

export type MatchStatus = 'matched' | 'excluded' | 'unmatched';

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

const COMPLEMENT: Readonly<Record<string, string>> = { A: 'T', T: 'A', C: 'G', G: 'C' };

/** pgsc_calc complements (without reversing) only alleles that are valid DNA. */
export function complement(allele: string): string {
  return /^[ACGT]+$/.test(allele) ? [...allele].map((b) => COMPLEMENT[b]!).join('') : allele;
}

/** Chromosomes pgsc_calc scores: 1–22, X and Y (a "chr" prefix is dropped first). */
export function scorableChromosome(chrom: string): string | undefined {
  const bare = chrom.replace(/^chr/i, '').toUpperCase();
  return /^([1-9]|1\d|2[0-2]|X|Y)$/.test(bare) ? bare : undefined;
}

interface Candidate {
  site: TargetSite;
  alt: string;
  type: MatchType;
  effect: string;
}

function candidatesFor(row: ScoreRow, site: TargetSite): Candidate[] {
  const out: Candidate[] = [];
  const eaFlip = complement(row.effectAllele);
  const oa = row.otherAllele;
  const oaFlip = oa === undefined ? undefined : complement(oa);
  for (const alt of site.alts) {
    const add = (type: MatchType, effect: string) => out.push({ site, alt, type, effect });
    if (oa !== undefined) {
      if (row.effectAllele === site.ref && oa === alt) add('refalt', row.effectAllele);
      if (row.effectAllele === alt && oa === site.ref) add('altref', row.effectAllele);
      if (eaFlip === site.ref && oaFlip === alt) add('refalt_flip', eaFlip);
      if (eaFlip === alt && oaFlip === site.ref) add('altref_flip', eaFlip);
    } else {
      if (row.effectAllele === site.ref) add('no_oa_ref', row.effectAllele);
      if (row.effectAllele === alt) add('no_oa_alt', row.effectAllele);
      if (eaFlip === site.ref) add('no_oa_ref_flip', eaFlip);
      if (eaFlip === alt) add('no_oa_alt_flip', eaFlip);
    }
  }
  return out;
}

const siteKey = (chrom: string, pos: number) => `${chrom}:${pos}`;
const variantId = (c: Candidate) => `${c.site.chrom}:${c.site.pos}:${c.site.ref}:${c.alt}`;

/**
 * Collects the candidates of every row as the target streams past (`addSite` in file order), then labels them.
 * Only rows are held, not the target: memory follows the scoring file.
 */
export class Matcher {
  readonly #byPosition = new Map<string, ScoreRow[]>();
  readonly #candidates = new Map<number, Candidate[]>();

  constructor(
    readonly rows: readonly ScoreRow[],
    readonly options: MatchOptions,
  ) {
    for (const row of rows) {
      const chrom = scorableChromosome(row.chrom);
      if (!chrom) continue;
      const key = siteKey(chrom, row.pos);
      const list = this.#byPosition.get(key);
      if (list) list.push(row);
      else this.#byPosition.set(key, [row]);
    }
  }

  /** Whether any row sits at this position (the caller can skip reading the genotypes of other sites). */
  wants(chrom: string, pos: number): boolean {
    const bare = scorableChromosome(chrom);
    return bare !== undefined && this.#byPosition.has(siteKey(bare, pos));
  }

  addSite(site: TargetSite): void {
    for (const row of this.#byPosition.get(siteKey(site.chrom, site.pos)) ?? []) {
      const found = candidatesFor(row, site);
      if (found.length === 0) continue;
      const list = this.#candidates.get(row.rowNr);
      if (list) list.push(...found);
      else this.#candidates.set(row.rowNr, found);
    }
  }

  /** The final decision for every row, in file order. */
  finish(): RowMatch[] {
    const best = new Map<number, { candidate: Candidate; duplicateBestMatch: boolean }>();
    for (const [rowNr, candidates] of this.#candidates) {
      const rank = Math.min(...candidates.map((c) => MATCH_TYPES.indexOf(c.type)));
      const top = candidates.filter((c) => MATCH_TYPES.indexOf(c.type) === rank);
      best.set(rowNr, { candidate: top[0]!, duplicateBestMatch: top.length > 1 });
    }
    // Rows whose best matches land on one target variant are all excluded (pgsc_calc's duplicate_ID, keep_first_match off).
    const rowsPerVariant = new Map<string, number>();
    for (const { candidate } of best.values())
      rowsPerVariant.set(variantId(candidate), (rowsPerVariant.get(variantId(candidate)) ?? 0) + 1);
    return this.rows.map((row) => this.#decide(row, best.get(row.rowNr), rowsPerVariant));
  }

  #decide(
    row: ScoreRow,
    found: { candidate: Candidate; duplicateBestMatch: boolean } | undefined,
    rowsPerVariant: ReadonlyMap<string, number>,
  ): RowMatch {
    if (!found) {
      const reason = scorableChromosome(row.chrom)
        ? 'no target variant at this position with these alleles'
        : `chromosome ${row.chrom} is not scored (only 1–22, X and Y)`;
      return {
        row,
        status: 'unmatched',
        ambiguous: false,
        multiallelic: false,
        duplicateBestMatch: false,
        duplicateId: false,
        flipped: false,
        reason,
      };
    }
    const { candidate, duplicateBestMatch } = found;
    const ambiguous = complement(candidate.site.ref) === candidate.alt;
    const multiallelic = candidate.site.alts.length > 1;
    const duplicateId = (rowsPerVariant.get(variantId(candidate)) ?? 0) > 1;
    const flipped = candidate.type.endsWith('_flip');
    const why: string[] = [];
    if (duplicateId) why.push('another scoring row matches the same target variant');
    if (ambiguous && !this.options.keepAmbiguous) why.push('strand-ambiguous (A/T or C/G)');
    if (multiallelic && !this.options.keepMultiallelic) why.push('multi-allelic target site');
    return {
      row,
      status: why.length > 0 ? 'excluded' : 'matched',
      site: candidate.site,
      matchType: candidate.type,
      matchedEffectAllele: candidate.effect,
      ambiguous,
      multiallelic,
      duplicateBestMatch,
      duplicateId,
      flipped,
      reason: why.length > 0 ? `excluded: ${why.join('; ')}` : `matched as ${candidate.type}`,
    };
  }
}
