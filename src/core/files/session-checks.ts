// Reads the contig lists of a session's files (BAM/SAM headers, VCF ##contig lines, .fai), labels each file's
// reference build, and warns when files disagree.
import { readBamHeader } from './bam-header';
import { buildLabel, compareContigs, detectBuild, parseFaiContigs, parseSamHeaderContigs, parseVcfHeaderContigs, type Contig, type ContigSet } from './contigs';
import type { DetectedFormat } from './formats';
import { gunzipHead, readBgzfHead } from './gzip';

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

const HEADER_BYTES = 4 * 1024 * 1024;

/** Reads the contigs a file declares, or undefined when its format carries none Lokus can read. */
export async function readContigs(file: CheckedFile, blob: Blob): Promise<Contig[] | undefined> {
  const { format, compression } = file.detected;
  try {
    if (format === 'bam') {
      return (await readBamHeader(new Uint8Array(await blob.slice(0, HEADER_BYTES).arrayBuffer()))).references;
    }
    if (format === 'sam' || format === 'vcf' || format === 'fai') {
      const head = new Uint8Array(await blob.slice(0, HEADER_BYTES).arrayBuffer());
      const inflate = compression === 'bgzf' ? readBgzfHead : gunzipHead;
      const text = new TextDecoder().decode(compression === 'none' ? head : (await inflate(head, HEADER_BYTES)).data);
      if (format === 'sam') return parseSamHeaderContigs(text);
      if (format === 'vcf') return parseVcfHeaderContigs(text);
      return parseFaiContigs(text);
    }
  } catch {
    // A header Lokus cannot read gives no build label; format problems are reported by detection.
  }
  return undefined;
}

/** Build labels for each file and warnings for every pair of files that disagree. */
export async function describeSessionFiles(files: readonly CheckedFile[], blobOf: (id: string) => Blob | undefined): Promise<SessionFileChecks> {
  const contigs = new Map<string, Contig[]>();
  const buildLabels = new Map<string, string>();
  for (const file of files) {
    const blob = blobOf(file.id);
    if (!blob) continue;
    const list = await readContigs(file, blob);
    if (!list || list.length === 0) continue;
    contigs.set(file.id, list);
    const guess = detectBuild(list);
    buildLabels.set(file.id, guess.build === 'unknown' ? `${list.length} contig${list.length === 1 ? '' : 's'}` : buildLabel(guess));
  }
  const sets: ContigSet[] = files.filter((f) => contigs.has(f.id) && !f.name.endsWith('.fai')).map((f) => ({ label: f.name, contigs: contigs.get(f.id)! }));
  const warnings: string[] = [];
  for (let i = 0; i < sets.length; i += 1) {
    for (let j = i + 1; j < sets.length; j += 1) {
      for (const warning of compareContigs(sets[i]!, sets[j]!)) warnings.push(warning.message);
    }
  }
  return { buildLabels, contigs, warnings: [...new Set(warnings)] };
}
