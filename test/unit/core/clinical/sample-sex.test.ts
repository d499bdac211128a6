import { describe, expect, it } from 'vitest';
import { sampleSex, sexMetrics, type SampleSexResult } from '../../../../src/core/analyses/sample-sex';
import { sexFromIdxstats } from '../../../../src/core/clinical/sex-inference';
import { native, resultFromNative } from './native';

const bam = (name: string, entered = 0): SampleSexResult =>
  resultFromNative(sampleSex, { alignments: name }, { entered }, { idxstats: `sex-idxstats-${name.split('.')[1]}` });
const vcf = (entered = 0): SampleSexResult =>
  resultFromNative(
    sampleSex,
    { variants: 'sex.chrX.vcf.gz' },
    { entered },
    { header: 'sex-vcf-header', chrX: 'sex-vcf-chrX' },
  );

/** Reads per base of a contig in native idxstats output, over that of chr1..chr22. */
function nativeRatio(caseName: string, contig: string): number {
  const rows = native(caseName)
    .stdout.trim()
    .split('\n')
    .map((l) => l.split('\t'));
  const autosomes = rows.filter((f) => /^chr\d+$/.test(f[0]!));
  const density = autosomes.reduce((s, f) => s + Number(f[2]), 0) / autosomes.reduce((s, f) => s + Number(f[1]), 0);
  const row = rows.find((f) => f[0] === contig)!;
  return Number(row[2]) / Number(row[1]) / density;
}

describe('Sample sex from alignments (samtools idxstats on the synthetic BAMs)', () => {
  it.each([
    ['sex.female.bam', 'female'],
    ['sex.male.bam', 'male'],
  ])('%s reads as %s, with the chrX/chrY ratios of the native counts', (name, sex) => {
    const r = bam(name);
    const caseName = `sex-idxstats-${name.split('.')[1]}`;
    expect(r.calls[0]!.sex).toBe(sex);
    expect(r.rows[0]!['chrX ratio']).toBeCloseTo(nativeRatio(caseName, 'chrX'), 3);
    expect(r.rows[0]!['chrY ratio']).toBeCloseTo(nativeRatio(caseName, 'chrY'), 3);
  });

  it.each([
    ['sex.female.bam', 1, 100, undefined],
    ['sex.female.bam', 2, 0, 'disagrees'],
    ['sex.male.bam', 2, 100, undefined],
    ['sex.male.bam', 1, 0, 'disagrees'],
  ])('%s with sex recorded as %i: agreement %i%%', (name, entered, value, word) => {
    const metric = sexMetrics(bam(name, entered)).find((m) => m.key === 'agrees')!;
    expect(metric.value).toBe(value);
    if (word) expect(metric.note).toContain(word);
  });

  it('makes no judgement when no sex is recorded', () => {
    expect(Number.isNaN(sexMetrics(bam('sex.male.bam')).find((m) => m.key === 'agrees')!.value)).toBe(true);
  });

  it('says "not enough data" without autosomal reads', () => {
    expect(sexFromIdxstats([{ name: 'chrX', length: 1000, mapped: 10, unmapped: 0 }]).sex).toBe('not enough data');
  });
});

describe('Sample sex from chrX genotypes (synthetic VCF)', () => {
  it('detects GRCh38 and calls each sample, leaving PAR1 out', () => {
    const r = vcf();
    expect(r.build).toMatch(/GRCh38/);
    expect(r.calls.map((c) => [c.sample, c.sex])).toEqual([
      ['XX_SAMPLE', 'female'],
      ['XY_SAMPLE', 'male'],
      ['XY_DIPLOID', 'male'],
    ]);
  });

  it('counts genotypes as the native query printed them, outside the PAR', () => {
    const lines = native('sex-vcf-chrX')
      .stdout.trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    const outside = lines.filter((f) => Number(f[1]) > 2781479);
    const het = outside.filter((f) => f[2] === '0/1').length;
    const homAlt = outside.filter((f) => f[2] === '1/1').length;
    expect(vcf().rows[0]).toMatchObject({ sample: 'XX_SAMPLE', het, 'hom-alt': homAlt });
    expect(vcf().rows[1]).toMatchObject({
      sample: 'XY_SAMPLE',
      het: 0,
      haploid: outside.filter((f) => f[3] !== '.').length,
    });
  });

  it('flags a recorded sex that disagrees, per sample', () => {
    const metric = sexMetrics(vcf(1)).find((m) => m.key === 'agrees')!;
    expect(metric.note).toContain('XY_SAMPLE, XY_DIPLOID');
    expect(metric.value).toBeCloseTo(100 / 3, 10);
  });

  it('asks for exactly one input', () => {
    expect(sampleSex.check!({}, {})).toMatch(/either/);
    expect(sampleSex.check!({ alignments: 'a.bam', variants: 'a.vcf.gz' }, {})).toMatch(/either/);
    expect(sampleSex.check!({ variants: 'a.vcf.gz' }, {})).toBeUndefined();
  });
});
