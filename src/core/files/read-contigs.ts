// Reads a file's contig list from whatever header its format has (BAM/CRAM/SAM header, VCF/BCF header,
// .fai), so files in a session can be checked against each other with compareContigs.
import { BamHeaderError, readBamHeader } from './bam-header';
import {
  compareContigs,
  parseFaiContigs,
  parseSamHeaderContigs,
  parseVcfHeaderContigs,
  type Contig,
  type ContigSet,
  type ContigWarning,
} from './contigs';
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
/** Inflate a little first and more only when the header is longer: most headers fit in 64 KB. */
const INFLATE_STEPS = [64 * 1024, 1024 * 1024, HEADER_TEXT_LIMIT];

async function inflate(
  bytes: Uint8Array,
  compression: DetectedFormat['compression'],
  maxBytes: number,
): Promise<Uint8Array> {
  if (compression === 'bgzf') return (await readBgzfHead(bytes, maxBytes)).data;
  if (compression === 'gzip') return (await gunzipHead(bytes, maxBytes)).data;
  return bytes.subarray(0, maxBytes);
}

/** The first `maxBytes` of a file as text, decompressed when it is gzip or BGZF. */
export async function readHeadText(
  blob: Blob,
  compression: DetectedFormat['compression'],
  maxBytes = 64 * 1024,
): Promise<string> {
  const bytes = new Uint8Array(await blob.slice(0, Math.min(HEADER_READ_BYTES, maxBytes)).arrayBuffer());
  return new TextDecoder().decode(await inflate(bytes, compression, maxBytes));
}

/** Header lines only: a VCF's ## lines, a SAM's @ lines (stops at the first record). */
function headerLines(text: string, marker: string): { header: string; ended: boolean } {
  const unix = text.replace(/\r\n/g, '\n');
  const end = unix.search(new RegExp(`^(?!${marker})`, 'm'));
  return end < 0 ? { header: unix, ended: false } : { header: unix.slice(0, end), ended: true };
}

/** The header text of a VCF or SAM, inflating more of the file only while the header goes on. */
async function textHeader(
  bytes: Uint8Array,
  compression: DetectedFormat['compression'],
  marker: string,
): Promise<string> {
  let header = '';
  for (const step of INFLATE_STEPS) {
    const data = await inflate(bytes, compression, step);
    const lines = headerLines(new TextDecoder().decode(data), marker);
    header = lines.header;
    if (lines.ended || data.length < step) break;
  }
  return header;
}

/** The BAM header, inflating more of the file only while the header goes on. */
async function bamReferences(bytes: Uint8Array): Promise<Contig[]> {
  for (const step of INFLATE_STEPS) {
    try {
      return (await readBamHeader(bytes, step)).references;
    } catch (error) {
      if (!(error instanceof BamHeaderError && error.incomplete) || step === HEADER_TEXT_LIMIT) throw error;
    }
  }
  return [];
}

/** BCF2: "BCF" 2 minor, uint32 l_text, then the VCF header text (BCF specification, section 6.2). */
async function bcfHeaderText(bytes: Uint8Array): Promise<string> {
  const start = await readBgzfHead(bytes, 9);
  if (start.data.length < 9) return '';
  const length = new DataView(start.data.buffer, start.data.byteOffset).getUint32(5, true);
  const data = (await readBgzfHead(bytes, Math.min(9 + length, HEADER_TEXT_LIMIT))).data;
  return new TextDecoder().decode(data.subarray(9));
}

/** The contigs a file declares, read from its header. */
export async function readContigs(
  blob: Blob,
  detected: Pick<DetectedFormat, 'format' | 'compression'>,
): Promise<FileContigs> {
  const bytes = new Uint8Array(await blob.slice(0, HEADER_READ_BYTES).arrayBuffer());
  switch (detected.format) {
    case 'bam':
      return { contigs: await bamReferences(bytes), source: 'bam-header' };
    case 'cram':
      return { contigs: parseSamHeaderContigs(await readCramHeaderText(bytes)), source: 'cram-header' };
    case 'sam':
      return {
        contigs: parseSamHeaderContigs(await textHeader(bytes, detected.compression, '@')),
        source: 'sam-header',
      };
    case 'vcf':
      return {
        contigs: parseVcfHeaderContigs(await textHeader(bytes, detected.compression, '##')),
        source: 'vcf-header',
      };
    case 'bcf':
      return { contigs: parseVcfHeaderContigs(await bcfHeaderText(bytes)), source: 'bcf-header' };
    case 'fai':
      return { contigs: parseFaiContigs(await new Response(blob).text()), source: 'fai' };
    case 'fasta':
      return {
        contigs: [],
        source: 'none',
        note: 'A FASTA file lists its sequences with lengths only in its .fai index.',
      };
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
