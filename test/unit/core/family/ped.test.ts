import { describe, expect, it } from 'vitest';
import { parsePed } from '../../../../src/core/family/ped';
import { familyFromForm, familyFromPed, sexConflicts } from '../../../../src/core/family/family';

const TRIO = 'F1\tkid\tdad\tmom\t1\t2\nF1\tdad\t0\t0\t1\t1\nF1\tmom\t0\t0\t2\t1\n';

describe('PED intake', () => {
  it('reads a trio and finds the proband with both parents', () => {
    const r = familyFromPed(TRIO, 'f.ped', ['kid', 'dad', 'mom']);
    expect(
      r.ok && [r.family.proband.sample, r.family.proband.sex, r.family.mother?.sample, r.family.father?.sample],
    ).toEqual(['kid', 'male', 'mom', 'dad']);
  });

  it.each<[string, string, RegExp]>([
    [
      'two fathers (one person listed twice with different parents)',
      TRIO + 'F1\tkid\tuncle\tmom\t1\t2\n',
      /listed twice .* different parents/,
    ],
    ['a loop', 'F\ta\tb\t0\t1\t2\nF\tb\ta\t0\t1\t1\n', /loop: (a → b → a|b → a → b)/],
    [
      'a father recorded as female',
      'F\tkid\tdad\tmom\t1\t2\nF\tdad\t0\t0\t2\t1\nF\tmom\t0\t0\t2\t1\n',
      /dad is kid's father but is recorded as female/,
    ],
    ['own parent', 'F\tkid\tkid\t0\t1\t2\n', /own father/],
    ['too few columns', 'F\tkid\tdad\tmom\n', /has 4 columns; a PED needs six/],
    ['no individuals', '# nothing\n', /no individuals/],
  ])('%s is an error with a plain message', (_name, text, message) => {
    const problems = parsePed(text).problems.filter((p) => p.severity === 'error');
    expect(problems.map((p) => p.message).join(' ')).toMatch(message);
  });

  it('a parent missing from the VCF is a warning and the parent is treated as absent (a duo)', () => {
    const r = familyFromPed(TRIO, 'f.ped', ['kid', 'mom']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.family.father).toBeUndefined();
    expect(r.warnings[0]).toMatch(/dad \(father\) is in f.ped but not in the VCF/);
  });

  it('no affected sample in the VCF is an error naming the VCF samples', () => {
    const r = familyFromPed(TRIO, 'f.ped', ['S1', 'S2', 'S3']);
    expect(r.ok ? '' : r.problems[0]).toMatch(
      /No affected individual of f.ped is a sample of the VCF \(its samples: S1, S2, S3\)/,
    );
  });

  it('sex that contradicts the chrX data is reported', () => {
    const r = familyFromPed(TRIO, 'f.ped', ['kid', 'dad', 'mom']);
    if (!r.ok) throw new Error('expected a family');
    expect(
      sexConflicts(
        r.family,
        new Map([
          ['kid', 'female'],
          ['dad', 'male'],
          ['mom', 'not enough data'],
        ]),
      ),
    ).toEqual([expect.stringMatching(/^kid \(proband\) is recorded as male but the chrX genotypes look female/)]);
  });
});

describe('the family form', () => {
  it.each<[string, { proband: number; mother: number; father: number }, string | RegExp]>([
    ['trio', { proband: 1, mother: 3, father: 2 }, 'kid mom dad'],
    ['singleton', { proband: 1, mother: 0, father: 0 }, 'kid'],
    ['sample number too high', { proband: 4, mother: 0, father: 0 }, /sample 4, but the VCF has 3 samples/],
    ['same sample twice', { proband: 1, mother: 1, father: 0 }, /must be different samples/],
  ])('%s', (_name, form, expected) => {
    const r = familyFromForm({ ...form, probandSex: 'male', motherAffected: false, fatherAffected: false }, [
      'kid',
      'dad',
      'mom',
    ]);
    const got = r.ok
      ? [r.family.proband, r.family.mother, r.family.father]
          .filter(Boolean)
          .map((m) => m!.sample)
          .join(' ')
      : r.problems.join(' ');
    if (typeof expected === 'string') expect(got).toBe(expected);
    else expect(got).toMatch(expected);
  });
});
