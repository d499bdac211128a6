// Numbers, sizes and dates in the interface language, through Intl (tool output is never reformatted).
import { getLocale } from '../../paraglide/runtime';

const tag = () => (getLocale() === 'sv' ? 'sv-SE' : 'en-GB');

export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(tag(), { maximumFractionDigits }).format(value);
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** 1536 -> "1.5 kB" / "1,5 kB": binary steps, Intl's unit names. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(tag(), {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export function formatDateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(tag(), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}
