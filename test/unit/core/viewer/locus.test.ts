import { describe, expect, it } from 'vitest';
import { formatLocus, locusAt, parseLocus } from '../../../../src/core/viewer/locus';

describe('parseLocus', () => {
  it.each([
    ['seq1:100-200', { chr: 'seq1', start: 100, end: 200 }],
    [' chr1:1,000-2,000 ', { chr: 'chr1', start: 1000, end: 2000 }],
    ['chrX:500', { chr: 'chrX', start: 450, end: 550 }],
    ['seq1:10', { chr: 'seq1', start: 1, end: 60 }],
  ])('reads %j', (text, locus) => {
    expect(parseLocus(text)).toEqual(locus);
  });

  it.each(['BRCA1', 'seq1:200-100', 'seq1:0-10', 'seq1:a-b', '', 'seq1 100 200'])('refuses %j (a gene name or a typo)', (text) => {
    expect(parseLocus(text)).toBeUndefined();
  });
});

describe('formatting', () => {
  it('writes chr:start-end', () => expect(formatLocus({ chr: 'seq2', start: 5, end: 9 })).toBe('seq2:5-9'));
  it('centres a window on a position', () => expect(locusAt('seq1', 548, 20)).toBe('seq1:528-568'));
});
