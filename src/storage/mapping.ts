// Row <-> domain mapping. Rows may come from older versions or from an imported archive, so reading
// fills defaults and drops what the domain does not know.
import type { ConsoleEntry, Run, RunStatus, Session, SessionFile, Settings } from '../core/session';
import { DEFAULT_SETTINGS } from '../core/session';
import type { ConsoleRow, FileRow, RunRow, SessionRow, SettingsRow } from './rows';

const RUN_STATUSES: readonly RunStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'];

export function sessionFromRow(row: SessionRow): Session {
  return { id: row.id, name: row.name, createdAt: row.createdAt, updatedAt: row.updatedAt, notes: row.notes ?? '' };
}

export function sessionToRow(session: Session): SessionRow {
  return {
    id: session.id,
    name: session.name,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    notes: session.notes,
  };
}

export function fileFromRow(row: FileRow): SessionFile {
  return {
    id: row.id,
    sessionId: row.sessionId,
    name: row.name,
    size: row.size,
    lastModified: row.lastModified,
    fingerprint: row.fingerprint,
    detected: row.detected,
    storage: row.storage,
    addedAt: row.addedAt,
  };
}

export function fileToRow(file: SessionFile): FileRow {
  return {
    id: file.id,
    sessionId: file.sessionId,
    name: file.name,
    size: file.size,
    lastModified: file.lastModified,
    fingerprint: file.fingerprint,
    detected: file.detected,
    storage: file.storage,
    addedAt: file.addedAt,
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function runFromRow(row: RunRow): Run {
  const status = RUN_STATUSES.includes(row.status as RunStatus) ? (row.status as RunStatus) : 'interrupted';
  return {
    id: row.id,
    sessionId: row.sessionId,
    label: row.label,
    steps: row.steps.map((s) => ({ program: s.program, argv: [...s.argv] })),
    ...optional('stdoutFile', row.stdoutFile),
    programs: row.programs.map((p) => ({ ...p })),
    inputs: row.inputs.map((i) => ({ ...i })),
    status,
    ...optional('exitStatus', row.exitStatus),
    ...optional('failedStep', row.failedStep),
    ...optional('startedAt', row.startedAt),
    ...optional('endedAt', row.endedAt),
    stdout: row.stdout ?? '',
    stderr: row.stderr ?? '',
    outputs: row.outputs.map((o) => ({ ...o })),
    ...optional('analysisId', row.analysisId),
  };
}

export function runToRow(run: Run): RunRow {
  return {
    id: run.id,
    sessionId: run.sessionId,
    label: run.label,
    steps: run.steps.map((s) => ({ program: s.program, argv: [...s.argv] })),
    ...optional('stdoutFile', run.stdoutFile),
    programs: run.programs.map((p) => ({ ...p })),
    inputs: run.inputs.map((i) => ({ ...i })),
    status: run.status,
    ...optional('exitStatus', run.exitStatus),
    ...optional('failedStep', run.failedStep),
    ...optional('startedAt', run.startedAt),
    ...optional('endedAt', run.endedAt),
    stdout: run.stdout,
    stderr: run.stderr,
    outputs: run.outputs.map((o) => ({ ...o })),
    ...optional('analysisId', run.analysisId),
  };
}

export function consoleFromRow(row: ConsoleRow & { id: number }): ConsoleEntry {
  return { id: row.id, sessionId: row.sessionId, line: row.line, at: row.at, ...optional('runId', row.runId) };
}

export function settingsFromRow(row: SettingsRow | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...(row?.value ?? {}) };
}
