import { describe, expect, it } from 'vitest';
import { meanCoverage, parseSamtoolsStats, qualityByCycle } from '../../../../src/core/parsers/samtools-stats';
import { toolOutput, withLine } from './tool-output';

const bam = parseSamtoolsStats(toolOutput('samtools-stats.ex1.bam.txt'));
const grep = (tag: string) =>
  toolOutput('samtools-stats.ex1.bam.txt')
    .split('\n')
    .filter((line) => line.startsWith(`${tag}\t`));

describe('parseSamtoolsStats on ex1.bam', () => {
  it('reads the summary numbers (SN)', () => {
    expect(bam.summary).toMatchObject({
      rawTotalSequences: 3307,
      readsMapped: 3271,
      readsProperlyPaired: 3144,
      readsDuplicated: 0,
      readsMq0: 30,
      basesMappedCigar: 115286,
      mismatches: 924,
      errorRate: 8.01485e-3,
      averageQuality: 25.7,
      insertSizeAverage: 208.6,
      insertSizeSd: 13.3,
    });
    expect(bam.allSummary['percentage of properly paired reads (%)']).toBe(95.1);
  });

  it('reads qualities per cycle for first and last fragments (FFQ, LFQ)', () => {
    expect(bam.firstQualities).toHaveLength(grep('FFQ').length);
    expect(bam.lastQualities).toHaveLength(grep('LFQ').length);
    expect(bam.firstQualities[0]!.counts[27]).toBe(1439);
    const perCycle = qualityByCycle(bam.firstQualities);
    expect(perCycle[0]).toMatchObject({ cycle: 1, median: 27, p25: 27, p75: 27 });
    expect(perCycle[0]!.mean).toBeCloseTo(26.7975, 4);
  });

  it('reads insert sizes (IS)', () => {
    expect(bam.insertSizes).toHaveLength(grep('IS').length);
    const total = bam.insertSizes.reduce((sum, row) => sum + row.total, 0);
    // Pairs beyond the insert-size cap (-i) are not binned, so this is below SN's 1572 inward pairs.
    expect(total).toBe(1557);
  });

  it('reads GC content (GCF) and base content per cycle (GCC)', () => {
    expect(bam.gcFirst[1]).toEqual({ gc: 4.27, count: 1 });
    expect(bam.baseContent[0]).toEqual({ cycle: 1, a: 35.47, c: 18.96, g: 16.27, t: 29.29, n: 0.18 });
  });

  it('reads indels by length and per cycle (ID, IC)', () => {
    expect(bam.indels[0]).toEqual({ length: 1, insertions: 0, deletions: 2 });
    expect(bam.indelsPerCycle[0]).toEqual({ cycle: 8, insFwd: 0, insRev: 2, delFwd: 0, delRev: 0 });
    expect(bam.indelsPerCycle).toHaveLength(14);
  });

  it('reads coverage (COV), GC-depth (GCD) and read lengths (RL)', () => {
    expect(bam.coverage[0]).toEqual({ range: '[1-1]', depth: 1, bases: 4 });
    expect(bam.coverage).toHaveLength(grep('COV').length);
    expect(meanCoverage(bam.coverage)).toBeGreaterThan(30);
    expect(bam.gcDepth[1]).toEqual({
      gc: 45,
      uniquePercentile: 100,
      p10: 2.593,
      p25: 2.593,
      p50: 2.593,
      p75: 2.593,
      p90: 2.593,
    });
    expect(bam.readLengths.find((row) => row.length === 35)).toEqual({ length: 35, count: 2865 });
  });

  it('has no MAPQ section in samtools 1.16', () => {
    expect(bam.mapq).toEqual([]);
  });

  it('gives the same numbers for the CRAM copy read with its reference', () => {
    const cram = parseSamtoolsStats(toolOutput('samtools-stats.ex1.cram.txt'));
    expect(cram.summary).toEqual(bam.summary);
  });
});

describe('parseSamtoolsStats errors', () => {
  const text = toolOutput('samtools-stats.ex1.bam.txt');
  const lines = text.split('\n');

  it('names the line of a damaged number', () => {
    const at = lines.findIndex((line) => line.startsWith('SN\treads mapped:')) + 1;
    expect(() => parseSamtoolsStats(withLine(text, at, 'SN\treads mapped:\tabc'))).toThrow(
      `samtools stats output, line ${at}: the value of "reads mapped:" should be a number, found "abc"`,
    );
  });

  it('names a line that is not stats output', () => {
    expect(() => parseSamtoolsStats(withLine(text, 10, '<html>'))).toThrow(/line 10: expected a section tag/);
  });

  it('reports a missing summary line', () => {
    expect(() => parseSamtoolsStats(lines.filter((line) => !line.startsWith('SN\terror rate')).join('\n'))).toThrow(
      /"error rate" is missing/,
    );
  });
});
