import { describe, expect, it } from 'vitest';
import { alignmentQc, type AlignmentQcResult } from '../../../../src/core/analyses/alignment-qc';
import { effectiveThresholds, judge, judgeMetrics, resolveParameters } from '../../../../src/core/analyses/analysis';
import { fastqQc, gcBins, type FastqQcResult } from '../../../../src/core/analyses/fastq-qc';
import { commandsOf, runAnalysis } from '../../../../src/core/analyses/run-analysis';
import { variantSummary, type VariantSummaryResult } from '../../../../src/core/analyses/variant-summary';
import { engineRunner, scriptedEngine } from './scripted-tools';

async function run<R>(
  def: typeof alignmentQc | typeof fastqQc | typeof variantSummary,
  inputs: Record<string, string>,
  params: Record<string, number> = {},
) {
  const engine = scriptedEngine();
  const outcome = await runAnalysis<R>(def, inputs, resolveParameters(def, params), engineRunner(engine));
  if (!outcome.ok) throw new Error(outcome.message);
  return { result: outcome.result, engine };
}

const metric = (metrics: { key: string; value: number; verdict?: string }[], key: string) =>
  metrics.find((m) => m.key === key)!;

describe('Alignment QC on ex1.bam', () => {
  it('runs flagstat, idxstats, stats and the MAPQ counts as argv jobs', async () => {
    const { engine } = await run<AlignmentQcResult>(alignmentQc, { alignments: 'ex1.bam' });
    expect(engine.calls.map((c) => [c.program, ...c.argv].join(' '))).toEqual([
      'samtools flagstat ex1.bam',
      'samtools idxstats ex1.bam',
      'samtools stats -i 8000 -c 1,1000,1 ex1.bam',
      'samtools view -c -F 0x904 -q 1 ex1.bam',
      'samtools view -c -F 0x904 -q 20 ex1.bam',
      'samtools view -c -F 0x904 -q 30 ex1.bam',
      'samtools view -c -F 0x904 -q 60 ex1.bam',
    ]);
  });

  it('judges the summary cards with the default thresholds', async () => {
    const { result } = await run<AlignmentQcResult>(alignmentQc, { alignments: 'ex1.bam' });
    const metrics = judgeMetrics(alignmentQc.metrics(result), effectiveThresholds(alignmentQc));
    expect(metric(metrics, 'reads')).toMatchObject({ value: 3307 });
    expect(metric(metrics, 'mappedPct').value).toBeCloseTo(98.91, 2);
    expect(metric(metrics, 'mappedPct').verdict).toBe('pass');
    expect(metric(metrics, 'properlyPairedPct').value).toBeCloseTo(95.07, 2);
    expect(metric(metrics, 'meanCoverage').value).toBeCloseTo(115286 / 3159, 6);
    expect(metric(metrics, 'meanCoverage').verdict).toBe('pass');
    expect(metric(metrics, 'errorRatePct')).toMatchObject({ verdict: 'pass' });
    expect(metric(metrics, 'errorRatePct').value).toBeCloseTo(0.801485, 6);
  });

  it('changes a verdict when the user raises a threshold', async () => {
    const { result } = await run<AlignmentQcResult>(alignmentQc, { alignments: 'ex1.bam' });
    const metrics = judgeMetrics(
      alignmentQc.metrics(result),
      effectiveThresholds(alignmentQc, { meanCoverage: { pass: 60, warn: 40 } }),
    );
    expect(metric(metrics, 'meanCoverage').verdict).toBe('fail');
  });

  it('turns cumulative MAPQ counts into bands', async () => {
    const { result } = await run<AlignmentQcResult>(alignmentQc, { alignments: 'ex1.bam' });
    expect(alignmentQc.charts.find((c) => c.id === 'mapq')!.rows(result)).toEqual([
      { band: '0', reads: 3271 - 3241 },
      { band: '1–19', reads: 3241 - 3224 },
      { band: '20–29', reads: 3224 - 3210 },
      { band: '30–59', reads: 3210 - 3147 },
      { band: '≥60', reads: 3147 },
    ]);
  });

  it('has rows for every chart', async () => {
    const { result } = await run<AlignmentQcResult>(alignmentQc, { alignments: 'ex1.bam' });
    for (const chart of alignmentQc.charts) expect(chart.rows(result).length, chart.id).toBeGreaterThan(0);
  });

  it('re-runs with a changed parameter in the command', () => {
    expect(
      commandsOf(alignmentQc, { alignments: 'ex1.bam' }, resolveParameters(alignmentQc, { maxInsert: 500 }))[2],
    ).toBe('samtools stats -i 500 -c 1,1000,1 ex1.bam > ex1.bam.stats.txt');
  });

  it('reads CRAM with the reference in every step', () => {
    const commands = commandsOf(
      alignmentQc,
      { alignments: 'ex1.cram', reference: 'ex1.fa' },
      resolveParameters(alignmentQc),
    );
    expect(commands[0]).toBe('samtools flagstat --input-fmt-option reference=ex1.fa ex1.cram');
    expect(commands[2]).toContain('--reference ex1.fa ex1.cram');
    expect(alignmentQc.check!({ alignments: 'ex1.cram' }, { alignments: 'cram' })).toMatch(/reference/);
  });

  it('reports a failed step with its command', async () => {
    const outcome = await runAnalysis(
      alignmentQc,
      { alignments: 'other.bam' },
      resolveParameters(alignmentQc),
      engineRunner(scriptedEngine()),
    );
    expect(outcome).toMatchObject({ ok: false, step: 'samtools flagstat other.bam' });
  });
});

describe('FASTQ QC', () => {
  it('runs fqchk and comp on each file of a pair and judges each', async () => {
    const { result, engine } = await run<FastqQcResult>(fastqQc, {
      reads1: 'ex1_R1.fastq.gz',
      reads2: 'ex1_R2.fastq.gz',
    });
    expect(engine.calls).toHaveLength(4);
    const metrics = judgeMetrics(fastqQc.metrics(result), effectiveThresholds(fastqQc));
    expect(metric(metrics, 'reads.R1')).toMatchObject({ value: 1608 });
    expect(metric(metrics, 'meanQuality.R1')).toMatchObject({ value: 25.9, verdict: 'warn' });
    expect(metric(metrics, 'nPct.R2').value).toBeCloseTo((100 * 125) / result.files[1]!.comp.bases, 6);
    expect(metric(metrics, 'pairDifference')).toMatchObject({ value: 0, verdict: 'pass' });
  });

  it('runs on a single file without pair checks', async () => {
    const { result } = await run<FastqQcResult>(fastqQc, { reads1: 'ex1_R1.fastq.gz' });
    expect(result.files.map((f) => f.label)).toEqual(['reads']);
    expect(fastqQc.metrics(result).some((m) => m.key === 'pairDifference')).toBe(false);
  });

  it('draws every chart per file', async () => {
    const { result } = await run<FastqQcResult>(fastqQc, { reads1: 'ex1_R1.fastq.gz', reads2: 'ex1_R2.fastq.gz' });
    const quality = fastqQc.charts.find((c) => c.id === 'quality-by-position')!.rows(result);
    expect(new Set(quality.map((row) => row['reads']))).toEqual(new Set(['R1', 'R2']));
    for (const chart of fastqQc.charts) expect(chart.rows(result).length, chart.id).toBeGreaterThan(0);
  });
});

describe('Variant summary', () => {
  it('summarises the 1000 Genomes excerpt', async () => {
    const { result } = await run<VariantSummaryResult>(variantSummary, {
      variants: '1kg_phase1_chr22_5samples.vcf.gz',
    });
    const metrics = judgeMetrics(variantSummary.metrics(result), effectiveThresholds(variantSummary));
    expect(metric(metrics, 'records').value).toBe(10376);
    expect(metric(metrics, 'snps').value).toBe(9969);
    expect(metric(metrics, 'indels').value).toBe(406);
    expect(metric(metrics, 'tstv').value).toBeCloseTo(7508 / 2461, 6);
    expect(metric(metrics, 'tstv').verdict).toBe('pass');
    expect(metric(metrics, 'samples').value).toBe(5);
  });

  it('says when a chart has no data (no DP in the file)', async () => {
    const { result } = await run<VariantSummaryResult>(variantSummary, {
      variants: '1kg_phase1_chr22_5samples.vcf.gz',
    });
    expect(variantSummary.charts.find((c) => c.id === 'depth')!.rows(result)).toEqual([]);
  });

  it('adds a QUAL filter to the command when asked', () => {
    expect(commandsOf(variantSummary, { variants: 'x.vcf.gz' }, { minQual: 30 })).toEqual([
      "bcftools stats -s - -i 'QUAL>=30' x.vcf.gz > x.vcf.gz.stats.txt",
    ]);
  });
});

describe('judge', () => {
  it.each([
    [96, 'higher', 'pass'],
    [90, 'higher', 'warn'],
    [50, 'higher', 'fail'],
    [5, 'lower', 'pass'],
    [20, 'lower', 'warn'],
    [50, 'lower', 'fail'],
    [Number.NaN, 'higher', undefined],
  ] as const)('%s with %s-is-better gives %s', (value, better, verdict) => {
    expect(judge(value, { better, pass: better === 'higher' ? 95 : 10, warn: better === 'higher' ? 80 : 30 })).toBe(
      verdict,
    );
  });

  it('keeps parameters within their range', () => {
    expect(resolveParameters(alignmentQc, { maxInsert: -5, maxCoverage: 50 })).toEqual({
      maxInsert: 8000,
      maxCoverage: 50,
    });
  });
});

describe('GC bins for short reads', () => {
  it('keeps every read and widens bins to about two bases of GC', async () => {
    const { result } = await run<FastqQcResult>(fastqQc, { reads1: 'ex1_R1.fastq.gz' });
    const bins = gcBins(result.files[0]!.comp);
    expect(bins.reduce((sum, b) => sum + b.reads, 0)).toBe(
      result.files[0]!.comp.gc.reduce((sum, b) => sum + b.reads, 0),
    );
    expect(bins[1]!.gc - bins[0]!.gc).toBe(6);
  });
});
