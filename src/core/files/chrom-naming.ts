// How a file names its chromosomes ("chr1" or "1"), read from its first bytes before any tool runs: the header's
// contigs where it declares them, else the names its first records use (ClinVar's VCF has no ##contig lines).
import { namingStyle, type NamingStyle } from './contigs';
import type { DetectedFormat } from './formats';
import { readContigs, readHeadText } from './read-contigs';

/** Sequence names of the first records of a VCF, GFF3 or FASTA text (a partial last line is left out). */
export function recordNames(text: string, format: DetectedFormat['format']): string[] {
  const lines = text.split('\n').slice(0, -1);
  if (format === 'fasta') return lines.filter((l) => l.startsWith('>')).map((l) => l.slice(1).split(/\s/)[0]!);
  const names = lines.filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t')[0]!);
  if (format === 'gff')
    for (const l of lines) if (l.startsWith('##sequence-region')) names.push(l.split(/\s+/)[1] ?? '');
  return names;
}

/** The file's chromosome naming; 'unknown' when its first bytes name no primary chromosome. */
export async function readNaming(
  blob: Blob,
  detected: Pick<DetectedFormat, 'format' | 'compression'>,
): Promise<NamingStyle> {
  const declared = await readContigs(blob, detected).catch(() => undefined);
  const style = namingStyle(declared?.contigs ?? []);
  if (style !== 'unknown' || !['vcf', 'gff', 'fasta'].includes(detected.format)) return style;
  const text = await readHeadText(blob, detected.compression, 1024 * 1024).catch(() => '');
  return namingStyle(recordNames(text, detected.format).map((name) => ({ name })));
}
