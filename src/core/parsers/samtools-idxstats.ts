// `samtools idxstats` -> per-reference length and mapped/unmapped read counts ("*" holds unplaced reads).
import { FieldReader, numberedLines } from './parse-error';

export interface IdxstatsRow {
  name: string;
  length: number;
  mapped: number;
  unmapped: number;
}

export function parseIdxstats(text: string): IdxstatsRow[] {
  const reader: FieldReader = new FieldReader('samtools idxstats output');
  return numberedLines(text).map((line) => {
    const f = reader.fields(line, 4, 'an idxstats line');
    return {
      name: f[0]!,
      length: reader.int(f[1], line.number, 'reference length'),
      mapped: reader.int(f[2], line.number, 'mapped reads'),
      unmapped: reader.int(f[3], line.number, 'unmapped reads'),
    };
  });
}
