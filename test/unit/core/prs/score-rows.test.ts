// The columnar scoring rows and target sites: every row comes back as it was read (ids of any shape, long and
// lower-case alleles), and an unsorted scoring file matches as its sorted form does.
import { describe, expect, it } from 'vitest';
import { computePolygenicScore, matchLog } from '../../../../src/core/prs/polygenic-score';
import { readScoringFile } from '../../../../src/core/prs/scoring-file';

const header = 'rsID\tchr_name\tchr_position\teffect_allele\tother_allele\teffect_weight';
const rows = [
  ['rs1', '1', '100', 'A', 'G', '0.5'],
  ['rs0123', '1', '200', 'c', 't', '-0.25'],
  ['1:300:ACGT:A', 'chr1', '300', 'A', 'ACGT', '1e-3'],
  ['', '2', '50', 'T', '', '2'],
  ['rs99999999999', 'X', '70', 'G', 'A', '0.125'],
];
const text = (order: readonly (readonly string[])[]) => [header, ...order.map((r) => r.join('\t'))].join('\n');
const target = [
  '# [1]CHROM\t[2]POS\t[3]REF\t[4]ALT\t[5]S1:GT',
  '1\t100\tA\tG\t0/1',
  '1\t200\tC\tT\t1/1',
  '1\t300\tACGT\tA\t0/1',
  '2\t50\tt\tc\t0/0',
  'X\t70\tA\tG\t1',
].join('\n');
const options = { keepAmbiguous: false, keepMultiallelic: false, minOverlap: 0 };

describe('scoring rows as columns', () => {
  const file = readScoringFile(text(rows));
  it.each(rows.map((r, i) => [i, r] as const))('row %i reads back as written', (i, r) => {
    const row = file.rows.at(i);
    expect([row.rsId, row.chrom, String(row.pos), row.effectAllele, row.otherAllele ?? '']).toEqual([
      r[0],
      r[1],
      r[2],
      r[3]!.toUpperCase(),
      r[4]!.toUpperCase(),
    ]);
    expect(row.weight).toBe(Number(r[5]));
  });
});

describe('row order', () => {
  it('an unsorted file gives the matches and score of the sorted one', () => {
    const sorted = computePolygenicScore(text(rows), target, options);
    const shuffled = computePolygenicScore(text([rows[3]!, rows[0]!, rows[4]!, rows[2]!, rows[1]!]), target, options);
    expect(sorted.matched).toBe(5);
    expect(shuffled.matched).toBe(5);
    expect(shuffled.scores[0]!.sum).toBeCloseTo(sorted.scores[0]!.sum, 12);
    expect(shuffled.scores[0]!.alleleCount).toBe(sorted.scores[0]!.alleleCount);
  });

  it('the log names each target variant with upper-case alleles', () => {
    const log = matchLog(computePolygenicScore(text(rows), target, options));
    expect(log.map((r) => r['target_variant'])).toEqual([
      '1:100:A:G',
      '1:200:C:T',
      '1:300:ACGT:A',
      '2:50:T:C',
      'X:70:A:G',
    ]);
  });
});
