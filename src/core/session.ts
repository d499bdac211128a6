// Sessions, the files in them, runs with their provenance, console history and settings: the domain
// types that state works with and storage persists.
import type { DetectedFormat } from './files/formats';
import type { Command, JobStatus, ProgramInfo } from './tools/job';

export interface Session {
  id: string;
  name: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  notes: string;
}

/**
 * Where a file's bytes can be had after a reload: a kept FileSystemFileHandle (where the browser has
 * the File System Access API), a Blob copy in browser storage (under the size limit), or nothing, in
 * which case the user picks the file again and it is matched by name, size and fingerprint.
 */
export type FileStorage = 'handle' | 'blob' | 'none';

export interface SessionFile {
  id: string;
  sessionId: string;
  name: string;
  size: number;
  lastModified: number;
  /** sha256 hex of the first and last 64 KB plus the size (see core/files/fingerprint). */
  fingerprint: string;
  detected: DetectedFormat;
  storage: FileStorage;
  addedAt: number;
}

/** A job's status, plus `interrupted`: the page closed while the run was queued or running. */
export type RunStatus = JobStatus | 'interrupted';

export interface InputFingerprint {
  name: string;
  size: number;
  fingerprint: string;
}

export interface RunOutput {
  name: string;
  size: number;
  /** Key of the stored Blob; read it with SessionStore.readOutput. */
  blobId: string;
  /** The user removed the file (rm, or removed a session file of that name): the run keeps it, tools no longer see it. */
  removed?: boolean;
}

export interface Run {
  id: string;
  sessionId: string;
  label: string;
  steps: Command[];
  stdoutFile?: string;
  /** Provenance of each program used: what exactly was executed. */
  programs: ProgramInfo[];
  inputs: InputFingerprint[];
  status: RunStatus;
  exitStatus?: number;
  failedStep?: number;
  /** Epoch milliseconds; absent while queued. */
  startedAt?: number;
  endedAt?: number;
  stdout: string;
  stderr: string;
  outputs: RunOutput[];
  /** Set when the run is a step of an analysis (core/analyses). */
  analysisId?: string;
}

export interface ConsoleEntry {
  id: number;
  sessionId: string;
  /** What the user typed. */
  line: string;
  at: number;
  /** The run it started, when it started one. */
  runId?: string;
}

export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  /** Files up to this size are copied into browser storage when no handle can be kept. */
  blobSizeLimitBytes: number;
  theme: Theme;
  /** Lines of console history kept per session. */
  consoleHistoryLimit: number;
  /** The user's pass/warn thresholds per analysis (core/analyses), where they differ from the defaults. */
  analysisThresholds?: Record<string, Record<string, { pass: number; warn: number }>>;
  /** Sessions not changed for this many days are deleted when Lokus starts; 0 or absent keeps them. */
  sessionExpiryDays?: number;
  /** With encryption on: lock after this many minutes without keyboard or pointer use (0 or absent: never). */
  autoLockMinutes?: number;
}

export const DEFAULT_SETTINGS: Settings = {
  blobSizeLimitBytes: 200 * 1024 * 1024,
  theme: 'system',
  consoleHistoryLimit: 1000,
};

/**
 * Decides how to keep a file across reloads: a handle when there is one, else a Blob copy if it fits
 * under the limit, else nothing (the user re-picks it).
 */
export function chooseFileStorage(
  size: number,
  hasHandle: boolean,
  settings: Pick<Settings, 'blobSizeLimitBytes'>,
): FileStorage {
  if (hasHandle) return 'handle';
  return size <= settings.blobSizeLimitBytes ? 'blob' : 'none';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The sessions auto-expiry deletes at start: last changed more than `days` days before `now` (none when days is 0). */
export function expiredSessions(sessions: readonly Session[], days: number | undefined, now: number): Session[] {
  if (!days || days <= 0) return [];
  return sessions.filter((session) => session.updatedAt < now - days * DAY_MS);
}

/** Runs that were still going when the page went away cannot be resumed. */
export function isUnfinished(status: RunStatus): boolean {
  return status === 'queued' || status === 'running';
}
