// Row types: what IndexedDB holds, kept apart from the domain types so either can change with a migration.
import type { DetectedFormat } from '../core/files/formats';
import type { Settings } from '../core/session';
import type { Sealed, VaultHeader } from './vault';

export interface SessionRow {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Added in v2 (backfilled ''). */
  notes: string;
}

export interface FileRow {
  id: string;
  sessionId: string;
  name: string;
  size: number;
  lastModified: number;
  fingerprint: string;
  detected: DetectedFormat;
  storage: 'handle' | 'blob' | 'none';
  addedAt: number;
}

/** The bytes (or handle) of a file, apart from FileRow so listing files never touches them. */
export interface FileDataRow {
  fileId: string;
  sessionId: string;
  blob?: Blob;
  handle?: FileSystemFileHandle;
}

export interface CommandRow {
  program: string;
  argv: string[];
}

export interface RunRow {
  id: string;
  sessionId: string;
  label: string;
  steps: CommandRow[];
  stdoutFile?: string;
  programs: Array<{ program: string; tool: string; version: string; wasmSha256: string }>;
  inputs: Array<{ name: string; size: number; fingerprint: string }>;
  status: string;
  exitStatus?: number;
  failedStep?: number;
  startedAt?: number;
  endedAt?: number;
  stdout: string;
  stderr: string;
  outputs: Array<{ name: string; size: number; blobId: string }>;
  analysisId?: string;
}

export interface OutputRow {
  id: string;
  sessionId: string;
  runId: string;
  name: string;
  blob: Blob;
}

export interface ConsoleRow {
  /** Auto-incremented, so entries sort in the order they were typed. */
  id?: number;
  sessionId: string;
  line: string;
  at: number;
  runId?: string;
}

/** Added in v3: one per session, the viewer's state as JSON text (its shape belongs to core/viewer). */
export interface ViewerRow {
  sessionId: string;
  json: string;
  updatedAt: number;
}

/** Added in v5: one per session, the lesson being taken and its progress as JSON text (shape: state/lessons). */
export interface LessonRow {
  sessionId: string;
  json: string;
  updatedAt: number;
}

export interface SettingsRow {
  key: 'settings';
  value: Partial<Settings>;
}

/**
 * Added in v4: a row stored encrypted. Only what indexes and the startup scan need stays in the clear (ids,
 * timestamps, run status); everything else is one sealed JSON `payload`, bound to the row's place. A Blob is
 * stored as `sealedBlob`, sealed in chunks (see sealed-blob.ts). A row without `payload` is a plain row.
 */
export interface SealedColumns {
  payload: Sealed;
  sealedBlob?: Blob;
}

export type SealedSessionRow = Pick<SessionRow, 'id' | 'createdAt' | 'updatedAt'> & SealedColumns;
export type SealedFileRow = Pick<FileRow, 'id' | 'sessionId' | 'addedAt'> & SealedColumns;
export type SealedFileDataRow = Pick<FileDataRow, 'fileId' | 'sessionId'> & SealedColumns;
export type SealedRunRow = Pick<RunRow, 'id' | 'sessionId' | 'status' | 'startedAt' | 'endedAt'> & SealedColumns;
export type SealedOutputRow = Pick<OutputRow, 'id' | 'sessionId' | 'runId'> & SealedColumns;
export type SealedConsoleRow = Pick<ConsoleRow, 'id' | 'sessionId' | 'at'> & SealedColumns;
export type SealedViewerRow = Pick<ViewerRow, 'sessionId' | 'updatedAt'> & SealedColumns;
export type SealedLessonRow = Pick<LessonRow, 'sessionId' | 'updatedAt'> & SealedColumns;

/**
 * Added in v4: the encryption header (salt, iterations, wrapped data key, check value; never a key in the
 * clear) and where a conversion stands: rows are being sealed, all are sealed, or they are being opened again.
 */
export interface VaultRow {
  key: 'vault';
  header: VaultHeader;
  state: 'encrypting' | 'on' | 'decrypting';
}
