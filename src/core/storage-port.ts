// The storage port: everything state needs from persistent storage, implemented by src/storage (IndexedDB)
// and passed in by main.ts. Failures surface as StorageError values with one plain sentence of advice.
import type { ConsoleEntry, Run, RunOutput, Session, SessionFile, Settings } from './session';

export type NewSessionFile = Omit<SessionFile, 'id' | 'sessionId' | 'addedAt' | 'storage'>;

export interface AddFileOptions {
  /** Keep a copy of the bytes in browser storage (the caller decides, see chooseFileStorage). */
  blob?: Blob;
  /** Keep the File System Access handle; takes precedence over `blob`. */
  handle?: FileSystemFileHandle;
}

export interface StoredFileData {
  blob?: Blob;
  handle?: FileSystemFileHandle;
}

export interface ExportOptions {
  /** Include the Blob copies of input files (handles cannot be exported). */
  includeInputs: boolean;
}

export interface StorageUsage {
  usageBytes?: number;
  quotaBytes?: number;
  /** Whether the browser promised not to evict our data under storage pressure. */
  persisted: boolean;
}

/**
 * Encryption at rest: 'off' (rows stored plain), 'locked' (rows sealed, no key in memory: nothing can be read or
 * written until unlock), 'unlocked' (the data key is in memory, rows are sealed and opened as they go).
 */
export type EncryptionStatus = 'off' | 'locked' | 'unlocked';

/** Rows converted so far while encryption is turned on or off (or a conversion cut short by a closed page resumes). */
export type ConversionProgress = (done: number, total: number) => void;

export interface EncryptionControl {
  encryptionStatus(): Promise<EncryptionStatus>;
  /** Opens the vault; a wrong passphrase throws PassphraseError and changes nothing. Finishes a cut-short conversion. */
  unlock(passphrase: string, progress?: ConversionProgress): Promise<void>;
  /** Forgets the data key after pending writes finish; reads and writes then throw LockedError. */
  lock(): Promise<void>;
  /** Seals every stored row under a new data key wrapped by this passphrase. */
  enableEncryption(passphrase: string, progress?: ConversionProgress): Promise<void>;
  /** Checks the passphrase, then stores every row plain again and forgets the key. */
  disableEncryption(passphrase: string, progress?: ConversionProgress): Promise<void>;
  /** Re-wraps the data key under a new passphrase; no row is rewritten. */
  changePassphrase(current: string, next: string): Promise<void>;
}

export interface SessionStore extends EncryptionControl {
  listSessions(): Promise<Session[]>;
  getSession(id: string): Promise<Session | undefined>;
  createSession(name: string): Promise<Session>;
  renameSession(id: string, name: string): Promise<Session>;
  setNotes(id: string, notes: string): Promise<Session>;
  /** Copies the session with its files, runs, outputs and console history under new ids. */
  duplicateSession(id: string, name: string): Promise<Session>;
  deleteSession(id: string): Promise<void>;

  listFiles(sessionId: string): Promise<SessionFile[]>;
  addFile(sessionId: string, file: NewSessionFile, options?: AddFileOptions): Promise<SessionFile>;
  readFileData(fileId: string): Promise<StoredFileData>;
  removeFile(fileId: string): Promise<void>;

  listRuns(sessionId: string): Promise<Run[]>;
  /** Inserts or replaces a run; call on every change (autosave). */
  saveRun(run: Run): Promise<void>;
  /** Stores an output Blob for a run and returns the reference to put in `run.outputs`. */
  saveOutput(sessionId: string, runId: string, name: string, blob: Blob): Promise<RunOutput>;
  readOutput(blobId: string): Promise<Blob | undefined>;
  /** At startup: runs left queued or running by a closed page become `interrupted`. Returns how many. */
  markInterruptedRuns(now?: number): Promise<number>;

  appendConsole(sessionId: string, line: string, runId?: string): Promise<ConsoleEntry>;
  /** Oldest first, at most the last `limit` entries. */
  listConsole(sessionId: string, limit?: number): Promise<ConsoleEntry[]>;
  clearConsole(sessionId: string): Promise<void>;

  /** The genome viewer's state of a session as JSON text (core/viewer/view-state reads it); undefined if never saved. */
  getViewerState(sessionId: string): Promise<string | undefined>;
  saveViewerState(sessionId: string, json: string): Promise<void>;

  /** The lesson taken in a session and its progress, as JSON text (state/lessons reads it); undefined if none. */
  getLessonState(sessionId: string): Promise<string | undefined>;
  /** Saves it; undefined forgets it (the lesson was left). */
  saveLessonState(sessionId: string, json: string | undefined): Promise<void>;

  getSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;

  exportSession(id: string, options: ExportOptions): Promise<Blob>;
  /** Imports an exported session as a new session (new ids), named as it was exported. */
  importSession(archive: Blob): Promise<Session>;

  usage(): Promise<StorageUsage>;
  /** Asks the browser to keep our data under storage pressure; true when granted. */
  requestPersistence(): Promise<boolean>;
  /** Deletes every database of ours; nothing of Lokus remains in IndexedDB afterwards. */
  deleteAllData(): Promise<void>;
  close(): void;
}

export class StorageError extends Error {
  /** What the user should do, in one plain sentence. */
  readonly advice: string;

  constructor(message: string, advice: string, cause?: unknown) {
    super(message, { cause });
    this.name = new.target.name;
    this.advice = advice;
  }
}

/** The browser refused to store more (QuotaExceededError). Nothing of the failed change was written. */
export class StorageFullError extends StorageError {}

/** A session, file, run or output that is not (or no longer) stored. */
export class NotFoundError extends StorageError {}

/** Encryption is on and the data is locked: unlock with the passphrase first. */
export class LockedError extends StorageError {}

/** The passphrase does not open the stored data key. Nothing was changed. */
export class PassphraseError extends StorageError {}

/** An archive that is not a Lokus session export, or one from a newer version. */
export class ArchiveError extends StorageError {}
