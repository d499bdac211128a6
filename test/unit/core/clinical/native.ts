// Reads the native tools' outputs committed by scripts/make-clinical-expected.mjs, and feeds them to an
// analysis as its steps' texts after checking the analysis asks for exactly those commands.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AnyAnalysis, InputNames } from '../../../../src/core/analyses/analysis';
import { resolveParameters } from '../../../../src/core/analyses/analysis';

export const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures');

export interface NativeCase {
  /** A pipeline: each step's stdout is the next one's stdin. */
  steps: { program: string; argv: string[] }[];
  stdin?: string;
  stdoutFile?: string;
  stdout: string;
}

export function native(name: string): NativeCase {
  return JSON.parse(readFileSync(join(FIXTURES, 'expected', 'clinical', `${name}.json`), 'utf8')) as NativeCase;
}

/** Parses the analysis' result from native outputs: step key -> case name. */
export function resultFromNative<R>(
  def: AnyAnalysis,
  inputs: InputNames,
  given: Record<string, number>,
  cases: Record<string, string>,
): R {
  const params = resolveParameters(def, given);
  const steps = def.steps(inputs, params);
  const texts: Record<string, string> = {};
  for (const step of steps) {
    const name = cases[step.key];
    if (name === undefined) throw new Error(`no native case for step ${step.key}`);
    const c = native(name);
    expect(
      step.job.steps.map((s) => ({ program: s.program, argv: [...s.argv] })),
      `step ${step.key} runs the commands recorded natively`,
    ).toEqual(c.steps);
    expect(step.job.stdin, `step ${step.key} feeds the recorded standard input`).toEqual(c.stdin);
    // A file later steps read must have the name they were recorded with.
    if (c.stdoutFile !== undefined)
      expect(step.job.stdoutFile, `step ${step.key} writes the recorded file`).toBe(c.stdoutFile);
    texts[step.key] = c.stdout;
  }
  return def.parse(texts, inputs, params) as R;
}
