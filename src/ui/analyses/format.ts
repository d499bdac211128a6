// How analysis numbers are shown: one fixed locale so figures read the same on every machine.
import type { MetricFormat } from '../../core/analyses/analysis';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatMetric(value: number, format: MetricFormat): string {
  if (!Number.isFinite(value)) return '—';
  switch (format) {
    case 'count':
      return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
    case 'percent':
      return `${value.toFixed(2)}%`;
    case 'ratio':
      return value.toFixed(2);
    case 'depth':
      return `${value.toFixed(1)}×`;
    case 'quality':
      return `Q${value.toFixed(1)}`;
  }
}

export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}
