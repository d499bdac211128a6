// Run recording: every job the page starts is run on the engine and kept in the session's history from start
// to end (provenance, live progress, outputs saved to the store), and read back after a reload.
import { isUnfinished, type Run, type InputFingerprint } from '../core/session';
import type { SessionStore } from '../core/storage-port';
import type { ToolEngine } from '../core/tools/engine';
import type { ProgramInfo } from '../core/tools/job';
import { formatJob, type JobEvent, type JobResult, type JobSpec } from '../core/tools/job';
import { stepError } from '../core/tools/advice';
import { streamLines } from '../core/tools/lines';
import type { CurrentSession } from './current-session.svelte';
import type { NoticesState } from './notices.svelte';

/** A run as the history shows it: the stored run plus what only this page knows. */
export interface RunEntry extends Run {
  command: string;
  advice?: string;
}

/** What run recording needs from the session's files. */
export interface RunFiles {
  /** The session files a job names in its argv (recorded with their fingerprints). */
  inputsOf(words: ReadonlySet<string>): InputFingerprint[];
  /** A file the user opened (an output of that name is not mounted over it). */
  isSessionFile(name: string): boolean;
  /** After a job: the files it wrote join the session's files (`run` is how it was recorded), removed ones leave. */
  afterJob(result: JobResult, run: Run): Promise<void>;
  /** After a reload: the latest stored output of each name (none the user opened since), as files of the session. */
  addOutputs(outputs: readonly MadeFile[]): Promise<void>;
}

/** A file a run wrote, with the run that made it (its origin in the file list). */
export interface MadeFile {
  name: string;
  blob: Blob;
  run: Pick<Run, 'id' | 'label' | 'endedAt'>;
}

export class RunsState {
  runs = $state.raw<RunEntry[]>([]);
  /** Live progress of running jobs, by run id: one line such as "12 s, 40% of input read". */
  progress = $state.raw<Record<string, string>>({});
  #handles = new Map<string, { cancel(): void }>();
  #files: RunFiles | undefined;

  constructor(
    private readonly engine: ToolEngine,
    private readonly store: Pick<SessionStore, 'listRuns' | 'saveRun' | 'saveOutput' | 'readOutput'>,
    private readonly current: CurrentSession,
    private readonly notices: NoticesState,
  ) {}

  /** The session's files, once built (they record runs through this class, so they come second). */
  useFiles(files: RunFiles): void {
    this.#files = files;
  }

  programs(): readonly ProgramInfo[] {
    return this.engine.programs();
  }

  get busy(): boolean {
    return this.runs.some((run) => isUnfinished(run.status));
  }

  /**
   * Reads a session's runs and mounts the latest output of each name, so later jobs and `ls` see them, and
   * hands them to the session's files (an output is a file of the session until the user removes it).
   */
  async load(sessionId: string): Promise<void> {
    const runs = await this.store.listRuns(sessionId);
    this.runs = runs.map(toRunEntry).sort(newestFirst);
    const latest = new Map<string, { blobId: string; run: Run } | undefined>();
    for (const run of [...runs].sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))) {
      for (const output of run.outputs)
        latest.set(output.name, output.removed ? undefined : { blobId: output.blobId, run });
    }
    const made: MadeFile[] = [];
    for (const [name, kept] of latest) {
      if (kept === undefined || this.#files?.isSessionFile(name)) continue;
      const blob = await this.store.readOutput(kept.blobId);
      if (blob) made.push({ name, blob, run: kept.run });
    }
    if (made.length > 0) await this.engine.mount(made.map(({ name, blob }) => ({ name, data: blob })));
    await this.#files?.addOutputs(made);
  }

  /** Cancels what runs and forgets the runs shown (the session is closing). */
  clear(): void {
    this.cancelAll();
    this.runs = [];
  }

  /** Runs a job on the engine and records it in the session's history from start to end. */
  async runJob(
    spec: JobSpec,
    onOutput?: (kind: 'stdout' | 'stderr', text: string) => void,
    analysisId?: string,
  ): Promise<RunEntry> {
    const session = this.current.session;
    if (!session) throw new Error('No session is open.');
    let run: RunEntry = {
      id: crypto.randomUUID(),
      sessionId: session.id,
      label: spec.label ?? formatJob(spec),
      command: formatJob(spec),
      steps: spec.steps.map((step) => ({ program: step.program, argv: [...step.argv] })),
      ...(spec.stdoutFile === undefined ? {} : { stdoutFile: spec.stdoutFile }),
      programs: spec.steps.flatMap((step) =>
        this.engine
          .programs()
          .filter((p) => p.program === step.program)
          .slice(0, 1),
      ),
      // Known when it ends: the files the tools actually read (JobResult.inputsRead), not names guessed from argv.
      inputs: [],
      status: 'running',
      startedAt: Date.now(),
      stdout: '',
      stderr: '',
      outputs: [],
      ...(analysisId === undefined ? {} : { analysisId }),
    };
    // Saved before it is shown as running, so a reload as soon as it shows finds it (and marks it interrupted).
    await this.#save(run);
    this.#show(run);
    const runId = run.id;
    const handle = this.engine.run(spec, (event) => {
      if (event.kind === 'stdout' || event.kind === 'stderr') onOutput?.(event.kind, event.text);
      else if (event.kind === 'progress') this.progress = { ...this.progress, [runId]: progressLine(event) };
    });
    this.#handles.set(runId, handle);
    const result = await handle.result;
    this.#handles.delete(runId);
    const { [runId]: _finished, ...stillRunning } = this.progress;
    this.progress = stillRunning;
    const inputs = this.#files?.inputsOf(new Set(result.inputsRead)) ?? [];
    run = { ...run, ...finishedFields(result), inputs, outputs: [] };
    try {
      for (const output of result.outputs)
        run.outputs.push(await this.store.saveOutput(session.id, run.id, output.path, output.blob));
    } catch (error) {
      this.notices.report(error, 'The run finished but its output files could not be saved');
    }
    // Saved before it is shown as finished, so a reload right after never finds it still "running".
    await this.#save(run);
    this.#show(run);
    await this.#files?.afterJob(result, run);
    return run;
  }

  cancelRun(id: string): void {
    this.#handles.get(id)?.cancel();
  }

  cancelAll(): void {
    for (const handle of this.#handles.values()) handle.cancel();
  }

  /** Stored outputs named `name` are marked removed, so a reload does not bring them back. */
  async forgetOutput(name: string): Promise<void> {
    const changed = this.runs.filter((run) => run.outputs.some((output) => output.name === name && !output.removed));
    for (const run of changed) {
      const updated = {
        ...run,
        outputs: run.outputs.map((output) => (output.name === name ? { ...output, removed: true } : output)),
      };
      await this.#save(updated);
      this.#show(updated);
    }
  }

  /** A file in the engine's work area (an output of any run, or a session file). */
  readOutput(name: string): Promise<Blob> {
    return this.engine.readFile(name);
  }

  /** A file a run wrote: its stored copy (complete), else the work area's. */
  async outputOf(run: Run, name: string): Promise<Blob> {
    const output = run.outputs.find((o) => o.name === name);
    const stored = output ? await this.store.readOutput(output.blobId) : undefined;
    return stored ?? this.readOutput(name);
  }

  /** What a finished run printed: its stdout file when it had one, else its recorded stdout. */
  async textOf(run: Run): Promise<string> {
    if (run.stdoutFile === undefined) return run.stdout;
    return (await this.outputOf(run, run.stdoutFile)).text();
  }

  /** A finished run's stdout file line by line, read as it is asked for (never one string of its size). */
  async *linesOf(run: Run): AsyncGenerator<string> {
    if (run.stdoutFile === undefined) {
      yield* run.stdout.split('\n');
      return;
    }
    yield* streamLines((await this.outputOf(run, run.stdoutFile)).stream());
  }

  #show(run: RunEntry): void {
    this.runs = [run, ...this.runs.filter((entry) => entry.id !== run.id)].sort(newestFirst);
  }

  async #save(run: RunEntry): Promise<void> {
    const { command: _command, ...stored } = run;
    try {
      await this.store.saveRun(stored);
    } catch (error) {
      this.notices.report(error, 'The run could not be saved to the session');
    }
  }
}

function newestFirst(a: Run, b: Run): number {
  return (b.startedAt ?? 0) - (a.startedAt ?? 0);
}

function progressLine(event: Extract<JobEvent, { kind: 'progress' }>): string {
  const elapsed = `${Math.round(event.elapsedMs / 1000)} s`;
  if (!event.bytesTotal || event.bytesRead === undefined) return elapsed;
  return `${elapsed}, ${Math.min(100, Math.floor((100 * event.bytesRead) / event.bytesTotal))}% of input read`;
}

function toRunEntry(run: Run): RunEntry {
  const entry: RunEntry = {
    ...run,
    command: formatJob({ steps: run.steps, ...(run.stdoutFile === undefined ? {} : { stdoutFile: run.stdoutFile }) }),
  };
  // Advice is not stored: a failed run gets it again from its stored exit status and stderr.
  const step = run.steps[run.failedStep ?? run.steps.length - 1];
  if (run.status === 'failed' && step && run.exitStatus !== undefined)
    entry.advice = stepError({ command: step, exitStatus: run.exitStatus, stderr: run.stderr }).advice;
  return entry;
}

function finishedFields(result: JobResult): Partial<RunEntry> {
  return {
    status: result.status,
    exitStatus: result.exitStatus,
    ...(result.failedStep === undefined ? {} : { failedStep: result.failedStep }),
    endedAt: result.endedAt,
    stdout: result.stdout,
    stderr: result.stderr,
    ...(result.error ? { advice: result.error.advice } : {}),
  };
}
