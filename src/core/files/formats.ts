// The file formats Lokus knows, what a file's name suggests about its format, and the detection result type.
import type { Compression } from './gzip';

/**
 * `ped`: a pedigree (six columns); `table`: other plain text an analysis reads itself (gene lists, panels);
 * `pgs`: a polygenic score's scoring file in the PGS Catalog format.
 */
export type DataFormat =
  'bam' | 'cram' | 'sam' | 'bcf' | 'vcf' | 'fasta' | 'fastq' | 'bed' | 'gff' | 'gtf' | 'ped' | 'table' | 'pgs';
export type IndexFormat = 'bai' | 'csi' | 'crai' | 'tbi' | 'fai' | 'gzi';
/** `crypt4gh`: a GA4GH Crypt4GH-encrypted file; the tools read its plaintext once a key opens it. */
export type FileFormat = DataFormat | IndexFormat | 'crypt4gh' | 'unknown';

export const INDEX_FORMATS: readonly IndexFormat[] = ['bai', 'csi', 'crai', 'tbi', 'fai', 'gzi'];

export function isIndexFormat(format: FileFormat): format is IndexFormat {
  return (INDEX_FORMATS as readonly string[]).includes(format);
}

export type ProblemCode =
  | 'empty'
  | 'unrecognised'
  | 'name-mismatch'
  | 'plain-gzip'
  | 'not-compressed'
  | 'not-compressed'
  | 'truncated'
  | 'damaged'
  | 'index-misfit'
  | 'crlf'
  | 'bed-reversed'
  | 'bed-one-based'
  | 'bed-not-numeric'
  | 'no-line-breaks'
  | 'vcf-malformed'
  | 'vcf-undeclared';

export interface FormatProblem {
  code: ProblemCode;
  /** `error`: tools will refuse or misread the file. `warning`: it works, but probably not as meant. */
  severity: 'error' | 'warning';
  /** One or two plain sentences: what is wrong and what to do. */
  message: string;
}

export interface DetectedFormat {
  /** What the content is (content wins over the name). */
  format: FileFormat;
  compression: Compression;
  /** Whether a standard index can be built for this file as it is (BGZF, or a binary format with its own). */
  indexable: boolean;
  /** What the file name alone suggests, for comparison. */
  nameSuggests: FileFormat;
  problems: FormatProblem[];
}

const EXTENSIONS: ReadonlyArray<[RegExp, FileFormat]> = [
  [/\.bam$/i, 'bam'],
  [/\.cram$/i, 'cram'],
  [/\.sam$/i, 'sam'],
  [/\.bcf$/i, 'bcf'],
  [/\.vcf$/i, 'vcf'],
  [/\.(fa|fasta|fna|ffn|faa|fas)$/i, 'fasta'],
  [/\.(fq|fastq)$/i, 'fastq'],
  [/\.bed$/i, 'bed'],
  [/\.(gff|gff3)$/i, 'gff'],
  [/\.gtf$/i, 'gtf'],
  [/\.(ped|fam)$/i, 'ped'],
  [/\.(txt|tsv|list)$/i, 'table'],
  [/\.bai$/i, 'bai'],
  [/\.csi$/i, 'csi'],
  [/\.crai$/i, 'crai'],
  [/\.tbi$/i, 'tbi'],
  [/\.fai$/i, 'fai'],
  [/\.gzi$/i, 'gzi'],
];

/** Strips a trailing compression suffix (.gz, .bgz, .bgzf): "x.vcf.gz" -> "x.vcf". */
export function stripCompressionSuffix(name: string): string {
  return name.replace(/\.(gz|bgz|bgzf)$/i, '');
}

/** The format a file name suggests, looking through a compression suffix. */
export function formatFromName(name: string): FileFormat {
  const base = stripCompressionSuffix(name);
  for (const [pattern, format] of EXTENSIONS) if (pattern.test(base)) return format;
  return 'unknown';
}

const LABELS: Record<FileFormat, string> = {
  bam: 'BAM',
  cram: 'CRAM',
  sam: 'SAM',
  bcf: 'BCF',
  vcf: 'VCF',
  fasta: 'FASTA',
  fastq: 'FASTQ',
  bed: 'BED',
  gff: 'GFF',
  gtf: 'GTF',
  pgs: 'PGS scoring file',
  ped: 'PED (pedigree)',
  table: 'text table or list',
  bai: 'BAM index (.bai)',
  csi: 'CSI index',
  crai: 'CRAM index (.crai)',
  tbi: 'tabix index (.tbi)',
  fai: 'FASTA index (.fai)',
  gzi: 'bgzip index (.gzi)',
  crypt4gh: 'Crypt4GH-encrypted',
  unknown: 'unknown',
};

export function formatLabel(format: FileFormat): string {
  return LABELS[format];
}

/** Usual extension for a format, for rename advice. */
export function usualExtension(format: FileFormat, compression: Compression): string {
  const gz = compression === 'none' ? '' : '.gz';
  switch (format) {
    case 'fasta':
      return `.fa${gz}`;
    case 'fastq':
      return `.fq${gz}`;
    case 'vcf':
    case 'sam':
    case 'bed':
    case 'gff':
    case 'gtf':
      return `.${format}${gz}`;
    case 'unknown':
      return '';
    default:
      return `.${format}`;
  }
}
