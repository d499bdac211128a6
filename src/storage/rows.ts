// Row types: what IndexedDB holds, kept apart from the domain types so either can change with a migration.
import type { DetectedFormat } from '../core/files/formats';
import type { Settings } from '../core/session';

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

export interface SettingsRow {
  key: 'settings';
  value: Partial<Settings>;
}
