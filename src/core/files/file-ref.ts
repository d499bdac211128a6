// Where a session file's bytes live: a tagged union, so callers handle each kind (and re-picking) explicitly.

/** What identifies a file the user picked, so it can be recognised when picked again. */
export interface FileIdentity {
  name: string;
  size: number;
  lastModified: number;
  /** See fingerprintBlob. */
  fingerprint: string;
}

export type FileLocation =
  /** A handle kept across reloads (File System Access API); reading may first need permission again. */
  | { kind: 'handle'; handle: FileSystemFileHandle }
  /** A copy kept in browser storage. */
  | { kind: 'blob'; blob: Blob }
  /** Picked in this page's lifetime only: after a reload the user must pick it again. */
  | { kind: 'file'; file: File }
  /** Nothing readable is kept: the user must pick the file again. */
  | { kind: 'missing' };

/** Whether a newly picked file is the one recorded: size and fingerprint agree (a renamed copy still matches). */
export function sameFile(recorded: FileIdentity, picked: Omit<FileIdentity, 'lastModified'>): boolean {
  return recorded.size === picked.size && recorded.fingerprint === picked.fingerprint;
}

/** Re-pick matching: among picked files, the one that is the recorded file, preferring the same name. */
export function findRecordedFile<T extends Omit<FileIdentity, 'lastModified'>>(
  recorded: FileIdentity,
  picked: readonly T[],
): T | undefined {
  const matches = picked.filter((p) => sameFile(recorded, p));
  return matches.find((p) => p.name === recorded.name) ?? matches[0];
}

/** Where to read a stored file from, given what storage kept for it. */
export function locationFromStored(stored: { blob?: Blob; handle?: FileSystemFileHandle }): FileLocation {
  if (stored.handle) return { kind: 'handle', handle: stored.handle };
  if (stored.blob) return { kind: 'blob', blob: stored.blob };
  return { kind: 'missing' };
}

export type AccessState = 'granted' | 'prompt' | 'denied';

/** Chromium's permission methods on handles (File System Access API), absent from TypeScript's DOM types. */
interface PermissionedHandle {
  queryPermission?(descriptor: { mode: 'read' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'read' }): Promise<PermissionState>;
}

/** Whether a kept handle can be read now; 'prompt' means requestHandleAccess from a user gesture first. */
export async function queryHandleAccess(handle: FileSystemFileHandle): Promise<AccessState> {
  const query = (handle as unknown as PermissionedHandle).queryPermission;
  return query ? query.call(handle, { mode: 'read' }) : 'granted';
}

/** Asks the user again for read access to a kept handle ("restore access"); call from a click handler. */
export async function requestHandleAccess(handle: FileSystemFileHandle): Promise<AccessState> {
  const request = (handle as unknown as PermissionedHandle).requestPermission;
  return request ? request.call(handle, { mode: 'read' }) : 'granted';
}

export type OpenResult = { ok: true; data: Blob } | { ok: false; needs: 'permission' | 'repick'; reason: string };

/** The bytes behind a location, or what the user must do first. Never prompts: see requestHandleAccess. */
export async function openLocation(location: FileLocation, name: string): Promise<OpenResult> {
  switch (location.kind) {
    case 'blob':
      return { ok: true, data: location.blob };
    case 'file':
      return { ok: true, data: location.file };
    case 'missing':
      return { ok: false, needs: 'repick', reason: `${name} was not kept in the browser; pick it again.` };
    case 'handle': {
      const access = await queryHandleAccess(location.handle);
      if (access === 'prompt') return { ok: false, needs: 'permission', reason: `Allow Lokus to read ${name} again.` };
      if (access === 'denied')
        return { ok: false, needs: 'repick', reason: `Reading ${name} was refused; pick it again.` };
      try {
        return { ok: true, data: await location.handle.getFile() };
      } catch {
        return {
          ok: false,
          needs: 'repick',
          reason: `${name} was moved or deleted since it was opened; pick it again.`,
        };
      }
    }
  }
}
