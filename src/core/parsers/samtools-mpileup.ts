// `samtools mpileup` (one input file) -> per position the reads' bases, counted by base, with deletions
// that start after the position (the "-N" marks) and deleted-base placeholders kept apart from bases.
import { FieldReader, numberedLines, ParseError } from './parse-error';

export interface PileupColumn {
  chrom: string;
  pos: number;
  /** Reads showing a base here (A/C/G/T/N and the reference marks "." ","), i.e. not deleted or skipped. */
  depth: number;
  /** Upper-case base -> reads; "." and "," (reference matches, when a reference was given) count as "=". */
  bases: Record<string, number>;
  /** Reads whose deletion starts at the next position. */
  deletionsAfter: number;
  /** Reads with a deletion across this position ("*" / "#"). */
  deleted: number;
}

export function parsePileupBases(text: string, line = 0): Omit<PileupColumn, 'chrom' | 'pos'> {
  const bases: Record<string, number> = {};
  let depth = 0;
  let deletionsAfter = 0;
  let deleted = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '^')
      i += 1; // read start, followed by its mapping quality
    else if (c === '$') continue;
    else if (c === '+' || c === '-') {
      const digits = /^\d+/.exec(text.slice(i + 1))?.[0];
      if (!digits)
        throw new ParseError(
          'samtools mpileup output',
          line,
          `an indel mark "${c}" without a length in the bases column`,
        );
      if (c === '-') deletionsAfter += 1;
      i += digits.length + Number(digits);
    } else if (c === '*' || c === '#') deleted += 1;
    else if (c === '>' || c === '<') continue;
    else if (c === '.' || c === ',') {
      bases['='] = (bases['='] ?? 0) + 1;
      depth += 1;
    } else if (/[ACGTN]/i.test(c)) {
      const base = c.toUpperCase();
      bases[base] = (bases[base] ?? 0) + 1;
      depth += 1;
    } else
      throw new ParseError(
        'samtools mpileup output',
        line,
        `unexpected character ${JSON.stringify(c)} in the bases column`,
      );
  }
  return { depth, bases, deletionsAfter, deleted };
}

export function parseMpileup(text: string): PileupColumn[] {
  const reader = new FieldReader('samtools mpileup output');
  return numberedLines(text).map((line) => {
    const f = reader.fields(line, 5, 'a pileup line');
    return { chrom: f[0]!, pos: reader.int(f[1], line.number, 'position'), ...parsePileupBases(f[4]!, line.number) };
  });
}
