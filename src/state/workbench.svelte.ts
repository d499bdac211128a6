// The open session's live state: its files, runs, notes and console, wired to the engine and the store.
// Every change is saved as it happens (autosave); reopening the session restores it.
import { detectBlob } from '../core/files/detect';
import { formatLabel, type FormatProblem } from '../core/files/formats';
import { pairIndexes, type MissingIndex } from '../core/files/index-pairing';
import { fingerprintBlob } from '../core/files/fingerprint';
import { findRecordedFile } from '../core/files/file-ref';
import { describeSessionFiles } from '../core/files/session-checks';
import {
  chooseFileStorage,
  DEFAULT_SETTINGS,
  type Run,
  type Session,
  type SessionFile,
  type Settings,
} from '../core/session';
import type { SessionStore } from '../core/storage-port';
import type { ToolEngine } from '../core/tools/engine';
import { formatJob, type JobEvent, type JobResult, type JobSpec } from '../core/tools/job';
import { stepError } from '../core/tools/advice';
import { ConsoleState } from './console.svelte';
import { withRemoveFile } from './console-engine';
import { resolveStoredFile, type Availability } from './file-access';
import { describeError } from './describe-error';

export interface FileEntry extends SessionFile {
  formatLabel: string;
  problems: FormatProblem[];
  indexName?: string;
  indexFix?: { label: string; missing: MissingIndex };
  buildLabel?: string;
  availability: Availability;
  fixing: boolean;
}

/** A run as the history shows it: the stored run plus what only this page knows. */
export interface RunEntry extends Run {
  command: string;
  advice?: string;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export class Workbench {
  session = $state.raw<Session | undefined>(undefined);
  /** The session whose files, runs and outputs are all shown (views restore their own state from it then). */
  loadedFor = $state<string | undefined>(undefined);
  files = $state.raw<FileEntry[]>([]);
  runs = $state.raw<RunEntry[]>([]);
  /** Live progress of running jobs, by run id: one line such as "12 s, 40% of input read". */
  progress = $state.raw<Record<string, string>>({});
  fileWarnings = $state.raw<string[]>([]);
  notice = $state<Notice | undefined>(undefined);
  loadingExample = $state(false);
  settings = $state.raw<Settings>(DEFAULT_SETTINGS);
  readonly console: ConsoleState;
  #blobs = new Map<string, Blob>();
  #handles = new Map<string, { cancel(): void }>();
  #commandHistory: string[] = [];
  /** Settles when the session being loaded is shown; files picked meanwhile wait for it rather than get lost. */
  #loading: Promise<void>;
  #firstLoaded: () => void = () => {};

  constructor(
    readonly engine: ToolEngine,
    readonly store: SessionStore,
  ) {
    this.#loading = new Promise((resolve) => (this.#firstLoaded = resolve));
    this.console = new ConsoleState({
      // `rm` goes through the session, so the file list, `ls` and a reload agree.
      engine: withRemoveFile(engine, (name) => this.removeWorkFile(name)),
      runJob: (spec, onOutput) => this.runJob(spec, onOutput),
      rememberCommand: (line) => this.#rememberCommand(line),
      commandHistory: () => this.#commandHistory,
    });
  }

  dismissNotice(): void {
    this.notice = undefined;
  }

  report(error: unknown, what: string): void {
    this.notice = { kind: 'error', text: `${what}: ${describeError(error)}` };
  }

  /** Shows a session: its files (mounted for the tools), its runs and outputs, and its console history. */
  async load(session: Session): Promise<void> {
    const loading = this.#show(session);
    this.#loading = loading;
    await loading;
    this.#firstLoaded();
  }

  async #show(session: Session): Promise<void> {
    this.loadedFor = undefined;
    await this.engine.unmount(await this.engine.listFiles());
    this.#blobs.clear();
    this.session = session;
    this.settings = await this.store.getSettings();
    const stored = await this.store.listFiles(session.id);
    const entries: FileEntry[] = [];
    for (const file of stored) {
      const access = await resolveStoredFile(await this.store.readFileData(file.id), file.name, false);
      if (access.blob) this.#blobs.set(file.id, access.blob);
      entries.push(toEntry(file, access.availability));
    }
    this.files = entries;
    await this.engine.mount(
      entries.filter((e) => this.#blobs.has(e.id)).map((e) => ({ name: e.name, data: this.#blobs.get(e.id)! })),
    );
    const runs = await this.store.listRuns(session.id);
    this.runs = runs.map(toRunEntry).sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
    await this.#mountStoredOutputs(runs);
    this.#commandHistory = (await this.store.listConsole(session.id, this.settings.consoleHistoryLimit)).map(
      (entry) => entry.line,
    );
    this.console.clear();
    await this.#refreshFileChecks();
    this.loadedFor = session.id;
  }

  /** Closes the session view: cancels running jobs and forgets files (used before deleting all data). */
  async unload(): Promise<void> {
    for (const handle of this.#handles.values()) handle.cancel();
    this.loadedFor = undefined;
    await this.engine.unmount(await this.engine.listFiles());
    this.#blobs.clear();
    this.session = undefined;
    this.files = [];
    this.runs = [];
    this.fileWarnings = [];
    this.#commandHistory = [];
    this.console.clear();
  }

  async setNotes(notes: string): Promise<void> {
    if (!this.session) return;
    try {
      this.session = await this.store.setNotes(this.session.id, notes);
    } catch (error) {
      this.report(error, 'Your notes could not be saved');
    }
  }

  /** Adds picked or dropped files; a file recorded earlier but unreadable is recognised and restored. */
  async openFiles(
    list: readonly File[],
    handles: ReadonlyMap<string, FileSystemFileHandle> = new Map(),
  ): Promise<void> {
    await this.#loading.catch(() => undefined);
    const session = this.session;
    if (!session) return;
    try {
      for (const file of list) await this.#addOne(session, file, handles.get(file.name));
      await this.#refreshFileChecks();
    } catch (error) {
      this.report(error, 'The files could not be added');
    }
  }

  async #addOne(session: Session, file: File, handle: FileSystemFileHandle | undefined): Promise<void> {
    const fingerprint = await fingerprintBlob(file);
    const waiting = this.files.filter((entry) => entry.availability !== 'ready');
    const recorded = waiting.find((entry) =>
      findRecordedFile(entry, [{ name: file.name, size: file.size, fingerprint }]),
    );
    if (recorded) {
      this.#blobs.set(recorded.id, file);
      this.files = this.files.map((entry) => (entry.id === recorded.id ? { ...entry, availability: 'ready' } : entry));
      await this.engine.mount([{ name: recorded.name, data: file }]);
      return;
    }
    const detected = await detectBlob(file.name, file);
    const storage = chooseFileStorage(file.size, handle !== undefined, this.settings);
    const saved = await this.store.addFile(
      session.id,
      { name: file.name, size: file.size, lastModified: file.lastModified, fingerprint, detected },
      storage === 'handle' ? { handle } : storage === 'blob' ? { blob: file } : {},
    );
    const replaced = this.files.filter((entry) => entry.name === saved.name);
    for (const old of replaced) await this.store.removeFile(old.id);
    this.#blobs.set(saved.id, file);
    this.files = [...this.files.filter((entry) => entry.name !== saved.name), toEntry(saved, 'ready')];
    await this.engine.mount([{ name: saved.name, data: file }]);
  }

  /** Opens the example files (`family`: the teaching trio for family triage) from the app's own origin. */
  async openExample(set: 'default' | 'family' = 'default'): Promise<void> {
    this.loadingExample = true;
    try {
      const base = new URL('examples/', document.baseURI);
      type Listed = { name: string; path: string }[];
      const manifest = (await (await fetch(new URL('manifest.json', base))).json()) as {
        files: Listed;
        family?: { files: Listed };
      };
      const listed = set === 'family' ? (manifest.family?.files ?? []) : manifest.files;
      const files = await Promise.all(
        listed.map(async ({ name, path }) => new File([await (await fetch(new URL(path, base))).blob()], name)),
      );
      await this.openFiles(files);
      this.notice = {
        kind: 'info',
        text:
          set === 'family'
            ? 'Teaching family opened (synthetic, from no real person). Open Analyses → Family triage and run it.'
            : 'Example files opened. Try a quick action, or type samtools flagstat ex1.bam in the console.',
      };
    } catch (error) {
      this.report(error, 'The example session could not be loaded');
    } finally {
      this.loadingExample = false;
    }
  }

  async removeFile(id: string): Promise<void> {
    const entry = this.files.find((file) => file.id === id);
    if (!entry) return;
    try {
      await this.store.removeFile(id);
      this.files = this.files.filter((file) => file.id !== id);
      this.#blobs.delete(id);
      await this.#forgetWorkFile(entry.name);
      await this.#refreshFileChecks();
    } catch (error) {
      this.report(error, `${entry.name} could not be removed`);
    }
  }

  /** Removes a name from the work area (console rm): a session file leaves the session, an output stays in its run's history only. */
  async removeWorkFile(name: string): Promise<void> {
    const file = this.files.find((entry) => entry.name === name);
    if (file) return this.removeFile(file.id);
    try {
      await this.#forgetWorkFile(name);
      await this.#refreshFileChecks();
    } catch (error) {
      this.report(error, `${name} could not be removed`);
    }
  }

  /** A job deleted `name` (`bgzip x.vcf`): an opened file stays (Lokus never deletes what the user opened), an output goes. */
  async #removedByJob(name: string): Promise<void> {
    const file = this.files.find((entry) => entry.name === name);
    const blob = file && this.#blobs.get(file.id);
    if (blob) await this.engine.mount([{ name, data: blob }]);
    else if (!file) await this.#forgetWorkFile(name);
  }

  /** Tools stop seeing `name` now, and after a reload: stored outputs of that name are marked removed. */
  async #forgetWorkFile(name: string): Promise<void> {
    await this.engine.removeFile(name);
    const changed = this.runs.filter((run) => run.outputs.some((output) => output.name === name && !output.removed));
    for (const run of changed) {
      const updated = {
        ...run,
        outputs: run.outputs.map((output) => (output.name === name ? { ...output, removed: true } : output)),
      };
      await this.#saveRun(updated);
      this.#showRun(updated);
    }
  }

  /** After a reload: asks again for permission to read a kept handle (a click is the user gesture it needs). */
  async restoreAccess(id: string): Promise<void> {
    const entry = this.files.find((file) => file.id === id);
    if (!entry) return;
    const access = await resolveStoredFile(await this.store.readFileData(id), entry.name, true);
    if (!access.blob) {
      this.notice = {
        kind: 'info',
        text: `Open ${entry.name} again with "Open files": Lokus recognises it by its size and fingerprint.`,
      };
      return;
    }
    this.#blobs.set(id, access.blob);
    this.files = this.files.map((file) => (file.id === id ? { ...file, availability: 'ready' } : file));
    await this.engine.mount([{ name: entry.name, data: access.blob }]);
  }

  /** Runs the jobs that create a missing index (bgzip first where needed). */
  async applyFix(id: string): Promise<void> {
    const fix = this.files.find((file) => file.id === id)?.indexFix;
    if (!fix) return;
    this.#patchFile(id, { fixing: true });
    try {
      for (const job of fix.missing.jobs) {
        const result = await this.runJob(job);
        if (result.status !== 'succeeded') {
          this.notice = {
            kind: 'error',
            text: `${formatJob(job)} failed: ${result.advice ?? 'see the history for its messages.'}`,
          };
          return;
        }
      }
    } finally {
      this.#patchFile(id, { fixing: false });
    }
  }

  /** Runs a job on the engine and records it in the session's history from start to end. */
  async runJob(
    spec: JobSpec,
    onOutput?: (kind: 'stdout' | 'stderr', text: string) => void,
    analysisId?: string,
  ): Promise<RunEntry> {
    const session = this.session;
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
    await this.#saveRun(run);
    this.#showRun(run);
    const runId = run.id;
    const handle = this.engine.run(spec, (event) => {
      if (event.kind === 'stdout' || event.kind === 'stderr') onOutput?.(event.kind, event.text);
      else if (event.kind === 'progress') this.progress = { ...this.progress, [runId]: progressLine(event) };
    });
    this.#handles.set(run.id, handle);
    const result = await handle.result;
    this.#handles.delete(run.id);
    const { [runId]: _finished, ...stillRunning } = this.progress;
    this.progress = stillRunning;
    const read = new Set(result.inputsRead);
    const inputs = this.files
      .filter((file) => read.has(file.name))
      .map((file) => ({ name: file.name, size: file.size, fingerprint: file.fingerprint }));
    run = { ...run, ...finishedFields(result), inputs, outputs: [] };
    try {
      for (const output of result.outputs)
        run.outputs.push(await this.store.saveOutput(session.id, run.id, output.path, output.blob));
    } catch (error) {
      this.report(error, 'The run finished but its output files could not be saved');
    }
    // Saved before it is shown as finished, so a reload right after never finds it still "running".
    await this.#saveRun(run);
    this.#showRun(run);
    for (const name of result.removed ?? []) await this.#removedByJob(name);
    if (result.outputs.length > 0 || result.removed) await this.#refreshFileChecks();
    return run;
  }

  cancelRun(id: string): void {
    this.#handles.get(id)?.cancel();
  }

  /** The bytes of a session file by name while this page can read them (the genome viewer reads them in place). */
  blobOf(name: string): Blob | undefined {
    const entry = this.files.find((file) => file.name === name);
    return entry ? this.#blobs.get(entry.id) : undefined;
  }

  async readOutput(name: string): Promise<Blob> {
    return this.engine.readFile(name);
  }

  #showRun(run: RunEntry): void {
    const others = this.runs.filter((entry) => entry.id !== run.id);
    this.runs = [run, ...others].sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
  }

  async #saveRun(run: RunEntry): Promise<void> {
    const { command: _command, ...stored } = run;
    try {
      await this.store.saveRun(stored);
    } catch (error) {
      this.report(error, 'The run could not be saved to the session');
    }
  }

  #rememberCommand(line: string): void {
    this.#commandHistory.push(line);
    if (this.session)
      this.store
        .appendConsole(this.session.id, line)
        .catch((error: unknown) => this.report(error, 'Console history could not be saved'));
  }

  async #mountStoredOutputs(runs: readonly Run[]): Promise<void> {
    const latest = new Map<string, string | undefined>();
    for (const run of [...runs].sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))) {
      for (const output of run.outputs) latest.set(output.name, output.removed ? undefined : output.blobId);
    }
    const inputs = [];
    for (const [name, blobId] of latest) {
      if (blobId === undefined || this.files.some((file) => file.name === name)) continue;
      const blob = await this.store.readOutput(blobId);
      if (blob) inputs.push({ name, data: blob });
    }
    if (inputs.length > 0) await this.engine.mount(inputs);
  }

  #patchFile(id: string, patch: Partial<FileEntry>): void {
    this.files = this.files.map((file) => (file.id === id ? { ...file, ...patch } : file));
  }

  async #refreshFileChecks(): Promise<void> {
    const workNames = await this.engine.listFiles();
    const pairing = pairIndexes([
      ...this.files.map((file) => ({
        name: file.name,
        format: file.detected.format,
        compression: file.detected.compression,
      })),
      ...workNames.filter((name) => !this.files.some((file) => file.name === name)).map((name) => ({ name })),
    ]);
    const checks = await describeSessionFiles(this.files, (id) => this.#blobs.get(id));
    this.files = this.files.map((file) => {
      const pair = pairing.pairs.find((p) => p.data === file.name);
      const missing = pairing.missing.find((m) => m.data === file.name && needsIndex(file));
      return {
        ...file,
        indexName: pair?.index,
        indexFix:
          missing && !pair
            ? { label: missing.jobs.length > 1 ? 'Compress with bgzip and index' : 'Create index', missing }
            : undefined,
        buildLabel: checks.buildLabels.get(file.id),
      };
    });
    this.fileWarnings = checks.warnings;
  }
}

/** Plain-text interval files are read whole by the tools; offering to index them would only be noise. */
function needsIndex(file: SessionFile): boolean {
  const { format, compression } = file.detected;
  return !(compression === 'none' && (format === 'bed' || format === 'gff' || format === 'gtf'));
}

function progressLine(event: Extract<JobEvent, { kind: 'progress' }>): string {
  const elapsed = `${Math.round(event.elapsedMs / 1000)} s`;
  if (!event.bytesTotal || event.bytesRead === undefined) return elapsed;
  return `${elapsed}, ${Math.min(100, Math.floor((100 * event.bytesRead) / event.bytesTotal))}% of input read`;
}

function toEntry(file: SessionFile, availability: Availability): FileEntry {
  return {
    ...file,
    formatLabel: formatLabel(file.detected.format),
    problems: file.detected.problems,
    availability,
    fixing: false,
  };
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
