import { describe, expect, it } from 'vitest';
import { regionHint } from '../../../../src/core/variants/region-contigs';

describe('regionHint', () => {
  it.each([
    // region, the file's contigs, the offered region (null: none), message part (null: no hint)
    ['chr22:16050000-16060000', ['22'], '22:16050000-16060000', 'no contig "chr22"'],
    ['22:16,050,000-16,060,000', ['chr22'], 'chr22:16050000-16060000', 'no contig "22"'],
    ['chrM:100-200', ['MT', '1'], 'MT:100-200', 'no contig "chrM"'],
    ['MT', ['chrM'], 'chrM', 'no contig "MT"'],
    ['chr1:1-10,chr2:5-6', ['1', '2'], '1:1-10,2:5-6', 'no contig "chr1", "chr2"'],
    ['22:1-100', ['22'], null, null],
    ['chr1:1-10,2:5', ['1', '2'], '1:1-10,2:5', 'no contig "chr1"'],
    ['seq3:1-10', ['seq1', 'seq2'], null, 'no records on "seq3": its contigs are seq1, seq2'],
    ['chr22:1-10', [], null, null],
    ['', ['22'], null, null],
  ])('%s on contigs %j', (region, contigs, fix, message) => {
    const hint = regionHint(region, contigs);
    if (message === null) return expect(hint).toBeUndefined();
    expect(hint?.message).toContain(message);
    expect(hint?.fix).toBe(fix ?? undefined);
  });
});
