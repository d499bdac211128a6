import { describe, expect, it } from 'vitest';
import type { Family } from '../../../../src/core/family/family';
import { parseRecords } from '../../../../src/core/family/records';
import { defaultThresholds } from '../../../../src/core/family/rules';
import { triage, type ModeGroup } from '../../../../src/core/family/triage';

const SAMPLES = ['kid', 'dad', 'mom'];
const trio = (sex: 'male' | 'female', fatherAffected = false): Family => ({
  proband: { role: 'proband', sample: 'kid', sex, affected: true },
  father: { role: 'father', sample: 'dad', sex: 'male', affected: fatherAffected },
  mother: { role: 'mother', sample: 'mom', sex: 'female', affected: false },
  source: 'test',
});
const duo = (sex: 'male' | 'female'): Family => ({
  proband: trio(sex).proband,
  mother: trio(sex).mother!,
  source: 'test',
});

/** A call: GT, REF reads, ALT reads, GQ. */
const c = (gt: string, ref: number, alt: number, gq = 40) =>
  gt.includes('.') ? `${gt}:.:.:.` : `${gt}:${ref},${alt}:${ref + alt}:${gq}`;
const HOMREF = c('0/0', 20, 0);
const HET = c('0/1', 10, 10);
const HOMALT = c('1/1', 0, 20);
const line = (chrom: string, pos: number, calls: [string, string, string], info = '.', filter = 'PASS') =>
  [chrom, pos, 'A', 'G', filter, info, ...calls].join('\t');
const gene = (g: string, csq = 'missense') => `BCSQ=${csq}|${g}|transcript:T${g}|protein_coding|+|1A>1T|10A>G`;

function run(lines: string[], family: Family, thresholds = {}) {
  const records = parseRecords(lines.join('\n'), SAMPLES.length);
  return triage(records, family, SAMPLES, { thresholds: { ...defaultThresholds(), ...thresholds }, build: 'GRCh37' });
}
const found = (lines: string[], family: Family, group: ModeGroup) =>
  run(lines, family)
    .find((m) => m.group === group)!
    .candidates.map((x) => `${x.record.chrom}:${x.record.pos}${x.unconfirmed ? '?' : ''}`);

describe('inheritance rules on constructed genotypes (kid, dad, mom)', () => {
  it.each<[string, string, Family, ModeGroup, string[]]>([
    [
      'de novo: kid het, parents hom-ref',
      line('1', 100, [HET, HOMREF, HOMREF], gene('A')),
      trio('male'),
      'denovo',
      ['1:100'],
    ],
    [
      'de novo fails: father has 2 ALT reads',
      line('1', 100, [HET, c('0/0', 20, 2), HOMREF]),
      trio('male'),
      'denovo',
      [],
    ],
    [
      'de novo passes: father has 1 ALT read',
      line('1', 100, [HET, c('0/0', 20, 1), HOMREF]),
      trio('male'),
      'denovo',
      ['1:100'],
    ],
    [
      'de novo fails: kid het with AB 0.19',
      line('1', 100, [c('0/1', 81, 19), HOMREF, HOMREF]),
      trio('male'),
      'denovo',
      [],
    ],
    [
      'de novo passes: kid het with AB 0.2',
      line('1', 100, [c('0/1', 80, 20), HOMREF, HOMREF]),
      trio('male'),
      'denovo',
      ['1:100'],
    ],
    ['de novo fails: kid GQ 19', line('1', 100, [c('0/1', 10, 10, 19), HOMREF, HOMREF]), trio('male'), 'denovo', []],
    ['de novo fails: kid depth 5', line('1', 100, [c('0/1', 3, 2), HOMREF, HOMREF]), trio('male'), 'denovo', []],
    [
      'de novo kept and marked: mother not called',
      line('1', 100, [HET, HOMREF, c('./.', 0, 0)]),
      trio('male'),
      'denovo',
      ['1:100?'],
    ],
    [
      'de novo fails: population AF 0.002',
      line('1', 100, [HET, HOMREF, HOMREF], 'gnomad_popmax_af=0.002'),
      trio('male'),
      'denovo',
      [],
    ],
    [
      'de novo fails: FILTER LowQual',
      line('1', 100, [HET, HOMREF, HOMREF], '.', 'LowQual'),
      trio('male'),
      'denovo',
      [],
    ],
    [
      'X de novo, male: hemizygous ALT call',
      line('X', 3_000_000, ['1:0,15:15:50', c('0', 15, 0), HOMREF]),
      trio('male'),
      'denovo',
      ['X:3000000'],
    ],
    [
      'X de novo, male: diploid-coded hom-alt call',
      line('X', 3_000_000, [HOMALT, HOMREF, HOMREF]),
      trio('male'),
      'denovo',
      ['X:3000000'],
    ],
    [
      'X de novo, female: diploid rule (het)',
      line('X', 3_000_000, [HET, HOMREF, HOMREF]),
      trio('female'),
      'denovo',
      ['X:3000000'],
    ],
    [
      'PAR1 (GRCh37) de novo in a male: diploid rule, het passes',
      line('X', 100_000, [HET, HOMREF, HOMREF]),
      trio('male'),
      'denovo',
      ['X:100000'],
    ],
    ['recessive: kid hom-alt, parents het', line('1', 200, [HOMALT, HET, HET]), trio('female'), 'recessive', ['1:200']],
    ['recessive fails: father hom-ref', line('1', 200, [HOMALT, HOMREF, HET]), trio('female'), 'recessive', []],
    [
      'recessive fails: AF 0.02',
      line('1', 200, [HOMALT, HET, HET], 'gnomad_popmax_af=0.02'),
      trio('female'),
      'recessive',
      [],
    ],
    [
      'X-linked recessive: male kid ALT, mother het, father hom-ref',
      line('X', 3_000_000, [HOMALT, HOMREF, HET]),
      trio('male'),
      'x-recessive',
      ['X:3000000'],
    ],
    [
      'X-linked recessive: male hemizygous kid',
      line('X', 3_000_000, ['1:0,12:12:45', '0:12,0:12:45', HET]),
      trio('male'),
      'x-recessive',
      ['X:3000000'],
    ],
    [
      'X-linked recessive not in PAR1: same genotypes at X:100000',
      line('X', 100_000, [HOMALT, HOMREF, HET]),
      trio('male'),
      'x-recessive',
      [],
    ],
    [
      'X-linked recessive fails: male kid AB 0.7',
      line('X', 3_000_000, [c('1/1', 6, 14), HOMREF, HET]),
      trio('male'),
      'x-recessive',
      [],
    ],
    [
      'dominant: affected father het, mother hom-ref',
      line('1', 300, [HET, HET, HOMREF]),
      trio('female', true),
      'dominant',
      ['1:300'],
    ],
    [
      'dominant fails: from the unaffected mother',
      line('1', 300, [HET, HOMREF, HET]),
      trio('female', true),
      'dominant',
      [],
    ],
  ])('%s', (_name, record, family, group, expected) => {
    expect(found([record], family, group)).toEqual(expected);
  });

  it('a het in PAR1 of GRCh38 but not of GRCh37 follows the build chosen', () => {
    const rec = parseRecords(line('X', 2_750_000, [HOMALT, HOMREF, HET]), 3);
    const xr = (build: 'GRCh37' | 'GRCh38') =>
      triage(rec, trio('male'), SAMPLES, { thresholds: defaultThresholds(), build }).find(
        (m) => m.group === 'x-recessive',
      )!.candidates.length;
    expect([xr('GRCh37'), xr('GRCh38')]).toEqual([1, 0]);
  });

  it.each<[string, Family, string | undefined]>([
    ['dominant without an affected parent', trio('female'), 'no parent in the VCF is affected'],
    [
      'X-linked recessive with a female proband',
      trio('female'),
      'the proband is female (her chrX follows the diploid rules)',
    ],
  ])('%s is not applicable, with the reason', (name, family, reason) => {
    const group: ModeGroup = name.startsWith('dominant') ? 'dominant' : 'x-recessive';
    expect(run([], family).find((m) => m.group === group)!.notApplicable).toBe(reason);
  });

  it('de novo in a duo is not applicable: the father is not in the VCF', () => {
    expect(run([], duo('male')).find((m) => m.group === 'denovo')!.notApplicable).toBe('the father is not in the VCF');
  });

  it('a threshold the user changed is applied: AB 0.19 passes with a lowest het AB of 0.15', () => {
    const r = run([line('1', 100, [c('0/1', 81, 19), HOMREF, HOMREF])], trio('male'), { hetMinAB: 0.15 });
    expect(r.find((m) => m.group === 'denovo')!.candidates).toHaveLength(1);
  });

  it('each candidate carries a trace of every rule with its value', () => {
    const cand = run([line('1', 100, [HET, c('0/0', 20, 1), HOMREF], gene('A'))], trio('male')).find(
      (m) => m.group === 'denovo',
    )!.candidates[0]!;
    expect(cand.trace.map((t) => [t.rule, t.value, t.verdict])).toContainEqual([
      'father (dad): ALT reads ≤ 1',
      '1 ALT reads',
      'pass',
    ]);
    expect(cand.trace.map((t) => [t.rule, t.value])).toContainEqual([
      'proband (kid): allele balance 0.2–0.8',
      'AB 0.5',
    ]);
    expect(cand.trace.every((t) => t.verdict === 'pass')).toBe(true);
  });
});

describe('multi-allelic sites split with bcftools norm -m -any', () => {
  // Native `bcftools norm -m -any` of kid 1/2 (AD 0,5,6), dad 0/1 (5,5,0), mom 0/2 (4,0,4): each ALT is its own record.
  const split = [
    '1\t10\tA\tC\tPASS\t' + gene('M') + '\t1/0:0,5:11:30\t0/1:5,5:10:30\t0/0:4,0:8:30',
    '1\t10\tA\tG\tPASS\t' + gene('M') + '\t0/1:0,6:11:30\t0/0:5,0:10:30\t0/1:4,4:8:30',
  ];
  it('the split records are judged one by one; the kid’s split AD gives AB 1.0, which the het rule refuses', () => {
    const records = parseRecords(split.join('\n'), 3);
    expect(records.map((r) => [r.alt, r.calls[0]!.kind, r.calls[0]!.ab])).toEqual([
      ['C', 'het', 1],
      ['G', 'het', 1],
    ]);
    expect(found(split, trio('female'), 'comphet')).toEqual([]);
  });
  it('with the het AB window widened to 1.0 (and depth 5 allowed) the two ALTs pair as a compound het (one from each parent)', () => {
    const r = run(split, trio('female'), { hetMaxAB: 1, minDepth: 5 }).find((m) => m.group === 'comphet')!;
    expect(r.candidates.map((x) => [x.record.alt, x.comphet!.origin, x.comphet!.phase])).toEqual([
      ['C', 'paternal', 'trio'],
      ['G', 'maternal', 'trio'],
    ]);
  });
});

describe('compound heterozygotes, paired by gene', () => {
  const pat = (pos: number, g: string) => line('1', pos, [HET, HET, HOMREF], gene(g));
  const mat = (pos: number, g: string) => line('1', pos, [HET, HOMREF, HET], gene(g));
  const dn = (pos: number, g: string) => line('1', pos, [HET, HOMREF, HOMREF], gene(g));
  it.each<[string, string[], Family, string[]]>([
    ['one paternal and one maternal side', [pat(10, 'G1'), mat(20, 'G1')], trio('female'), ['1:10', '1:20']],
    ['two maternal sides do not pair', [mat(10, 'G1'), mat(20, 'G1')], trio('female'), []],
    ['sides in different genes do not pair', [pat(10, 'G1'), mat(20, 'G2')], trio('female'), []],
    ['a de novo side pairs with an inherited one', [dn(10, 'G1'), pat(20, 'G1')], trio('female'), ['1:10', '1:20']],
    [
      'an intronic side is skipped',
      [pat(10, 'G1'), line('1', 20, [HET, HOMREF, HET], gene('G1', 'intron'))],
      trio('female'),
      [],
    ],
    [
      'a parent hom-alt excludes the side',
      [pat(10, 'G1'), line('1', 20, [HET, HOMALT, HET], gene('G1'))],
      trio('female'),
      [],
    ],
    ['duo: any two sides, marked phase unknown', [mat(10, 'G1'), mat(20, 'G1')], duo('female'), ['1:10?', '1:20?']],
    [
      'a side whose father is not called pairs, marked',
      [mat(10, 'G1'), line('1', 20, [HET, c('./.', 0, 0), HOMREF], gene('G1'))],
      trio('female'),
      ['1:10?', '1:20?'],
    ],
  ])('%s', (_name, lines, family, expected) => {
    expect(found(lines, family, 'comphet').sort()).toEqual(expected);
  });

  it('is not applicable without gene annotation', () => {
    expect(
      run([line('1', 10, [HET, HET, HOMREF])], trio('female')).find((m) => m.group === 'comphet')!.notApplicable,
    ).toMatch(/no gene annotation/);
  });

  it('a duo side says phase unknown and names its partner', () => {
    const x = run([mat(10, 'G1'), mat(20, 'G1')], duo('female')).find((m) => m.group === 'comphet')!.candidates[0]!;
    expect(x.comphet).toEqual({ origin: 'unknown', partners: ['1:20:A>G'], phase: 'unknown' });
  });
});
