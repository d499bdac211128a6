// The variant browser's rows kept as the text bcftools query printed (one or several parts, joined in order),
// with each line's offsets: a row's cells are split only when it is shown, sorted or exported, so 600,000 rows
// cost two typed arrays instead of millions of strings. Checked for the column count when read.
import { guardTsvLine } from '../analyses/export';
import { FieldReader } from '../parsers/parse-error';
import { compareCells, type SortDirection } from './variant-table';

/** What a table draws from: how many rows, and the cells of a range of them. string[][] is one too. */
export interface RowSource {
  readonly length: number;
  slice(start: number, end: number): readonly (readonly string[])[];
}

export class QueryRows implements RowSource {
  private constructor(
    private readonly texts: readonly string[],
    private readonly part: Uint16Array,
    private readonly starts: Uint32Array,
    private readonly ends: Uint32Array,
    private readonly order: Uint32Array | undefined,
  ) {}

  static readonly EMPTY = new QueryRows([], new Uint16Array(0), new Uint32Array(0), new Uint32Array(0), undefined);

  /** Reads `bcftools query` outputs (in order) with `columns` tab-separated cells a line; empty lines are skipped. */
  static parse(texts: readonly string[], columns: readonly string[]): QueryRows {
    const reader = new FieldReader('bcftools query output');
    let capacity = 1024;
    let part = new Uint16Array(capacity);
    let starts = new Uint32Array(capacity);
    let ends = new Uint32Array(capacity);
    let count = 0;
    let number = 0;
    const tabs = columns.length - 1;
    for (const [p, text] of texts.entries()) {
      let start = 0;
      while (start < text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        number++;
        if (end > start) {
          let found = 0;
          for (let t = text.indexOf('\t', start); t >= 0 && t < end; t = text.indexOf('\t', t + 1)) found++;
          if (found !== tabs)
            reader.fail(
              number,
              `expected ${columns.length} tab-separated columns (${columns.slice(0, 4).join(', ')}, …), found ${found + 1}`,
            );
          if (count === capacity) {
            capacity *= 2;
            part = grow(part, new Uint16Array(capacity));
            starts = grow(starts, new Uint32Array(capacity));
            ends = grow(ends, new Uint32Array(capacity));
          }
          part[count] = p;
          starts[count] = start;
          ends[count] = end;
          count++;
        }
        start = end + 1;
      }
    }
    return new QueryRows(texts, part.subarray(0, count), starts.subarray(0, count), ends.subarray(0, count), undefined);
  }

  get length(): number {
    return this.starts.length;
  }

  /** Row `index` as bcftools printed it (cells joined by tabs). */
  line(index: number): string {
    const i = this.order ? this.order[index]! : index;
    return this.texts[this.part[i]!]!.slice(this.starts[i], this.ends[i]);
  }

  row(index: number): string[] {
    return this.line(index).split('\t');
  }

  slice(start: number, end: number): string[][] {
    const rows: string[][] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) rows.push(this.row(i));
    return rows;
  }

  /**
   * The rows ordered by one column (variant-table.ts compareCells: numbers as numbers, then text; equal cells
   * keep file order), read without splitting whole rows.
   */
  sorted(column: number, direction: SortDirection): QueryRows {
    const n = this.length;
    const keys: string[] = new Array<string>(n);
    const numbers = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const key = cell(this.texts[this.part[i]!]!, this.starts[i]!, this.ends[i]!, column);
      keys[i] = key;
      const value = Number(key);
      numbers[i] = key !== '' && key !== '.' && Number.isFinite(value) ? value : NaN;
    }
    const sign = direction === 'asc' ? 1 : -1;
    const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      const x = numbers[a]!;
      const y = numbers[b]!;
      // Both numbers (NaN is not equal to itself): compareCells would return x - y; otherwise ask it.
      return sign * (x === x && y === y ? x - y : compareCells(keys[a]!, keys[b]!)) || a - b;
    });
    return new QueryRows(this.texts, this.part, this.starts, this.ends, order);
  }

  /** All rows as TSV lines under a header line, in this order, cells a spreadsheet would run as formulas guarded. */
  toTsv(columns: readonly string[]): string {
    const lines = [guardTsvLine(columns.join('\t'))];
    for (let i = 0; i < this.length; i++) lines.push(guardTsvLine(this.line(i)));
    return lines.join('\n') + '\n';
  }
}

function grow<T extends Uint16Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Cell `column` of the line text[start, end) (empty when the line has fewer cells). */
function cell(text: string, start: number, end: number, column: number): string {
  let from = start;
  for (let c = 0; c < column; c++) {
    const tab = text.indexOf('\t', from);
    if (tab < 0 || tab >= end) return '';
    from = tab + 1;
  }
  const tab = text.indexOf('\t', from);
  return text.slice(from, tab < 0 || tab >= end ? end : tab);
}
