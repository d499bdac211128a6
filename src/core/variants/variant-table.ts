// Sorting and exporting the variant browser's rows (strings as bcftools printed them).

export type SortDirection = 'asc' | 'desc';

/** Numbers compare as numbers ("." and other text after them), everything else as text. */
export function compareCells(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  const xn = a !== '' && a !== '.' && Number.isFinite(x);
  const yn = b !== '' && b !== '.' && Number.isFinite(y);
  if (xn && yn) return x - y;
  if (xn !== yn) return xn ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy; equal cells keep file order (CHROM/POS order from bcftools). */
export function sortRows(rows: readonly string[][], column: number, direction: SortDirection): string[][] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compareCells(a.row[column] ?? '', b.row[column] ?? '') || a.index - b.index)
    .map(({ row }) => row);
}

export function rowsToTsv(columns: readonly string[], rows: readonly string[][]): string {
  return [columns.join('\t'), ...rows.map((row) => row.join('\t'))].join('\n') + '\n';
}
