// Format detection from content: magic bytes, BGZF/gzip recognition and text sniffing, compared with
// what the name says, with a plain message for each problem found.
import {
  formatFromName,
  formatLabel,
  stripCompressionSuffix,
  usualExtension,
  type DetectedFormat,
  type FileFormat,
  type FormatProblem,
} from './formats';
import { detectCompression, gunzipHead, hasBgzfEof, readBgzfHead, type Compression } from './gzip';
import { bedProblems, completeLines, looksBinary, sniffTextFormat, textProblems } from './sniff-text';
import { vcfProblems } from './vcf-checks';

/** How much of a file detection reads. */
export const HEAD_BYTES = 64 * 1024;

export interface DetectOptions {
  /** The file's last bytes (28 are enough), to check a BGZF file ends with its end-of-file block. */
  tail?: Uint8Array;
  /** `head` is the whole file, so a gzip stream that stops early means the file is cut off. */
  complete?: boolean;
}

const MAGIC: ReadonlyArray<[string, FileFormat]> = [
  ['BAM\x01', 'bam'],
  ['BCF\x02', 'bcf'],
  ['CSI\x01', 'csi'],
  ['TBI\x01', 'tbi'],
  ['BAI\x01', 'bai'],
  ['CRAM', 'cram'],
  ['crypt4gh', 'crypt4gh'],
];

function magicFormat(bytes: Uint8Array): FileFormat | undefined {
  for (const [magic, format] of MAGIC) {
    if (bytes.length >= magic.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0))) return format;
  }
  return undefined;
}

/** A .gzi is little-endian: a uint64 entry count, then that many pairs of uint64 offsets. */
function looksLikeGzi(bytes: Uint8Array, complete: boolean): boolean {
  if (bytes.length < 8) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getBigUint64(0, true);
  if (count > BigInt(Number.MAX_SAFE_INTEGER)) return false;
  const expected = 8 + 16 * Number(count);
  return complete ? bytes.length === expected : bytes.length <= expected;
}

function looksLikeCrai(lines: readonly string[]): boolean {
  return lines.length > 0 && lines.slice(0, 20).every((line) => /^-?\d+(\t\d+){5}$/.test(line));
}

interface Content {
  format: FileFormat;
  lines: string[];
  /** The start of the (inflated) text, for checks that look at raw line endings. */
  text: string;
  binary: boolean;
  streamTruncated: boolean;
  /** The lines are only the start of the file. */
  partial?: boolean;
  /** A BGZF block of the head failed to inflate or its CRC32 check. */
  damaged?: { offset: number; reason: string };
}

async function inspect(name: string, head: Uint8Array, compression: Compression, complete: boolean): Promise<Content> {
  let bytes = head;
  let streamTruncated = false;
  let damaged: Content['damaged'];
  if (compression === 'bgzf') {
    const inflated = await readBgzfHead(head, HEAD_BYTES);
    ({ data: bytes, truncated: streamTruncated, damaged } = inflated);
  } else if (compression === 'gzip') {
    ({ data: bytes, truncated: streamTruncated } = await gunzipHead(head, HEAD_BYTES));
  }
  const content = await sniff(name, bytes, compression, complete, streamTruncated);
  return damaged ? { ...content, damaged } : content;
}

async function sniff(
  name: string,
  bytes: Uint8Array,
  compression: Compression,
  complete: boolean,
  streamTruncated: boolean,
): Promise<Content> {
  const nameSuggests = formatFromName(name);
  const magic = magicFormat(bytes);
  if (magic) return { format: magic, lines: [], text: '', binary: true, streamTruncated };
  if (compression === 'none' && nameSuggests === 'gzi' && looksLikeGzi(bytes, complete)) {
    return { format: 'gzi', lines: [], text: '', binary: true, streamTruncated };
  }
  if (looksBinary(bytes)) return { format: 'unknown', lines: [], text: '', binary: true, streamTruncated };
  const text = new TextDecoder().decode(bytes);
  const cutOff = !complete || streamTruncated || bytes.length >= HEAD_BYTES;
  const lines = completeLines(text, cutOff);
  if (compression === 'gzip' && looksLikeCrai(lines))
    return { format: 'crai', lines, text, binary: false, streamTruncated };
  const format = sniffTextFormat(lines, nameSuggests);
  return { format, lines, text, binary: false, streamTruncated, partial: cutOff };
}

function isIndexable(format: FileFormat, compression: Compression): boolean {
  switch (format) {
    case 'bam':
    case 'bcf':
      return compression === 'bgzf';
    case 'cram':
      return true;
    case 'fasta':
    case 'fastq':
      return compression !== 'gzip';
    case 'vcf':
    case 'sam':
    case 'bed':
    case 'gff':
    case 'gtf':
      return compression === 'bgzf';
    default:
      return false;
  }
}

const NEEDS_BGZF: readonly FileFormat[] = ['vcf', 'bed', 'gff', 'gtf', 'fasta', 'sam'];

function sameFamily(a: FileFormat, b: FileFormat): boolean {
  return a === b || (a === 'gff' && b === 'gtf') || (a === 'gtf' && b === 'gff');
}

/** Detects the format of a file from its first bytes (ideally 64 KB) and its name. */
export async function detectFormat(
  name: string,
  head: Uint8Array,
  options: DetectOptions = {},
): Promise<DetectedFormat> {
  const nameSuggests = formatFromName(name);
  const complete = options.complete ?? false;
  if (head.length === 0) {
    return {
      format: 'unknown',
      compression: 'none',
      indexable: false,
      nameSuggests,
      problems: [
        {
          code: 'empty',
          severity: 'error',
          message: `${name} is empty (0 bytes). Check you picked the right file, or that it finished downloading.`,
        },
      ],
    };
  }
  const compression = detectCompression(head);
  const content = await inspect(name, head, compression, complete);
  const format = content.format;
  const problems: FormatProblem[] = [];

  const nothingInflated = compression !== 'none' && content.streamTruncated && content.text === '' && !content.binary;
  const noBreaks = lineBreakProblem(name, content.text);
  if (noBreaks) problems.push(noBreaks);
  if (format === 'unknown' && !nothingInflated && !noBreaks) {
    const what = content.binary
      ? 'binary data that Lokus does not recognise'
      : 'text in a format Lokus does not recognise';
    const expected =
      nameSuggests === 'unknown' ? '' : ` The name says ${formatLabel(nameSuggests)}, but the content does not match.`;
    problems.push({
      code: 'unrecognised',
      severity: 'error',
      message: `${name} contains ${what}.${expected} Check that this is the file you meant to open.`,
    });
  } else if (format !== 'unknown' && nameSuggests !== 'unknown' && !sameFamily(format, nameSuggests)) {
    const better = stripCompressionSuffix(name).replace(/\.[^.]+$/, '') + usualExtension(format, compression);
    problems.push({
      code: 'name-mismatch',
      severity: 'warning',
      message: `${name} is named like ${formatLabel(nameSuggests)}, but its content is ${formatLabel(format)}. Lokus treats it as ${formatLabel(format)}; renaming it to ${better} avoids confusion.`,
    });
  }

  // FASTQ is normally plain gzip and read front to back, so only formats used with regions get the advice.
  if (compression === 'gzip' && NEEDS_BGZF.includes(format)) {
    problems.push({
      code: 'plain-gzip',
      severity: 'error',
      message: `${name} is compressed with plain gzip, which tools cannot index. Compress it with bgzip (Lokus can do that for you).`,
    });
  }

  if (compression === 'none' && /\.(gz|bgz|bgzf)$/i.test(name) && format !== 'unknown' && !content.binary) {
    problems.push({
      code: 'not-compressed',
      severity: 'warning',
      message: `${name} is named as compressed but is plain text. Tools that need bgzip (tabix, region queries) will refuse it: compress it with bgzip (Lokus can do that for you), or rename it to ${stripCompressionSuffix(name)}.`,
    });
  }

  if (content.damaged) {
    problems.push({
      code: 'damaged',
      severity: 'error',
      message: `${name} is damaged: its compressed block at byte ${content.damaged.offset} ${content.damaged.reason}, so its content is not what was written. Download or copy it again.`,
    });
  }
  const truncated =
    (compression === 'bgzf' && options.tail !== undefined && !hasBgzfEof(options.tail)) ||
    (compression !== 'none' && complete && content.streamTruncated && !content.damaged);
  if (truncated) {
    problems.push({
      code: 'truncated',
      severity: 'error',
      message: `${name} seems to be cut off: its compressed data does not end properly. Download or copy it again.`,
    });
  }

  problems.push(...textProblems(name, content.text));
  if (format === 'bed') problems.push(...bedProblems(name, content.lines));
  if (format === 'vcf')
    problems.push(
      ...vcfProblems(name, content.lines, content.partial ? `the first ${HEAD_BYTES / 1024} KB Lokus read` : undefined),
    );

  return { format, compression, indexable: isIndexable(format, compression), nameSuggests, problems };
}

/** A whole head of text without a line feed: one enormous line, or line endings that were lost or are CR only. */
function lineBreakProblem(name: string, text: string): FormatProblem | undefined {
  if (text.length < HEAD_BYTES / 2 || text.includes('\n')) return undefined;
  if (text.includes('\r')) {
    return {
      code: 'no-line-breaks',
      severity: 'error',
      message: `${name} ends its lines with CR only (old Mac style). Tools read it as one enormous line: convert the line endings to LF (Unix) and open it again.`,
    };
  }
  return {
    code: 'no-line-breaks',
    severity: 'error',
    message: `${name} has no line break in its first ${HEAD_BYTES / 1024} KB. Genomics text formats (VCF, SAM, BED, FASTA, FASTQ) have one record per line, so this is not one of them or its line breaks were lost: check the file and how it was exported.`,
  };
}

/** Detects the format of a File or Blob by reading its first 64 KB and its last bytes. */
export async function detectBlob(name: string, blob: Blob): Promise<DetectedFormat> {
  const head = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  const tail = new Uint8Array(await blob.slice(Math.max(0, blob.size - 28)).arrayBuffer());
  return detectFormat(name, head, { tail, complete: blob.size <= HEAD_BYTES });
}
