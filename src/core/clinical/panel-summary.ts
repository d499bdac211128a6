// Panel coverage arithmetic: per-region figures from samtools bedcov (sum of depth, bases at or above each
// depth, reads), per-gene totals over a gene's regions, the panel bases samtools depth left out (counted as
// depth 0), and the genes each low-coverage stretch falls in.
import type { BedcovRow } from '../parsers/samtools-bedcov';
import type { LowInterval, Stretch } from '../parsers/samtools-depth';

export interface RegionCoverage {
  chrom: string;
  start: number;
  end: number;
  /** The BED name, or "chrom:start-end" for a region without one (it is then its own gene). */
  gene: string;
  length: number;
  depthSum: number;
  reads: number;
  /** Bases at or above each depth threshold, in the order of `thresholds`. */
  atLeast: number[];
}

export interface GeneCoverage {
  gene: string;
  regions: number;
  length: number;
  depthSum: number;
  atLeast: number[];
}

export interface LowCoverage extends LowInterval {
  genes: string[];
}

export const regionLabel = (chrom: string, start: number, end: number): string => `${chrom}:${start + 1}-${end}`;

/**
 * Joins the bedcov runs (one per threshold, the same regions in the same order; the first also has -c).
 * Each run's values are [depth sum, bases >= threshold] plus, for the first, [reads].
 */
export function regionCoverage(runs: readonly BedcovRow[][], thresholds: readonly number[]): RegionCoverage[] {
  const first = runs[0] ?? [];
  return first.map((row, i) => {
    const atLeast = runs.map((run, k) => {
      const same = run[i];
      if (!same || same.chrom !== row.chrom || same.start !== row.start || same.end !== row.end) {
        throw new Error(
          `samtools bedcov runs disagree on region ${i + 1} (threshold ${thresholds[k]}); run the analysis again.`,
        );
      }
      return same.values[1]!;
    });
    return {
      chrom: row.chrom,
      start: row.start,
      end: row.end,
      gene: row.name || regionLabel(row.chrom, row.start, row.end),
      length: row.end - row.start,
      depthSum: row.values[0]!,
      reads: row.values[2] ?? Number.NaN,
      atLeast,
    };
  });
}

/** Genes in order of first appearance; overlapping regions of one gene count their shared bases twice. */
export function geneCoverage(regions: readonly RegionCoverage[]): GeneCoverage[] {
  const genes = new Map<string, GeneCoverage>();
  for (const r of regions) {
    const g = genes.get(r.gene) ?? {
      gene: r.gene,
      regions: 0,
      length: 0,
      depthSum: 0,
      atLeast: r.atLeast.map(() => 0),
    };
    g.regions += 1;
    g.length += r.length;
    g.depthSum += r.depthSum;
    g.atLeast = g.atLeast.map((n, k) => n + r.atLeast[k]!);
    genes.set(r.gene, g);
  }
  return [...genes.values()];
}

/**
 * The low stretches plus every panel base samtools depth did not report (depth 0): `depth -a` says nothing of a
 * contig without reads, so without this a chrY gene of a female sample would be missing from the list.
 * Touching stretches are merged; the result is in panel contig order, then by start.
 */
export function withUnreported(
  low: readonly LowInterval[],
  regions: readonly RegionCoverage[],
  reported: readonly Stretch[],
): LowInterval[] {
  const missing: LowInterval[] = [];
  for (const region of regions) {
    let pieces: Stretch[] = [{ chrom: region.chrom, start: region.start, end: region.end }];
    for (const r of reported) {
      if (r.chrom !== region.chrom) continue;
      pieces = pieces.flatMap((p) =>
        r.end <= p.start || p.end <= r.start
          ? [p]
          : [
              ...(p.start < r.start ? [{ ...p, end: r.start }] : []),
              ...(r.end < p.end ? [{ ...p, start: r.end }] : []),
            ],
      );
    }
    for (const p of pieces) if (p.end > p.start) missing.push({ ...p, minDepth: 0, meanDepth: 0 });
  }
  if (missing.length === 0) return [...low];
  const order = new Map<string, number>();
  for (const c of [...regions.map((r) => r.chrom), ...low.map((l) => l.chrom)])
    if (!order.has(c)) order.set(c, order.size);
  const sorted = [...low, ...missing].sort((a, b) => order.get(a.chrom)! - order.get(b.chrom)! || a.start - b.start);
  const merged: LowInterval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (!last || last.chrom !== next.chrom || next.start > last.end) {
      merged.push({ ...next });
      continue;
    }
    // Overlapping regions give the same missing bases twice: count each base once.
    const end = Math.max(last.end, next.end);
    const added = end - last.end;
    const sum = last.meanDepth * (last.end - last.start) + (added > 0 ? next.meanDepth * added : 0);
    last.end = end;
    last.minDepth = Math.min(last.minDepth, next.minDepth);
    last.meanDepth = sum / (last.end - last.start);
  }
  return merged;
}

export function annotateLow(low: readonly LowInterval[], regions: readonly RegionCoverage[]): LowCoverage[] {
  return low.map((interval) => {
    const genes = regions
      .filter((r) => r.chrom === interval.chrom && r.start < interval.end && interval.start < r.end)
      .map((r) => r.gene);
    return { ...interval, genes: [...new Set(genes)] };
  });
}

export const pct = (part: number, whole: number): number => (whole === 0 ? Number.NaN : (100 * part) / whole);
