// The seam between job logic (pipelines, results, queueing) and whatever executes one command: a slot is
// a worker in the engine, a script in the fake. Plain data only, so it crosses a worker boundary.
import type { MountedInput } from './engine';
import type { Command, OutputFile } from './job';

export interface StepRequest {
  command: Command;
  /** Every file in the work area, visible by name in the command's working directory. */
  files: readonly MountedInput[];
  /** Fed to standard input (an earlier step's output, or the job's stdin), then EOF. */
  stdin?: Blob;
  /** 'text': keep the first `stdoutCapBytes` as text for display; 'blob': keep every byte (pipes, `>`). */
  stdoutMode: 'text' | 'blob';
  stdoutCapBytes: number;
  stderrCapBytes: number;
}

export type StepEvent =
  | { kind: 'stdout'; text: string }
  | { kind: 'stderr'; text: string }
  | { kind: 'progress'; bytesRead: number; bytesTotal: number }
  /** The runtime refused to grow the tool's heap (sent at once, while the tool still runs). */
  | { kind: 'memory'; requestedBytes: number; heapBytes: number };

export interface StepOutcome {
  exitStatus: number;
  /** Capped display text of stdout ('text' mode); empty in 'blob' mode. */
  stdout: string;
  stdoutTruncated: boolean;
  /** Complete stdout ('blob' mode only). */
  stdoutBlob?: Blob;
  stderr: string;
  /** Regular files the command created or changed in its working directory. */
  outputs: OutputFile[];
  /** Work-area files the command deleted. */
  removed?: string[];
  /** Work-area files the command read, whatever argv named them as (`--regions-file=x.bed`, `x.bam##idx##x.bai`). */
  inputsRead?: string[];
  peakMemoryBytes?: number;
  /** Final progress: bytes read from the inputs the command names, and their total size. */
  bytesRead?: number;
  bytesTotal?: number;
  /** The runtime's message when the tool aborted or trapped. */
  abortReason?: string;
  /** Evidence that the tool ran out of memory (refused heap growth, std::bad_alloc, ENOMEM at a crash). */
  memoryFailure?: string;
  durationMs: number;
}

/** One place that runs one command at a time. */
export interface ToolSlot {
  /**
   * Runs a command; rejects (with a ToolError) only when the runtime itself fails. Every event is delivered
   * before the returned promise settles.
   */
  exec(request: StepRequest, onEvent: (event: StepEvent) => void): Promise<StepOutcome>;
  /**
   * Runs a pipeline's steps at once, each stdout streaming into the next stdin as in a shell (only where the
   * runtime can connect them; otherwise absent and steps run one after another through intermediate Blobs).
   * `requests[0].stdin` feeds the first step and the last request's stdoutMode applies to the last step; the
   * others' stdin/stdout are the pipes. Resolves with every step's outcome, in order, once all have exited;
   * rejects with a PipelineStepFailure when a step's runtime failed.
   */
  execPipeline?(
    requests: readonly StepRequest[],
    onEvent: (step: number, event: StepEvent) => void,
  ): Promise<StepOutcome[]>;
  /** Stops at once, abandoning a running command; the slot is not used again. */
  terminate(): void;
}

/** A pipeline step whose runtime (not the tool) failed while the steps ran at once: which one, and why. */
export class PipelineStepFailure extends Error {
  constructor(
    readonly step: number,
    override readonly cause: unknown,
  ) {
    super(`pipeline step ${step + 1} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'PipelineStepFailure';
  }
}
