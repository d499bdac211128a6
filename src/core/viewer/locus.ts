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

/** The locus text for one position, as a variant row or a PGx position links to it. */
export function locusAt(chr: string, position: number, flank = 50): string {
  return formatLocus(around(chr, position, flank));
}
