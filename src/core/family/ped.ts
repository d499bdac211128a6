// PED (pedigree) files: parsing the six standard columns and checking a family against itself and against the
// samples of a call set, so that a wrong PED gets a plain message before any rule runs.

export type Sex = 'male' | 'female' | 'unknown';

export interface PedMember {
  family: string;
  id: string;
  /** Undefined when the PED says 0 (founder, or parent not in the file). */
  father?: string;
  mother?: string;
  sex: Sex;
  affected: boolean | undefined;
  /** 1-based line in the PED, for messages. */
  line: number;
}

export interface PedProblem {
  /** `error`: the family cannot be analysed as given. `warning`: it can, but something looks wrong. */
  severity: 'error' | 'warning';
  message: string;
}

export interface PedParse {
  members: PedMember[];
  problems: PedProblem[];
}

const missing = (v: string | undefined): boolean => v === undefined || v === '0' || v === '' || v === '.';

/** Reads a PED: whitespace separated family, individual, father, mother, sex (1/2), phenotype (1/2); `#` lines skipped. */
export function parsePed(text: string): PedParse {
  const members: PedMember[] = [];
  const problems: PedProblem[] = [];
  const seen = new Map<string, PedMember>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const f = raw.trim().split(/\s+/);
    if (f.length < 6) {
      problems.push({
        severity: 'error',
        message: `PED line ${line} has ${f.length} columns; a PED needs six (family, individual, father, mother, sex, phenotype). Fix the line or enter the family in the form instead.`,
      });
      return;
    }
    const [family, id, father, mother, sex, pheno] = f as [string, string, string, string, string, string];
    const member: PedMember = {
      family,
      id,
      ...(missing(father) ? {} : { father }),
      ...(missing(mother) ? {} : { mother }),
      sex: sex === '1' ? 'male' : sex === '2' ? 'female' : 'unknown',
      affected: pheno === '2' ? true : pheno === '1' ? false : undefined,
      line,
    };
    const before = seen.get(id);
    if (before) {
      const parentsDiffer = before.father !== member.father || before.mother !== member.mother;
      problems.push({
        severity: 'error',
        message: parentsDiffer
          ? `${id} is listed twice (lines ${before.line} and ${line}) with different parents (father ${before.father ?? '0'} vs ${member.father ?? '0'}). A person has one father and one mother: keep one line.`
          : `${id} is listed twice (lines ${before.line} and ${line}). Keep one line per person.`,
      });
      return;
    }
    seen.set(id, member);
    members.push(member);
  });
  if (members.length === 0 && problems.length === 0)
    problems.push({
      severity: 'error',
      message: 'The PED file has no individuals. Choose the right file, or enter the family in the form.',
    });
  return { members, problems: [...problems, ...structureProblems(members)] };
}

/** Parents that are the wrong sex, a person who is their own ancestor. */
export function structureProblems(members: readonly PedMember[]): PedProblem[] {
  const problems: PedProblem[] = [];
  const byId = new Map(members.map((m) => [m.id, m]));
  for (const m of members) {
    for (const [role, want] of [
      ['father', 'male'],
      ['mother', 'female'],
    ] as const) {
      const parentId = m[role];
      if (parentId === undefined) continue;
      if (parentId === m.id) {
        problems.push({
          severity: 'error',
          message: `${m.id} is listed as their own ${role} (line ${m.line}). Fix the ${role} column.`,
        });
        continue;
      }
      const parent = byId.get(parentId);
      if (parent && parent.sex !== want && parent.sex !== 'unknown')
        problems.push({
          severity: 'error',
          message: `${parentId} is ${m.id}'s ${role} but is recorded as ${parent.sex} (line ${parent.line}). Fix the sex column or swap the father and mother columns.`,
        });
    }
    if (m.father !== undefined && m.father === m.mother)
      problems.push({
        severity: 'error',
        message: `${m.id} has ${m.father} as both father and mother (line ${m.line}).`,
      });
  }
  const loop = findLoop(members);
  if (loop)
    problems.push({
      severity: 'error',
      message: `The pedigree has a loop: ${loop.join(' → ')} (each is a parent of the next). A person cannot be their own ancestor; check the father and mother columns.`,
    });
  return problems;
}

/** A cycle in the child → parent graph, as the ids along it, or undefined. */
function findLoop(members: readonly PedMember[]): string[] | undefined {
  const byId = new Map(members.map((m) => [m.id, m]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    path.push(id);
    const m = byId.get(id);
    for (const parent of [m?.father, m?.mother]) {
      if (parent === undefined || parent === id || !byId.has(parent)) continue;
      const found = visit(parent);
      if (found) return found;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const m of members) {
    const found = visit(m.id);
    if (found) return found.reverse();
  }
  return undefined;
}
