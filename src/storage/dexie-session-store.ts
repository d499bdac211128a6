// SessionStore on IndexedDB through Dexie. Every change is one transaction, so a failure (a full disk
// above all) leaves nothing half-written; failures surface as StorageError values. With encryption on, rows are
// sealed before and opened after each transaction (WebCrypto cannot run inside one; see row-codec.ts).
import {
  DEFAULT_SETTINGS,
  type ConsoleEntry,
  type Run,
  type RunOutput,
  type Session,
  type SessionFile,
  type Settings,
} from '../core/session';
import {
  NotFoundError,
  type AddFileOptions,
  type ConversionProgress,
  type EncryptionStatus,
  type ExportOptions,
  type NewSessionFile,
  type SessionStore,
  type StorageUsage,
  type StoredFileData,
} from '../core/storage-port';
import { guarded } from './errors';
import { DATABASE_NAME, LokusDb, type DatabaseDependencies } from './lokus-db';
import { fileFromRow, fileToRow, runFromRow, runToRow, sessionFromRow, settingsFromRow } from './mapping';
import type { FileDataRow, SessionRow } from './rows';
import type { RowCodec } from './row-codec';
import { VaultKeeper } from './vault-keeper';
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
  /** Tests only: a lower PBKDF2 iteration count so each unlock takes milliseconds. The app never sets it. */
  pbkdf2IterationsForTests?: number;
}

export type StorageManagerLike = Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;

export class DexieSessionStore implements SessionStore {
  readonly db: LokusDb;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly storageManager: StorageManagerLike | undefined;
  /** Set by deleteAllData: reads answer empty, and only starting a session creates the database again. */
  private deleted = false;
  /** Encryption at rest: every row passes through its codec, and writes take turns in its queue. */
  private readonly keeper: VaultKeeper;

  constructor(options: DexieSessionStoreOptions = {}) {
    this.db = new LokusDb(options.databaseName ?? DATABASE_NAME, options.dependencies);
    this.keeper = new VaultKeeper(this.db, options.pbkdf2IterationsForTests);
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    const platform = typeof navigator === 'undefined' ? undefined : navigator.storage;
    this.storageManager = options.storageManager === null ? undefined : (options.storageManager ?? platform);
  }

  private get all() {
    const db = this.db;
    return [db.sessions, db.files, db.fileData, db.runs, db.outputs, db.console, db.viewer, db.lessons];
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
  private read<T>(what: string, empty: T, work: (codec: RowCodec) => Promise<T>): Promise<T> {
    return this.deleted ? Promise.resolve(empty) : guarded(what, async () => work(await this.keeper.codec()));
  }

  /** A change: after earlier writes (and any conversion) have finished, with the codec of that moment. */
  private write<T>(what: string, work: (codec: RowCodec) => Promise<T>): Promise<T> {
    return guarded(what, () => this.keeper.exclusive(async () => work(await this.keeper.codec())));
  }

  listSessions(): Promise<Session[]> {
    return this.read('list sessions', [], async (codec) =>
      (await codec.decodeAll('sessions', await this.db.sessions.orderBy('updatedAt').reverse().toArray())).map(
        sessionFromRow,
      ),
    );
  }

  getSession(id: string): Promise<Session | undefined> {
    return this.read('read the session', undefined, async (codec) => {
      const row = await this.db.sessions.get(id);
      return row && sessionFromRow(await codec.decode('sessions', row));
    });
  }

  createSession(name: string): Promise<Session> {
    return guarded('create the session', async () => {
      await this.reopenIfDeleted();
      return this.write('create the session', async (codec) => {
        const at = this.now();
        const row: SessionRow = { id: this.newId(), name, createdAt: at, updatedAt: at, notes: '' };
        await this.db.sessions.add(await codec.encode('sessions', row));
        return sessionFromRow(row);
      });
    });
  }

  private updateSession(id: string, what: string, changes: { name?: string; notes?: string }): Promise<Session> {
    // Read, change, write back: safe because writes take turns (the row cannot change in between).
    return this.write(what, async (codec) => {
      const current = await codec.decode('sessions', await this.requireSession(id));
      const row = { ...current, ...changes, updatedAt: this.now() };
      const stored = await codec.encode('sessions', row);
      await this.db.transaction('rw', this.db.sessions, async () => {
        await this.requireSession(id);
        await this.db.sessions.put(stored);
      });
      return sessionFromRow(row);
    });
  }

  renameSession(id: string, name: string): Promise<Session> {
    return this.updateSession(id, 'rename the session', { name });
  }

  setNotes(id: string, notes: string): Promise<Session> {
    return this.updateSession(id, 'save the notes', { notes });
  }

  private async snapshot(id: string, codec: RowCodec): Promise<SessionSnapshot> {
    await this.requireSession(id);
    return readSnapshot(this.db, id, codec);
  }

  duplicateSession(id: string, name: string): Promise<Session> {
    return this.write('duplicate the session', async (codec) =>
      writeSnapshot(
        this.db,
        rekeySnapshot(await this.snapshot(id, codec), { newId: this.newId, now: this.now(), name }),
        codec,
      ),
    );
  }

  deleteSession(id: string): Promise<void> {
    const db = this.db;
    return this.write('delete the session', () =>
      db.transaction('rw', this.all, async () => {
        await db.sessions.delete(id);
        for (const table of [db.files, db.fileData, db.runs, db.outputs, db.console])
          await table.where('sessionId').equals(id).delete();
        await db.viewer.delete(id);
        await db.lessons.delete(id);
      }),
    );
  }

  listFiles(sessionId: string): Promise<SessionFile[]> {
    return this.read('list the files', [], async (codec) =>
      (await codec.decodeAll('files', await this.db.files.where('sessionId').equals(sessionId).sortBy('addedAt'))).map(
        fileFromRow,
      ),
    );
  }

  addFile(sessionId: string, file: NewSessionFile, options: AddFileOptions = {}): Promise<SessionFile> {
    const db = this.db;
    return this.write(`keep ${file.name}`, async (codec) => {
      const storage = options.handle ? 'handle' : options.blob ? 'blob' : 'none';
      const row = fileToRow({ ...file, id: this.newId(), sessionId, storage, addedAt: this.now() });
      const data: FileDataRow = {
        fileId: row.id,
        sessionId,
        ...(options.handle ? { handle: options.handle } : { blob: options.blob }),
      };
      const storedRow = await codec.encode('files', row);
      const storedData = storage === 'none' ? undefined : await codec.encode('fileData', data);
      await db.transaction('rw', [db.sessions, db.files, db.fileData], async () => {
        await this.requireSession(sessionId);
        await db.files.add(storedRow);
        if (storedData) await db.fileData.add(storedData);
        await this.touch(sessionId);
      });
      // Sealing does not keep file handles (see row-codec): report what was really kept.
      return fileFromRow(codec.sealing && storage === 'handle' ? { ...row, storage: 'none' } : row);
    });
  }

  readFileData(fileId: string): Promise<StoredFileData> {
    return this.read('read the file', {}, async (codec) => {
      const stored = await this.db.fileData.get(fileId);
      const row = stored && (await codec.decode('fileData', stored));
      return { ...(row?.blob ? { blob: row.blob } : {}), ...(row?.handle ? { handle: row.handle } : {}) };
    });
  }

  removeFile(fileId: string): Promise<void> {
    const db = this.db;
    return this.write('remove the file', () =>
      db.transaction('rw', [db.sessions, db.files, db.fileData], async () => {
        const row = await db.files.get(fileId);
        await db.files.delete(fileId);
        await db.fileData.delete(fileId);
        if (row) await this.touch(row.sessionId);
      }),
    );
  }

  listRuns(sessionId: string): Promise<Run[]> {
    return this.read('list the runs', [], async (codec) => {
      const rows = await codec.decodeAll('runs', await this.db.runs.where('sessionId').equals(sessionId).toArray());
      return rows.map(runFromRow).sort((a, b) => (a.startedAt ?? Infinity) - (b.startedAt ?? Infinity));
    });
  }

  saveRun(run: Run): Promise<void> {
    const db = this.db;
    return this.write(`save the run "${run.label}"`, async (codec) => {
      const stored = await codec.encode('runs', runToRow(run));
      await db.transaction('rw', [db.sessions, db.runs], async () => {
        await this.requireSession(run.sessionId);
        await db.runs.put(stored);
        await this.touch(run.sessionId);
      });
    });
  }

  saveOutput(sessionId: string, runId: string, name: string, blob: Blob): Promise<RunOutput> {
    return this.write(`save the output ${name}`, async (codec) => {
      const id = this.newId();
      await this.db.outputs.add(await codec.encode('outputs', { id, sessionId, runId, name, blob }));
      return { name, size: blob.size, blobId: id };
    });
  }

  readOutput(blobId: string): Promise<Blob | undefined> {
    return this.read('read the output', undefined, async (codec) => {
      const stored = await this.db.outputs.get(blobId);
      return stored && (await codec.decode('outputs', stored)).blob;
    });
  }

  markInterruptedRuns(now = this.now()): Promise<number> {
    const db = this.db;
    // Status and end time are clear columns even when rows are sealed: this needs no key.
    return guarded('mark interrupted runs', () =>
      this.keeper.exclusive(() =>
        db.transaction('rw', db.runs, () =>
          db.runs
            .where('status')
            .anyOf('queued', 'running')
            .modify((row) => {
              row.status = 'interrupted';
              row.endedAt = now;
            }),
        ),
      ),
    );
  }

  appendConsole(sessionId: string, line: string, runId?: string): Promise<ConsoleEntry> {
    return this.write('save the console line', (codec) =>
      appendConsoleLine(this.db, codec, { sessionId, line, at: this.now(), ...(runId ? { runId } : {}) }),
    );
  }

  listConsole(sessionId: string, limit = Infinity): Promise<ConsoleEntry[]> {
    return this.read('read the console history', [], (codec) => lastConsoleLines(this.db, codec, sessionId, limit));
  }

  clearConsole(sessionId: string): Promise<void> {
    return this.write('clear the console history', async () => {
      await this.db.console.where('sessionId').equals(sessionId).delete();
    });
  }

  getViewerState(sessionId: string): Promise<string | undefined> {
    return this.read('read the viewer state', undefined, async (codec) => {
      const stored = await this.db.viewer.get(sessionId);
      return stored && (await codec.decode('viewer', stored)).json;
    });
  }

  saveViewerState(sessionId: string, json: string): Promise<void> {
    const db = this.db;
    return this.write('save the viewer state', async (codec) => {
      const stored = await codec.encode('viewer', { sessionId, json, updatedAt: this.now() });
      await db.transaction('rw', [db.sessions, db.viewer], async () => {
        await this.requireSession(sessionId);
        await db.viewer.put(stored);
      });
    });
  }

  getLessonState(sessionId: string): Promise<string | undefined> {
    return this.read('read the lesson progress', undefined, async (codec) => {
      const stored = await this.db.lessons.get(sessionId);
      return stored && (await codec.decode('lessons', stored)).json;
    });
  }

  saveLessonState(sessionId: string, json: string | undefined): Promise<void> {
    const db = this.db;
    return this.write('save the lesson progress', async (codec) => {
      if (json === undefined) return void (await db.lessons.delete(sessionId));
      const stored = await codec.encode('lessons', { sessionId, json, updatedAt: this.now() });
      await db.transaction('rw', [db.sessions, db.lessons], async () => {
        await this.requireSession(sessionId);
        await db.lessons.put(stored);
      });
    });
  }

  /** Settings are not session data and stay in the clear: readable while locked (the auto-lock minutes, say). */
  getSettings(): Promise<Settings> {
    if (this.deleted) return Promise.resolve({ ...DEFAULT_SETTINGS });
    return guarded('read the settings', async () => settingsFromRow(await this.db.settings.get('settings')));
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

  /** While encryption is on, the export is plain (the user is unlocked and asked for it): the UI says so. */
  exportSession(id: string, options: ExportOptions): Promise<Blob> {
    return this.read('export the session', new Blob(), async (codec) =>
      encodeArchive(await this.snapshot(id, codec), this.now(), options.includeInputs),
    );
  }

  importSession(archive: Blob): Promise<Session> {
    return guarded('import the session', async () => {
      const snapshot = await decodeArchive(archive);
      await this.reopenIfDeleted();
      return this.write('import the session', (codec) =>
        writeSnapshot(
          this.db,
          rekeySnapshot(snapshot, { newId: this.newId, now: this.now(), name: snapshot.session.name }),
          codec,
        ),
      );
    });
  }

  encryptionStatus(): Promise<EncryptionStatus> {
    return this.deleted ? Promise.resolve('off') : guarded('read the encryption state', () => this.keeper.status());
  }

  unlock(passphrase: string, progress?: ConversionProgress): Promise<void> {
    return guarded('unlock your data', () => this.keeper.unlock(passphrase, progress));
  }

  lock(): Promise<void> {
    return this.keeper.lock();
  }

  enableEncryption(passphrase: string, progress?: ConversionProgress): Promise<void> {
    return guarded('turn encryption on', async () => {
      await this.reopenIfDeleted();
      await this.keeper.enable(passphrase, progress);
    });
  }

  disableEncryption(passphrase: string, progress?: ConversionProgress): Promise<void> {
    return guarded('turn encryption off', () => this.keeper.disable(passphrase, progress));
  }

  changePassphrase(current: string, next: string): Promise<void> {
    return guarded('change the passphrase', () => this.keeper.changePassphrase(current, next));
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

  /** Works while locked too: the way out for a forgotten passphrase. */
  deleteAllData(): Promise<void> {
    return guarded('delete local data', () =>
      this.keeper.exclusive(async () => {
        // Without disableAutoOpen, the next call through this store would silently create the database again.
        await this.db.delete({ disableAutoOpen: true });
        this.deleted = true;
        this.keeper.reset();
      }),
    );
  }

  close(): void {
    this.db.close();
  }
}
