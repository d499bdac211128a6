// One pool slot: a dedicated module worker behind comlink. Terminating it is the hard cancel; a worker that
// dies or stops answering (worker-watch.ts) fails its running command instead of hanging it. Where pipes
// exist, a pipeline's later steps run at once on the slot's own helper workers (kept for its next pipelines),
// and a stream worker reads the slot's long sequential inputs into shared memory (blob-streams.ts).
import { proxy, transfer, wrap, type Remote } from 'comlink';
import {
  PipelineStepFailure,
  type StepEvent,
  type StepOutcome,
  type StepRequest,
  type ToolSlot,
} from '../core/tools/step';
import { createPipeBuffer } from './shared-pipe';
import type { ToolWorkerApi, WorkerStepRequest } from './tool-worker';
import type { ProgramUrls } from './programs';
import type { IoTuning } from './worker-fs';
import { WorkerWatch, type WatchOptions } from './worker-watch';

export class WorkerSlot implements ToolSlot {
  private readonly worker: Worker;
  private readonly streamWorker?: Worker;
  private readonly api: Remote<ToolWorkerApi>;
  /** Rejects once the tool worker, or the stream worker it reads through, can no longer answer. */
  private readonly died: Promise<never>;
  private readonly watches: WorkerWatch[];
  /** Workers for a pipeline's steps after the first, created on first use. */
  private readonly helpers: WorkerSlot[] = [];
  readonly execPipeline?: (
    requests: readonly StepRequest[],
    onEvent: (step: number, event: StepEvent) => void,
  ) => Promise<StepOutcome[]>;

  /**
   * `sharedMemory` (a cross-origin isolated page): pipelines run at once on helper workers, and a stream worker
   * feeds long sequential reads of inputs.
   */
  constructor(
    private readonly urls: (program: string) => ProgramUrls,
    private readonly io?: IoTuning,
    private readonly memoryLimitBytes?: number,
    private readonly sharedMemory = false,
    private readonly watch: WatchOptions = {},
  ) {
    if (sharedMemory) this.execPipeline = (requests, onEvent) => this.runPipeline(requests, onEvent);
    this.worker = new Worker(new URL('./tool-worker.ts', import.meta.url), { type: 'module', name: 'lokus-tool' });
    this.api = wrap<ToolWorkerApi>(this.worker);
    if (sharedMemory) {
      this.streamWorker = new Worker(new URL('./blob-stream-worker.ts', import.meta.url), {
        type: 'module',
        name: 'lokus-input-stream',
      });
      const channel = new MessageChannel();
      this.streamWorker.postMessage(channel.port1, [channel.port1]);
      void this.api.attachStreams(transfer(channel.port2, [channel.port2]));
    }
    this.watches = [new WorkerWatch(this.worker, 'tool worker', watch)];
    this.watches[0]!.connect((setup) => void this.api.watch(transfer(setup, [setup.port])));
    if (this.streamWorker) {
      const streams = new WorkerWatch(this.streamWorker, 'input stream worker', watch);
      streams.connect((setup) => this.streamWorker!.postMessage(setup, [setup.port]));
      this.watches.push(streams);
    }
    this.died = Promise.race(this.watches.map((w) => w.died));
    this.died.catch(() => undefined);
  }

  exec(request: StepRequest, onEvent: (event: StepEvent) => void): Promise<StepOutcome> {
    return this.execWith(request, {}, onEvent);
  }

  private execWith(
    request: StepRequest,
    pipes: Pick<WorkerStepRequest, 'stdinPipe' | 'stdoutPipe'>,
    onEvent: (event: StepEvent) => void,
  ): Promise<StepOutcome> {
    const urls = this.urls(request.command.program);
    const full: WorkerStepRequest = {
      ...request,
      ...urls,
      ...pipes,
      ...(this.io ? { io: this.io } : {}),
      ...(this.memoryLimitBytes === undefined ? {} : { memoryLimitBytes: this.memoryLimitBytes }),
    };
    return Promise.race([this.api.exec(full, proxy(onEvent)), this.died]);
  }

  /** Step i on worker i (this one first), step i's stdout piped into step i+1's stdin. */
  private runPipeline(
    requests: readonly StepRequest[],
    onEvent: (step: number, event: StepEvent) => void,
  ): Promise<StepOutcome[]> {
    while (this.helpers.length < requests.length - 1)
      this.helpers.push(new WorkerSlot(this.urls, this.io, this.memoryLimitBytes, this.sharedMemory, this.watch));
    const pipes = requests.slice(1).map(() => createPipeBuffer());
    return Promise.all(
      requests.map((request, i) => {
        const worker = i === 0 ? this : this.helpers[i - 1]!;
        const ends = {
          ...(i > 0 ? { stdinPipe: pipes[i - 1] } : {}),
          ...(i < pipes.length ? { stdoutPipe: pipes[i] } : {}),
        };
        return worker
          .execWith(request, ends, (event) => onEvent(i, event))
          .catch((cause: unknown) => Promise.reject(new PipelineStepFailure(i, cause)));
      }),
    );
  }

  terminate(): void {
    for (const watch of this.watches) watch.stop();
    for (const helper of this.helpers) helper.terminate();
    this.worker.terminate();
    this.streamWorker?.terminate();
  }
}
