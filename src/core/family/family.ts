// The family a triage runs on: proband, parents (either may be absent), their sex and who is affected, taken
// from a PED or from the form, and checked against the call set's samples and the sex the chrX data shows.
import type { InferredSex } from '../clinical/sex-inference';
import { parsePed, type PedProblem, type Sex } from './ped';

export type Role = 'proband' | 'mother' | 'father';

export interface FamilyMember {
  role: Role;
  sample: string;
  sex: Sex;
  affected: boolean | undefined;
}

export interface Family {
  proband: FamilyMember;
  mother?: FamilyMember;
  father?: FamilyMember;
  /** Where the family came from, for the report. */
  source: string;
}

export type FamilyIntake = { ok: true; family: Family; warnings: string[] } | { ok: false; problems: string[] };

const errors = (problems: readonly PedProblem[]) =>
  problems.filter((p) => p.severity === 'error').map((p) => p.message);

/**
 * The trio around the proband: the named sample, else the first affected individual with a parent in the
 * VCF, else the first affected one. Every named member must be a sample of the VCF.
 */
export function familyFromPed(
  pedText: string,
  pedName: string,
  vcfSamples: readonly string[],
  probandId?: string,
): FamilyIntake {
  const { members, problems } = parsePed(pedText);
  const fatal = errors(problems);
  if (fatal.length > 0) return { ok: false, problems: fatal };
  const inVcf = new Set(vcfSamples);
  const absent = members.filter((m) => !inVcf.has(m.id)).map((m) => m.id);
  const named = probandId !== undefined ? members.find((m) => m.id === probandId) : undefined;
  const affected = members.filter((m) => m.affected === true && inVcf.has(m.id));
  const proband =
    named ??
    affected.find(
      (m) => (m.father !== undefined && inVcf.has(m.father)) || (m.mother !== undefined && inVcf.has(m.mother)),
    ) ??
    affected[0];
  if (!proband)
    return {
      ok: false,
      problems: [
        `No affected individual of ${pedName} is a sample of the VCF (its samples: ${vcfSamples.join(', ') || 'none'}). Mark the proband as affected (phenotype 2) and use the VCF's sample names.`,
      ],
    };
  const byId = new Map(members.map((m) => [m.id, m]));
  const missingHere: string[] = [];
  const member = (role: Role, id: string | undefined): FamilyMember | undefined => {
    if (id === undefined) return undefined;
    if (!inVcf.has(id)) {
      missingHere.push(`${id} (${role})`);
      return undefined;
    }
    const m = byId.get(id);
    return { role, sample: id, sex: m?.sex ?? 'unknown', affected: m?.affected };
  };
  const probandMember = member('proband', proband.id)!;
  const mother = member('mother', proband.mother);
  const father = member('father', proband.father);
  const warnings: string[] = [];
  if (missingHere.length > 0)
    warnings.push(
      `${missingHere.join(' and ')} ${missingHere.length > 1 ? 'are' : 'is'} in ${pedName} but not in the VCF, so the triage treats ${missingHere.length > 1 ? 'them' : 'that parent'} as absent. If the VCF names samples differently, rename them in the PED (the VCF's samples: ${vcfSamples.join(', ')}).`,
    );
  const others = absent.filter((id) => ![proband.mother, proband.father].includes(id));
  if (others.length > 0) warnings.push(`Not in the VCF and not used: ${others.join(', ')}.`);
  for (const p of problems.filter((x) => x.severity === 'warning')) warnings.push(p.message);
  return {
    ok: true,
    family: { proband: probandMember, ...(mother ? { mother } : {}), ...(father ? { father } : {}), source: pedName },
    warnings,
  };
}

export interface FormFamily {
  /** 1-based sample numbers in the VCF; 0 = not in this family. */
  proband: number;
  mother: number;
  father: number;
  probandSex: Sex;
  motherAffected: boolean;
  fatherAffected: boolean;
}

export function familyFromForm(form: FormFamily, vcfSamples: readonly string[]): FamilyIntake {
  const pick = (n: number, what: string): string | undefined | Error => {
    if (n === 0) return undefined;
    const s = vcfSamples[n - 1];
    return (
      s ??
      new Error(
        `The ${what} is sample ${n}, but the VCF has ${vcfSamples.length} sample${vcfSamples.length === 1 ? '' : 's'} (${vcfSamples.join(', ')}). Choose a number from 1 to ${vcfSamples.length}.`,
      )
    );
  };
  const chosen = {
    proband: pick(form.proband, 'proband'),
    mother: pick(form.mother, 'mother'),
    father: pick(form.father, 'father'),
  };
  const problems = Object.values(chosen)
    .filter((v): v is Error => v instanceof Error)
    .map((e) => e.message);
  if (chosen.proband === undefined)
    problems.push('Choose the proband (the sample number of the affected child in the VCF).');
  const names = Object.values(chosen).filter((v): v is string => typeof v === 'string');
  if (new Set(names).size !== names.length) problems.push('The proband, mother and father must be different samples.');
  if (problems.length > 0) return { ok: false, problems };
  const m = (role: Role, sample: string | undefined, sex: Sex, affected: boolean): FamilyMember | undefined =>
    sample === undefined ? undefined : { role, sample, sex, affected };
  const mother = m('mother', chosen.mother as string | undefined, 'female', form.motherAffected);
  const father = m('father', chosen.father as string | undefined, 'male', form.fatherAffected);
  return {
    ok: true,
    family: {
      proband: m('proband', chosen.proband as string, form.probandSex, true)!,
      ...(mother ? { mother } : {}),
      ...(father ? { father } : {}),
      source: 'the form',
    },
    warnings: [],
  };
}

export const members = (f: Family): FamilyMember[] =>
  [f.proband, f.mother, f.father].filter((m): m is FamilyMember => m !== undefined);

/** Sentences for members whose recorded sex the chrX genotypes contradict (clinical/sex-inference). */
export function sexConflicts(family: Family, inferred: ReadonlyMap<string, InferredSex>): string[] {
  return members(family).flatMap((m) => {
    const seen = inferred.get(m.sample);
    if (m.sex === 'unknown' || (seen !== 'male' && seen !== 'female') || seen === m.sex) return [];
    return [
      `${m.sample} (${m.role}) is recorded as ${m.sex} but the chrX genotypes look ${seen}. X-linked rules use the recorded sex; check the PED or the form, or whether the samples were swapped.`,
    ];
  });
}
