// SessionStore on IndexedDB through Dexie. Every change is one transaction, so a failure (a full disk
// above all) leaves nothing half-written; failures surface as StorageError values.
import { DEFAULT_SETTINGS, type ConsoleEntry, type Run, type RunOutput, type Session, type SessionFile, type Settings } from '../core/session';
import {
  NotFoundError,
  type AddFileOptions,
  type ExportOptions,
  type NewSessionFile,
  type SessionStore,
  type StorageUsage,
  type StoredFileData,
} from '../core/storage-port';
import { guarded } from './errors';
import { DATABASE_NAME, LokusDb, type DatabaseDependencies } from './lokus-db';
import { fileFromRow, fileToRow, runFromRow, runToRow, sessionFromRow, settingsFromRow } from './mapping';
import { appendConsoleLine, lastConsoleLines } from './console-history';
import { decodeArchive, encodeArchive } from './session-archive';
import { rekeySnapshot, type SessionSnapshot } from './snapshot';
import { readSnapshot, writeSnapshot } from './snapshot-io';

export interface DexieSessionStoreOptions {
  databaseName?: string;
  dependencies?: DatabaseDependencies;
  now?: () => number;
  newId?: () => string;
  /** Defaults to navigator.storage where it exists; null means none (usage unknown, persistence refused). */
  storageManager?: StorageManagerLike | null;
}

export type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;

export class DexieSessionStore implements SessionStore {
  readonly db: LokusDb;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly storageManager: StorageManagerLike | undefined;
  /** Set by deleteAllData: reads answer empty, and only starting a session creates the database again. */
  private deleted = false;

  constructor(options: DexieSessionStoreOptions = {}) {
    this.db = new LokusDb(options.databaseName ?? DATABASE_NAME, options.dependencies);
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    const platform = typeof navigator === 'undefined' ? undefined : navigator.storage;
    this.storageManager = options.storageManager === null ? undefined : (options.storageManager ?? platform);
  }

  private get all() {
    const db = this.db;
    return [db.sessions, db.files, db.fileData, db.runs, db.outputs, db.console, db.viewer];
  }

  private async requireSession(id: string) {
    const row = await this.db.sessions.get(id);
    if (!row) throw new NotFoundError(`The session ${id} no longer exists.`, 'Pick another session from the list.');
    return row;
  }

  private touch(sessionId: string) {
    return this.db.sessions.update(sessionId, { updatedAt: this.now() });
  }

  private async reopenIfDeleted(): Promise<void> {
    if (!this.deleted) return;
    await this.db.open();
    this.deleted = false;
  }

  /** A read: empty while the database is deleted (so reading never recreates it), else guarded. */
  private read<T>(what: string, empty: T, work: () => Promise<T>): Promise<T> {
    return this.deleted ? Promise.resolve(empty) : guarded(what, work);
  }

  listSessions(): Promise<Session[]> {
    return this.read('list sessions', [], async () => (await this.db.sessions.orderBy('updatedAt').reverse().toArray()).map(sessionFromRow));
  }

  getSession(id: string): Promise<Session | undefined> {
    return this.read('read the session', undefined, async () => {
      const row = await this.db.sessions.get(id);
      return row && sessionFromRow(row);
    });
  }

  createSession(name: string): Promise<Session> {
    return guarded('create the session', async () => {
      await this.reopenIfDeleted();
      const at = this.now();
      const row = { id: this.newId(), name, createdAt: at, updatedAt: at, notes: '' };
      await this.db.sessions.add(row);
      return sessionFromRow(row);
    });
  }

  private updateSession(id: string, what: string, changes: { name?: string; notes?: string }): Promise<Session> {
    return guarded(what, () =>
      this.db.transaction('rw', this.db.sessions, async () => {
        const row = { ...(await this.requireSession(id)), ...changes, updatedAt: this.now() };
        await this.db.sessions.put(row);
        return sessionFromRow(row);
      }),
    );
  }

  renameSession(id: string, name: string): Promise<Session> {
    return this.updateSession(id, 'rename the session', { name });
  }

  setNotes(id: string, notes: string): Promise<Session> {
    return this.updateSession(id, 'save the notes', { notes });
  }

  private async snapshot(id: string): Promise<SessionSnapshot> {
    await this.requireSession(id);
    return readSnapshot(this.db, id);
  }

  duplicateSession(id: string, name: string): Promise<Session> {
    return guarded('duplicate the session', async () =>
      writeSnapshot(this.db, rekeySnapshot(await this.snapshot(id), { newId: this.newId, now: this.now(), name })),
    );
  }

  deleteSession(id: string): Promise<void> {
    const db = this.db;
    return guarded('delete the session', () =>
      db.transaction('rw', this.all, async () => {
        await db.sessions.delete(id);
        for (const table of [db.files, db.fileData, db.runs, db.outputs, db.console]) await table.where('sessionId').equals(id).delete();
        await db.viewer.delete(id);
      }),
    );
  }

  listFiles(sessionId: string): Promise<SessionFile[]> {
    return this.read('list the files', [], async () => (await this.db.files.where('sessionId').equals(sessionId).sortBy('addedAt')).map(fileFromRow));
  }

  addFile(sessionId: string, file: NewSessionFile, options: AddFileOptions = {}): Promise<SessionFile> {
    const db = this.db;
    return guarded(`keep ${file.name}`, () =>
      db.transaction('rw', [db.sessions, db.files, db.fileData], async () => {
        await this.requireSession(sessionId);
        const storage = options.handle ? 'handle' : options.blob ? 'blob' : 'none';
        const row = fileToRow({ ...file, id: this.newId(), sessionId, storage, addedAt: this.now() });
        await db.files.add(row);
        if (storage !== 'none') {
          await db.fileData.add({ fileId: row.id, sessionId, ...(options.handle ? { handle: options.handle } : { blob: options.blob }) });
        }
        await this.touch(sessionId);
        return fileFromRow(row);
      }),
    );
  }

  readFileData(fileId: string): Promise<StoredFileData> {
    return this.read('read the file', {}, async () => {
      const row = await this.db.fileData.get(fileId);
      return { ...(row?.blob ? { blob: row.blob } : {}), ...(row?.handle ? { handle: row.handle } : {}) };
    });
  }

  removeFile(fileId: string): Promise<void> {
    const db = this.db;
    return guarded('remove the file', () =>
      db.transaction('rw', [db.sessions, db.files, db.fileData], async () => {
        const row = await db.files.get(fileId);
        await db.files.delete(fileId);
        await db.fileData.delete(fileId);
        if (row) await this.touch(row.sessionId);
      }),
    );
  }

  listRuns(sessionId: string): Promise<Run[]> {
    return this.read('list the runs', [], async () => {
      const rows = await this.db.runs.where('sessionId').equals(sessionId).toArray();
      return rows.map(runFromRow).sort((a, b) => (a.startedAt ?? Infinity) - (b.startedAt ?? Infinity));
    });
  }

  saveRun(run: Run): Promise<void> {
    const db = this.db;
    return guarded(`save the run "${run.label}"`, () =>
      db.transaction('rw', [db.sessions, db.runs], async () => {
        await this.requireSession(run.sessionId);
        await db.runs.put(runToRow(run));
        await this.touch(run.sessionId);
      }),
    );
  }

  saveOutput(sessionId: string, runId: string, name: string, blob: Blob): Promise<RunOutput> {
    return guarded(`save the output ${name}`, async () => {
      const id = this.newId();
      await this.db.outputs.add({ id, sessionId, runId, name, blob });
      return { name, size: blob.size, blobId: id };
    });
  }

  readOutput(blobId: string): Promise<Blob | undefined> {
    return this.read('read the output', undefined, async () => (await this.db.outputs.get(blobId))?.blob);
  }

  markInterruptedRuns(now = this.now()): Promise<number> {
    const db = this.db;
    return guarded('mark interrupted runs', () =>
      db.transaction('rw', db.runs, () =>
        db.runs
          .where('status')
          .anyOf('queued', 'running')
          .modify((row) => {
            row.status = 'interrupted';
            row.endedAt = now;
          }),
      ),
    );
  }

  appendConsole(sessionId: string, line: string, runId?: string): Promise<ConsoleEntry> {
    return guarded('save the console line', () => appendConsoleLine(this.db, { sessionId, line, at: this.now(), ...(runId ? { runId } : {}) }));
  }

  listConsole(sessionId: string, limit = Infinity): Promise<ConsoleEntry[]> {
    return this.read('read the console history', [], () => lastConsoleLines(this.db, sessionId, limit));
  }

  clearConsole(sessionId: string): Promise<void> {
    return guarded('clear the console history', async () => {
      await this.db.console.where('sessionId').equals(sessionId).delete();
    });
  }

  getViewerState(sessionId: string): Promise<string | undefined> {
    return this.read('read the viewer state', undefined, async () => (await this.db.viewer.get(sessionId))?.json);
  }

  saveViewerState(sessionId: string, json: string): Promise<void> {
    const db = this.db;
    return guarded('save the viewer state', () =>
      db.transaction('rw', [db.sessions, db.viewer], async () => {
        await this.requireSession(sessionId);
        await db.viewer.put({ sessionId, json, updatedAt: this.now() });
      }),
    );
  }

  getSettings(): Promise<Settings> {
    return this.read('read the settings', { ...DEFAULT_SETTINGS }, async () => settingsFromRow(await this.db.settings.get('settings')));
  }

  saveSettings(patch: Partial<Settings>): Promise<Settings> {
    const db = this.db;
    return guarded('save the settings', async () => {
      await this.reopenIfDeleted();
      return db.transaction('rw', db.settings, async () => {
        const value = { ...settingsFromRow(await db.settings.get('settings')), ...patch };
        await db.settings.put({ key: 'settings', value });
        return value;
      });
    });
  }

  exportSession(id: string, options: ExportOptions): Promise<Blob> {
    return guarded('export the session', async () => encodeArchive(await this.snapshot(id), this.now(), options.includeInputs));
  }

  importSession(archive: Blob): Promise<Session> {
    return guarded('import the session', async () => {
      const snapshot = await decodeArchive(archive);
      await this.reopenIfDeleted();
      return writeSnapshot(this.db, rekeySnapshot(snapshot, { newId: this.newId, now: this.now(), name: snapshot.session.name }));
    });
  }

  async usage(): Promise<StorageUsage> {
    const manager = this.storageManager;
    if (!manager) return { persisted: false };
    const [estimate, persisted] = await Promise.all([manager.estimate(), manager.persisted()]);
    return { usageBytes: estimate.usage, quotaBytes: estimate.quota, persisted };
  }

  async requestPersistence(): Promise<boolean> {
    return this.storageManager ? this.storageManager.persist() : false;
  }

  deleteAllData(): Promise<void> {
    return guarded('delete local data', async () => {
      // Without disableAutoOpen, the next call through this store would silently create the database again.
      await this.db.delete({ disableAutoOpen: true });
      this.deleted = true;
    });
  }

  close(): void {
    this.db.close();
  }
}
