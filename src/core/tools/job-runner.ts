// Runs one job on one slot: a pipeline goes step by step through intermediate files (stdout of step i
// becomes stdin of step i+1), `>` turns the last stdout into an output file, and the outcome becomes a
// JobResult whose promise never rejects.
import type { MountedInput } from './engine';
import { describeRefusedGrowth, engineError, outOfMemoryError, stepError } from './advice';
import { JobCancelledError, type ToolError } from './errors';
import type { JobEvent, JobResult, JobSpec, OutputFile, ProgramInfo, StepResult } from './job';
import type { StepOutcome, ToolSlot } from './step';

export const STDOUT_CAP_BYTES = 1 << 20;
export const STDERR_CAP_BYTES = 1 << 20;
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
  const stderrParts: string[] = [];
  let stdout = '';
  let stdoutTruncated = false;
  let peak: number | undefined;
  let current = 0;
  let bytesRead: number | undefined;
  let bytesTotal: number | undefined;
  const aborted = whenAborted(ctx.signal);
  aborted.catch(() => undefined);
  const ticker = setInterval(() => {
    ctx.onEvent({ kind: 'progress', elapsedMs: Date.now() - startedAt, bytesRead, bytesTotal, step: current });
  }, TICK_MS);

  const finish = (status: JobResult['status'], exitStatus: number, error?: ToolError, failedStep?: number): JobResult => {
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
      ...(error ? { error } : {}),
    };
  };

  ctx.onEvent({ kind: 'status', status: 'running' });
  let stdin = stdinBlob(spec.stdin);
  for (const [index, command] of spec.steps.entries()) {
    current = index;
    const last = index === spec.steps.length - 1;
    const visible = last && spec.stdoutFile === undefined;
    const stepStarted = Date.now();
    let stepDone = false;
    let outcome: StepOutcome;
    let refused: string | undefined;
    let liveStderr = '';
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let stopStuck: (error: ToolError) => void = () => undefined;
    const stuck = new Promise<never>((_, reject) => (stopStuck = reject));
    const onRefusedGrowth = (requestedBytes: number, heapBytes: number): void => {
      if (refused !== undefined) return;
      refused = describeRefusedGrowth(requestedBytes, heapBytes);
      const detail = `${refused}, and it did not stop by itself`;
      watchdog = setTimeout(() => stopStuck(outOfMemoryError(command, detail, liveStderr)), ctx.memoryGraceMs ?? MEMORY_GRACE_MS);
    };
    try {
      outcome = await Promise.race([
        ctx.slot.exec(
          {
            command,
            files: ctx.files(),
            ...(stdin ? { stdin } : {}),
            stdoutMode: visible ? 'text' : 'blob',
            stdoutCapBytes: ctx.stdoutCapBytes ?? STDOUT_CAP_BYTES,
            stderrCapBytes: STDERR_CAP_BYTES,
          },
          (event) => {
            if (stepDone) return;
            if (event.kind === 'progress') {
              bytesRead = event.bytesRead;
              bytesTotal = event.bytesTotal;
              ctx.onEvent({ kind: 'progress', elapsedMs: Date.now() - startedAt, bytesRead, bytesTotal, step: index });
            } else if (event.kind === 'memory') {
              onRefusedGrowth(event.requestedBytes, event.heapBytes);
            } else if (event.kind === 'stderr' || visible) {
              if (event.kind === 'stderr' && liveStderr.length < STDERR_CAP_BYTES) liveStderr += event.text;
              ctx.onEvent(event);
            }
          },
        ),
        aborted,
        stuck,
      ]);
    } catch (cause) {
      stepDone = true;
      clearTimeout(watchdog);
      if (cause instanceof Cancelled) {
        const error = new JobCancelledError('Cancelled', { command, advice: 'The job was stopped before it finished; run it again to get its result.' });
        return finish('cancelled', 130, error, undefined);
      }
      ctx.onSlotBroken?.();
      const error = engineError(command, cause);
      stderrParts.push(error.stderr);
      steps.push({ command, ...programOf(ctx, command.program), exitStatus: -1, stderr: error.stderr, durationMs: Date.now() - stepStarted });
      return finish('failed', -1, error, index);
    }
    stepDone = true;
    clearTimeout(watchdog);
    if (outcome.bytesTotal !== undefined && outcome.bytesTotal > 0) {
      bytesRead = outcome.bytesRead;
      bytesTotal = outcome.bytesTotal;
      ctx.onEvent({ kind: 'progress', elapsedMs: Date.now() - startedAt, bytesRead, bytesTotal, step: index });
    }
    stderrParts.push(outcome.stderr);
    if (outcome.peakMemoryBytes !== undefined) peak = Math.max(peak ?? 0, outcome.peakMemoryBytes);
    steps.push({
      command,
      ...programOf(ctx, command.program),
      exitStatus: outcome.exitStatus,
      stderr: outcome.stderr,
      durationMs: outcome.durationMs,
      ...(outcome.peakMemoryBytes === undefined ? {} : { peakMemoryBytes: outcome.peakMemoryBytes }),
    });
    if (visible) {
      stdout = outcome.stdout;
      stdoutTruncated = outcome.stdoutTruncated;
    }
    if (outcome.exitStatus !== 0) {
      if (outcome.abortReason !== undefined) ctx.onSlotBroken?.();
      const memoryFailure = outcome.memoryFailure ?? refused;
      const error = stepError({
        command,
        exitStatus: outcome.exitStatus,
        stderr: outcome.stderr,
        ...(outcome.abortReason === undefined ? {} : { abortReason: outcome.abortReason }),
        ...(memoryFailure === undefined ? {} : { memoryFailure }),
      });
      return finish('failed', outcome.exitStatus, error, index);
    }
    for (const output of outcome.outputs) {
      ctx.keep(output);
      outputs.push(output);
    }
    for (const name of outcome.removed ?? []) {
      ctx.forget?.(name);
      outputs = outputs.filter((output) => output.path !== name);
      if (!removed.includes(name)) removed.push(name);
    }
    stdin = last ? undefined : (outcome.stdoutBlob ?? new Blob([]));
    if (last && spec.stdoutFile !== undefined) {
      const blob = outcome.stdoutBlob ?? new Blob([]);
      const output = { path: spec.stdoutFile, size: blob.size, blob };
      ctx.keep(output);
      outputs.push(output);
    }
  }
  return finish('succeeded', 0);
}

function programOf(ctx: RunContext, program: string): { program?: ProgramInfo } {
  const info = ctx.programs.get(program);
  return info ? { program: info } : {};
}
