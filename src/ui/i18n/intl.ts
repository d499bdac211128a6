// Numbers, sizes and dates in the interface language, through Intl (tool output is never reformatted).
import { getLocale } from '../../paraglide/runtime';
import { formatBytes as formatBytesIn } from '../../core/format-bytes';

const tag = () => (getLocale() === 'sv' ? 'sv-SE' : 'en-GB');

export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(tag(), { maximumFractionDigits }).format(value);
}

/** A size in the interface language (see core/format-bytes). */
export function formatBytes(bytes: number): string {
  return formatBytesIn(bytes, tag());
}

export function formatDateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(tag(), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}
