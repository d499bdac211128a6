// `samtools depth` (chrom, 1-based position, depth per line) -> the stretches below a depth, merged where
// positions follow each other on the same contig, as 0-based half-open BED intervals; and the stretches it
// reported at all, so a caller can tell which bases it left out.
import { ParseError } from './parse-error';

export interface LowInterval {
  chrom: string;
  /** 0-based start, as in BED. */
  start: number;
  end: number;
  minDepth: number;
  meanDepth: number;
}

export interface Stretch {
  chrom: string;
  /** 0-based start, as in BED. */
  start: number;
  end: number;
}

export interface DepthScan {
  positions: number;
  low: LowInterval[];
  /** The positions reported, merged into stretches (few: about one per panel region). */
  reported: Stretch[];
}

/** Reads the whole output once; only the low stretches are kept, so a panel's millions of lines stay cheap. */
export function lowDepthIntervals(text: string, below: number): DepthScan {
  const low: LowInterval[] = [];
  let open: { chrom: string; start: number; end: number; min: number; sum: number } | undefined;
  let positions = 0;
  const reported: Stretch[] = [];
  const close = (): void => {
    if (!open) return;
    low.push({
      chrom: open.chrom,
      start: open.start,
      end: open.end,
      minDepth: open.min,
      meanDepth: open.sum / (open.end - open.start),
    });
    open = undefined;
  };
  let lineNo = 0;
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    lineNo += 1;
    const line = text.slice(from, to).replace(/\r$/, '');
    from = to + 1;
    if (line === '' || line.startsWith('#')) continue;
    const t1 = line.indexOf('\t');
    const t2 = line.indexOf('\t', t1 + 1);
    const pos = Number(line.slice(t1 + 1, t2));
    const depth = Number(line.slice(t2 + 1));
    if (t1 <= 0 || t2 < 0 || !Number.isInteger(pos) || !Number.isInteger(depth)) {
      throw new ParseError(
        'samtools depth output',
        lineNo,
        'expected "contig, position, depth" separated by tabs (one input file)',
      );
    }
    positions += 1;
    const chrom = line.slice(0, t1);
    const last = reported[reported.length - 1];
    if (last && last.chrom === chrom && last.end === pos - 1) last.end = pos;
    else reported.push({ chrom, start: pos - 1, end: pos });
    if (depth >= below) {
      close();
      continue;
    }
    if (open && open.chrom === chrom && open.end === pos - 1) {
      open.end = pos;
      open.min = Math.min(open.min, depth);
      open.sum += depth;
    } else {
      close();
      open = { chrom, start: pos - 1, end: pos, min: depth, sum: depth };
    }
  }
  close();
  return { positions, low, reported };
}
