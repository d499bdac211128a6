// Turns IndexedDB/Dexie failures into the port's typed errors, with a plain sentence for the user.
import { StorageError, StorageFullError } from '../core/storage-port';

/** The error and what it wraps: Dexie puts the original in `inner` (even our own errors, when their name is a DOM one). */
function chain(error: unknown): unknown[] {
  const found: unknown[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    found.push(current);
    const e = current as { inner?: unknown; cause?: unknown };
    current = e.inner ?? e.cause;
  }
  return found;
}

function names(error: unknown): string[] {
  return chain(error).flatMap((e) =>
    (e as { name?: unknown }).name === undefined ? [] : [String((e as { name?: unknown }).name)],
  );
}

/** True for a QuotaExceededError, whether raw, wrapped by Dexie, or as the reason a transaction aborted. */
export function isQuotaError(error: unknown): boolean {
  return names(error).includes('QuotaExceededError');
}

/** Maps a failure while doing `what` ("save the run") to a StorageError; leaves StorageErrors alone. */
export function toStorageError(error: unknown, what: string): StorageError {
  const own = chain(error).find((e): e is StorageError => e instanceof StorageError);
  if (own) return own;
  if (isQuotaError(error)) {
    return new StorageFullError(
      `Browser storage is full: could not ${what}. Nothing of this change was saved.`,
      'Free space by deleting old sessions or large outputs, or lower the size limit for keeping file copies in Settings.',
      error,
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError(
    `Could not ${what}: ${detail}`,
    'Reload the page and try again; if it keeps failing, export your sessions.',
    error,
  );
}

/** Runs `work`, converting any failure into a StorageError about `what`. */
export async function guarded<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error, what);
  }
}
