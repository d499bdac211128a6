// A session with everything in it, as rows: what duplicate, export and import move around, and the
// re-keying that gives a copy its own ids while keeping its internal references intact.
import type { ConsoleRow, FileDataRow, FileRow, OutputRow, RunRow, SessionRow } from './rows';

export interface SessionSnapshot {
  session: SessionRow;
  files: FileRow[];
  /** Blob copies of inputs (handles never leave the browser profile they were granted in). */
  fileData: FileDataRow[];
  runs: RunRow[];
  outputs: OutputRow[];
  console: ConsoleRow[];
}

export interface RekeyOptions {
  newId: () => string;
  now: number;
  name: string;
}

/** A copy of the snapshot under new ids; files whose bytes did not come along become storage 'none'. */
export function rekeySnapshot(snapshot: SessionSnapshot, options: RekeyOptions): SessionSnapshot {
  const sessionId = options.newId();
  const fileIds = new Map(snapshot.files.map((f) => [f.id, options.newId()] as const));
  const runIds = new Map(snapshot.runs.map((r) => [r.id, options.newId()] as const));
  const outputIds = new Map(snapshot.outputs.map((o) => [o.id, options.newId()] as const));
  const mapped = (ids: Map<string, string>, id: string) => ids.get(id) ?? id;
  const withData = new Set(snapshot.fileData.filter((d) => d.blob || d.handle).map((d) => d.fileId));

  return {
    session: { ...snapshot.session, id: sessionId, name: options.name, createdAt: options.now, updatedAt: options.now },
    files: snapshot.files.map((f) => ({
      ...f,
      id: mapped(fileIds, f.id),
      sessionId,
      storage: withData.has(f.id) ? f.storage : 'none',
    })),
    fileData: snapshot.fileData
      .filter((d) => withData.has(d.fileId))
      .map((d) => ({ ...d, fileId: mapped(fileIds, d.fileId), sessionId })),
    runs: snapshot.runs.map((r) => ({
      ...r,
      id: mapped(runIds, r.id),
      sessionId,
      outputs: r.outputs.map((o) => ({ ...o, blobId: mapped(outputIds, o.blobId) })),
    })),
    outputs: snapshot.outputs.map((o) => ({
      ...o,
      id: mapped(outputIds, o.id),
      sessionId,
      runId: mapped(runIds, o.runId),
    })),
    console: snapshot.console.map((c) => {
      const { id: _id, ...rest } = c;
      return { ...rest, sessionId, ...(c.runId ? { runId: mapped(runIds, c.runId) } : {}) };
    }),
  };
}
