import { describe, expect, it } from 'vitest';
import {
  lowRows,
  panelCoverage,
  panelMetrics,
  type PanelCoverageResult,
} from '../../../../src/core/analyses/panel-coverage';
import { parseBedcov } from '../../../../src/core/parsers/samtools-bedcov';
import { lowDepthIntervals } from '../../../../src/core/parsers/samtools-depth';
import { resolveParameters } from '../../../../src/core/analyses/analysis';
import { ParseError } from '../../../../src/core/parsers/parse-error';
import { native, resultFromNative } from './native';

const INPUTS = { alignments: 'ex1.bam', panel: 'ex1.panel.bed' };
const CASES = {
  bedcov0: 'panel-bedcov-10',
  bedcov1: 'panel-bedcov-20',
  bedcov2: 'panel-bedcov-30',
  depth: 'panel-depth',
};
const result = (): PanelCoverageResult => resultFromNative(panelCoverage, INPUTS, {}, CASES);

/** Per-base depths of native `samtools depth -aa -b` (chrom:pos -> depth): an independent second tool. */
function depthMap(name = 'panel-depth'): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of native(name).stdout.trim().split('\n')) {
    const [chrom, pos, depth] = line.split('\t');
    map.set(`${chrom}:${pos}`, Number(depth));
  }
  return map;
}

describe('Gene-panel coverage on ex1.bam with ex1.panel.bed', () => {
  it('gives each region the mean depth and bases at 10/20/30x that native samtools depth gives base by base', () => {
    const depths = depthMap();
    const r = result();
    expect(r.regions).toHaveLength(6);
    for (const region of r.regions) {
      const values = Array.from({ length: region.end - region.start }, (_, i) =>
        depths.get(`${region.chrom}:${region.start + i + 1}`),
      );
      expect(
        values.every((v) => v !== undefined),
        `every base of ${region.gene} reported, zero depth included`,
      ).toBe(true);
      expect(region.depthSum).toBe(values.reduce((s, v) => s! + v!, 0));
      r.thresholds.forEach((t, k) =>
        expect(region.atLeast[k], `${region.gene} ${region.start} >= ${t}`).toBe(values.filter((v) => v! >= t).length),
      );
    }
    expect(r.positions).toBe(depths.size);
  });

  it.each([
    ['GENEA', 2, 500, 7745 + 7388],
    ['GENEB', 1, 175, 4322],
    ['GENEC', 2, 550, 3583 + 18150],
    ['seq2:1501-1584', 1, 84, 1717],
  ])('sums gene %s over its %i regions', (gene, regions, length, depthSum) => {
    expect(result().genes.find((g) => g.gene === gene)).toMatchObject({ regions, length, depthSum });
  });

  it('takes the read counts from bedcov -c', () => {
    expect(result().regions.map((r) => r.reads)).toEqual(
      parseBedcov(native('panel-bedcov-10').stdout, 3).map((row) => row.values[2]),
    );
  });

  it('merges the bases below the lowest threshold into BED intervals with their genes', () => {
    const depths = depthMap();
    const r = result();
    const lowBases = [...depths.values()].filter((d) => d < 10).length;
    expect(r.low.reduce((s, l) => s + l.end - l.start, 0)).toBe(lowBases);
    for (const l of r.low) {
      for (let p = l.start + 1; p <= l.end; p++) expect(depths.get(`${l.chrom}:${p}`)).toBeLessThan(10);
      expect(
        depths.get(`${l.chrom}:${l.end + 1}`) ?? 0,
        'interval ends where depth reaches 10 or the panel ends',
      ).toSatisfy((d: number) => d >= 10 || !depths.has(`${l.chrom}:${l.end + 1}`));
    }
    expect(r.low[0]).toMatchObject({ chrom: 'seq1', genes: ['GENEA'] });
    expect(lowRows(r).every((row) => typeof row['genes'] === 'string')).toBe(true);
  });

  it('reports the panel-wide share at each depth and judges it', () => {
    const r = result();
    const metrics = panelMetrics(r);
    const total = 1309;
    expect(metrics.find((m) => m.key === 'pct1')!.value).toBeCloseTo(
      (100 * r.regions.reduce((s, g) => s + g.atLeast[0]!, 0)) / total,
      10,
    );
    expect(metrics.find((m) => m.key === 'meanDepth')!.value).toBeCloseTo(
      (7745 + 7388 + 4322 + 3583 + 18150 + 1717) / total,
      10,
    );
  });

  it('charts each gene at the lowest threshold and its mean depth', () => {
    const r = result();
    const rows = (id: string) => panelCoverage.charts.find((c) => c.id === id)!.rows(r);
    expect(rows('gene-coverage')).toEqual(
      r.genes.map((g) => ({ gene: g.gene, percent: (100 * g.atLeast[0]!) / g.length })),
    );
    expect(rows('gene-depth').find((row) => row['gene'] === 'GENEB')).toEqual({ gene: 'GENEB', meanDepth: 4322 / 175 });
  });

  it('uses thresholds as given, sorted, and the mapping-quality filter in every command', () => {
    const steps = panelCoverage.steps(INPUTS, { depth1: 50, depth2: 5, depth3: 15, minMapq: 20 });
    expect(steps.map((s) => s.job.steps[0]!.argv.join(' '))).toEqual([
      'bedcov -j -c -d 5 -Q 20 ex1.panel.bed ex1.bam',
      'bedcov -j -d 15 -Q 20 ex1.panel.bed ex1.bam',
      'bedcov -j -d 50 -Q 20 ex1.panel.bed ex1.bam',
      'depth -aa -b ex1.panel.bed -Q 20 ex1.bam',
    ]);
  });

  it.each([
    ['a line with too few fields', 'seq1\t1\n'],
    ['a non-numeric depth', 'seq1\t1\tx\n'],
  ])('rejects samtools depth output with %s', (_what, text) => {
    expect(() => lowDepthIntervals(text, 10)).toThrow(ParseError);
  });

  it('asks for a reference with CRAM', () => {
    expect(
      panelCoverage.check!({ alignments: 'a.cram', panel: 'p.bed' }, { alignments: 'cram', panel: 'bed' }),
    ).toMatch(/Reference FASTA/);
  });
});

// sex.female.bam has chrY and chrM in its header but no read on them; sex.panel.bed has a gene on each (SRY,
// MT-RNR1) next to two chrX regions with one read each. Lowest threshold 1, so a base is low exactly at depth 0.
describe('Gene-panel coverage on contigs without reads (sex.female.bam, sex.panel.bed)', () => {
  const FEMALE = { alignments: 'sex.female.bam', panel: 'sex.panel.bed' };
  const FEMALE_CASES = {
    bedcov0: 'panel-female-bedcov-1',
    bedcov1: 'panel-female-bedcov-20',
    bedcov2: 'panel-female-bedcov-30',
    depth: 'panel-female-depth',
  };
  const female = (): PanelCoverageResult => resultFromNative(panelCoverage, FEMALE, { depth1: 1 }, FEMALE_CASES);
  const lowBases = (r: PanelCoverageResult) => {
    const bases = new Set<string>();
    for (const l of r.low) for (let p = l.start + 1; p <= l.end; p++) bases.add(`${l.chrom}:${p}`);
    return bases;
  };

  it('accounts for every panel base: the low stretches are exactly the bases native `samtools depth -aa -b` gives 0', () => {
    const depths = depthMap('panel-female-depth');
    const r = female();
    const panelBases = r.regions.reduce((s, g) => s + g.length, 0);
    expect(depths.size, 'native -aa reports every panel base, chrY and chrM included').toBe(panelBases);
    const zero = [...depths].filter(([, d]) => d === 0).map(([k]) => k);
    expect([...lowBases(r)].sort()).toEqual(zero.sort());
    expect(r.low.filter((l) => l.chrom === 'chrY')).toEqual([
      { chrom: 'chrY', start: 2786854, end: 2787699, minDepth: 0, meanDepth: 0, genes: ['SRY'] },
    ]);
    expect(r.low.find((l) => l.chrom === 'chrM')).toMatchObject({ start: 647, end: 1601, genes: ['MT-RNR1'] });
    expect(r.regions.find((g) => g.gene === 'SRY')).toMatchObject({ depthSum: 0, reads: 0, atLeast: [0, 0, 0] });
  });

  it('still lists the read-less contigs when samtools depth leaves them out (as `depth -a` does)', () => {
    const params = resolveParameters(panelCoverage, { depth1: 1 });
    const texts: Record<string, string> = {};
    for (const [key, name] of Object.entries(FEMALE_CASES)) texts[key] = native(name).stdout;
    const withoutReadless = texts['depth']!.split('\n')
      .filter((line) => !/^chr[YM]\t/.test(line))
      .join('\n');
    const full = panelCoverage.parse(texts, FEMALE, params);
    const partial = panelCoverage.parse({ ...texts, depth: withoutReadless }, FEMALE, params);
    expect(partial.positions).toBeLessThan(full.positions);
    expect(partial.low).toEqual(full.low);
  });

  it('runs samtools depth with -aa', () => {
    const steps = panelCoverage.steps(FEMALE, resolveParameters(panelCoverage, {}));
    expect(steps.at(-1)!.job.steps[0]!.argv).toEqual(['depth', '-aa', '-b', 'sex.panel.bed', 'sex.female.bam']);
  });
});
