// Runs one job on one slot: a pipeline runs all its steps at once, piped, where the slot can (execPipeline), or
// else step by step through intermediate Blobs (stdout of step i becomes stdin of step i+1); `>` turns the last
// stdout into an output file, and the outcome becomes a JobResult whose promise never rejects.
import type { MountedInput } from './engine';
import { engineError, stepError } from './advice';
import { JobCancelledError, type ToolError } from './errors';
import type { JobEvent, JobResult, JobSpec, OutputFile, ProgramInfo, StepResult } from './job';
import { PipelineStepFailure, type StepOutcome, type StepRequest, type ToolSlot } from './step';
import { STDERR_CAP_BYTES, StepWatch } from './step-watch';

export const STDOUT_CAP_BYTES = 1 << 20;
const TICK_MS = 500;
/**
 * How long a tool may keep running after the runtime refused to grow its heap. Every tool we probed exits
 * within milliseconds of a failed allocation (samtools, bcftools and seqtk print an error, C++ tools abort); one
 * still running seconds later is writing through a null pointer, which WebAssembly does not trap, so it is
 * stopped rather than left to hang or produce corrupt output.
 */
export const MEMORY_GRACE_MS = 5000;

export interface RunContext {
  slot: ToolSlot;
  programs: ReadonlyMap<string, ProgramInfo>;
  /** The work area as it is now: mounted inputs and earlier outputs. */
  files(): readonly MountedInput[];
  /** Called with each file a step wrote, as soon as the step exits 0, so later steps and jobs see it. */
  keep(output: OutputFile): void;
  /** Called with each work-area file a step deleted, once the step exits 0. */
  forget?(name: string): void;
  onEvent(event: JobEvent): void;
  /** Aborted when the user cancels: the result is `cancelled` at once. */
  signal: AbortSignal;
  stdoutCapBytes?: number;
  /** Set when the slot failed in a way that makes it unfit for another job. */
  onSlotBroken?(): void;
  /** Overrides MEMORY_GRACE_MS (tests). */
  memoryGraceMs?: number;
}

class Cancelled extends Error {}

function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(new Cancelled());
    signal.addEventListener('abort', () => reject(new Cancelled()), { once: true });
  });
}

function stdinBlob(stdin: JobSpec['stdin']): Blob | undefined {
  if (stdin === undefined) return undefined;
  return new Blob([typeof stdin === 'string' ? stdin : new Uint8Array(stdin)]);
}

export async function runJob(spec: JobSpec, ctx: RunContext): Promise<JobResult> {
  const startedAt = Date.now();
  const steps: StepResult[] = [];
  let outputs: OutputFile[] = [];
  const removed: string[] = [];
  const inputsRead = new Set<string>();
  const stderrParts: string[] = [];
  let stdout = '';
  let stdoutTruncated = false;
  let peak: number | undefined;
  let current = 0;
  let bytesRead: number | undefined;
  let bytesTotal: number | undefined;
  const streamed = spec.steps.length > 1 && ctx.slot.execPipeline !== undefined;
  const aborted = whenAborted(ctx.signal);
  aborted.catch(() => undefined);
  const progress = (step: number): void =>
    ctx.onEvent({ kind: 'progress', elapsedMs: Date.now() - startedAt, bytesRead, bytesTotal, step });
  const ticker = setInterval(() => progress(current), TICK_MS);

  const finish = (
    status: JobResult['status'],
    exitStatus: number,
    error?: ToolError,
    failedStep?: number,
  ): JobResult => {
    clearInterval(ticker);
    const endedAt = Date.now();
    ctx.onEvent({ kind: 'status', status });
    return {
      status,
      exitStatus,
      ...(failedStep === undefined ? {} : { failedStep }),
      stdout,
      stdoutTruncated,
      stderr: stderrParts.join(''),
      steps,
      startedAt,
      endedAt,
      durationMs: endedAt - startedAt,
      ...(peak === undefined ? {} : { peakMemoryBytes: peak }),
      outputs,
      ...(removed.length > 0 ? { removed } : {}),
      inputsRead: [...inputsRead],
      ...(error ? { error } : {}),
    };
  };

  const isLast = (index: number): boolean => index === spec.steps.length - 1;
  const isVisible = (index: number): boolean => isLast(index) && spec.stdoutFile === undefined;
  const request = (index: number, stdin: Blob | undefined): StepRequest => ({
    command: spec.steps[index]!,
    files: ctx.files(),
    ...(stdin ? { stdin } : {}),
    stdoutMode: isVisible(index) ? 'text' : 'blob',
    stdoutCapBytes: ctx.stdoutCapBytes ?? STDOUT_CAP_BYTES,
    stderrCapBytes: STDERR_CAP_BYTES,
  });
  const watchStep = (index: number): StepWatch =>
    new StepWatch({
      command: spec.steps[index]!,
      visible: isVisible(index),
      graceMs: ctx.memoryGraceMs ?? MEMORY_GRACE_MS,
      onEvent: ctx.onEvent,
      onProgress(read, total) {
        // A streamed pipeline's progress is its first step's: the one reading the input.
        if (streamed && index > 0) return;
        bytesRead = read;
        bytesTotal = total;
        progress(index);
      },
    });

  /** How a step's runtime failure (not the tool's own exit) or a cancel ends the job. */
  const interrupted = (cause: unknown, index: number, stepStarted: number): JobResult => {
    const command = spec.steps[index]!;
    if (cause instanceof Cancelled) {
      const error = new JobCancelledError('Cancelled', {
        command,
        advice: 'The job was stopped before it finished; run it again to get its result.',
      });
      return finish('cancelled', 130, error, undefined);
    }
    ctx.onSlotBroken?.();
    const error = engineError(command, cause);
    stderrParts.push(error.stderr);
    steps.push({
      command,
      ...programOf(ctx, command.program),
      exitStatus: -1,
      stderr: error.stderr,
      durationMs: Date.now() - stepStarted,
    });
    return finish('failed', -1, error, index);
  };

  /** Records a step that exited; returns its error when the exit status was not 0. */
  const record = (index: number, outcome: StepOutcome, watch: StepWatch): ToolError | undefined => {
    const command = spec.steps[index]!;
    if (outcome.bytesTotal !== undefined && outcome.bytesTotal > 0 && !(streamed && index > 0)) {
      bytesRead = outcome.bytesRead;
      bytesTotal = outcome.bytesTotal;
      progress(index);
    }
    stderrParts.push(outcome.stderr);
    for (const name of outcome.inputsRead ?? []) inputsRead.add(name);
    if (outcome.peakMemoryBytes !== undefined) peak = Math.max(peak ?? 0, outcome.peakMemoryBytes);
    steps.push({
      command,
      ...programOf(ctx, command.program),
      exitStatus: outcome.exitStatus,
      stderr: outcome.stderr,
      durationMs: outcome.durationMs,
      ...(outcome.peakMemoryBytes === undefined ? {} : { peakMemoryBytes: outcome.peakMemoryBytes }),
    });
    if (isVisible(index)) {
      stdout = outcome.stdout;
      stdoutTruncated = outcome.stdoutTruncated;
    }
    if (outcome.exitStatus === 0) return undefined;
    if (outcome.abortReason !== undefined) ctx.onSlotBroken?.();
    const memoryFailure = outcome.memoryFailure ?? watch.refused;
    return stepError({
      command,
      exitStatus: outcome.exitStatus,
      stderr: outcome.stderr,
      ...(outcome.abortReason === undefined ? {} : { abortReason: outcome.abortReason }),
      ...(memoryFailure === undefined ? {} : { memoryFailure }),
    });
  };

  /** Makes a successful step's files (and the last stdout, with `>`) part of the work area. */
  const keepOutputs = (index: number, outcome: StepOutcome): void => {
    for (const output of outcome.outputs) {
      ctx.keep(output);
      outputs.push(output);
    }
    for (const name of outcome.removed ?? []) {
      ctx.forget?.(name);
      outputs = outputs.filter((output) => output.path !== name);
      if (!removed.includes(name)) removed.push(name);
    }
    if (isLast(index) && spec.stdoutFile !== undefined) {
      const blob = outcome.stdoutBlob ?? new Blob([]);
      const output = { path: spec.stdoutFile, size: blob.size, blob };
      ctx.keep(output);
      outputs.push(output);
    }
  };

  ctx.onEvent({ kind: 'status', status: 'running' });
  if (streamed) {
    // All steps at once, stdout piped into the next stdin: every step is recorded; the first that failed
    // (the later ones usually failed because of it) is the job's failure.
    const watches = spec.steps.map((_, index) => watchStep(index));
    let outcomes: StepOutcome[];
    try {
      outcomes = await Promise.race([
        ctx.slot.execPipeline!(
          spec.steps.map((_, index) => request(index, index === 0 ? stdinBlob(spec.stdin) : undefined)),
          (index, event) => watches[index]?.onEvent(event),
        ),
        aborted,
        ...watches.map((watch, index) =>
          watch.stuck.catch((cause: unknown) => Promise.reject(new PipelineStepFailure(index, cause))),
        ),
      ]);
    } catch (failure) {
      for (const watch of watches) watch.end();
      return failure instanceof PipelineStepFailure
        ? interrupted(failure.cause, failure.step, startedAt)
        : interrupted(failure, 0, startedAt);
    }
    for (const watch of watches) watch.end();
    const errors = outcomes.map((outcome, index) => record(index, outcome, watches[index]!));
    outcomes.forEach((outcome, index) => outcome.exitStatus === 0 && keepOutputs(index, outcome));
    const failed = errors.findIndex((error) => error !== undefined);
    return failed >= 0
      ? finish('failed', outcomes[failed]!.exitStatus, errors[failed], failed)
      : finish('succeeded', 0);
  }

  let stdin = stdinBlob(spec.stdin);
  for (const index of spec.steps.keys()) {
    current = index;
    const stepStarted = Date.now();
    const watch = watchStep(index);
    let outcome: StepOutcome;
    try {
      outcome = await Promise.race([ctx.slot.exec(request(index, stdin), watch.onEvent), aborted, watch.stuck]);
    } catch (cause) {
      watch.end();
      return interrupted(cause, index, stepStarted);
    }
    watch.end();
    const error = record(index, outcome, watch);
    if (error) return finish('failed', outcome.exitStatus, error, index);
    keepOutputs(index, outcome);
    stdin = isLast(index) ? undefined : (outcome.stdoutBlob ?? new Blob([]));
  }
  return finish('succeeded', 0);
}

function programOf(ctx: RunContext, program: string): { program?: ProgramInfo } {
  const info = ctx.programs.get(program);
  return info ? { program: info } : {};
}
