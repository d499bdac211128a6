// The note beside AC/AN/AF columns when samples are ticked: whether the counts are the file's own (over all its
// samples) or recounted by bcftools view -s over the ticked ones, while AF stays the file's value.
import type { VcfHeader } from '../parsers/vcf-header';
import { recountsAlleles, type VariantFilter } from './browser-query';

const COUNTS = ['AC', 'AN', 'AF'];

/** Undefined when no sample is ticked or no AC/AN/AF column is shown. */
export function alleleCountNote(
  filter: VariantFilter,
  header: VcfHeader,
  infoFields: readonly string[],
): string | undefined {
  const shown = COUNTS.filter((id) => infoFields.includes(id));
  if (filter.samples.length === 0 || shown.length === 0) return undefined;
  const ticked = filter.samples.join(', ');
  if (!recountsAlleles(filter, header))
    return `${shown.join(', ')}: the file's own values, over all its ${header.samples.length} samples, not only the ticked ones (${ticked}).`;
  const recounted = shown.filter((id) => id !== 'AF');
  const kept = shown.filter((id) => id === 'AF');
  return [
    recounted.length > 0
      ? `${recounted.join(' and ')} recounted by bcftools view -s over the ticked samples (${ticked}) only.`
      : '',
    kept.length > 0 ? `AF is the file's own value, over all its ${header.samples.length} samples.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
