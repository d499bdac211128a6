// One pool slot: a dedicated module worker behind comlink. Terminating it is the hard cancel; a worker that
// dies (script error, renderer out of memory) fails its running command instead of hanging it.
import { proxy, wrap, type Remote } from 'comlink';
import { EngineError } from '../core/tools/errors';
import type { StepEvent, StepOutcome, StepRequest, ToolSlot } from '../core/tools/step';
import type { ToolWorkerApi } from './tool-worker';
import type { IoTuning } from './worker-fs';

export interface ProgramUrls {
  jsUrl: string;
  wasmUrl: string;
}

export class WorkerSlot implements ToolSlot {
  private readonly worker: Worker;
  private readonly api: Remote<ToolWorkerApi>;
  private readonly died: Promise<never>;

  constructor(
    private readonly urls: (program: string) => ProgramUrls,
    private readonly io?: IoTuning,
    private readonly memoryLimitBytes?: number,
  ) {
    this.worker = new Worker(new URL('./tool-worker.ts', import.meta.url), { type: 'module', name: 'lokus-tool' });
    this.api = wrap<ToolWorkerApi>(this.worker);
    this.died = new Promise<never>((_, reject) => {
      this.worker.addEventListener('error', (event) => {
        event.preventDefault();
        reject(new EngineError(`The tool worker failed: ${event.message || 'it could not start'}`, {
          advice: 'Reload the page; if this keeps happening, the browser may be out of memory.',
        }));
      });
    });
    this.died.catch(() => undefined);
  }

  exec(request: StepRequest, onEvent: (event: StepEvent) => void): Promise<StepOutcome> {
    const urls = this.urls(request.command.program);
    return Promise.race([this.api.exec({ ...request, ...urls, ...(this.io ? { io: this.io } : {}), ...(this.memoryLimitBytes === undefined ? {} : { memoryLimitBytes: this.memoryLimitBytes }) }, proxy(onEvent)), this.died]);
  }

  warm(program: string): Promise<void> {
    const { jsUrl, wasmUrl } = this.urls(program);
    return this.api.warm(jsUrl, wasmUrl);
  }

  terminate(): void {
    this.worker.terminate();
  }
}
