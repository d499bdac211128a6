// Genotypes at the defining positions: absent positions are not called (never reference), and so are
// filtered, low-depth and missing genotypes; gVCF reference blocks and all-sites 0/0 records are calls.
import { describe, expect, it } from 'vitest';
import { callPgx } from '../../../../src/core/pgx/call-genes';
import { makeVcf } from './make-vcf';

const run = (vcf: string, minDepth = 0) => callPgx(vcf, { build: 0, sample: 1, minDepth });
const site = (r: ReturnType<typeof run>, rsid: string) => r.sites.find((s) => s.rsid === rsid)!.call;
const gene = (r: ReturnType<typeof run>, name: string) => r.genes.find((g) => g.gene === name)!;

describe('PGx site calls', () => {
  it('reports a position absent from a variant-only VCF as not called, and keeps the alleles that depend on it open', () => {
    const r = run(makeVcf({ build: 'GRCh38', genotypes: { rs4244285: 'G/A', rs3758581: 'G/G' } }));
    expect(site(r, 'rs12248560')).toEqual({
      rsid: 'rs12248560',
      status: 'not-called',
      reason: 'absent from the input',
    });
    const c19 = gene(r, 'CYP2C19');
    expect(c19.status).toBe('uncertain');
    expect(c19.uncalled.map((u) => u.rsid)).toEqual(['rs12248560', 'rs28399504', 'rs12769205', 'rs4986893']);
    expect(c19.uncalled[0]!.alleles).toEqual(['*17']);
    expect(c19.uncalled[2]!.alleles).toEqual(['*2', '*35']);
    // *2 on one haplotype (c.681 is called heterozygous); the other could carry *1, *3, *4, *17 or *35 (c.332-23A>G
    // alone, CPIC definition table) as far as this file says.
    expect(c19.diplotypes.map((d) => d.diplotype)).toEqual(['*1/*2', '*2/*3', '*2/*4', '*2/*17', '*2/*35']);
  });

  it('calls a gene "not called" when none of its positions is in the input', () => {
    const r = run(makeVcf({ build: 'GRCh38', genotypes: { rs4244285: 'G/A' } }));
    expect(gene(r, 'TPMT')).toMatchObject({ status: 'not-called', diplotypes: [] });
  });

  it('reads a gVCF reference block covering a position as a reference call', () => {
    const block = ['chr6', '18130600', '.', 'A', '<NON_REF>', '.', 'PASS', 'END=18150000', 'GT:DP', '0/0:30'].join(
      '\t',
    );
    const r = run(makeVcf({ build: 'GRCh38', genotypes: {}, extraRecords: [block] }));
    expect(site(r, 'rs1800460')).toMatchObject({
      status: 'called',
      alleles: ['C', 'C'],
      via: 'reference block',
      depth: 30,
    });
    expect(gene(r, 'TPMT')).toMatchObject({
      status: 'called',
      diplotypes: [{ diplotype: '*1/*1', phenotype: 'Normal Metabolizer' }],
    });
  });

  it.each([
    { name: 'a missing genotype', genotypes: { rs1800462: 'GT:./.' }, reason: 'genotype ./.' },
    { name: 'a haploid genotype', genotypes: { rs1800462: 'GT:1' }, reason: 'genotype 1' },
  ])('does not call $name', ({ genotypes, reason }) => {
    const r = run(makeVcf({ build: 'GRCh38', genotypes }));
    expect(site(r, 'rs1800462')).toMatchObject({ status: 'not-called', reason });
  });

  it('does not call a genotype that uses a symbolic allele', () => {
    const gvcf = ['chr6', '18143724', '.', 'C', 'G,<NON_REF>', '.', 'PASS', '.', 'GT', '0/2'].join('\t');
    const r = run(makeVcf({ build: 'GRCh38', genotypes: {}, extraRecords: [gvcf] }));
    expect(site(r, 'rs1800462')).toMatchObject({
      status: 'not-called',
      reason: 'the genotype uses a symbolic allele (C/<NON_REF>)',
    });
  });

  it('does not call a genotype below the minimum depth', () => {
    const r = run(makeVcf({ build: 'GRCh38', genotypes: { rs1800462: 'C/G' }, depth: 4 }), 10);
    expect(site(r, 'rs1800462')).toMatchObject({ status: 'not-called', reason: 'depth 4 is below 10', depth: 4 });
  });

  it('never reads a call without reads as reference, whatever the minimum depth', () => {
    const r = run(makeVcf({ build: 'GRCh38', genotypes: { rs1800462: 'C/C' }, depth: 0 }), 0);
    expect(site(r, 'rs1800462')).toMatchObject({ status: 'not-called', reason: 'no reads (DP=0)' });
  });

  it('does not call a position inside a deletion that starts before it', () => {
    const deletion = ['chr6', '18143722', '.', 'TGC', 'T', '50', 'PASS', '.', 'GT', '0/1'].join('\t');
    const r = run(makeVcf({ build: 'GRCh38', genotypes: {}, extraRecords: [deletion] }));
    expect(site(r, 'rs1800462')).toMatchObject({
      status: 'not-called',
      reason: 'inside a variant at 18143722 (TGC>T), not assessed',
    });
  });

  it('does not call a filtered record', () => {
    const vcf = makeVcf({ build: 'GRCh38', genotypes: { rs1800462: 'C/G' } }).replace(
      '\t50\tPASS\t',
      '\t50\tLowQual\t',
    );
    expect(site(run(vcf), 'rs1800462')).toMatchObject({ status: 'not-called', reason: 'filtered (FILTER=LowQual)' });
  });

  it('says the build may be wrong when REF does not match the genome at the position', () => {
    const vcf = makeVcf({ build: 'GRCh38', genotypes: { rs1800462: 'C/G' } }).replace(
      '\trs1800462\tC\tG\t',
      '\trs1800462\tT\tG\t',
    );
    expect(site(run(vcf), 'rs1800462')).toMatchObject({ status: 'not-called' });
    expect((site(run(vcf), 'rs1800462') as { reason: string }).reason).toMatch(/is the build right/);
  });

  it('reads a homozygous deletion and, at a covered indel position without an indel record, the reference', () => {
    const r = run(makeVcf({ build: 'GRCh38', genotypes: { rs9332131: 'G/G' } }));
    expect(site(r, 'rs9332131')).toMatchObject({ status: 'called', alleles: ['G', 'G'] });
    expect(gene(r, 'CYP2C9').diplotypes[0]).toMatchObject({
      diplotype: '*6/*6',
      phenotype: 'Poor Metabolizer',
      activityScore: 0,
    });
    const covered = ['chr22', '42128241', '.', 'C', '.', '.', 'PASS', '.', 'GT:DP', '0/0:25'].join('\t');
    const r2 = run(makeVcf({ build: 'GRCh38', genotypes: {}, extraRecords: [covered] }));
    expect(site(r2, 'rs35742686')).toMatchObject({
      status: 'called',
      alleles: ['CT', 'CT'],
      via: 'covered, no indel record',
    });
  });

  it('reads the chosen sample of a multi-sample VCF', () => {
    const vcf = makeVcf({ build: 'GRCh38', genotypes: { rs116855232: 'C/T' } })
      .replace('\tSAMPLE1', '\tSAMPLE1\tSAMPLE2')
      .replace(/(\trs116855232\t.*\t0\/1)$/m, '$1\t1/1');
    const second = callPgx(vcf, { build: 0, sample: 2, minDepth: 0 });
    expect(second.sample).toBe('SAMPLE2');
    expect(gene(second, 'NUDT15').diplotypes[0]!.diplotype).toBe('*3/*3');
    expect(() => callPgx(vcf, { build: 0, sample: 3, minDepth: 0 })).toThrow(
      /Sample number 3 does not exist: the file has 2 sample/,
    );
  });

  it('does not flag the homozygous G at rs3758581 on GRCh38: it is the *1 allele', () => {
    const r = run(makeVcf({ build: 'GRCh38', genotypes: { rs3758581: 'G/G' }, othersRef: true }));
    expect(gene(r, 'CYP2C19')).toMatchObject({
      status: 'called',
      diplotypes: [{ diplotype: '*1/*1', phenotype: 'Normal Metabolizer' }],
    });
    expect(r.sites.find((s) => s.rsid === 'rs3758581')!.note).toMatch(/expected, not a finding/);
  });
});
