// What the file list shows about each file beyond its record: format label and problems, its index (or the
// jobs that would create it), its reference build, and warnings across files (builds or contigs that disagree).
import { formatLabel, type FormatProblem } from '../core/files/formats';
import { pairFittingIndexes } from '../core/files/index-fit';
import type { MissingIndex } from '../core/files/index-pairing';
import { describeSessionFiles } from '../core/files/session-checks';
import type { SessionFile } from '../core/session';
import type { Availability } from './file-access';

/** The run that wrote a file (absent for a file the user opened). */
export interface FileOrigin {
  runId: string;
  runLabel: string;
}

export interface FileEntry extends SessionFile {
  origin?: FileOrigin;
  formatLabel: string;
  problems: FormatProblem[];
  indexName?: string;
  indexFix?: { label: string; missing: MissingIndex };
  /** A plain file whose bgzip-compressed, indexed copy is in the session (what its index fix made). */
  compressedAs?: string;
  buildLabel?: string;
  availability: Availability;
  fixing: boolean;
}

export function toEntry(file: SessionFile, availability: Availability, origin?: FileOrigin): FileEntry {
  return {
    ...file,
    ...(origin ? { origin } : {}),
    formatLabel: formatLabel(file.detected.format),
    problems: file.detected.problems,
    availability,
    fixing: false,
  };
}

/**
 * Checks the entries (`workNames` are all names tools can see): `annotate` fills in a file's index, fix, build and
 * the problems of an index that does not fit; `misfits` names those indexes, which the tools must not see. It is
 * applied to the list as it is once the checks are done, so files added meanwhile are kept.
 */
export async function checkFiles(
  files: readonly FileEntry[],
  workNames: readonly string[],
  blobOf: (id: string) => Blob | undefined,
): Promise<{ annotate: (file: FileEntry) => FileEntry; warnings: string[]; misfits: ReadonlySet<string> }> {
  const pairing = await pairFittingIndexes([
    ...files.map((file) => ({
      name: file.name,
      format: file.detected.format,
      compression: file.detected.compression,
      blob: blobOf(file.id),
    })),
    ...workNames.filter((name) => !files.some((file) => file.name === name)).map((name) => ({ name })),
  ]);
  const checks = await describeSessionFiles(files, blobOf);
  const annotate = (file: FileEntry): FileEntry => {
    const pair = pairing.pairs.find((p) => p.data === file.name);
    const missing = pairing.missing.find((m) => m.data === file.name && needsIndex(file));
    // Once the compressed copy exists with its index, the fix is done: offering it again would only redo it.
    const compressedAs =
      missing && missing.dataAfter !== file.name && pairing.pairs.some((p) => p.data === missing.dataAfter)
        ? missing.dataAfter
        : undefined;
    const misfits = pairing.misfits.flatMap((m) =>
      m.index === file.name ? [m.indexMessage] : m.data === file.name ? [m.dataMessage] : [],
    );
    return {
      ...file,
      problems: [
        ...file.detected.problems,
        ...misfits.map((message) => ({ code: 'index-misfit' as const, severity: 'error' as const, message })),
      ],
      indexName: pair?.index,
      indexFix: missing && !pair && !compressedAs ? { label: fixLabel(missing), missing } : undefined,
      compressedAs,
      buildLabel: checks.buildLabels.get(file.id),
    };
  };
  return { annotate, warnings: checks.warnings, misfits: new Set(pairing.misfits.map((m) => m.index)) };
}

function fixLabel(missing: MissingIndex): string {
  if (missing.replaces) return 'Create the right index';
  return missing.jobs.length > 1 ? 'Compress with bgzip and index' : 'Create index';
}

/** Plain-text interval files are read whole by the tools; offering to index them would only be noise. */
function needsIndex(file: SessionFile): boolean {
  const { format, compression } = file.detected;
  return !(compression === 'none' && (format === 'bed' || format === 'gff' || format === 'gtf'));
}
