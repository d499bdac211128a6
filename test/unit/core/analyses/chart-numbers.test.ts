import { describe, expect, it } from 'vitest';
import { chartHasData, median } from '../../../../src/core/analyses/analysis';
import { variantMetrics, variantSummary } from '../../../../src/core/analyses/variant-summary';
import { parseBcftoolsStats } from '../../../../src/core/parsers/bcftools-stats';
import { toolOutput } from '../parsers/tool-output';

it.each([
  [[], Number.NaN],
  [[3], 3],
  [[1.64, 1.58], 1.61],
  [[4, 1, 3, 2], 2.5],
  [[5, 1, 3], 3],
  [[2, Number.NaN, 4], 3],
])('median(%j) = %f', (values, expected) => {
  if (Number.isNaN(expected)) expect(median(values)).toBeNaN();
  else expect(median(values)).toBeCloseTo(expected, 10);
});

describe('chartHasData', () => {
  const spec = { y: { field: 'n', label: 'N' } };
  it.each([
    [[], false],
    [[{ n: 0 }, { n: 0 }], false],
    [[{ n: 0 }, { n: Number.NaN }], false],
    [[{ n: 0 }, { n: 2 }], true],
    [[{ n: '3' }], false],
  ])('rows %j: %s', (rows, expected) => {
    expect(chartHasData(spec, rows)).toBe(expected);
  });
  it('counts the band of a band chart', () => {
    const band = { y: { field: 'm', label: 'M' }, band: { lower: 'lo', upper: 'hi' } };
    expect(chartHasData(band, [{ m: 0, lo: 0, hi: 4 }])).toBe(true);
  });
});

// test/fixtures/structural.vcf (5 symbolic structural variants, 2 samples, no SNPs):
// native `bcftools stats -s - structural.vcf` (1.16) in tool-output/bcftools-stats.structural.vcf.txt.
describe('Variant summary of a call set without SNPs', () => {
  const stats = parseBcftoolsStats(toolOutput('bcftools-stats.structural.vcf.txt'));
  const result = { input: 'structural.vcf', minQual: 0, stats };
  const chart = (id: string) => variantSummary.charts.find((c) => c.id === id)!;
  it.each([
    ['substitutions', false],
    ['per-sample', false],
    ['types', true],
  ])('chart %s has data: %s', (id, expected) => {
    expect(chartHasData(chart(id), chart(id).rows(result))).toBe(expected);
  });
  it('counts 5 records, no SNPs, and no het/hom-alt ratio', () => {
    const metrics = Object.fromEntries(variantMetrics(result).map((m) => [m.key, m.value]));
    expect(metrics).toMatchObject({ records: 5, snps: 0, samples: 2 });
    expect(metrics['hetHom']).toBeNaN();
  });
});
