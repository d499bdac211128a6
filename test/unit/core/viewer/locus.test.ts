import { describe, expect, it } from 'vitest';
import { formatLocus, locusAt, locusOfInterval, locusOfPosition, parseLocus } from '../../../../src/core/viewer/locus';
import { somaticHotspots } from '../../../../src/core/analyses/somatic-hotspots';
import { panelCoverage } from '../../../../src/core/analyses/panel-coverage';
import { pharmacogenomics } from '../../../../src/core/analyses/pharmacogenomics';

describe('parseLocus', () => {
  it.each([
    ['seq1:100-200', { chr: 'seq1', start: 100, end: 200 }],
    [' chr1:1,000-2,000 ', { chr: 'chr1', start: 1000, end: 2000 }],
    ['chrX:500', { chr: 'chrX', start: 450, end: 550 }],
    ['seq1:10', { chr: 'seq1', start: 1, end: 60 }],
  ])('reads %j', (text, locus) => {
    expect(parseLocus(text)).toEqual(locus);
  });

  it.each(['BRCA1', 'seq1:200-100', 'seq1:0-10', 'seq1:a-b', '', 'seq1 100 200'])(
    'refuses %j (a gene name or a typo)',
    (text) => {
      expect(parseLocus(text)).toBeUndefined();
    },
  );
});

describe('formatting', () => {
  it('writes chr:start-end', () => expect(formatLocus({ chr: 'seq2', start: 5, end: 9 })).toBe('seq2:5-9'));
  it('centres a window on a position', () => expect(locusAt('seq1', 548, 20)).toBe('seq1:528-568'));
});

describe('loci of table rows (the viewer buttons of shown tables)', () => {
  it('reads the position at the end of a cell', () => {
    expect(locusOfPosition('chr12:25245350')).toBe('chr12:25245300-25245400');
    expect(locusOfPosition('GRCh38 10:94761900')).toBe('10:94761850-94761950');
    expect(locusOfPosition('not called')).toBeUndefined();
    expect(locusOfPosition(17)).toBeUndefined();
  });

  it('turns a BED interval into 1-based coordinates with flanks', () => {
    expect(locusOfInterval('seq1', 0, 100)).toBe('seq1:1-120');
    expect(locusOfInterval('seq1', 99, 111)).toBe('seq1:80-131');
    expect(locusOfInterval('seq1', 99, 111, 0)).toBe('seq1:100-111');
    expect(locusOfInterval('seq1', 100, 100)).toBeUndefined();
    expect(locusOfInterval(undefined, 0, 100)).toBeUndefined();
  });

  const table = (
    def: {
      shownTables?: readonly { key: string; locus?: (row: Record<string, string | number>) => string | undefined }[];
    },
    key: string,
  ) => def.shownTables?.find((t) => t.key === key);

  it('links hotspots, PGx positions, panel regions and low-coverage intervals', () => {
    expect(table(somaticHotspots, 'hotspots')?.locus?.({ position: 'chr7:140753336' })).toBe(
      'chr7:140753286-140753386',
    );
    expect(table(pharmacogenomics, 'positions')?.locus?.({ position: 'GRCh38 10:94781859' })).toBe(
      '10:94781809-94781909',
    );
    expect(table(panelCoverage, 'low-coverage')?.locus?.({ chrom: 'seq1', start: 99, end: 120 })).toBe('seq1:80-140');
    expect(table(panelCoverage, 'regions')?.locus?.({ chrom: 'seq2', start: 0, end: 50 })).toBe('seq2:1-70');
    expect(table(panelCoverage, 'genes')?.locus).toBeUndefined();
  });
});
