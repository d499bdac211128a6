// How the variant browser orders cells (strings as bcftools printed them); QueryRows sorts by it.

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
