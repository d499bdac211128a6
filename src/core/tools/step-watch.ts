// Watches one running step for the job runner: routes its events (progress, live stderr, visible stdout), and
// when the runtime refused to grow its heap gives it MEMORY_GRACE_MS to stop by itself before `stuck` rejects.
import { describeRefusedGrowth, outOfMemoryError } from './advice';
import type { ToolError } from './errors';
import type { Command, JobEvent } from './job';
import type { StepEvent } from './step';

export const STDERR_CAP_BYTES = 1 << 20;

export interface StepWatchOptions {
  command: Command;
  /** The job's last step with no `>`: its stdout is shown live. */
  visible: boolean;
  graceMs: number;
  onEvent(event: JobEvent): void;
  onProgress(bytesRead: number, bytesTotal: number): void;
}

export class StepWatch {
  /** Rejects with an out-of-memory error when the tool runs on after a refused heap growth. */
  readonly stuck: Promise<never>;
  /** Set once the runtime refused to grow the heap. */
  refused: string | undefined;
  private liveStderr = '';
  private done = false;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private fail: (error: ToolError) => void = () => undefined;

  constructor(private readonly options: StepWatchOptions) {
    this.stuck = new Promise<never>((_, reject) => (this.fail = reject));
    this.stuck.catch(() => undefined);
  }

  readonly onEvent = (event: StepEvent): void => {
    if (this.done) return;
    if (event.kind === 'progress') {
      this.options.onProgress(event.bytesRead, event.bytesTotal);
    } else if (event.kind === 'memory') {
      this.onRefusedGrowth(event.requestedBytes, event.heapBytes);
    } else if (event.kind === 'stderr' || this.options.visible) {
      if (event.kind === 'stderr' && this.liveStderr.length < STDERR_CAP_BYTES) this.liveStderr += event.text;
      this.options.onEvent(event);
    }
  };

  /** The step has ended (or the job was given up): later events are ignored, the watchdog stops. */
  end(): void {
    this.done = true;
    clearTimeout(this.watchdog);
  }

  private onRefusedGrowth(requestedBytes: number, heapBytes: number): void {
    if (this.refused !== undefined) return;
    this.refused = describeRefusedGrowth(requestedBytes, heapBytes);
    const detail = `${this.refused}, and it did not stop by itself`;
    this.watchdog = setTimeout(
      () => this.fail(outOfMemoryError(this.options.command, detail, this.liveStderr)),
      this.options.graceMs,
    );
  }
}
