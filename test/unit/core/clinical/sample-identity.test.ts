import { describe, expect, it } from 'vitest';
import {
  identityMetrics,
  identityVerdict,
  sampleIdentity,
  type SampleIdentityResult,
} from '../../../../src/core/analyses/sample-identity';
import { parseGtcheck } from '../../../../src/core/parsers/bcftools-gtcheck';
import { ParseError } from '../../../../src/core/parsers/parse-error';
import { native, resultFromNative } from './native';

/** The DC line of native gtcheck output: [query, genotyped, discordance, sites]. */
function dc(name: string): [string, string, number, number] {
  const f = native(name)
    .stdout.split('\n')
    .find((l) => l.startsWith('DC\t'))!
    .split('\t');
  return [f[1]!, f[2]!, Number(f[3]), Number(f[5])];
}

const run = (second: string, caseName: string, params: Record<string, number> = {}): SampleIdentityResult =>
  resultFromNative(sampleIdentity, { first: 'identity.HG00096.a.vcf.gz', second }, params, { gtcheck: caseName });

describe('Sample identity on 1000 Genomes chr22 genotypes split with native bcftools', () => {
  it.each([
    ['the same person in two overlapping call sets', 'identity.HG00096.b.vcf.gz', 'identity-same', 'same person'],
    ['two different people', 'identity.HG00097.vcf.gz', 'identity-different', 'different people'],
  ])('%s', (_what, second, caseName, verdict) => {
    const r = run(second, caseName);
    const [query, genotyped, discordance, sites] = dc(caseName);
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({ query, genotyped, discordance, sites, verdict });
    expect(r.pairs[0]!.discordancePct).toBeCloseTo((100 * discordance) / sites, 10);
    expect(r.info['sites-compared']).toBe(sites);
  });

  it('finds no mismatch for the same person and hundreds for different people', () => {
    expect(dc('identity-same')[2]).toBe(0);
    expect(dc('identity-different')[2]).toBeGreaterThan(100);
  });

  it('says "not enough sites" when fewer sites than the minimum are shared', () => {
    const sites = dc('identity-same')[3];
    expect(run('identity.HG00096.b.vcf.gz', 'identity-same', { minSites: sites + 1 }).pairs[0]!.verdict).toBe(
      'not enough sites',
    );
  });

  it.each([
    [0, 'same person'],
    [2, 'same person'],
    [3, 'unclear'],
    [5, 'different people'],
  ])('%f%% discordance -> %s', (pct, verdict) => {
    expect(
      identityVerdict(
        { query: 'a', genotyped: 'b', discordance: pct * 10, negLogHwe: 0, sites: 1000 },
        { minSites: 100, maxSamePct: 2, minDifferentPct: 5 },
      ).verdict,
    ).toBe(verdict);
  });

  it('judges the discordance card', () => {
    const metric = identityMetrics(run('identity.HG00097.vcf.gz', 'identity-different')).find(
      (m) => m.key === 'discordancePct',
    )!;
    expect(metric.note).toMatch(/different people/);
  });

  it('refuses the same file twice', () => {
    expect(sampleIdentity.check!({ first: 'a.vcf.gz', second: 'a.vcf.gz' }, {})).toMatch(/two different files/);
  });

  it('rejects output without the site counters', () => {
    expect(() => parseGtcheck('DC\ta\tb\t0\t1\t10\n')).toThrow(ParseError);
  });
});
