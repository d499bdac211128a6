// Paired FASTQ files (x_R1 / x_R2, x_1 / x_2) must hold the same reads in the same order; this finds pairs
// among a session's files and warns when their read counts differ.
import type { DetectedFormat } from './formats';
import { inflateStream } from './gzip';

/** Larger files are not counted: counting reads all of a file, and big pairs are rarely hand-edited. */
export const PAIR_COUNT_LIMIT_BYTES = 256 * 1024 * 1024;

export interface PairCandidate {
  id: string;
  name: string;
  detected: Pick<DetectedFormat, 'format' | 'compression'>;
}

const MATE = /^(.*?)([._-])(R?)([12])((?:[._-]\d+)?\.(?:fq|fastq)(?:\.gz|\.bgz)?)$/i;

/** Pairs of FASTQ files whose names differ only in the mate number (R1/R2 or 1/2). */
export function fastqPairs<T extends PairCandidate>(files: readonly T[]): Array<[T, T]> {
  const byKey = new Map<string, { one?: T; two?: T }>();
  for (const file of files) {
    if (file.detected.format !== 'fastq') continue;
    const m = MATE.exec(file.name);
    if (!m) continue;
    const key = `${m[1]}${m[2]}${m[3]}#${m[5]}`;
    const entry = byKey.get(key) ?? {};
    if (m[4] === '1') entry.one = file;
    else entry.two = file;
    byKey.set(key, entry);
  }
  return [...byKey.values()].flatMap((e) => (e.one && e.two ? [[e.one, e.two] as [T, T]] : []));
}

/** Number of FASTQ records (four lines each), reading the whole file; gzip and BGZF are inflated. */
export async function countFastqRecords(blob: Blob, compression: DetectedFormat['compression']): Promise<number> {
  const raw = blob.stream() as ReadableStream<Uint8Array>;
  const stream = compression === 'none' ? raw : inflateStream(raw);
  let lines = 0;
  let last = 10;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const byte of value) if (byte === 10) lines += 1;
    if (value.length > 0) last = value[value.length - 1] ?? 10;
  }
  if (last !== 10) lines += 1;
  return Math.floor(lines / 4);
}

/** One warning per pair of FASTQ files with different read counts. */
export async function fastqPairWarnings(
  files: readonly PairCandidate[],
  blobOf: (id: string) => Blob | undefined,
): Promise<string[]> {
  const warnings: string[] = [];
  for (const [one, two] of fastqPairs(files)) {
    const a = blobOf(one.id);
    const b = blobOf(two.id);
    if (!a || !b || a.size > PAIR_COUNT_LIMIT_BYTES || b.size > PAIR_COUNT_LIMIT_BYTES) continue;
    try {
      const [n1, n2] = await Promise.all([
        countFastqRecords(a, one.detected.compression),
        countFastqRecords(b, two.detected.compression),
      ]);
      if (n1 !== n2) {
        warnings.push(
          `${one.name} has ${n1} reads but ${two.name} has ${n2}. Paired files must hold the same reads in the same order, so aligners will stop or mis-pair them: one file is incomplete or the pair was mixed up; download or copy both again.`,
        );
      }
    } catch {
      // A file that cannot be inflated is already reported by detection (truncated, plain gzip).
    }
  }
  return warnings;
}
