// The open session's files: opened ones (picked, dropped, remembered, the example) and those runs wrote, format
// checks and index pairing, creating a missing index, removing, and restoring access after a reload. Tools see
// them mounted.
import { detectBlob } from '../core/files/detect';
import { fingerprintBlob } from '../core/files/fingerprint';
import { findRecordedFile } from '../core/files/file-ref';
import { chooseFileStorage, type InputFingerprint, type Run, type Session } from '../core/session';
import type { SessionStore } from '../core/storage-port';
import type { ToolEngine } from '../core/tools/engine';
import { formatJob, type JobResult } from '../core/tools/job';
import type { CurrentSession } from './current-session.svelte';
import { resolveStoredFile } from './file-access';
import { checkFiles, toEntry, type FileEntry } from './file-checks';
import type { NoticesState } from './notices.svelte';
import { madeFileEntry } from './made-files';
import type { MadeFile, RunFiles, RunsState } from './runs.svelte';
import type { SettingsState } from './settings.svelte';

export type { FileEntry } from './file-checks';

const EXAMPLE_NOTICES = {
  default: 'Example files opened. Try a quick action, or type samtools flagstat ex1.bam in the console.',
  family: 'Teaching family opened (synthetic, from no real person). Open Analyses → Family triage and run it.',
  pgs: 'Polygenic score example opened (synthetic, from no real person). Open Analyses → Polygenic score and run it.',
} as const;

export class FilesState implements RunFiles {
  files = $state.raw<FileEntry[]>([]);
  warnings = $state.raw<string[]>([]);
  loadingExample = $state(false);
  #blobs = new Map<string, Blob>();
  /** Index files that do not fit their data file: kept in the session, hidden from the tools (htslib finds an index by name). */
  #withheld = new Set<string>();

  constructor(
    private readonly engine: ToolEngine,
    private readonly store: Pick<SessionStore, 'listFiles' | 'readFileData' | 'addFile' | 'removeFile'>,
    private readonly current: CurrentSession,
    private readonly settings: SettingsState,
    private readonly runs: Pick<RunsState, 'runJob' | 'forgetOutput'>,
    private readonly notices: NoticesState,
  ) {}

  /** Reads a session's files and mounts those this page can read (the others wait for "Restore access"). */
  async load(sessionId: string): Promise<void> {
    this.#blobs.clear();
    const entries: FileEntry[] = [];
    for (const file of await this.store.listFiles(sessionId)) {
      const access = await resolveStoredFile(await this.store.readFileData(file.id), file.name, false);
      if (access.blob) this.#blobs.set(file.id, access.blob);
      entries.push(toEntry(file, access.availability));
    }
    this.files = entries;
    await this.engine.mount(
      entries.filter((e) => this.#blobs.has(e.id)).map((e) => ({ name: e.name, data: this.#blobs.get(e.id)! })),
    );
  }

  clear(): void {
    this.#blobs.clear();
    this.#withheld.clear();
    this.files = [];
    this.warnings = [];
  }

  inputsOf(words: ReadonlySet<string>): InputFingerprint[] {
    return this.files
      .filter((file) => words.has(file.name))
      .map((file) => ({ name: file.name, size: file.size, fingerprint: file.fingerprint }));
  }

  /** A file the user opened (not one a run wrote). */
  isSessionFile(name: string): boolean {
    return this.files.some((file) => file.name === name && !file.origin);
  }

  async afterJob(result: JobResult, run: Run): Promise<void> {
    for (const name of result.removed ?? []) await this.#removedByJob(name);
    const made = result.outputs.map((output) => ({ name: output.path, blob: output.blob, run }));
    await this.addOutputs(made);
    if (result.outputs.length > 0 || result.removed) await this.refreshChecks();
  }

  /**
   * Files runs wrote join the list. An output replaces the entry of its name, opened or written before: the work
   * area holds one file per name, the newest, as a directory does (`sort -o x.bam x.bam` replaces x.bam).
   */
  async addOutputs(made: readonly MadeFile[]): Promise<void> {
    const session = this.current.session;
    if (!session || made.length === 0) return;
    try {
      const entries = await Promise.all(made.map((one) => madeFileEntry(session.id, one)));
      const names = new Set(entries.map((entry) => entry.name));
      const replaced = this.files.filter((entry) => names.has(entry.name));
      for (const old of replaced) {
        this.#blobs.delete(old.id);
        if (!old.origin) await this.store.removeFile(old.id);
      }
      for (const [i, entry] of entries.entries()) this.#blobs.set(entry.id, made[i]!.blob);
      this.files = [...this.files.filter((entry) => !names.has(entry.name)), ...entries];
    } catch (error) {
      this.notices.report(error, 'The files the run wrote could not be added to the session');
    }
  }

  /** Adds picked or dropped files; a file recorded earlier but unreadable is recognised and restored. */
  async openFiles(
    list: readonly File[],
    handles: ReadonlyMap<string, FileSystemFileHandle> = new Map(),
  ): Promise<void> {
    await this.current.ready();
    const session = this.current.session;
    if (!session) return;
    try {
      for (const file of list) await this.#addOne(session, file, handles.get(file.name));
      await this.refreshChecks();
    } catch (error) {
      this.notices.report(error, 'The files could not be added');
    }
  }

  async #addOne(session: Session, file: File, handle: FileSystemFileHandle | undefined): Promise<void> {
    const fingerprint = await fingerprintBlob(file);
    const waiting = this.files.filter((entry) => entry.availability !== 'ready');
    const recorded = waiting.find((entry) =>
      findRecordedFile(entry, [{ name: file.name, size: file.size, fingerprint }]),
    );
    if (recorded) return this.#readable(recorded.id, recorded.name, file);
    const detected = await detectBlob(file.name, file);
    const storage = chooseFileStorage(file.size, handle !== undefined, this.settings.current);
    const saved = await this.store.addFile(
      session.id,
      { name: file.name, size: file.size, lastModified: file.lastModified, fingerprint, detected },
      storage === 'handle' ? { handle } : storage === 'blob' ? { blob: file } : {},
    );
    const replaced = this.files.filter((entry) => entry.name === saved.name);
    for (const old of replaced) {
      this.#blobs.delete(old.id);
      // A run's output of this name is replaced by the opened file: marked removed, so a reload keeps the file.
      if (old.origin) await this.runs.forgetOutput(old.name);
      else await this.store.removeFile(old.id);
    }
    this.#blobs.set(saved.id, file);
    this.files = [...this.files.filter((entry) => entry.name !== saved.name), toEntry(saved, 'ready')];
    await this.engine.mount([{ name: saved.name, data: file }]);
  }

  /** Opens the example files (`family`: the teaching trio for family triage) from the app's own origin. */
  async openExample(set: 'default' | 'family' | 'pgs' = 'default'): Promise<void> {
    this.loadingExample = true;
    try {
      const base = new URL('examples/', document.baseURI);
      type Listed = { name: string; path: string }[];
      const manifest = (await (await fetch(new URL('manifest.json', base))).json()) as {
        files: Listed;
        family?: { files: Listed };
        pgs?: { files: Listed };
      };
      const listed = set === 'default' ? manifest.files : (manifest[set]?.files ?? []);
      const files = await Promise.all(
        listed.map(async ({ name, path }) => new File([await (await fetch(new URL(path, base))).blob()], name)),
      );
      await this.openFiles(files);
      this.notices.info(EXAMPLE_NOTICES[set]);
    } catch (error) {
      this.notices.report(error, 'The example session could not be loaded');
    } finally {
      this.loadingExample = false;
    }
  }

  async removeFile(id: string): Promise<void> {
    const entry = this.files.find((file) => file.id === id);
    if (!entry) return;
    try {
      // A run's output stays in its run's history (downloadable there); only its place among the files goes.
      if (!entry.origin) await this.store.removeFile(id);
      // Stored before the row goes (an output is marked removed in its run): a reload right after the row has
      // gone must not bring the file back.
      await this.#forgetWorkFile(entry.name);
      this.files = this.files.filter((file) => file.id !== id);
      this.#blobs.delete(id);
      await this.refreshChecks();
    } catch (error) {
      this.notices.report(error, `${entry.name} could not be removed`);
    }
  }

  /** Removes a name from the work area (console rm): a session file leaves the session, an output stays in its run's history only. */
  async removeWorkFile(name: string): Promise<void> {
    const file = this.files.find((entry) => entry.name === name);
    if (file) return this.removeFile(file.id);
    try {
      await this.#forgetWorkFile(name);
      await this.refreshChecks();
    } catch (error) {
      this.notices.report(error, `${name} could not be removed`);
    }
  }

  /** The names tools see now: session files and run outputs. */
  listWorkFiles(): Promise<string[]> {
    return this.engine.listFiles();
  }

  readWorkFile(name: string): Promise<Blob> {
    return this.engine.readFile(name);
  }

  /** A job deleted `name` (`bgzip x.vcf`): an opened file stays (Lokus never deletes what the user opened), an output goes. */
  async #removedByJob(name: string): Promise<void> {
    const file = this.files.find((entry) => entry.name === name);
    const blob = file && this.#blobs.get(file.id);
    if (file && !file.origin && blob) return this.engine.mount([{ name, data: blob }]);
    if (file && file.origin) {
      this.files = this.files.filter((entry) => entry.id !== file.id);
      this.#blobs.delete(file.id);
    }
    if (!file || file.origin) await this.#forgetWorkFile(name);
  }

  /** Tools stop seeing `name` now, and after a reload: stored outputs of that name are marked removed. */
  async #forgetWorkFile(name: string): Promise<void> {
    await this.engine.removeFile(name);
    await this.runs.forgetOutput(name);
  }

  /** After a reload: asks again for permission to read a kept handle (a click is the user gesture it needs). */
  async restoreAccess(id: string): Promise<void> {
    const entry = this.files.find((file) => file.id === id);
    if (!entry) return;
    const access = await resolveStoredFile(await this.store.readFileData(id), entry.name, true);
    if (!access.blob)
      return this.notices.info(
        `Open ${entry.name} again with "Open files": Lokus recognises it by its size and fingerprint.`,
      );
    await this.#readable(id, entry.name, access.blob);
  }

  async #readable(id: string, name: string, blob: Blob): Promise<void> {
    this.#blobs.set(id, blob);
    this.#patch(id, { availability: 'ready' });
    await this.engine.mount([{ name, data: blob }]);
  }

  /** Runs the jobs that create a missing index (bgzip first where needed). */
  async applyFix(id: string): Promise<void> {
    const fix = this.files.find((file) => file.id === id)?.indexFix;
    if (!fix) return;
    this.#patch(id, { fixing: true });
    try {
      // An index that belongs to another file has the name the right one gets: it leaves the session first.
      for (const name of fix.missing.replaces ?? []) {
        const wrong = this.files.find((file) => file.name === name);
        if (wrong) await this.removeFile(wrong.id);
      }
      for (const job of fix.missing.jobs) {
        const result = await this.runs.runJob(job);
        if (result.status !== 'succeeded') {
          this.notices.show({ kind: 'error', text: failureNotice(formatJob(job), result) });
          return;
        }
      }
    } finally {
      this.#patch(id, { fixing: false });
    }
  }

  /** The bytes of a session file by name while this page can read them (the genome viewer reads them in place). */
  blobOf(name: string): Blob | undefined {
    const entry = this.files.find((file) => file.name === name);
    return entry ? this.#blobs.get(entry.id) : undefined;
  }

  #patch(id: string, patch: Partial<FileEntry>): void {
    this.files = this.files.map((file) => (file.id === id ? { ...file, ...patch } : file));
  }

  /** Index pairing (with the work area's outputs), index fixes, builds and warnings, checked again. */
  async refreshChecks(): Promise<void> {
    const checked = await checkFiles(this.files, await this.engine.listFiles(), (id) => this.#blobs.get(id));
    await this.#withhold(checked.misfits);
    this.files = this.files.map(checked.annotate);
    this.warnings = checked.warnings;
  }

  /** Hides misfit index files from the tools, and shows again those that fit now. */
  async #withhold(names: ReadonlySet<string>): Promise<void> {
    // Every time: opening a file again, or loading the session, mounts it again.
    if (names.size > 0) await this.engine.unmount([...names]);
    const show = this.files.flatMap((file) => {
      const data = this.#blobs.get(file.id);
      return data && this.#withheld.has(file.name) && !names.has(file.name) ? [{ name: file.name, data }] : [];
    });
    if (show.length > 0) await this.engine.mount(show);
    this.#withheld = new Set(names);
  }
}

/** A failed step said where the user looks: the tool's own last words, then the advice (History keeps the rest). */
function failureNotice(command: string, run: { stderr: string; advice?: string }): string {
  const said = run.stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-2)
    .join(' ');
  const advice = run.advice ?? 'The run in the history has all its messages.';
  return said ? `${command} failed. It said: “${said}” ${advice}` : `${command} failed: ${advice}`;
}
