// For the files of a session: each file's reference build label, and warnings when files disagree.
import { buildLabel, detectBuild, type Contig } from './contigs';
import type { DetectedFormat } from './formats';
import { fastqPairWarnings } from './fastq-pairs';
import { compareAllContigs, readContigs } from './read-contigs';

export interface CheckedFile {
  id: string;
  name: string;
  detected: DetectedFormat;
}

export interface SessionFileChecks {
  /** Build label per file id, for files whose contigs could be read. */
  buildLabels: Map<string, string>;
  contigs: Map<string, Contig[]>;
  warnings: string[];
}

/** Build labels for each file and warnings for every pair of files that disagree. */
export async function describeSessionFiles(
  files: readonly CheckedFile[],
  blobOf: (id: string) => Blob | undefined,
): Promise<SessionFileChecks> {
  const contigs = new Map<string, Contig[]>();
  const buildLabels = new Map<string, string>();
  for (const file of files) {
    const blob = blobOf(file.id);
    if (!blob) continue;
    // A header Lokus cannot read gives no build label; format problems are reported by detection.
    const list = (await readContigs(blob, file.detected).catch(() => undefined))?.contigs ?? [];
    if (list.length === 0) continue;
    contigs.set(file.id, list);
    const guess = detectBuild(list);
    buildLabels.set(
      file.id,
      guess.build === 'unknown' ? `${list.length} contig${list.length === 1 ? '' : 's'}` : buildLabel(guess),
    );
  }
  // A FASTA declares its sequences only through its .fai: compare the reference by its index's contigs.
  for (const file of files) {
    const fai = files.find((f) => f.name === `${file.name}.fai` && contigs.has(f.id));
    if (file.detected.format === 'fasta' && fai) contigs.set(file.id, contigs.get(fai.id)!);
  }
  // An index describes its data file, so only data files are compared.
  const sets = files
    .filter((f) => contigs.has(f.id) && f.detected.format !== 'fai')
    .map((f) => ({ label: f.name, contigs: contigs.get(f.id)! }));
  const warnings = compareAllContigs(sets).map((warning) => warning.message);
  warnings.push(...(await fastqPairWarnings(files, blobOf)));
  return { buildLabels, contigs, warnings: [...new Set(warnings)] };
}
