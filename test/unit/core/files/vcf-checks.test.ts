import { describe, expect, it } from 'vitest';
import { vcfProblems } from '../../../../src/core/files/vcf-checks';

const HEADER = [
  '##fileformat=VCFv4.2',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="d">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="g">',
];
const COLUMNS = '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\ts1';
const vcf = (...records: string[]) => [...HEADER, COLUMNS, ...records];

describe('vcfProblems', () => {
  it('is quiet for well-formed records with declared keys', () => {
    expect(
      vcfProblems('a.vcf', vcf('1\t10\t.\tA\tG\t.\tPASS\tDP=3\tGT\t0/1', '1\t11\t.\tA\tG\t.\tPASS\t.\tGT\t0/1')),
    ).toEqual([]);
  });

  it.each([
    ['space-separated columns', '1 10 . A G . PASS DP=3', /line 5 has 1 tab-separated column, not 10/],
    ['a missing sample column', '1\t10\t.\tA\tG\t.\tPASS\tDP=3\tGT', /line 5 has 9 columns, the header 10/],
    ['a POS that is not a number', '1\tten\t.\tA\tG\t.\tPASS\tDP=3\tGT\t0/1', /line 5 has POS "ten"/],
    ['POS 0', '1\t0\t.\tA\tG\t.\tPASS\tDP=3\tGT\t0/1', /line 5 has POS "0"/],
  ])('reports %s as a malformed record', (_, record, message) => {
    const problems = vcfProblems('a.vcf', vcf(record));
    expect(problems).toEqual([{ code: 'vcf-malformed', severity: 'error', message: expect.stringMatching(message) }]);
  });

  it('lists every malformed line up to ten, then says how many more, and how much of the file it read', () => {
    const bad = (n: number) => Array.from({ length: n }, (_, i) => `1\tp${i}\t.\tA\tG\t.\tPASS\tDP=3\tGT\t0/1`);
    const five = vcfProblems('a.vcf', vcf(...bad(5)))[0]?.message ?? '';
    expect(five).toMatch(
      /^a\.vcf has 5 malformed records: line 5 has POS "p0".*; line 9 has POS "p4", not a positive whole number\. Tools stop/,
    );
    const twelve = vcfProblems('a.vcf', vcf(...bad(12)), 'its first 64 KB')[0]?.message ?? '';
    expect(twelve).toMatch(
      /^a\.vcf has 12 malformed records in its first 64 KB: line 5 .*; line 14 has POS "p9", not a positive whole number; and 2 more lines\. /,
    );
    expect(twelve).not.toMatch(/line 15/);
  });

  it('gives each malformed line one entry with all that is wrong with it', () => {
    const message = vcfProblems('a.vcf', vcf('1\tx\t.\tA\tG\t.\tPASS\tDP=3\tGT'))[0]?.message ?? '';
    expect(message).toMatch(/has 1 malformed record: line 5 has 9 columns, the header 10 and has POS "x"/);
  });

  it('names undeclared INFO and FORMAT keys once each', () => {
    const problems = vcfProblems(
      'a.vcf',
      vcf('1\t10\t.\tA\tG\t.\tPASS\tDP=3;XX=1;FLAG\tGT:YY\t0/1:3', '1\t12\t.\tA\tG\t.\tPASS\tXX=2\tGT\t0/1'),
    );
    expect(problems).toEqual([
      {
        code: 'vcf-undeclared',
        severity: 'warning',
        message: expect.stringMatching(
          /^a\.vcf uses INFO\/XX, INFO\/FLAG, FORMAT\/YY without declaring them.*bcftools annotate -h/,
        ),
      },
    ]);
  });

  it('ignores files without a #CHROM line (header cut off by the head limit)', () => {
    expect(vcfProblems('a.vcf', HEADER)).toEqual([]);
  });
});
