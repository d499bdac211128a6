import { describe, expect, it } from 'vitest';
import { hetHomRatio, parseBcftoolsStats } from '../../../../src/core/parsers/bcftools-stats';
import { toolOutput, withLine } from './tool-output';

const kg = parseBcftoolsStats(toolOutput('bcftools-stats.1kg_phase1_chr22_5samples.vcf.gz.txt'));
const calls = parseBcftoolsStats(toolOutput('bcftools-stats.ex1.calls.vcf.gz.txt'));

describe('parseBcftoolsStats', () => {
  it('reads counts by type (SN)', () => {
    expect(kg.summary).toEqual({
      samples: 5,
      records: 10376,
      noAlts: 0,
      snps: 9969,
      mnps: 0,
      indels: 406,
      others: 1,
      multiallelicSites: 0,
      multiallelicSnpSites: 0,
    });
  });

  it('reads Ts/Tv (TSTV)', () => {
    expect(kg.tstv).toEqual({ ts: 7508, tv: 2461, ratio: 3.05 });
  });

  it('reads indel lengths with deletions negative (IDD)', () => {
    expect(calls.indelLengths).toEqual([
      { length: 2, sites: 1, genotypes: 0 },
      { length: 4, sites: 1, genotypes: 0 },
      { length: 5, sites: 1, genotypes: 0 },
    ]);
    expect(kg.indelLengths.some((row) => row.length < 0)).toBe(true);
    expect(kg.indelLengths.reduce((sum, row) => sum + row.sites, 0)).toBe(406);
  });

  it('reads the quality distribution (QUAL)', () => {
    expect(calls.quality[0]).toEqual({ quality: 4.4, snps: 0, transitions: 0, transversions: 0, indels: 1 });
    expect(calls.quality.reduce((sum, row) => sum + row.snps + row.indels, 0)).toBe(7);
  });

  it('reads the depth distribution (DP)', () => {
    expect(calls.depth[0]).toEqual({ bin: '11', depth: 11, genotypes: 0, sites: 1 });
    expect(kg.depth).toEqual([]);
  });

  it('reads substitution types (ST)', () => {
    expect(calls.substitutions.find((row) => row.type === 'A>G')).toEqual({ type: 'A>G', count: 2 });
  });

  it('reads per-sample counts (PSC) and their het/hom ratio', () => {
    expect(kg.samples.map((s) => s.sample)).toEqual(['HG00096', 'HG00097', 'HG00099', 'HG00100', 'HG00101']);
    expect(kg.samples[0]).toMatchObject({
      refHom: 9407,
      nonRefHom: 341,
      het: 536,
      transitions: 653,
      transversions: 224,
      indels: 92,
      singletons: 69,
      missing: 0,
    });
    expect(hetHomRatio(kg.samples[0]!)).toBeCloseTo(536 / 341);
  });

  it('names the line of a damaged number', () => {
    const text = toolOutput('bcftools-stats.ex1.calls.vcf.gz.txt');
    const at = text.split('\n').findIndex((line) => line.startsWith('TSTV\t')) + 1;
    expect(() => parseBcftoolsStats(withLine(text, at, 'TSTV\t0\t2\tx\t1.00\t2\t2\t1.00'))).toThrow(
      `bcftools stats output, line ${at}: tv should be a number, found "x"`,
    );
  });

  it('reports a missing summary', () => {
    expect(() => parseBcftoolsStats('# nothing\n')).toThrow(
      'bcftools stats output: the summary (SN) line "number of samples" is missing',
    );
  });
});

describe('parseBcftoolsStats quality without a value', () => {
  it('keeps sites without QUAL as a null quality', () => {
    expect(kg.quality.find((row) => row.quality === null)).toEqual({
      quality: null,
      snps: 0,
      transitions: 0,
      transversions: 0,
      indels: 2,
    });
  });
});
