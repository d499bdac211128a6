import { describe, expect, it } from 'vitest';
import { isSiteExpression } from '../../../../src/core/variants/site-expression';
import { parseVcfHeader } from '../../../../src/core/parsers/vcf-header';

// INFO AF and DP, FORMAT GT and DP (DP is both: bcftools would have to guess, so it counts as sample-level).
const header = parseVcfHeader(
  [
    '##fileformat=VCFv4.2',
    '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
  ].join('\n'),
);

describe('isSiteExpression', () => {
  it.each([
    'QUAL>500 && INFO/AF>0.1',
    'AF<0.01',
    'TYPE="snp" || FILTER="PASS"',
    'INFO/DP>10',
    'abs(ILEN)>3',
    'QUAL>1e-5',
    'N_ALT>1 && POS<100000',
    'ID=="rs1"',
  ])('%s is site-level', (expression) => expect(isSiteExpression(expression, header)).toBe(true));

  it.each([
    'GT="het"',
    'FMT/DP>10',
    'FORMAT/GT="alt"',
    'DP>10',
    'sSUM(FMT/DP)>10',
    'AC>2',
    'N_PASS(GT="alt")>1',
    'UNKNOWN>1',
  ])('%s is not (or not surely) site-level', (expression) => expect(isSiteExpression(expression, header)).toBe(false));

  it('ignores names inside quoted strings', () => {
    expect(isSiteExpression('FILTER="GT_low"', header)).toBe(true);
  });
});
