// The bundled somatic hotspot list (hotspots.json, with its sources) and the rules that read a hotspot off a
// pileup: depth, alt reads and VAF, "not assessable" below the minimum depth, "detected" at enough alt reads.
import data from './hotspots.json';
import type { PileupColumn } from '../parsers/samtools-mpileup';
import type { BuildName } from '../files/reference-builds';

export interface Hotspot {
  id: string;
  gene: string;
  protein: string;
  cdna: string;
  /** Chromosome without prefix ("12"). */
  chrom: string;
  grch37: number;
  grch38: number;
  /** Last base of a deletion region, per build. */
  end37?: number;
  end38?: number;
  ref: string;
  alt: string;
  kind: 'snv' | 'deletion';
  rsid: string;
  source: string;
}

export const HOTSPOTS: readonly Hotspot[] = data.hotspots as Hotspot[];
export const HOTSPOT_LIST_VERSION: string = data.version;

export function positionOf(h: Hotspot, build: BuildName): { start: number; end: number } {
  return build === 'GRCh37'
    ? { start: h.grch37, end: h.end37 ?? h.grch37 }
    : { start: h.grch38, end: h.end38 ?? h.grch38 };
}

/**
 * The positions to pile up, as BED (0-based start): each hotspot in both builds and both namings, a deletion
 * region with its anchor base before it. Contigs a BAM lacks are skipped by samtools.
 */
export function hotspotBed(hotspots: readonly Hotspot[] = HOTSPOTS): string {
  const lines = new Set<string>();
  for (const h of hotspots) {
    for (const build of ['GRCh37', 'GRCh38'] as const) {
      const { start, end } = positionOf(h, build);
      const first = h.kind === 'deletion' ? start - 1 : start;
      for (const name of [h.chrom, `chr${h.chrom}`]) lines.add(`${name}\t${first - 1}\t${end}`);
    }
  }
  return [...lines].join('\n') + '\n';
}

export type HotspotStatus = 'detected' | 'not detected' | 'not assessable';

export interface HotspotCall {
  hotspot: Hotspot;
  contig: string;
  start: number;
  depth: number;
  refReads: number;
  altReads: number;
  /** Alt reads / depth, in percent; NaN without reads. */
  vaf: number;
  status: HotspotStatus;
}

export interface CallRules {
  minDepth: number;
  minAltReads: number;
  /** Percent. */
  minVaf: number;
}

/** Reads a hotspot from the pileup columns of its contig (`byPos`: position -> column; absent means no reads). */
export function callHotspot(
  h: Hotspot,
  build: BuildName,
  contig: string,
  byPos: ReadonlyMap<number, PileupColumn>,
  rules: CallRules,
): HotspotCall {
  const { start, end } = positionOf(h, build);
  let depth: number;
  let refReads: number;
  let altReads: number;
  if (h.kind === 'deletion') {
    // Deletions are marked on the base before them: the anchor's depth, and every deletion starting in the region.
    const anchor = byPos.get(start - 1);
    depth = anchor?.depth ?? 0;
    altReads = 0;
    for (let p = start - 1; p < end; p++) altReads += byPos.get(p)?.deletionsAfter ?? 0;
    refReads = Math.max(0, depth - altReads);
  } else {
    const column = byPos.get(start);
    depth = column?.depth ?? 0;
    refReads = (column?.bases[h.ref] ?? 0) + (column?.bases['='] ?? 0);
    altReads = column?.bases[h.alt] ?? 0;
  }
  const vaf = depth === 0 ? Number.NaN : (100 * altReads) / depth;
  const status: HotspotStatus =
    depth < rules.minDepth
      ? 'not assessable'
      : altReads >= rules.minAltReads && vaf >= rules.minVaf
        ? 'detected'
        : 'not detected';
  return { hotspot: h, contig, start, depth, refReads, altReads, vaf, status };
}
