// Results as files: tables as TSV or CSV (RFC 4180 quoting) with cells a spreadsheet would run as formulas
// made inert, the whole result as JSON.
import type { ChartRow } from './analysis';

/** A plain number (-0.52, +1.5, 1e-5) is read as a number by spreadsheets, never as a formula. */
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** OWASP "CSV injection": a cell starting with one of these may be run as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell made safe to open in a spreadsheet: text that starts like a formula gets a leading single quote
 * (OWASP's advice; the value stays readable and the quote marks it as text), plain numbers stay numbers.
 */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A tab-separated line with every cell guarded; most lines have nothing to guard and are returned as they are. */
export function guardTsvLine(line: string): string {
  return /(^|\t)[=+\-@\r]/.test(line) ? line.split('\t').map(guardCell).join('\t') : line;
}

export function toDelimited(rows: readonly ChartRow[], separator: '\t' | ','): string {
  if (rows.length === 0) return '';
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: number | string | undefined): string => {
    const text = value === undefined ? '' : typeof value === 'number' && !Number.isFinite(value) ? 'NA' : String(value);
    const safe = typeof value === 'string' ? guardCell(text) : text;
    if (separator === ',' && /[",\n\r]/.test(safe)) return `"${safe.replace(/"/g, '""')}"`;
    return separator === '\t' ? safe.replace(/[\t\n\r]/g, ' ') : safe;
  };
  return (
    [columns.map(cell).join(separator), ...rows.map((row) => columns.map((c) => cell(row[c])).join(separator))].join(
      '\n',
    ) + '\n'
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
