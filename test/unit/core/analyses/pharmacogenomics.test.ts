// The Pharmacogenomics analysis as declared: which inputs it accepts, the bcftools commands for the VCF
// and BAM routes, and the tables, caveats and PharmCAT outside-call file of its result.
import { describe, expect, it } from 'vitest';
import { pharmacogenomics } from '../../../../src/core/analyses/pharmacogenomics';
import { indexParameters } from '../../../../src/core/analyses/inputs';
import { findAnalysis } from '../../../../src/core/analyses/registry';
import { makeVcf } from '../pgx/make-vcf';

const params = { build: 0, sample: 1, minDepth: 10, useIndex: 0 };

describe('Pharmacogenomics analysis', () => {
  it('is registered', () => {
    expect(findAnalysis('pharmacogenomics')).toBe(pharmacogenomics);
  });

  it.each<{ inputs: Record<string, string>; problem: RegExp | undefined }>([
    { inputs: {}, problem: /Choose a VCF\/BCF under "Variants \(VCF\/BCF\)", or a BAM\/CRAM/ },
    { inputs: { variants: 'a.vcf.gz', alignments: 'a.bam' }, problem: /not both/ },
    { inputs: { alignments: 'a.bam' }, problem: /needs the reference FASTA/ },
    { inputs: { variants: 'a.vcf.gz' }, problem: undefined },
  ])('checks inputs $inputs', ({ inputs, problem }) => {
    const message = pharmacogenomics.check!(inputs, {});
    if (problem) expect(message).toMatch(problem);
    else expect(message).toBeUndefined();
  });

  it('streams a VCF with targets in both builds and namings, or jumps through the index', () => {
    const [stream] = pharmacogenomics.steps({ variants: 'a.vcf.gz' }, params);
    expect(stream!.job.steps[0]!.argv.slice(0, 5)).toEqual([
      'view',
      '--no-version',
      '--targets-overlap',
      'record',
      '-t',
    ]);
    const targets = stream!.job.steps[0]!.argv[5]!.split(',');
    expect(targets).toContain('chr10:94781859');
    expect(targets).toContain('10:96541616');
    expect(targets).toContain('chr22:42128945');
    expect(stream!.job.stdoutFile).toBe('a.vcf.gz.pgx.vcf');
    const [indexed] = pharmacogenomics.steps({ variants: 'a.vcf.gz' }, { ...params, useIndex: 1 });
    expect(indexed!.job.steps[0]!.argv[2]).toBe('-r');
    expect(indexed!.job.steps[0]!.argv[3]!.split(',')).toContain('chr10:94781859-94781859');
  });

  it('reads the VCF through its index when it has one', () => {
    const files = [
      { name: 'a.vcf.gz', format: 'vcf' as const, indexName: 'a.vcf.gz.tbi' },
      { name: 'b.vcf', format: 'vcf' as const },
    ];
    expect(indexParameters(pharmacogenomics, { variants: 'a.vcf.gz' }, files)).toEqual({ useIndex: 1 });
    expect(indexParameters(pharmacogenomics, { variants: 'b.vcf' }, files)).toEqual({ useIndex: 0 });
    expect(indexParameters(pharmacogenomics, { alignments: 's.bam' }, files)).toEqual({});
  });

  it('genotypes a BAM with mpileup piped into call, keeping reference sites; through the index only for a chosen build', () => {
    const [step] = pharmacogenomics.steps({ alignments: 's.bam', reference: 'ref.fa' }, params);
    const [mpileup, call] = step!.job.steps;
    expect(mpileup!.argv.slice(0, 7)).toEqual([
      'mpileup',
      '--no-version',
      '-f',
      'ref.fa',
      '-a',
      'FORMAT/AD,FORMAT/DP',
      '-t',
    ]);
    expect(mpileup!.argv.at(-1)).toBe('s.bam');
    expect(call!.argv).toEqual(['call', '--no-version', '-m', '-Ov', '-']);
    const [indexed] = pharmacogenomics.steps(
      { alignments: 's.bam', reference: 'ref.fa' },
      { ...params, useIndex: 1, build: 38, chrNames: 0 },
    );
    const regions = indexed!.job.steps[0]!.argv[7]!.split(',');
    expect(indexed!.job.steps[0]!.argv[6]).toBe('-r');
    expect(regions).toContain('10:94781859-94781859');
    expect(regions.some((r) => r.startsWith('chr') || r === '10:96541616-96541616')).toBe(false);
  });

  it('shows gene and position tables, says what it cannot do, and exports PharmCAT outside calls', () => {
    const vcf = makeVcf({
      build: 'GRCh38',
      // CPIC *2 is c.332-23A>G with c.681G>A (PharmCAT CYP2C19_translation.json), so both are heterozygous here.
      genotypes: { rs3758581: 'G/G', rs12769205: 'A/G', rs4244285: 'G/A', rs1800460: 'C/T', rs1142345: 'T/C' },
      othersRef: true,
    });
    const result = pharmacogenomics.parse({ calls: vcf }, { variants: 'sample.vcf' }, params);
    const tables = pharmacogenomics.tables(result);
    expect(pharmacogenomics.shownTables!.map((t) => t.key)).toEqual(['genes', 'positions']);
    expect(tables['genes']!.find((g) => g['gene'] === 'CYP2C19')).toMatchObject({
      diplotype: '*1/*2',
      phenotype: 'Intermediate Metabolizer',
      'not called': '',
    });
    expect(tables['genes']!.find((g) => g['gene'] === 'TPMT')).toMatchObject({
      diplotype: '*1/*3A or *3B/*3C',
      phenotype: 'Intermediate Metabolizer or Poor Metabolizer',
    });
    expect(tables['positions']!.find((p) => p['rsid'] === 'rs4244285')).toMatchObject({
      genotype: 'G/A',
      zygosity: 'heterozygous',
      position: 'GRCh38 10:94781859',
    });
    expect(pharmacogenomics.caveats!.join(' ')).toMatch(/research and education/);
    expect(pharmacogenomics.caveats!.join(' ')).toMatch(/copy number.*not assessed/);
    const [file] = pharmacogenomics.downloads!(result);
    expect(file!.fileName).toBe('sample.vcf.outside-calls.tsv');
    const lines = file!.text.trimEnd().split('\n');
    expect(lines).toContain('CYP2C19\t*1/*2');
    expect(lines).toContain('CYP2C9\t*1/*1');
    expect(lines).toContain('VKORC1\trs9923231 reference (C)/rs9923231 reference (C)');
    expect(lines).toContain('# TPMT: not exported, several diplotypes fit (*1/*3A, *3B/*3C)');
    expect(lines.filter((l) => !l.startsWith('#')).every((l) => /^[A-Z0-9]+\t\S.*$/.test(l))).toBe(true);
  });

  it('says which sample and build it read, and when the chosen build disagrees with the header', () => {
    const vcf = makeVcf({ build: 'GRCh38', genotypes: {}, othersRef: true });
    const detected = pharmacogenomics.metrics(pharmacogenomics.parse({ calls: vcf }, { variants: 'v.vcf' }, params));
    expect(detected.find((m) => m.key === 'called')).toMatchObject({
      value: 8,
      note: 'sample SAMPLE1; GRCh38 (7 ##contig lengths match GRCh38)',
    });
    const forced = pharmacogenomics.metrics(
      pharmacogenomics.parse({ calls: vcf }, { variants: 'v.vcf' }, { ...params, build: 37 }),
    );
    expect(forced.find((m) => m.key === 'called')!.note).toMatch(/The header suggests GRCh38 .* but GRCh37 was chosen/);
    // 38 defining positions (the CPIC audit added CYP2C19 rs12769205, CYP2D6 rs1135840, SLCO1B1 rs11045819 and
    // rs34671512), none at a GRCh37 position in this GRCh38 file.
    expect(forced.find((m) => m.key === 'uncalledSites')!.value).toBe(38);
  });
});
