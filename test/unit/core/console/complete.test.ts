import { describe, expect, it } from 'vitest';
import { complete } from '../../../../src/core/console/complete';

const programs = ['samtools', 'bcftools', 'bedtools', 'seqtk', 'head', 'sort', 'help'];
const files = ['stats.txt', 'flagstat.txt', 'ex1.bam', 'ex1.calls.vcf.gz'];

describe('console completion of subcommands', () => {
  it.each([
    ['bcftools st', 'bcftools stats '],
    // samtools has both `flags` and `flagstat`: extend to the common prefix and list both, as bash does
    ['samtools fl', 'samtools flags'],
    ['samtools flagst', 'samtools flagstat '],
    ['bedtools inter', 'bedtools intersect '],
    ['seqtk fq', 'seqtk fqchk '],
    ['bcftools view -H ex1.calls.vcf.gz | bcftools q', 'bcftools view -H ex1.calls.vcf.gz | bcftools query '],
  ])('%s<Tab> → %s', (line, expected) => {
    expect(complete(line, programs, files).line).toBe(expected);
  });

  it('lists the subcommands, never file names, when the prefix is ambiguous', () => {
    expect(complete('samtools fl', programs, files).candidates).toEqual(['flags', 'flagstat']);
  });

  it.each([
    ['samtools flagstat ex', 'samtools flagstat ex1.'],
    ['head st', 'head stats.txt '],
    ['sort fl', 'sort flagstat.txt '],
  ])('completes file names after the subcommand and for other programs: %s', (line, expected) => {
    expect(complete(line, programs, files).line).toBe(expected);
  });
});
