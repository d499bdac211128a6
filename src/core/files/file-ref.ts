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
export function findRecordedFile<T extends Omit<FileIdentity, 'lastModified'>>(recorded: FileIdentity, picked: readonly T[]): T | undefined {
  const matches = picked.filter((p) => sameFile(recorded, p));
  return matches.find((p) => p.name === recorded.name) ?? matches[0];
}
