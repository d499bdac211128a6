// A ToolEngine built from slots: a shared work area (name -> Blob), a FIFO queue, at most `poolSize`
// slots running at once, hard cancel by terminating the slot. The real engine passes worker slots, the
// fake engine scripted ones, so both share the same job semantics.
import type { JobHandle, MountedInput, ToolEngine } from './engine';
import { EngineError, JobCancelledError, MissingFileError, UnknownProgramError } from './errors';
import type { JobEvent, JobResult, JobSpec, OutputFile, ProgramInfo } from './job';
import { runJob } from './job-runner';
import type { ToolSlot } from './step';

export interface QueuedEngineOptions {
  programs: readonly ProgramInfo[];
  poolSize: number;
  createSlot(): ToolSlot;
  stdoutCapBytes?: number;
  /** How long a tool may run on after its heap could not grow (default MEMORY_GRACE_MS). */
  memoryGraceMs?: number;
  /** Told when any job ends (whatever its status), after its result is settled. */
  onJobEnd?(result: JobResult): void;
}

interface Pending {
  id: string;
  spec: JobSpec;
  onEvent: (event: JobEvent) => void;
  controller: AbortController;
  resolve(result: JobResult): void;
}

export function createQueuedEngine(options: QueuedEngineOptions): ToolEngine {
  const programs = new Map(options.programs.map((info) => [info.program, info]));
  const workArea = new Map<string, MountedInput>();
  const queue: Pending[] = [];
  const idle: ToolSlot[] = [];
  const busy = new Set<ToolSlot>();
  const running = new Set<Pending>();
  let nextId = 1;
  let disposed = false;

  const files = (): MountedInput[] => [...workArea.values()];
  const keep = (output: OutputFile): void => void workArea.set(output.path, { name: output.path, data: output.blob });

  function pump(): void {
    while (queue.length > 0 && !disposed) {
      let slot = idle.pop();
      if (!slot && idle.length + busy.size < options.poolSize) slot = options.createSlot();
      if (!slot) return;
      start(queue.shift()!, slot);
    }
  }

  function start(job: Pending, slot: ToolSlot): void {
    busy.add(slot);
    running.add(job);
    let broken = false;
    const retire = (): void => {
      if (broken) return;
      broken = true;
      slot.terminate();
    };
    job.controller.signal.addEventListener('abort', retire, { once: true });
    void runJob(job.spec, {
      slot,
      programs,
      files,
      keep,
      forget: (name) => void workArea.delete(name),
      onEvent: job.onEvent,
      signal: job.controller.signal,
      onSlotBroken: retire,
      ...(options.stdoutCapBytes === undefined ? {} : { stdoutCapBytes: options.stdoutCapBytes }),
      ...(options.memoryGraceMs === undefined ? {} : { memoryGraceMs: options.memoryGraceMs }),
    }).then((result) => {
      busy.delete(slot);
      running.delete(job);
      if (!broken && !disposed) idle.push(slot);
      job.resolve(result);
      options.onJobEnd?.(result);
      pump();
    });
  }

  function refuse(spec: JobSpec, onEvent: (event: JobEvent) => void): JobResult | undefined {
    const now = Date.now();
    const unknown = spec.steps.findIndex((step) => !programs.has(step.program));
    const command = spec.steps[unknown] ?? spec.steps[0];
    let error;
    if (spec.steps.length === 0) {
      error = new UnknownProgramError('The job has no command', {
        advice: 'Type a program name, such as samtools, followed by its arguments.',
      });
    } else if (unknown >= 0 && command) {
      const known = [...programs.keys()].sort().join(', ');
      error = new UnknownProgramError(`${command.program}: program not found`, {
        command,
        exitStatus: 127,
        stderr: `${command.program}: command not found\n`,
        advice: `Lokus has no program called ${command.program}; the installed ones are: ${known}.`,
      });
    } else if (disposed) {
      error = new EngineError('The tool engine has been shut down', {
        advice: 'Reload the page to start the tools again.',
      });
    } else {
      return undefined;
    }
    onEvent({ kind: 'status', status: 'failed' });
    return {
      status: 'failed',
      exitStatus: error.exitStatus ?? 127,
      ...(unknown >= 0 ? { failedStep: unknown } : {}),
      stdout: '',
      stdoutTruncated: false,
      stderr: error.stderr,
      steps: [],
      startedAt: now,
      endedAt: now,
      durationMs: 0,
      outputs: [],
      inputsRead: [],
      error,
    };
  }

  return {
    programs: () => [...programs.values()],
    concurrency: options.poolSize,
    async mount(inputs) {
      for (const input of inputs) workArea.set(input.name, { ...input });
    },
    async unmount(names) {
      for (const name of names) workArea.delete(name);
    },
    async listFiles() {
      return [...workArea.keys()].sort();
    },
    async readFile(name) {
      const blob = workArea.get(name)?.data;
      if (!blob)
        throw new MissingFileError(`${name}: no such file`, {
          advice: 'The file is not open and no job wrote it; check its name with ls.',
        });
      return blob;
    },
    async removeFile(name) {
      workArea.delete(name);
    },
    run(spec, onEvent = () => undefined): JobHandle {
      const id = `job-${nextId++}`;
      const refused = refuse(spec, onEvent);
      if (refused) return { id, result: Promise.resolve(refused), cancel: () => undefined };
      const controller = new AbortController();
      let resolve!: (result: JobResult) => void;
      const result = new Promise<JobResult>((r) => (resolve = r));
      const job: Pending = { id, spec, onEvent, controller, resolve };
      queue.push(job);
      onEvent({ kind: 'status', status: 'queued' });
      const cancel = (): void => {
        const waiting = queue.indexOf(job);
        if (waiting >= 0) {
          queue.splice(waiting, 1);
          resolve(cancelledBeforeStart(spec));
          onEvent({ kind: 'status', status: 'cancelled' });
        } else {
          controller.abort();
        }
      };
      pump();
      return { id, result, cancel };
    },
    async dispose() {
      disposed = true;
      for (const job of queue.splice(0)) job.resolve(cancelledBeforeStart(job.spec));
      for (const job of running) job.controller.abort();
      for (const slot of idle.splice(0)) slot.terminate();
    },
  };
}

function cancelledBeforeStart(spec: JobSpec): JobResult {
  const now = Date.now();
  const error = new JobCancelledError('Cancelled before it started', {
    ...(spec.steps[0] ? { command: spec.steps[0] } : {}),
    advice: 'The job was stopped before it started; run it again to get its result.',
  });
  return {
    status: 'cancelled',
    exitStatus: 130,
    stdout: '',
    stdoutTruncated: false,
    stderr: '',
    steps: [],
    startedAt: now,
    endedAt: now,
    durationMs: 0,
    outputs: [],
    inputsRead: [],
    error,
  };
}
