// Runs a step's checks on the real tools against the learner's session. A failed check says what is still wrong
// (a reason code with its details, worded by the UI in the learner's language), never only "fail".
import { parseCommandLine } from '../console/parse-command-line';
import type { Run } from '../session';
import type { JobSpec } from '../tools/job';
import { judgeAnswer } from './answer';
import { commandMismatch, type CommandMismatch } from './command-match';
import { firstDifference, type TextDifference } from './compare';
import type { Check, FileCheck, OutputCheck, StateCheck } from './lesson';

export interface ToolOutcome {
  status: string;
  exitStatus: number;
  stdout: string;
  stderr: string;
}

export interface CheckContext {
  /** The learner's runs, newest first. */
  runs: readonly Run[];
  /** Names the tools see in the learner's work area (opened files and outputs). */
  listFiles(): Promise<string[]>;
  /** A file of the learner's work area, as text. */
  readText(name: string): Promise<string>;
  /** A read-only job in the learner's work area, not recorded in the history (viewing a BAM, reading a header). */
  runInSession(spec: JobSpec): Promise<ToolOutcome>;
  /** A job on fresh lesson data, apart from the learner's files. */
  runOnLessonData(spec: JobSpec): Promise<ToolOutcome>;
  /** What the learner typed for the step's answer checks, by check index. */
  answers: Readonly<Record<number, string>>;
}

export type CheckReason =
  | CommandMismatch
  | { code: 'run-failed'; exitStatus: number }
  | ({ code: 'output-differs' } & TextDifference)
  | ({ code: 'file-differs'; path: string } & TextDifference)
  | { code: 'file-missing'; path: string }
  | { code: 'tool-failed'; command: string; stderr: string }
  | { code: 'no-answer' | 'not-a-number' | 'wrong-number' | 'unknown-choice' | 'wrong-choice' }
  | { code: 'index-missing'; target: string }
  | { code: 'analysis-missing'; analysis: string }
  | { code: 'not-sorted'; target: string; order: string };

export type CheckResult = { ok: true } | { ok: false; reason: CheckReason };

const pass: CheckResult = { ok: true };
const fail = (reason: CheckReason): CheckResult => ({ ok: false, reason });

/** The learner's last console run (analysis steps are not the learner's own command). */
export function lastRun(runs: readonly Run[]): Run | undefined {
  return runs.find((run) => run.analysisId === undefined && run.status !== 'queued' && run.status !== 'running');
}

export function jobOf(line: string): JobSpec {
  const parsed = parseCommandLine(line);
  if (parsed.kind !== 'job') throw new Error(`The lesson's command "${line}" cannot be run.`);
  return parsed.spec;
}

export async function runCheck(check: Check, index: number, ctx: CheckContext): Promise<CheckResult> {
  switch (check.type) {
    case 'command': {
      const run = lastRun(ctx.runs);
      if (!run) return fail({ code: 'no-run' });
      const mismatch = commandMismatch(check, run.steps);
      if (mismatch) return fail(mismatch);
      return run.status === 'succeeded' ? pass : fail({ code: 'run-failed', exitStatus: run.exitStatus ?? -1 });
    }
    case 'output':
      return outputCheck(check, ctx);
    case 'file':
      return fileCheck(check, ctx);
    case 'answer': {
      const verdict = judgeAnswer(check, ctx.answers[index]);
      return verdict.ok ? pass : fail({ code: verdict.code });
    }
    case 'state':
      return stateCheck(check, ctx);
  }
}

async function expectedText(line: string, ctx: CheckContext): Promise<string | CheckResult> {
  const outcome = await ctx.runOnLessonData(jobOf(line));
  if (outcome.status !== 'succeeded') return fail({ code: 'tool-failed', command: line, stderr: outcome.stderr });
  return outcome.stdout;
}

async function outputCheck(check: OutputCheck, ctx: CheckContext): Promise<CheckResult> {
  const run = lastRun(ctx.runs);
  if (!run) return fail({ code: 'no-run' });
  if (run.status !== 'succeeded') return fail({ code: 'run-failed', exitStatus: run.exitStatus ?? -1 });
  const expected = await expectedText(check.expected, ctx);
  if (typeof expected !== 'string') return expected;
  const difference = firstDifference(run.stdout, expected, check.normalise);
  return difference ? fail({ code: 'output-differs', ...difference }) : pass;
}

async function fileCheck(check: FileCheck, ctx: CheckContext): Promise<CheckResult> {
  if (!(await ctx.listFiles()).includes(check.path)) return fail({ code: 'file-missing', path: check.path });
  if (check.expected === undefined) return pass;
  let actual: string;
  if (check.view) {
    const viewLine = check.view.replaceAll('{file}', quote(check.path));
    const view = await ctx.runInSession(jobOf(viewLine));
    if (view.status !== 'succeeded') return fail({ code: 'tool-failed', command: viewLine, stderr: view.stderr });
    actual = view.stdout;
  } else actual = await ctx.readText(check.path);
  const expected = await expectedText(check.expected, ctx);
  if (typeof expected !== 'string') return expected;
  const difference = firstDifference(actual, expected, check.normalise);
  return difference ? fail({ code: 'file-differs', path: check.path, ...difference }) : pass;
}

const INDEX_SUFFIXES = ['.bai', '.csi', '.tbi', '.crai', '.fai'];

async function stateCheck(check: StateCheck, ctx: CheckContext): Promise<CheckResult> {
  const target = check.target ?? '';
  if (check.kind === 'analysis') {
    // An analysis step's run is tagged "<analysis>/<instance>?<inputs>" (core/analyses/tag).
    const ran = ctx.runs.some((run) => run.analysisId?.split('/')[0] === check.analysis && run.status === 'succeeded');
    return ran ? pass : fail({ code: 'analysis-missing', analysis: check.analysis ?? '' });
  }
  const files = await ctx.listFiles();
  if (!files.includes(target)) return fail({ code: 'file-missing', path: target });
  if (check.kind === 'index') {
    const stem = target.replace(/\.[^.]+$/, '');
    const indexed = INDEX_SUFFIXES.some((s) => files.includes(target + s) || files.includes(stem + s));
    return indexed ? pass : fail({ code: 'index-missing', target });
  }
  const header = await ctx.runInSession({ steps: [{ program: 'samtools', argv: ['view', '-H', target] }] });
  if (header.status !== 'succeeded')
    return fail({ code: 'tool-failed', command: `samtools view -H ${target}`, stderr: header.stderr });
  const order = /^@HD\t.*\bSO:(\S+)/m.exec(header.stdout)?.[1] ?? 'unknown';
  return order === 'coordinate' ? pass : fail({ code: 'not-sorted', target, order });
}

/** Quotes a file name for the console parser (lesson file names are plain, but a path may still hold a space). */
function quote(name: string): string {
  return /^[\w.-]+$/.test(name) ? name : `'${name.replace(/'/g, '')}'`;
}
