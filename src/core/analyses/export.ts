// Results as files: tables as TSV or CSV (RFC 4180 quoting), the whole result as JSON.
import type { ChartRow } from './analysis';

export function toDelimited(rows: readonly ChartRow[], separator: '\t' | ','): string {
  if (rows.length === 0) return '';
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: number | string | undefined): string => {
    const text = value === undefined ? '' : typeof value === 'number' && !Number.isFinite(value) ? 'NA' : String(value);
    if (separator === ',' && /[",\n\r]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
    return separator === '\t' ? text.replace(/[\t\n\r]/g, ' ') : text;
  };
  return (
    [columns.join(separator), ...rows.map((row) => columns.map((c) => cell(row[c])).join(separator))].join('\n') + '\n'
  );
}

/** JSON of a result: Maps become objects and non-finite numbers null, so any JSON reader accepts it. */
export function toJson(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_key, v: unknown) =>
        typeof v === 'number' && !Number.isFinite(v) ? null : v instanceof Map ? Object.fromEntries(v) : v,
      2,
    ) + '\n'
  );
}

/** A file name from parts, without characters file systems refuse. */
export function exportName(...parts: string[]): string {
  return parts.join('.').replace(/[^A-Za-z0-9._-]+/g, '_');
}
