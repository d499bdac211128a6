// A bare page that exposes the real tool engine on `window.lokusHarness`, so Chromium tests and the browser
// benchmark can drive it with plain data (base64 in, summaries out). Not part of the app.
import type { ToolEngine } from './core/tools/engine';
import type { JobEvent, JobResult, JobSpec, ProgramInfo } from './core/tools/job';
import { withCrypt4gh, type Crypt4ghEngine, type EncryptedState, type Unlocked } from './core/crypt4gh';
import { createToolEngine, type ToolEngineOptions } from './engine';
import { createKeyring } from './engine/keyring';
import { runThroughAioli } from './engine/aioli-probe';
import { defaultBaseUrl } from './engine/programs';

export interface JobSummary extends Omit<JobResult, 'outputs' | 'error'> {
  outputs: { path: string; size: number }[];
  error?: { name: string; message: string; advice: string; exitStatus?: number };
  events: JobEvents;
}

interface JobEvents {
  stdout: number;
  stderr: number;
  progress: number;
  lastProgress?: JobEvent;
  /** The most input each step had read, from its progress events: how far a step got. */
  bytesReadByStep: number[];
  /** How much the first step had read when the job's first output arrived: less than all, steps ran at once. */
  firstStepReadAtFirstOutput?: number;
  statuses: string[];
}

const decode = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

function encode(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

// Crypt4GH files are made readable as in the app (core/crypt4gh/decrypting-engine.ts); plain files pass through.
const keyring = createKeyring();
const encrypted = new Map<string, EncryptedState>();
const decrypting = (inner: ToolEngine): Crypt4ghEngine =>
  withCrypt4gh(inner, keyring, (name, state) => (state ? encrypted.set(name, state) : encrypted.delete(name)));
let engine: Crypt4ghEngine = decrypting(createToolEngine());
const jobs = new Map<string, { result: Promise<JobSummary>; cancel(): void; events: JobEvents }>();

function summarise(result: JobResult, events: JobEvents): JobSummary {
  const { outputs, error, ...rest } = result;
  return {
    ...rest,
    outputs: outputs.map(({ path, size }) => ({ path, size })),
    ...(error
      ? {
          error: {
            name: error.name,
            message: error.message,
            advice: error.advice,
            ...(error.exitStatus === undefined ? {} : { exitStatus: error.exitStatus }),
          },
        }
      : {}),
    events,
  };
}

const harness = {
  reset(options: ToolEngineOptions = {}): void {
    void engine.dispose();
    engine = decrypting(createToolEngine(options));
    jobs.clear();
  },
  programs: (): readonly ProgramInfo[] => engine.programs(),
  /** Opens a Crypt4GH private key in the keyring worker; encrypted files are opened with it from now on. */
  async unlockKey(keyText: string, passphrase: string): Promise<Unlocked> {
    const unlocked = await keyring.unlock(keyText, passphrase);
    if (unlocked.ok) await engine.rescan(true);
    return unlocked;
  },
  encryptedStates: (): Record<string, EncryptedState> => Object.fromEntries(encrypted),
  async mount(files: { name: string; base64: string }[]): Promise<void> {
    await engine.mount(files.map(({ name, base64 }) => ({ name, data: new Blob([decode(base64)]) })));
  },
  /** Mounts the files picked in the page's file input (real Files read from disk in place, as a user opens them). */
  async mountPicked(): Promise<string[]> {
    const files = [...((document.getElementById('files') as HTMLInputElement).files ?? [])];
    await engine.mount(files.map((file) => ({ name: file.name, data: file })));
    return files.map((file) => file.name);
  },
  /** Mounts `repeat` copies of `header`-less `chunk` after `header`, as one Blob (no copy of the repeats). */
  async mountRepeated(name: string, header: string, chunk: string, repeat: number): Promise<number> {
    const piece = new Blob([chunk]);
    const blob = new Blob([header, ...Array.from({ length: repeat }, () => piece)]);
    await engine.mount([{ name, data: blob }]);
    return blob.size;
  },
  start(spec: JobSpec): string {
    const events: JobEvents = { stdout: 0, stderr: 0, progress: 0, bytesReadByStep: [], statuses: [] };
    const handle = engine.run(spec, (event) => {
      if (event.kind === 'status') events.statuses.push(event.status);
      else if (event.kind === 'progress') {
        events.progress += 1;
        events.lastProgress = event;
        events.bytesReadByStep[event.step] = Math.max(events.bytesReadByStep[event.step] ?? 0, event.bytesRead ?? 0);
      } else {
        if (event.kind === 'stdout' && events.stdout === 0)
          events.firstStepReadAtFirstOutput = events.bytesReadByStep[0] ?? 0;
        events[event.kind] += 1;
      }
    });
    jobs.set(handle.id, {
      result: handle.result.then((result) => summarise(result, events)),
      cancel: handle.cancel,
      events,
    });
    return handle.id;
  },
  cancel: (id: string): void => jobs.get(id)?.cancel(),
  /** What a running job has reported so far. */
  events: (id: string): JobEvents | undefined => jobs.get(id)?.events,
  wait: (id: string): Promise<JobSummary> => jobs.get(id)!.result,
  run(spec: JobSpec): Promise<JobSummary> {
    return harness.wait(harness.start(spec));
  },
  listFiles: (): Promise<string[]> => engine.listFiles(),
  async readFile(name: string): Promise<string> {
    return encode(new Uint8Array(await (await engine.readFile(name)).arrayBuffer()));
  },
  async readText(name: string): Promise<string> {
    return (await engine.readFile(name)).text();
  },
  removeFile: (name: string): Promise<void> => engine.removeFile(name),
  /** Forgets every mounted input and output, keeping the workers (and their compiled tools). */
  async clear(): Promise<void> {
    for (const name of await engine.listFiles()) await engine.removeFile(name);
  },
  /** Runs `commands` on mounted fixtures through Aioli's own worker (see src/engine/aioli-probe.ts). */
  async aioli(program: string, files: { name: string; base64: string }[], commands: string[]) {
    const info = engine.programs().find((candidate) => candidate.program === program)!;
    return runThroughAioli(
      info,
      defaultBaseUrl(),
      files.map(({ name, base64 }) => ({ name, data: new Blob([decode(base64)]) })),
      commands,
    );
  },
  /** JS heap of the page (Chromium only); workers and Blob storage are not included. */
  memory(): { usedJSHeapSize: number } | undefined {
    return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  },
};

export type EngineHarness = typeof harness;
declare global {
  interface Window {
    lokusHarness: EngineHarness;
  }
}
window.lokusHarness = harness;
document.body.dataset.ready = 'true';
