import { describe, expect, it } from 'vitest';
import { parseIdxstats } from '../../../../src/core/parsers/samtools-idxstats';
import { toolOutput } from './tool-output';

describe('parseIdxstats', () => {
  it('reads every reference of ex1.bam and the unplaced line', () => {
    expect(parseIdxstats(toolOutput('samtools-idxstats.ex1.bam.txt'))).toEqual([
      { name: 'seq1', length: 1575, mapped: 1482, unmapped: 19 },
      { name: 'seq2', length: 1584, mapped: 1789, unmapped: 17 },
      { name: '*', length: 0, mapped: 0, unmapped: 0 },
    ]);
  });

  it('names the line with a bad count', () => {
    expect(() => parseIdxstats('seq1\t1575\t1482\t19\nseq2\t1584\tmany\t17\n')).toThrow(
      'samtools idxstats output, line 2: mapped reads should be a number, found "many"',
    );
  });

  it('names a line with too few fields', () => {
    expect(() => parseIdxstats('seq1\t1575\n')).toThrow(/line 1: an idxstats line should have at least 4/);
  });
});
