// Pairs data files with their index files by the usual naming conventions, and lists the indexes that
// are missing with the jobs (argv, not shell strings) that would create them.
import type { JobSpec } from '../tools/job';
import {
  formatFromName,
  isIndexFormat,
  stripCompressionSuffix,
  type DataFormat,
  type FileFormat,
  type IndexFormat,
} from './formats';
import type { Compression } from './gzip';

export interface PairingInput {
  name: string;
  /** From detection; when absent the name decides. */
  format?: FileFormat;
  compression?: Compression;
}

export interface IndexPair {
  data: string;
  index: string;
  indexFormat: IndexFormat;
}

export interface MissingIndex {
  data: string;
  /** Index file names that would satisfy the tools, the first being what `jobs` creates. */
  wanted: string[];
  /** Jobs to run in order; the first may recompress the file with bgzip into `dataAfter`. */
  jobs: JobSpec[];
  /** Name of the file to use afterwards (differs when the data had to be bgzip-compressed first). */
  dataAfter: string;
  reason: string;
  /** Index files of this name that do not fit the data: the session drops them before the jobs write the right one. */
  replaces?: string[];
}

export interface PairingResult {
  pairs: IndexPair[];
  missing: MissingIndex[];
  /** Index files whose data file is not among the files. */
  orphans: string[];
}

/** For each kind of data file: the index suffixes tools look for, in order, with the index format. */
function candidates(name: string, format: DataFormat, compression: Compression): Array<[string, IndexFormat]>[] {
  const base = name.replace(/\.[^.]+$/, '');
  switch (format) {
    case 'bam':
      return [
        [
          [`${name}.bai`, 'bai'],
          [`${base}.bai`, 'bai'],
          [`${name}.csi`, 'csi'],
          [`${base}.csi`, 'csi'],
        ],
      ];
    case 'cram':
      return [
        [
          [`${name}.crai`, 'crai'],
          [`${base}.crai`, 'crai'],
        ],
      ];
    case 'bcf':
      return [[[`${name}.csi`, 'csi']]];
    case 'fasta':
      // A bgzip-compressed FASTA needs both its .fai and its .gzi.
      return compression === 'bgzf' ? [[[`${name}.fai`, 'fai']], [[`${name}.gzi`, 'gzi']]] : [[[`${name}.fai`, 'fai']]];
    case 'vcf':
    case 'bed':
    case 'gff':
    case 'gtf':
      return compression === 'bgzf'
        ? [
            [
              [`${name}.tbi`, 'tbi'],
              [`${name}.csi`, 'csi'],
            ],
          ]
        : [];
    default:
      return [];
  }
}

const TABIX_PRESET: Partial<Record<DataFormat, string>> = { vcf: 'vcf', bed: 'bed', gff: 'gff', gtf: 'gff' };

function bgzipJob(name: string, compression: Compression): { job: JobSpec; out: string } {
  const out = `${stripCompressionSuffix(name)}.gz`;
  // Plain gzip must be inflated first; bgzip -d reads plain gzip as well.
  const steps =
    compression === 'gzip'
      ? [
          { program: 'bgzip', argv: ['-d', '-c', name] },
          { program: 'bgzip', argv: ['-c'] },
        ]
      : [{ program: 'bgzip', argv: ['-c', name] }];
  // A plain-gzip "x.vcf.gz" cannot be replaced in place (inputs are read-only), so the copy gets a new name.
  const target = compression === 'gzip' ? out.replace(/(\.[^.]+\.gz)$/, '.bgzip$1') : out;
  return { job: { steps, stdoutFile: target, label: `bgzip ${name}` }, out: target };
}

function indexJobs(
  name: string,
  format: DataFormat,
  compression: Compression,
): { jobs: JobSpec[]; dataAfter: string } | undefined {
  const one = (program: string, argv: string[]): JobSpec => ({
    steps: [{ program, argv }],
    label: `${program} ${argv.join(' ')}`,
  });
  switch (format) {
    case 'bam':
    case 'cram':
      return { jobs: [one('samtools', ['index', name])], dataAfter: name };
    case 'bcf':
      return { jobs: [one('bcftools', ['index', name])], dataAfter: name };
    case 'fasta':
      if (compression !== 'gzip') return { jobs: [one('samtools', ['faidx', name])], dataAfter: name };
      break;
    case 'vcf':
    case 'bed':
    case 'gff':
    case 'gtf':
      break;
    default:
      return undefined;
  }
  const preset = TABIX_PRESET[format];
  if (format !== 'fasta' && compression === 'bgzf' && preset)
    return { jobs: [one('tabix', ['-p', preset, name])], dataAfter: name };
  const { job, out } = bgzipJob(name, compression);
  const index = format === 'fasta' ? one('samtools', ['faidx', out]) : one('tabix', ['-p', preset ?? 'vcf', out]);
  return { jobs: [job, index], dataAfter: out };
}

function reasonFor(format: DataFormat, compression: Compression): string {
  if (compression === 'gzip')
    return 'It is compressed with plain gzip, which cannot be indexed: it must be recompressed with bgzip first.';
  if (compression === 'none' && format !== 'fasta' && format !== 'bam' && format !== 'cram' && format !== 'bcf') {
    return 'Region queries need the file compressed with bgzip and indexed.';
  }
  return 'Region queries and many tools need an index.';
}

/** `refused` holds "data\tindex" for pairs found not to fit: the next candidate is taken, or the index is missing. */
export function pairIndexes(files: readonly PairingInput[], refused: ReadonlySet<string> = new Set()): PairingResult {
  const formatOf = (f: PairingInput): FileFormat => f.format ?? formatFromName(f.name);
  const names = new Set(files.map((f) => f.name));
  const used = new Set<string>();
  const pairs: IndexPair[] = [];
  const missing: MissingIndex[] = [];
  for (const file of files) {
    const format = formatOf(file);
    if (format === 'unknown' || format === 'crypt4gh' || isIndexFormat(format)) continue;
    const compression = file.compression ?? (/\.(gz|bgz)$/i.test(file.name) ? 'bgzf' : 'none');
    const groups = candidates(file.name, format, compression);
    let complete = groups.length > 0;
    const wanted: string[] = [];
    for (const group of groups) {
      const found = group.find(([index]) => names.has(index) && !refused.has(`${file.name}\t${index}`));
      if (found) {
        pairs.push({ data: file.name, index: found[0], indexFormat: found[1] });
        used.add(found[0]);
      } else {
        complete = false;
        wanted.push(...group.map(([index]) => index));
      }
    }
    const needsIndex = groups.length === 0 ? ['vcf', 'bed', 'gff', 'gtf'].includes(format) : !complete;
    if (!needsIndex) continue;
    const plan = indexJobs(file.name, format, compression);
    if (!plan) continue;
    missing.push({
      data: file.name,
      wanted: wanted.length > 0 ? wanted : expectedIndexNames(plan.dataAfter, format),
      jobs: plan.jobs,
      dataAfter: plan.dataAfter,
      reason: reasonFor(format, compression),
    });
  }
  const orphans = files.filter((f) => isIndexFormat(formatOf(f)) && !used.has(f.name)).map((f) => f.name);
  return { pairs, missing, orphans };
}

function expectedIndexNames(dataName: string, format: DataFormat): string[] {
  if (format === 'fasta') return [`${dataName}.fai`, `${dataName}.gzi`];
  return [`${dataName}.tbi`];
}
