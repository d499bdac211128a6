// `samtools bedcov` -> each BED region as given (chrom, start, end, name) with the numbers the tool appended
// (sum of per-base depth, then the -d count, then the -c read count, in the order the options ask for).
import { FieldReader, numberedLines, ParseError } from './parse-error';

export interface BedcovRow {
  chrom: string;
  start: number;
  end: number;
  /** The BED name column (4th), or '' when the line has only three BED columns. */
  name: string;
  /** The appended numbers, in the tool's order. */
  values: number[];
}

/** `appended` is how many numbers the options made bedcov add to each line (1 + one per -d and -c). */
export function parseBedcov(text: string, appended: number): BedcovRow[] {
  const reader = new FieldReader('samtools bedcov output');
  return numberedLines(text).map((line) => {
    const fields = reader.fields(line, 3 + appended, 'a bedcov line');
    const bed = fields.slice(0, fields.length - appended);
    const start = reader.int(bed[1], line.number, 'region start');
    const end = reader.int(bed[2], line.number, 'region end');
    if (end < start)
      throw new ParseError('samtools bedcov output', line.number, `region end ${end} is before its start ${start}`);
    return {
      chrom: bed[0]!,
      start,
      end,
      name: bed[3] ?? '',
      values: reader.nums(fields, fields.length - appended, line.number, 'bedcov'),
    };
  });
}
