// Reads a file's contig list from whatever header its format has (BAM/CRAM/SAM header, VCF/BCF header,
// .fai), so files in a session can be checked against each other with compareContigs.
import { readBamHeader } from './bam-header';
import { compareContigs, parseFaiContigs, parseSamHeaderContigs, parseVcfHeaderContigs, type Contig, type ContigSet, type ContigWarning } from './contigs';
import { readCramHeaderText } from './cram-header';
import type { DetectedFormat } from './formats';
import { gunzipHead, readBgzfHead } from './gzip';

export type ContigSource = 'bam-header' | 'cram-header' | 'sam-header' | 'vcf-header' | 'bcf-header' | 'fai' | 'none';

export interface FileContigs {
  contigs: Contig[];
  source: ContigSource;
  /** Why there are no contigs, when `source` is 'none'. */
  note?: string;
}

/** Compressed bytes read for a header: enough for headers of thousands of contigs. */
export const HEADER_READ_BYTES = 4 * 1024 * 1024;
const HEADER_TEXT_LIMIT = 32 * 1024 * 1024;

async function headText(bytes: Uint8Array, compression: DetectedFormat['compression']): Promise<Uint8Array> {
  if (compression === 'bgzf') return (await readBgzfHead(bytes, HEADER_TEXT_LIMIT)).data;
  if (compression === 'gzip') return (await gunzipHead(bytes, HEADER_TEXT_LIMIT)).data;
  return bytes;
}

/** Header lines only: a VCF's ## lines, a SAM's @ lines (stops at the first record). */
function headerLines(text: string, marker: string): string {
  const unix = text.replace(/\r\n/g, '\n');
  const end = unix.search(new RegExp(`^(?!${marker})`, 'm'));
  return end < 0 ? unix : unix.slice(0, end);
}

function bcfHeaderText(data: Uint8Array): string {
  // BCF2: "BCF" 2 minor, uint32 l_text, then the VCF header text (BCF specification, section 6.2).
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 9) return '';
  return new TextDecoder().decode(data.subarray(9, 9 + view.getUint32(5, true)));
}

/** The contigs a file declares, read from its header. */
export async function readContigs(blob: Blob, detected: Pick<DetectedFormat, 'format' | 'compression'>): Promise<FileContigs> {
  const bytes = new Uint8Array(await blob.slice(0, HEADER_READ_BYTES).arrayBuffer());
  const text = async () => new TextDecoder().decode(await headText(bytes, detected.compression));
  switch (detected.format) {
    case 'bam':
      return { contigs: (await readBamHeader(bytes, HEADER_TEXT_LIMIT)).references, source: 'bam-header' };
    case 'cram':
      return { contigs: parseSamHeaderContigs(await readCramHeaderText(bytes)), source: 'cram-header' };
    case 'sam':
      return { contigs: parseSamHeaderContigs(headerLines(await text(), '@')), source: 'sam-header' };
    case 'vcf':
      return { contigs: parseVcfHeaderContigs(headerLines(await text(), '##')), source: 'vcf-header' };
    case 'bcf':
      return { contigs: parseVcfHeaderContigs(bcfHeaderText(await headText(bytes, detected.compression))), source: 'bcf-header' };
    case 'fai':
      return { contigs: parseFaiContigs(await new Response(blob).text()), source: 'fai' };
    case 'fasta':
      return { contigs: [], source: 'none', note: 'A FASTA file lists its sequences with lengths only in its .fai index.' };
    default:
      return { contigs: [], source: 'none', note: 'This kind of file does not declare its contigs in a header.' };
  }
}

/** Warnings for every pair of files that disagree; files with no contigs are left out. */
export function compareAllContigs(sets: readonly ContigSet[]): ContigWarning[] {
  const withContigs = sets.filter((s) => s.contigs.length > 0);
  const warnings: ContigWarning[] = [];
  for (let i = 0; i < withContigs.length; i++) {
    for (let j = i + 1; j < withContigs.length; j++) {
      const a = withContigs[i];
      const b = withContigs[j];
      if (a && b) warnings.push(...compareContigs(a, b));
    }
  }
  return warnings;
}
