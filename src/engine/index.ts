// Entry point for main.ts: the real ToolEngine, a pool of module workers running the wasm tools listed in
// wasm/tools.json, with the queue/pipeline/cancel semantics of core/tools/queued-engine.
import type { ToolEngine } from '../core/tools/engine';
import type { JobResult, ProgramInfo } from '../core/tools/job';
import { createQueuedEngine } from '../core/tools/queued-engine';
import { defaultBaseUrl, INSTALLED_PROGRAMS, programUrls } from './programs';
import { pipesAvailable } from './shared-pipe';
import { WorkerSlot } from './worker-slot';
import type { IoTuning } from './worker-fs';

export interface ToolEngineOptions {
  /** Workers running at once; default max(2, min(hardwareConcurrency, 4)). */
  poolSize?: number;
  /** Where public/ is served (default: the page's URL resolved against Vite's base path). */
  baseUrl?: string;
  /** Programs to offer (default: everything in wasm/tools.json). */
  programs?: readonly ProgramInfo[];
  /** WORKERFS read tuning, for benchmarks. */
  io?: IoTuning;
  /** Bytes of the last step's stdout kept in a result (default 1 MiB). */
  stdoutCapBytes?: number;
  /** Heap ceiling per tool below the 4 GiB WebAssembly maximum (tests; devices short of memory). */
  memoryLimitBytes?: number;
  /** How long a tool may run on after its heap could not grow (default 5 s). */
  memoryGraceMs?: number;
  /**
   * Use shared memory between workers (default: where the page is cross-origin isolated): a pipeline's steps run
   * at once, connected by pipes, and long sequential reads of inputs are streamed. Otherwise each step runs after
   * the previous one, reading its output from a Blob, and inputs are read in FileReaderSync windows.
   */
  pipes?: boolean;
  /**
   * How long a worker no tool holds may send nothing before its command fails as "stopped answering" (default
   * 30 s; tests make it short). A tool running on a worker is never timed out.
   */
  silenceMs?: number;
  /** Told when any job ends (the offline state recounts the tool files the service worker cached). */
  onJobEnd?(result: JobResult): void;
}

export function defaultPoolSize(): number {
  return Math.max(2, Math.min(navigator.hardwareConcurrency || 2, 4));
}

export function createToolEngine(options: ToolEngineOptions = {}): ToolEngine {
  const programs = options.programs ?? INSTALLED_PROGRAMS;
  const urls = programUrls(programs, options.baseUrl ?? defaultBaseUrl());
  const sharedMemory = options.pipes ?? pipesAvailable();
  return createQueuedEngine({
    programs,
    poolSize: options.poolSize ?? defaultPoolSize(),
    createSlot: () =>
      new WorkerSlot(urls, options.io, options.memoryLimitBytes, sharedMemory, {
        locks: navigator.locks,
        ...(options.silenceMs === undefined ? {} : { silenceMs: options.silenceMs }),
      }),
    ...(options.stdoutCapBytes === undefined ? {} : { stdoutCapBytes: options.stdoutCapBytes }),
    ...(options.memoryGraceMs === undefined ? {} : { memoryGraceMs: options.memoryGraceMs }),
    ...(options.onJobEnd ? { onJobEnd: options.onJobEnd } : {}),
  });
}

export { INSTALLED_PROGRAMS, programsOf } from './programs';
export type { IoTuning } from './worker-fs';
