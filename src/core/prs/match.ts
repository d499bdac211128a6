// Matching scoring-file rows to target variants as the PGS Catalog calculator (pgsc_calc 2.x, pgscatalog.match)
// does: join on chromosome and position, then on alleles in its order of preference, keeping each row's best
// candidate as the target streams past; `finish` labels duplicates, ambiguous and multi-allelic sites (matches.ts).
import { Matches, NO_MATCH, type MatchOptions } from './matches';
import type { ScoreRows } from './score-rows';
import type { TargetSites } from './target';

export { complement, scorableChromosome } from './alleles';
export { MATCH_TYPES, NO_MATCH, type MatchOptions, type MatchStatus, type MatchType, type RowMatch } from './matches';

/**
 * Collects the best candidate of every row as the target streams past (`addSite` in file order). Memory follows
 * the scoring file (a few typed arrays), never the target.
 */
export class Matcher {
  /** Scorable rows' indices sorted by chromosome code and position. */
  readonly #order: Uint32Array;
  readonly rank: Uint8Array;
  readonly site: Int32Array;
  readonly alt: Uint8Array;
  /** Candidates of the best rank (more than one: pgsc_calc's duplicate best match). */
  readonly ties: Uint8Array;

  constructor(
    readonly rows: ScoreRows,
    readonly options: MatchOptions,
  ) {
    const { chrom, pos } = rows;
    let count = 0;
    for (let i = 0; i < rows.length; i++) if (chrom[i] !== 0) count++;
    const order = new Uint32Array(count);
    let sorted = true;
    for (let i = 0, k = 0; i < rows.length; i++) {
      if (chrom[i] === 0) continue;
      if (k > 0 && compare(chrom, pos, order[k - 1]!, i) > 0) sorted = false;
      order[k++] = i;
    }
    // Scoring files are mostly sorted already; a harmonised one (lifted positions) may not be.
    if (!sorted) order.sort((a, b) => compare(chrom, pos, a, b) || a - b);
    this.#order = order;
    this.rank = new Uint8Array(rows.length).fill(NO_MATCH);
    this.site = new Int32Array(rows.length).fill(-1);
    this.alt = new Uint8Array(rows.length);
    this.ties = new Uint8Array(rows.length);
  }

  /** Where the rows at this position start in the sorted order, or -1 when no row sits there. */
  find(chromCode: number, position: number): number {
    const { chrom, pos } = this.rows;
    const order = this.#order;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const r = order[mid]!;
      if (chrom[r]! < chromCode || (chrom[r] === chromCode && pos[r]! < position)) lo = mid + 1;
      else hi = mid;
    }
    const r = order[lo];
    return r !== undefined && chrom[r] === chromCode && pos[r] === position ? lo : -1;
  }

  /** Offers target site `site` (REF and ALT allele ids) to the rows from `first` (find) at its position. */
  addSite(site: number, first: number, ref: number, alts: readonly number[]): void {
    const { chrom, pos, effect, other, alleles } = this.rows;
    const order = this.#order;
    const r0 = order[first]!;
    for (let k = first; k < order.length; k++) {
      const r = order[k]!;
      if (chrom[r] !== chrom[r0] || pos[r] !== pos[r0]) break;
      const ea = effect[r]!;
      const oa = other[r]!;
      const eaFlip = alleles.complementOf(ea);
      const oaFlip = oa === 0 ? 0 : alleles.complementOf(oa);
      for (let j = 0; j < alts.length; j++) {
        const alt = alts[j]!;
        if (oa !== 0) {
          if (ea === ref && oa === alt) this.#consider(r, 0, site, j);
          if (ea === alt && oa === ref) this.#consider(r, 1, site, j);
          if (eaFlip === ref && oaFlip === alt) this.#consider(r, 2, site, j);
          if (eaFlip === alt && oaFlip === ref) this.#consider(r, 3, site, j);
        } else {
          if (ea === ref) this.#consider(r, 4, site, j);
          if (ea === alt) this.#consider(r, 5, site, j);
          if (eaFlip === ref) this.#consider(r, 6, site, j);
          if (eaFlip === alt) this.#consider(r, 7, site, j);
        }
      }
    }
  }

  /** The first candidate of the best type wins; later ones of that type make it a duplicate best match. */
  #consider(row: number, rank: number, site: number, alt: number): void {
    const best = this.rank[row]!;
    if (rank < best) {
      this.rank[row] = rank;
      this.site[row] = site;
      this.alt[row] = alt;
      this.ties[row] = 1;
    } else if (rank === best && this.ties[row]! < 255) this.ties[row]!++;
  }

  /** The final decision for every row, once the whole target went past. */
  finish(sites: TargetSites): Matches {
    return new Matches(this, sites);
  }
}

function compare(chrom: Uint8Array, pos: Uint32Array, a: number, b: number): number {
  return chrom[a]! - chrom[b]! || pos[a]! - pos[b]!;
}
