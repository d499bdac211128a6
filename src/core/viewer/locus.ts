// Genomic loci as the locus box and the links from other views write them: "chr:start-end" (1-based,
// inclusive, commas allowed), "chr:pos" (a window around one position) or a bare sequence name.
export interface Locus {
  chr: string;
  /** 1-based, inclusive. */
  start: number;
  end: number;
}

const RANGE = /^([^\s:]+):([\d,]+)(?:-([\d,]+))?$/;

/** A locus typed or linked as text; undefined when it is not one (then it may be a gene name). */
export function parseLocus(text: string): Locus | undefined {
  const match = RANGE.exec(text.trim());
  if (!match) return undefined;
  const [, chr, from, to] = match;
  const start = Number(from!.replace(/,/g, ''));
  const end = to === undefined ? start : Number(to.replace(/,/g, ''));
  if (!chr || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 1 || end < start) return undefined;
  return to === undefined ? around(chr, start) : { chr, start, end };
}

export function formatLocus(locus: Locus): string {
  return `${locus.chr}:${locus.start}-${locus.end}`;
}

/** A window centred on one position, wide enough to see the reads around a variant. */
export function around(chr: string, position: number, flank = 50): Locus {
  return { chr, start: Math.max(1, position - flank), end: position + flank };
}

/** The locus of a table cell that ends in "<contig>:<position>" ("chr12:25245350", "GRCh38 10:94761900"). */
export function locusOfPosition(text: unknown, flank = 50): string | undefined {
  const match = typeof text === 'string' ? /(\S+):(\d+)$/.exec(text.trim()) : null;
  return match ? locusAt(match[1]!, Number(match[2]), flank) : undefined;
}

/** The locus of a BED interval (0-based start, end exclusive) in 1-based coordinates, with `flank` bases on each
 * side so that both edges show (and a short interval is not widened by the viewer's 40 bp minimum). */
export function locusOfInterval(chr: unknown, start: unknown, end: unknown, flank = 20): string | undefined {
  if (typeof chr !== 'string' || typeof start !== 'number' || typeof end !== 'number' || end <= start) return undefined;
  return formatLocus({ chr, start: Math.max(1, start + 1 - flank), end: end + flank });
}

/** The locus text for one position, as a variant row or a PGx position links to it. */
export function locusAt(chr: string, position: number, flank = 50): string {
  return formatLocus(around(chr, position, flank));
}
