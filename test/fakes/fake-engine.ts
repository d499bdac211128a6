// An in-memory ToolEngine for fast tests: programs are scripts, everything else (work area, queue, pipelines,
// `>`, cancel, errors and advice) is the same code the real engine runs (core/tools/queued-engine).
import type { ToolEngine } from '../../src/core/tools/engine';
import { CappedText } from '../../src/core/tools/capped-text';
import type { Command, OutputFile, ProgramInfo } from '../../src/core/tools/job';
import { createQueuedEngine } from '../../src/core/tools/queued-engine';
import type { StepEvent, StepOutcome, StepRequest, ToolSlot } from '../../src/core/tools/step';

export interface FakeCall {
  argv: readonly string[];
  /** Standard input, all of it. */
  stdin: Uint8Array;
  /** A file in the working directory (mounted input or earlier output), or undefined. */
  file(name: string): Blob | undefined;
  readText(name: string): Promise<string>;
  stdout(data: string | Uint8Array): void;
  stderr(data: string | Uint8Array): void;
  /** Writes a file into the working directory; it becomes an output of the job. */
  writeFile(path: string, data: string | Uint8Array | Blob): void;
  /** Deletes a work-area file, as `bgzip x.vcf` deletes x.vcf. */
  removeFile(path: string): void;
  /** Reports progress as the real engine does when a tool reads mounted inputs. */
  progress(bytesRead: number, bytesTotal: number): void;
  /** Reports a refused heap growth, as the real engine does when a tool reaches the memory limit. */
  refuseMemory(requestedBytes: number, heapBytes: number): void;
}

/** A scripted program: returns its exit status. Throwing simulates a crash (exit 134 with abortReason). */
export type FakeProgram = (call: FakeCall) => number | Promise<number>;

export interface FakeEngine extends ToolEngine {
  /** Every command started, in order. */
  readonly calls: Command[];
}

export interface FakeEngineOptions {
  programs: Record<string, FakeProgram>;
  poolSize?: number;
  stdoutCapBytes?: number;
  memoryGraceMs?: number;
  onJobEnd?(): void;
  /** Slots offer execPipeline, as the real engine does on a cross-origin isolated page. */
  streamed?: boolean;
}

const encoder = new TextEncoder();
const bytesOf = (data: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data);

/** A program that answers fixed argv lines ("flagstat x.bam") with fixed stdout, exit 1 otherwise. */
export function respond(table: Record<string, string>, program = 'program'): FakeProgram {
  return (call) => {
    const key = call.argv.join(' ');
    const answer = table[key];
    if (answer === undefined) {
      call.stderr(`${program}: no scripted answer for "${key}"\n`);
      return 1;
    }
    // A scripted answer stands for a tool that read the files its argv names (provenance records what was read).
    for (const word of call.argv) call.file(word);
    call.stdout(answer);
    return 0;
  };
}

/** Small shell-like programs for pipeline tests. */
export const FAKE_PROGRAMS: Record<string, FakeProgram> = {
  echo: (call) => (call.stdout(`${call.argv.join(' ')}\n`), 0),
  cat: async (call) => {
    if (call.argv.length === 0) call.stdout(call.stdin);
    for (const name of call.argv) {
      const blob = call.file(name);
      if (!blob) return (call.stderr(`cat: ${name}: No such file or directory\n`), 1);
      call.stdout(new Uint8Array(await blob.arrayBuffer()));
    }
    return 0;
  },
  /** exit N [message]: writes the message to stderr and exits with N. */
  exit: (call) => (call.argv[1] !== undefined && call.stderr(`${call.argv[1]}\n`), Number(call.argv[0] ?? 0)),
  /** sleep MS: waits, for cancel and queue tests. */
  sleep: (call) => new Promise((resolve) => setTimeout(() => resolve(0), Number(call.argv[0] ?? 0))),
  /** touch NAME [TEXT]: writes a file. */
  touch: (call) => (call.writeFile(call.argv[0] ?? 'out.txt', call.argv[1] ?? ''), 0),
  /** wc: counts lines of stdin. */
  wc: (call) => (call.stdout(`${new TextDecoder().decode(call.stdin).split('\n').filter(Boolean).length}\n`), 0),
};

export const fakeProgramInfo = (program: string): ProgramInfo => ({
  program,
  tool: program,
  version: 'fake',
  wasmSha256: '0'.repeat(64),
});

class FakeSlot implements ToolSlot {
  private ended = false;

  constructor(
    private readonly programs: Record<string, FakeProgram>,
    private readonly calls: Command[],
  ) {}

  async exec(request: StepRequest, onEvent: (event: StepEvent) => void): Promise<StepOutcome> {
    if (this.ended) throw new Error('slot terminated');
    const started = Date.now();
    const program = this.programs[request.command.program]!;
    this.calls.push(request.command);
    const files = new Map(request.files.map((file) => [file.name, file.data]));
    const stdin = request.stdin ? new Uint8Array(await request.stdin.arrayBuffer()) : new Uint8Array();
    const text = new CappedText(request.stdoutCapBytes);
    const stderr = new CappedText(request.stderrCapBytes);
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const written = new Map<string, Blob>();
    const removed: string[] = [];
    // What the program read of the work area, as the real worker's file system reports it.
    const read = new Set<string>();
    const input = (name: string): Blob | undefined => {
      if (!written.has(name) && files.has(name)) read.add(name);
      return written.get(name) ?? files.get(name);
    };
    const call: FakeCall = {
      argv: request.command.argv,
      stdin,
      file: input,
      readText: async (name) => (await input(name)?.text()) ?? '',
      stdout: (data) => {
        if (request.stdoutMode === 'blob') chunks.push(bytesOf(data));
        else if (!text.truncated) onEvent({ kind: 'stdout', text: text.push(bytesOf(data)) });
      },
      stderr: (data) => onEvent({ kind: 'stderr', text: stderr.push(bytesOf(data)) }),
      writeFile: (path, data) => void written.set(path, data instanceof Blob ? data : new Blob([bytesOf(data)])),
      removeFile: (path) => {
        written.delete(path);
        if (files.delete(path)) removed.push(path);
      },
      progress: (bytesRead, bytesTotal) => onEvent({ kind: 'progress', bytesRead, bytesTotal }),
      refuseMemory: (requestedBytes, heapBytes) => onEvent({ kind: 'memory', requestedBytes, heapBytes }),
    };
    let exitStatus: number;
    let abortReason: string | undefined;
    try {
      exitStatus = await program(call);
    } catch (error) {
      exitStatus = 134;
      abortReason = error instanceof Error ? error.message : String(error);
    }
    const outputs: OutputFile[] = [...written].map(([path, blob]) => ({ path, size: blob.size, blob }));
    return {
      exitStatus,
      stdout: text.text(),
      stdoutTruncated: text.truncated,
      ...(request.stdoutMode === 'blob' ? { stdoutBlob: new Blob(chunks) } : {}),
      stderr: stderr.text(),
      outputs,
      ...(removed.length > 0 ? { removed } : {}),
      inputsRead: [...read],
      ...(abortReason === undefined ? {} : { abortReason }),
      durationMs: Date.now() - started,
    };
  }

  terminate(): void {
    this.ended = true;
  }
}

/**
 * A slot with execPipeline: like the engine's shared pipes, every step runs whatever an earlier one did, and
 * each step's stdin is all of the previous stdout (empty after a failure, as a pipe at EOF). The fake programs
 * take stdin whole, so the steps run one after another; the job runner cannot tell.
 */
class StreamingFakeSlot extends FakeSlot {
  async execPipeline(
    requests: readonly StepRequest[],
    onEvent: (step: number, event: StepEvent) => void,
  ): Promise<StepOutcome[]> {
    const outcomes: StepOutcome[] = [];
    for (const [index, request] of requests.entries()) {
      const previous = outcomes[index - 1];
      const stdin = index === 0 ? request.stdin : (previous?.stdoutBlob ?? new Blob([]));
      const last = index === requests.length - 1;
      outcomes.push(
        await this.exec(
          { ...request, ...(stdin ? { stdin } : {}), stdoutMode: last ? request.stdoutMode : 'blob' },
          (event) => onEvent(index, event),
        ),
      );
    }
    return outcomes;
  }
}

export function createFakeEngine(options: FakeEngineOptions): FakeEngine {
  const calls: Command[] = [];
  const engine = createQueuedEngine({
    programs: Object.keys(options.programs).map(fakeProgramInfo),
    poolSize: options.poolSize ?? 2,
    createSlot: () =>
      options.streamed ? new StreamingFakeSlot(options.programs, calls) : new FakeSlot(options.programs, calls),
    ...(options.stdoutCapBytes === undefined ? {} : { stdoutCapBytes: options.stdoutCapBytes }),
    ...(options.memoryGraceMs === undefined ? {} : { memoryGraceMs: options.memoryGraceMs }),
    ...(options.onJobEnd ? { onJobEnd: options.onJobEnd } : {}),
  });
  return Object.assign(engine, { calls });
}
