// Session export format: a zip (fflate) holding manifest.json (the rows, JSON) and one entry per binary
// part (outputs/<id>, inputs/<fileId>). Any unzip tool can open it; importSession reads it back.
// Built in memory (fflate's sync API; its async one spawns workers): fine for outputs and small inputs.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { ArchiveError } from '../core/storage-port';
import type { SessionSnapshot } from './snapshot';
import type { ConsoleRow, FileRow, OutputRow, RunRow, SessionRow } from './rows';

export const ARCHIVE_FORMAT = 'lokus-session';
export const ARCHIVE_VERSION = 1;

interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  exportedAt: number;
  session: SessionRow;
  files: FileRow[];
  /** File ids whose bytes are in inputs/<fileId>. */
  inputs: string[];
  runs: RunRow[];
  outputs: Array<Omit<OutputRow, 'blob'>>;
  console: ConsoleRow[];
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

export async function encodeArchive(
  snapshot: SessionSnapshot,
  exportedAt: number,
  includeInputs: boolean,
): Promise<Blob> {
  const inputs = includeInputs ? snapshot.fileData.filter((d) => d.blob) : [];
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt,
    session: snapshot.session,
    files: snapshot.files,
    inputs: inputs.map((d) => d.fileId),
    runs: snapshot.runs,
    outputs: snapshot.outputs.map(({ blob: _blob, ...rest }) => rest),
    console: snapshot.console,
  };
  // Genomics data is mostly compressed already: store the parts, deflate only the manifest.
  const entries: Zippable = { 'manifest.json': [strToU8(JSON.stringify(manifest, null, 1)), { level: 6 }] };
  for (const output of snapshot.outputs) entries[`outputs/${output.id}`] = [await bytesOf(output.blob), { level: 0 }];
  for (const input of inputs)
    if (input.blob) entries[`inputs/${input.fileId}`] = [await bytesOf(input.blob), { level: 0 }];
  return new Blob([zipSync(entries) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

export async function decodeArchive(archive: Blob): Promise<SessionSnapshot> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(await bytesOf(archive));
  } catch (error) {
    throw new ArchiveError(
      'This file is not a Lokus session export (it is not a zip archive).',
      'Pick a file made with "Export session".',
      error,
    );
  }
  const manifestBytes = entries['manifest.json'];
  let manifest: Manifest | undefined;
  try {
    manifest = manifestBytes ? (JSON.parse(strFromU8(manifestBytes)) as Manifest) : undefined;
  } catch (error) {
    throw new ArchiveError(
      'The session export is damaged: its manifest is not valid JSON.',
      'Export the session again.',
      error,
    );
  }
  if (manifest?.format !== ARCHIVE_FORMAT) {
    throw new ArchiveError('This zip file is not a Lokus session export.', 'Pick a file made with "Export session".');
  }
  if (manifest.version > ARCHIVE_VERSION) {
    throw new ArchiveError(
      `This session was exported by a newer Lokus (format ${manifest.version}).`,
      'Update Lokus, then import it again.',
    );
  }
  const part = (path: string) => {
    const data = entries[path];
    if (!data)
      throw new ArchiveError(`The session export is incomplete: ${path} is missing.`, 'Export the session again.');
    return new Blob([data as Uint8Array<ArrayBuffer>]);
  };
  return {
    session: manifest.session,
    files: manifest.files,
    fileData: manifest.inputs.map((fileId) => ({
      fileId,
      sessionId: manifest.session.id,
      blob: part(`inputs/${fileId}`),
    })),
    runs: manifest.runs,
    outputs: manifest.outputs.map((o) => ({ ...o, blob: part(`outputs/${o.id}`) })),
    console: manifest.console,
  };
}
