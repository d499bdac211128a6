// Sizes in words ("1.5 MB"), the one formatter for the app: binary steps with Intl's unit names, so the
// interface, notices and tool advice all say the same size the same way.

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** 1536 -> "1.5 kB" (en-GB) / "1,5 kB" (sv-SE); whole numbers from 100 up ("350 MB"), one decimal below. */
export function formatBytes(bytes: number, locale = 'en-GB'): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
  }).format(value);
}
