// Files a run wrote, as entries of the session's file list: format detected from their bytes, fingerprinted like
// an opened file, and marked with the run that made them. Their bytes are the run's stored outputs.
import { detectBlob } from '../core/files/detect';
import { fingerprintBlob } from '../core/files/fingerprint';
import { toEntry, type FileEntry } from './file-checks';
import type { MadeFile } from './runs.svelte';

/** One id per run and name: a later run writing the same name is a new entry (a new origin). */
export function madeFileId(runId: string, name: string): string {
  return `output:${runId}:${name}`;
}

export async function madeFileEntry(sessionId: string, made: MadeFile): Promise<FileEntry> {
  const { name, blob, run } = made;
  const [fingerprint, detected] = await Promise.all([fingerprintBlob(blob), detectBlob(name, blob)]);
  return toEntry(
    {
      id: madeFileId(run.id, name),
      sessionId,
      name,
      size: blob.size,
      lastModified: run.endedAt ?? Date.now(),
      fingerprint,
      detected,
      // Kept as the run's stored output (saved with the run), so it comes back after a reload like a copy.
      storage: 'blob',
      addedAt: run.endedAt ?? Date.now(),
    },
    'ready',
    { runId: run.id, runLabel: run.label },
  );
}
