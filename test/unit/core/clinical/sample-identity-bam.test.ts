// Sample identity with a BAM first: the genotyping steps (argv, order, work-area files), the input checks, and
// the verdicts read off what native bcftools printed on the synthetic HG00096 BAM (scripts/gen-identity-bam.mjs).
import { describe, expect, it } from 'vitest';
import { resolveParameters } from '../../../../src/core/analyses/analysis';
import {
  genotypingFiles,
  identityMetrics,
  isAlignment,
  sampleIdentity,
  type SampleIdentityResult,
} from '../../../../src/core/analyses/sample-identity';
import { native, resultFromNative } from './native';

const BAM = { first: 'identity.HG00096.bam', reference: 'identity.ref.fa.gz' };

const run = (second: string, name: string): SampleIdentityResult =>
  resultFromNative(
    sampleIdentity,
    { ...BAM, second },
    {},
    {
      sites: `identity-bam-${name}-1-sites`,
      genotype: `identity-bam-${name}-2-genotype`,
      index: `identity-bam-${name}-3-index`,
      gtcheck: `identity-bam-${name}-4-gtcheck`,
    },
  );

/** The DC lines of a native gtcheck case: [query, genotyped, discordance, sites]. */
const dc = (name: string): [string, string, number, number][] =>
  native(name)
    .stdout.split('\n')
    .filter((l) => l.startsWith('DC\t'))
    .map((l) => l.split('\t'))
    .map((f) => [f[1]!, f[2]!, Number(f[3]), Number(f[5])]);

describe('Sample identity: a BAM against a VCF', () => {
  it('genotypes the BAM at the second file’s sites, indexes the calls, then runs gtcheck on them, in that order', () => {
    const steps = sampleIdentity.steps(
      { ...BAM, second: 'identity.HG00097.vcf.gz' },
      resolveParameters(sampleIdentity),
    );
    const files = genotypingFiles({ ...BAM, second: 'identity.HG00097.vcf.gz' });
    expect(files).toEqual({
      sites: 'identity.HG00097.identity-sites.tsv',
      calls: 'identity.HG00096.bam.identity.identity.HG00097.vcf.gz',
    });
    expect(steps.map((s) => [s.key, s.after ?? []])).toEqual([
      ['sites', []],
      ['genotype', ['sites']],
      ['index', ['genotype']],
      ['gtcheck', ['index']],
    ]);
    expect(steps[0]!.job.stdoutFile).toBe(files.sites);
    expect(steps[1]!.job.steps.map((s) => [s.program, ...s.argv])).toEqual([
      [
        'bcftools',
        'mpileup',
        '-f',
        'identity.ref.fa.gz',
        '-T',
        files.sites,
        '-a',
        'AD,DP',
        '-Ou',
        'identity.HG00096.bam',
      ],
      ['bcftools', 'call', '-m', '-A', '-C', 'alleles', '-T', files.sites, '-Oz', '-o', files.calls],
    ]);
    expect(steps[3]!.job.steps[0]!.argv).toEqual([
      'gtcheck',
      '-u',
      'GT,GT',
      '-e',
      '0',
      '-g',
      'identity.HG00097.vcf.gz',
      files.calls,
    ]);
  });

  it('adds the genotypes called from the BAM (and their index) to the session, and nothing for two VCFs', () => {
    const calls = genotypingFiles({ ...BAM, second: 'identity.HG00096.b.vcf.gz' }).calls;
    expect(sampleIdentity.sessionOutputs!({ ...BAM, second: 'identity.HG00096.b.vcf.gz' }, {})).toEqual([
      calls,
      `${calls}.csi`,
    ]);
    expect(sampleIdentity.sessionOutputs!({ first: 'a.vcf.gz', second: 'b.vcf.gz' }, {})).toEqual([]);
  });

  it('keeps the VCF-against-VCF analysis one gtcheck step', () => {
    const steps = sampleIdentity.steps(
      { first: 'a.vcf.gz', second: 'b.bcf', reference: 'ref.fa' },
      resolveParameters(sampleIdentity),
    );
    expect(steps.map((s) => ({ key: s.key, after: s.after, argv: s.job.steps.map((c) => c.argv) }))).toEqual([
      { key: 'gtcheck', after: undefined, argv: [['gtcheck', '-u', 'GT,GT', '-e', '0', '-g', 'b.bcf', 'a.vcf.gz']] },
    ]);
  });

  it.each([
    ['b', 'identity.HG00096.b.vcf.gz', 'same', 'same person'],
    ['HG00097', 'identity.HG00097.vcf.gz', 'different', 'different people'],
  ])('the HG00096 reads against %s: %s as native bcftools counted', (_who, second, name, verdict) => {
    const r = run(second, name);
    const [[query, genotyped, discordance, sites]] = dc(`identity-bam-${name}-4-gtcheck`) as [
      [string, string, number, number],
    ];
    expect(r.pairs).toEqual([expect.objectContaining({ query, genotyped, discordance, sites, verdict })]);
    expect(r.genotyped).toBe(genotypingFiles({ ...BAM, second }).calls);
  });

  it('compares a thousand sites: a few mismatches for HG00096 itself (indels are not in the reads), a quarter for HG00097', () => {
    const [[, , same, sites]] = dc('identity-bam-same-4-gtcheck') as [[string, string, number, number]];
    const [[, , different]] = dc('identity-bam-different-4-gtcheck') as [[string, string, number, number]];
    expect(sites).toBeGreaterThan(1000);
    expect(same / sites).toBeLessThan(0.01);
    expect(different / sites).toBeGreaterThan(0.2);
  });

  it('says the contig names may differ when the BAM has no reads at the sites', () => {
    const r = run('sex.chrX.vcf.gz', 'nosites');
    expect(r.pairs.map((p) => p.verdict)).toEqual(['not enough sites', 'not enough sites', 'not enough sites']);
    const sites = identityMetrics(r).find((m) => m.key === 'sitesCompared')!;
    expect(sites.value).toBe(0);
    expect(sites.note).toMatch(/contig names may differ \(chr22 vs 22\)/);
  });

  it('asks for the reference of a BAM or CRAM, and for a name the steps can recognise', () => {
    const check = (inputs: Record<string, string>, format: 'bam' | 'cram' | 'vcf') =>
      sampleIdentity.check!({ second: 'b.vcf.gz', ...inputs }, { first: format, second: 'vcf' });
    expect(check({ first: 'x.bam' }, 'bam')).toMatch(/open the FASTA it was aligned to .*"Reference FASTA"/);
    expect(check({ first: 'x.cram' }, 'cram')).toMatch(/Reference FASTA/);
    expect(check({ first: 'x.bam', reference: 'ref.fa' }, 'bam')).toBeUndefined();
    expect(check({ first: 'x.data', reference: 'ref.fa' }, 'bam')).toMatch(/rename it/);
    expect(check({ first: 'a.vcf.gz' }, 'vcf')).toBeUndefined();
    expect(isAlignment('s.CRAM')).toBe(true);
    expect(isAlignment('s.vcf.gz')).toBe(false);
  });
});

describe('Sample identity: choosing the reference for a BAM', () => {
  it('fills in the one FASTA of the session when the first sample is a BAM, and nothing for a VCF', () => {
    const names = [
      'identity.HG00096.bam',
      'identity.HG00096.bam.bai',
      'identity.HG00096.b.vcf.gz',
      'identity.ref.fa.gz',
      'identity.ref.fa.gz.fai',
    ];
    expect(
      sampleIdentity.complete?.({ first: 'identity.HG00096.bam', second: 'identity.HG00096.b.vcf.gz' }, names),
    ).toEqual({ reference: 'identity.ref.fa.gz' });
    expect(
      sampleIdentity.complete?.({ first: 'identity.HG00096.a.vcf.gz', second: 'identity.HG00096.b.vcf.gz' }, names),
    ).toEqual({});
  });

  it('leaves the choice to the user when the session holds several FASTA files', () => {
    expect(sampleIdentity.complete?.({ first: 'x.bam' }, ['x.bam', 'a.fa', 'b.fasta'])).toEqual({});
  });
});
