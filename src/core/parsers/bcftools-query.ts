// `bcftools query` output with a known list of columns -> rows of strings, checked for the column count.
import { FieldReader } from './parse-error';

export interface QueryTable {
  columns: readonly string[];
  rows: string[][];
}

export function parseQueryTable(text: string, columns: readonly string[]): QueryTable {
  const r: FieldReader = new FieldReader('bcftools query output');
  const rows: string[][] = [];
  let start = 0;
  let number = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    number++;
    const line = text.slice(start, end);
    start = end + 1;
    if (line === '') continue;
    const fields = line.split('\t');
    if (fields.length !== columns.length) r.fail(number, `expected ${columns.length} tab-separated columns (${columns.slice(0, 4).join(', ')}, …), found ${fields.length}`);
    rows.push(fields);
  }
  return { columns, rows };
}
