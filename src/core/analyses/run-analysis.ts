// Runs an analysis' steps through a StepRunner (RunsState, which records each step as a run) and
// parses their outputs; and rebuilds a result from the recorded runs of an earlier run.
import { formatJob } from '../tools/job';
import type { Run } from '../session';
import { ParseError } from '../parsers/parse-error';
import type { AnalysisStep, AnyAnalysis, InputNames, NotApplicable, ParameterValues } from './analysis';

export interface AnalysisStepResult {
  succeeded: boolean;
  /** The step's text (its stdout file, else stdout) when it succeeded. */
  text?: string;
  /** A `streamed` step's output as lines, read as the parser asks for them (instead of `text`). */
  lines?: () => AsyncIterable<string>;
  /** Why it failed, in plain words. */
  message?: string;
}

export interface StepRunner {
  run(step: AnalysisStep): Promise<AnalysisStepResult>;
  /** The text of a session file, for input slots the analysis reads itself (InputSlot.readText). */
  readText?(name: string): Promise<string>;
}

/** Input the user must change (a PED naming samples the VCF lacks): its message is shown as it is. */
export class InputProblem extends Error {
  override name = 'InputProblem';
}

/** The texts of the chosen files of `readText` slots, keyed `input:<slot>` as parse expects them. */
export async function readInputTexts(
  def: AnyAnalysis,
  inputs: InputNames,
  read: ((name: string) => Promise<string>) | undefined,
): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const slot of def.inputs) {
    const name = inputs[slot.key];
    if (name === undefined || !(typeof slot.readText === 'function' ? slot.readText(name) : slot.readText)) continue;
    if (!read) throw new InputProblem(`${name} cannot be read here.`);
    texts[`input:${slot.key}`] = await read(name);
  }
  return texts;
}

/** `notApplicable`: the steps ran but the check could not look (wrong build, missing contigs); see NotApplicable. */
export type AnalysisOutcome<R> =
  { ok: true; result: R; notApplicable?: NotApplicable } | { ok: false; step?: string; message: string };

/**
 * Runs every step and parses the outputs. Independent steps start together (the engine queues them over its
 * workers); a step with `after` starts once those earlier steps succeeded, and is skipped when one of them failed.
 */
export async function runAnalysis<R>(
  def: AnyAnalysis,
  inputs: InputNames,
  params: ParameterValues,
  runner: StepRunner,
): Promise<AnalysisOutcome<R>> {
  const steps = def.steps(inputs, params);
  const pending: Promise<AnalysisStepResult & { skipped?: boolean }>[] = [];
  for (const [i, step] of steps.entries()) {
    const waitsFor = (step.after ?? []).map((key) => {
      const j = steps.findIndex((s) => s.key === key);
      if (j < 0 || j >= i)
        throw new Error(`Analysis ${def.id}: step ${step.key} waits for ${key}, which is not an earlier step`);
      return { step: steps[j]!, outcome: pending[j]! };
    });
    pending.push(
      (async () => {
        for (const before of waitsFor) {
          if (!(await before.outcome).succeeded)
            return {
              succeeded: false,
              skipped: true,
              message: `not run, because "${formatJob(before.step.job)}" failed.`,
            };
        }
        return runner.run(step);
      })(),
    );
  }
  const outcomes = await Promise.all(pending);
  const failed = outcomes.findIndex((o) => !o.succeeded && !o.skipped);
  if (failed >= 0)
    return {
      ok: false,
      step: formatJob(steps[failed]!.job),
      message: outcomes[failed]!.message ?? 'the step failed; see its messages in the history.',
    };
  const texts: Record<string, string> = await readInputTexts(def, inputs, runner.readText?.bind(runner));
  const lines: Record<string, AsyncIterable<string>> = {};
  for (const [i, step] of steps.entries()) {
    const outcome = outcomes[i]!;
    if (step.streamed && outcome.lines) lines[step.key] = outcome.lines();
    else if (outcome.text !== undefined) texts[step.key] = outcome.text;
    else
      return {
        ok: false,
        step: formatJob(step.job),
        message: 'the step gave no output; see its messages in the history.',
      };
  }
  return parseOutputs<R>(def, texts, lines, inputs, params);
}

/** Parses the steps' outputs: through `parseLines` when some are streamed, else through `parse`. */
export async function parseOutputs<R>(
  def: AnyAnalysis,
  texts: Readonly<Record<string, string>>,
  lines: Readonly<Record<string, AsyncIterable<string>>>,
  inputs: InputNames,
  params: ParameterValues,
): Promise<AnalysisOutcome<R>> {
  if (Object.keys(lines).length === 0 || !def.parseLines) return parseTexts<R>(def, texts, inputs, params);
  try {
    return judged((await def.parseLines(texts, lines, inputs, params)) as R, def);
  } catch (error) {
    return parseFailure(error);
  }
}

function judged<R>(result: R, def: AnyAnalysis): AnalysisOutcome<R> {
  const notApplicable = def.applies?.(result);
  return notApplicable ? { ok: true, result, notApplicable } : { ok: true, result };
}

function parseFailure(error: unknown): { ok: false; message: string } {
  if (error instanceof ParseError)
    return { ok: false, message: `${error.message}. The tool's output was not what Lokus expects; see the history.` };
  if (error instanceof InputProblem) return { ok: false, message: error.message };
  throw error;
}

export function parseTexts<R>(
  def: AnyAnalysis,
  texts: Readonly<Record<string, string>>,
  inputs: InputNames,
  params: ParameterValues,
): AnalysisOutcome<R> {
  try {
    return judged(def.parse(texts, inputs, params) as R, def);
  } catch (error) {
    return parseFailure(error);
  }
}

/** The console commands equivalent to the analysis' steps, one per line. */
export function commandsOf(def: AnyAnalysis, inputs: InputNames, params: ParameterValues): string[] {
  return def.steps(inputs, params).map((step) => formatJob(step.job));
}

/**
 * Pairs each step with the latest recorded run of the same command under the same tag; a step without
 * a run (deleted, or still running) is left out.
 */
export function matchRuns(
  def: AnyAnalysis,
  inputs: InputNames,
  params: ParameterValues,
  runs: readonly Run[],
): Map<string, { step: AnalysisStep; run: Run }> {
  const matched = new Map<string, { step: AnalysisStep; run: Run }>();
  for (const step of def.steps(inputs, params)) {
    const command = formatJob(step.job);
    const run = runs
      .filter(
        (r) =>
          formatJob({ steps: r.steps, ...(r.stdoutFile === undefined ? {} : { stdoutFile: r.stdoutFile }) }) ===
          command,
      )
      .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0))[0];
    if (run) matched.set(step.key, { step, run });
  }
  return matched;
}
