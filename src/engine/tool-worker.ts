// A module worker that runs one command at a time, each in a fresh instance of the tool's wasm module:
// glue fetched once and imported from a Blob URL, .wasm compiled once, instantiated per command.
import { expose } from 'comlink';
import { CappedText } from '../core/tools/capped-text';
import type { StepEvent, StepOutcome, StepRequest } from '../core/tools/step';
import { BlobSink } from './blob-sink';
import { BlobStreams } from './blob-streams';
import type { ToolModule, ToolModuleFactory } from './emscripten';
import { MemoryWatch } from './memory-watch';
import type { ProgramUrls } from './programs';
import { PipeReader, PipeWriter } from './shared-pipe';
import { fetchVerified } from './tool-bytes';
import { Heartbeat, type BeatSetup } from './worker-beat';
import { blobStdin, collectOutputs, DEFAULT_IO, layOut, ReadCounter, removedInputs, type IoTuning } from './worker-fs';

export interface WorkerStepRequest extends StepRequest, ProgramUrls {
  io?: IoTuning;
  /** Heap ceiling below the build's 4 GiB maximum. */
  memoryLimitBytes?: number;
  /** A pipeline's shared pipes (shared-pipe.ts): stdin from the previous step, stdout into the next one. */
  stdinPipe?: SharedArrayBuffer;
  stdoutPipe?: SharedArrayBuffer;
}

const EVENT_INTERVAL_MS = 100;

const factories = new Map<string, Promise<ToolModuleFactory>>();
const binaries = new Map<string, Promise<WebAssembly.Module>>();
/** The port to this slot's stream worker, where the page is cross-origin isolated (see blob-streams.ts). */
let streamPort: MessagePort | undefined;
/** Tells the slot this worker still answers (worker-watch.ts). */
let heartbeat: Heartbeat | undefined;

/** The glue and the binary are checked against wasm/tools.json before they run (tool-bytes.ts). */
async function importGlue(program: string, urls: ProgramUrls): Promise<ToolModuleFactory> {
  const bytes = await fetchVerified(urls.jsUrl, urls.jsSha256, program);
  // Module workers cannot importScripts: the classic-script glue becomes a module exporting its factory.
  const source = new Blob([bytes, '\nexport default Module;\n'], { type: 'text/javascript' });
  const url = URL.createObjectURL(source);
  try {
    const glue = (await import(/* @vite-ignore */ url)) as { default: ToolModuleFactory };
    return glue.default;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Digested before compiling (not compileStreaming): bytes that are not the recorded build never run. */
async function compile(program: string, urls: ProgramUrls): Promise<WebAssembly.Module> {
  return WebAssembly.compile(await fetchVerified(urls.wasmUrl, urls.wasmSha256, program));
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = load();
    value.catch(() => map.delete(key));
    map.set(key, value);
  }
  return value;
}

/** Batches live output into a few messages a second; the tool runs synchronously meanwhile. */
class EventBatch {
  private stdout = '';
  private stderr = '';
  private last = 0;
  private delivered: unknown = undefined;

  constructor(
    private readonly send: (event: StepEvent) => unknown,
    private readonly counter: ReadCounter,
  ) {}

  add(kind: 'stdout' | 'stderr', text: string): void {
    if (kind === 'stdout') this.stdout += text;
    else this.stderr += text;
    this.maybeFlush();
  }

  maybeFlush(): void {
    const now = performance.now();
    if (now - this.last >= EVENT_INTERVAL_MS) this.flush(now);
  }

  flush(now = performance.now()): void {
    this.last = now;
    if (this.stderr) this.delivered = this.send({ kind: 'stderr', text: this.stderr });
    if (this.stdout) this.delivered = this.send({ kind: 'stdout', text: this.stdout });
    this.stdout = this.stderr = '';
    if (this.counter.bytesTotal > 0)
      this.delivered = this.send({
        kind: 'progress',
        bytesRead: this.counter.bytesRead,
        bytesTotal: this.counter.bytesTotal,
      });
  }

  /** Sends at once, bypassing the batching (the tool may never return to flush). */
  now(event: StepEvent): void {
    this.delivered = this.send(event);
  }

  /** Flushes and waits until the main thread has handled every event (the callback port is ordered). */
  async drain(): Promise<void> {
    this.flush();
    await this.delivered;
  }
}

async function exec(request: WorkerStepRequest, onEvent: (event: StepEvent) => unknown): Promise<StepOutcome> {
  const started = performance.now();
  const { program } = request.command;
  const tool = await Promise.all([
    cached(factories, request.jsUrl, () => importGlue(program, request)),
    cached(binaries, request.wasmUrl, () => compile(program, request)),
  ]);
  // From here the tool holds this thread (instantiation, the run, reading back its files): no beats meanwhile.
  const run = () => runStep(request, onEvent, tool, started);
  return heartbeat ? heartbeat.hold(run) : run();
}

async function runStep(
  request: WorkerStepRequest,
  onEvent: (event: StepEvent) => unknown,
  [factory, binary]: [ToolModuleFactory, WebAssembly.Module],
  started: number,
): Promise<StepOutcome> {
  const { program } = request.command;
  const counter = new ReadCounter(
    () => batch.maybeFlush(),
    (text) => batch.add('stderr', stderrText.push(new TextEncoder().encode(text))),
  );
  const batch = new EventBatch(onEvent, counter);
  const stdoutText = new CappedText(request.stdoutCapBytes);
  const stderrText = new CappedText(request.stderrCapBytes);
  const pipeOut = request.stdoutPipe ? new PipeWriter(request.stdoutPipe) : undefined;
  const pipeIn = request.stdinPipe ? new PipeReader(request.stdinPipe) : undefined;
  const sink = !pipeOut && request.stdoutMode === 'blob' ? new BlobSink() : undefined;
  const { argv } = request.command;
  const io = request.io ?? DEFAULT_IO;
  const streams = streamPort ? new BlobStreams(streamPort) : undefined;
  const memory = new MemoryWatch(request.memoryLimitBytes, (requestedBytes, heapBytes) =>
    batch.now({ kind: 'memory', requestedBytes, heapBytes }),
  );
  // The glue waits for `receive` and knows nothing of a failed instantiation (no memory for a new instance, an
  // import it lacks): that failure must end the command, not leave it waiting for ever.
  let instantiateFailed!: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => (instantiateFailed = reject));
  const module: ToolModule = await Promise.race([
    factory({
      thisProgram: program,
      instantiateWasm(imports, receive) {
        memory.wrap(imports);
        WebAssembly.instantiate(binary, imports)
          .then((instance) => {
            memory.attach(instance);
            receive(instance, binary);
          })
          .catch((error: unknown) => instantiateFailed(instantiationError(program, error)));
        return {};
      },
      lokusStdout(chunk) {
        if (pipeOut) {
          pipeOut.write(chunk);
          batch.maybeFlush();
        } else if (sink) {
          sink.push(chunk);
          batch.maybeFlush();
        } else if (!stdoutText.truncated) {
          batch.add('stdout', stdoutText.push(chunk));
        }
      },
      lokusStderr(chunk) {
        batch.add('stderr', stderrText.push(chunk));
      },
      lokusSetup(fs, instance) {
        layOut(fs, instance, request.files, argv, io, counter, streams);
      },
      ...(pipeIn
        ? { lokusStdin: (dst: Uint8Array) => pipeIn.read(dst) }
        : request.stdin
          ? { lokusStdin: blobStdin(request.stdin, counter, io, streams) }
          : {}),
    }),
    failed,
  ]);
  // As a shell reports it: the low 8 bits (exit(-1) is 255). Whatever the tool did, its pipe ends close, so the
  // next step sees EOF and the previous one stops waiting for room.
  let exitStatus: number;
  try {
    exitStatus = module.lokusRun([...argv]) & 0xff;
  } finally {
    pipeOut?.close();
    pipeIn?.close();
    streams?.closeAll();
  }
  memory.settle(module, exitStatus);
  const outputs = collectOutputs(module.FS);
  const removed = removedInputs(module.FS, request.files);
  await batch.drain();
  const stdoutBlob = sink?.blob();
  return {
    exitStatus,
    stdout: stdoutText.text(),
    stdoutTruncated: stdoutText.truncated,
    ...(stdoutBlob ? { stdoutBlob } : {}),
    stderr: stderrText.text(),
    outputs,
    ...(removed.length > 0 ? { removed } : {}),
    inputsRead: [...counter.inputsRead],
    peakMemoryBytes: module.HEAPU8.length,
    bytesRead: counter.bytesRead,
    bytesTotal: counter.bytesTotal,
    ...(module.lokusAbortReason ? { abortReason: module.lokusAbortReason } : {}),
    ...(memory.failure !== undefined && exitStatus !== 0 ? { memoryFailure: memory.failure } : {}),
    durationMs: performance.now() - started,
  };
}

/** Keeps the runtime's words (a RangeError's "Out of memory" is how advice recognises memory). */
function instantiationError(program: string, cause: unknown): Error {
  const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return new Error(`${program}: WebAssembly.instantiate failed (${reason})`, { cause });
}

/** Long sequential reads of inputs come through this port's worker from now on. */
function attachStreams(port: MessagePort): void {
  streamPort = port;
}

function watch(setup: BeatSetup): void {
  heartbeat = new Heartbeat(setup);
}

const api = { exec, attachStreams, watch };
export type ToolWorkerApi = typeof api;
expose(api);
