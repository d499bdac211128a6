// One call for a newly opened file: its identity (for re-picking), format, contigs and reference build.
import { detectBuild, type BuildGuess } from './contigs';
import { detectBlob } from './detect';
import type { FileIdentity } from './file-ref';
import { fingerprintBlob } from './fingerprint';
import type { DetectedFormat } from './formats';
import { readContigs, type FileContigs } from './read-contigs';

export interface FileInspection {
  identity: FileIdentity;
  detected: DetectedFormat;
  contigs: FileContigs;
  build: BuildGuess;
}

/** Anything with a name and bytes: a File, or a Blob given a name (outputs, test fixtures). */
export type NamedBlob = Blob & { name: string; lastModified?: number };

export async function inspectFile(file: NamedBlob): Promise<FileInspection> {
  const [detected, fingerprint] = await Promise.all([detectBlob(file.name, file), fingerprintBlob(file)]);
  let contigs: FileContigs;
  try {
    contigs = detected.format === 'unknown' ? { contigs: [], source: 'none' } : await readContigs(file, detected);
  } catch (error) {
    // A damaged header is already reported by detection (truncated, unrecognised); keep the rest usable.
    contigs = { contigs: [], source: 'none', note: error instanceof Error ? error.message : String(error) };
  }
  return {
    identity: { name: file.name, size: file.size, lastModified: file.lastModified ?? 0, fingerprint },
    detected,
    contigs,
    build: detectBuild(contigs.contigs),
  };
}
