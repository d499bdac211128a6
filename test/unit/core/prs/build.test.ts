// The scoring file's build against the VCF's: names normalised, a mismatch refused with advice, unknown builds
// left to the matching; and the header and the largest contributions shown in the result.
import { describe, expect, it } from 'vitest';
import { polygenicScore } from '../../../../src/core/analyses/polygenic-score';
import { buildMismatch, normaliseBuild, scoringBuild } from '../../../../src/core/prs/build';
import { PRIMARY_LENGTHS } from '../../../../src/core/files/reference-builds';
import { CASES_SCORING } from './cases';

describe('build names', () => {
  it.each([
    ['GRCh37', 'GRCh37'],
    ['hg19', 'GRCh37'],
    ['GRCh38', 'GRCh38'],
    ['hg38', 'GRCh38'],
    ['NR', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%s is %s', (text, build) => expect(normaliseBuild(text)).toBe(build));

  it('a harmonised file is on its HmPOS_build, an author-reported one on its genome_build', () => {
    const header = { genomeBuild: 'GRCh37', hmPosBuild: 'GRCh38' };
    expect(scoringBuild(header, true)).toBe('GRCh38');
    expect(scoringBuild(header, false)).toBe('GRCh37');
  });

  it.each([
    ['GRCh37', 'GRCh38', true],
    ['GRCh38', 'GRCh38', false],
    ['unknown', 'GRCh38', false],
    ['GRCh37', 'unknown', false],
  ] as const)('scoring %s against VCF %s refused: %s', (scoring, target, refused) =>
    expect(buildMismatch(scoring, target) !== undefined).toBe(refused),
  );
});

describe('the analysis', () => {
  const vcfHeader = (build: 'GRCh37' | 'GRCh38') =>
    `##fileformat=VCFv4.2\n##contig=<ID=1,length=${PRIMARY_LENGTHS[build]['1']}>\n##contig=<ID=2,length=${PRIMARY_LENGTHS[build]['2']}>\n`;
  const query = [
    '# [1]CHROM\t[2]POS\t[3]REF\t[4]ALT\t[5]S1:GT',
    '1\t1000\tA\tG\t0/1',
    '1\t2000\tC\tT\t1/1',
    '1\t3000\tG\tA\t0/1',
    '1\t4000\tT\tC\t1/1',
    '2\t600\tA\tG\t1/1',
  ].join('\n');
  const run = (build: 'GRCh37' | 'GRCh38') => {
    const params = { minOverlap: 0, keepAmbiguous: 0, keepMultiallelic: 0 };
    const texts = { 'input:scoring': CASES_SCORING, genotypes: query, header: vcfHeader(build) };
    return polygenicScore.parse(texts, { scoring: 'PGS_TEST01.txt', variants: 'x.vcf' }, params);
  };

  it('is not applicable on a VCF of another build, and says which file to use', () => {
    const outcome = polygenicScore.applies!(run('GRCh38'));
    expect(outcome?.because).toContain('GRCh37 but the VCF is on GRCh38');
    expect(outcome?.todo).toContain('_hmPOS_GRCh38');
  });

  it('shows the header of the scoring file', () => {
    const result = run('GRCh37');
    expect(polygenicScore.applies!(result)).toBeUndefined();
    const header = Object.fromEntries(polygenicScore.tables(result)['header']!.map((r) => [r['field'], r['value']]));
    expect(header).toMatchObject({
      'PGS ID': 'PGS_TEST01',
      'Trait (reported)': 'Constructed test trait',
      'Build of the VCF': 'GRCh37',
      Licence: 'CC0',
      Citation: 'Lokus test data (synthetic)',
      'Rows not scorable': '1 haplotype or diplotype',
    });
  });

  it('lists the largest contributions by size, largest first', () => {
    const result = run('GRCh37');
    const all = [...result.contributions!.value].sort((a, b) => Math.abs(b) - Math.abs(a));
    const top = polygenicScore.tables(result)['top']!.map((r) => r['contribution']);
    expect(top).toHaveLength(5);
    expect(top).toEqual(all.slice(0, 20));
  });
});
