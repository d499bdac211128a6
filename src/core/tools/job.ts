// What a job is: one program with an argv array (or a chain of them), and what running it yields.
import type { ToolError } from './errors';

/** Where a program came from, for provenance: tool, version and the sha256 of its .wasm build. */
export interface ProgramInfo {
  program: string;
  tool: string;
  version: string;
  /** sha256 of the program's .wasm file, from wasm/tools.json. */
  wasmSha256: string;
  /** The multi-call build that runs this program when it is an applet (`head` runs `busybox`). */
  binary?: string;
}

/** One program invocation. `argv` never includes the program name and is never a shell string. */
export interface Command {
  program: string;
  argv: readonly string[];
}

/** A job: one command, or a pipeline of commands joined by `|`, optionally redirected with `>`. */
export interface JobSpec {
  steps: readonly Command[];
  /** Bytes fed to the first step's standard input. */
  stdin?: Uint8Array | string;
  /** Path (in the job's working directory) that receives the last step's stdout, as `>` would. */
  stdoutFile?: string;
  /** A label for the history ("samtools flagstat", "Alignment QC: step 2"). */
  label?: string;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A file a job wrote, readable as a binary-safe Blob. */
export interface OutputFile {
  path: string;
  size: number;
  blob: Blob;
}

export interface StepResult {
  command: Command;
  /** The build that ran this step (absent when the program is unknown). */
  program?: ProgramInfo;
  exitStatus: number;
  stderr: string;
  durationMs: number;
  /** Largest wasm heap seen while the step ran, where measurable. */
  peakMemoryBytes?: number;
}

export interface JobResult {
  status: Exclude<JobStatus, 'queued' | 'running'>;
  /** Exit status of the step that decided the outcome (the failing one, or the last). */
  exitStatus: number;
  /** Index into `steps` of the step that failed, when one did. */
  failedStep?: number;
  /** The last step's standard output (what the user would see), unless redirected; capped (see below). */
  stdout: string;
  /** True when `stdout` holds only the first part of the output (output files are always complete). */
  stdoutTruncated: boolean;
  /** Standard error of every step, in order. */
  stderr: string;
  steps: StepResult[];
  startedAt: number;
  endedAt: number;
  durationMs: number;
  /** Peak wasm heap size in bytes over all steps, where measurable. */
  peakMemoryBytes?: number;
  /** Files written by the job (and the `>` target), complete, in the order they were written. */
  outputs: OutputFile[];
  /** Work-area files the job deleted (`bgzip x.vcf` removes x.vcf); the work area has forgotten them. */
  removed?: string[];
  /** Work-area files any step read, in the order first read: the inputs its provenance records. */
  inputsRead: string[];
  /** Why the job did not succeed, with advice for the user; absent when it succeeded. */
  error?: ToolError;
}

/** Something the user can watch while a job runs. */
export type JobEvent =
  | { kind: 'stdout'; text: string }
  | { kind: 'stderr'; text: string }
  | { kind: 'progress'; elapsedMs: number; bytesRead?: number; bytesTotal?: number; step: number }
  | { kind: 'status'; status: JobStatus };

/** Renders a job the way a shell user would type it, quoting where needed. */
export function formatJob(spec: JobSpec): string {
  const line = spec.steps.map((step) => [step.program, ...step.argv].map(quoteArg).join(' ')).join(' | ');
  return spec.stdoutFile ? `${line} > ${quoteArg(spec.stdoutFile)}` : line;
}

export function quoteArg(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./~^-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
