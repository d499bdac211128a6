export type CompareKind = 'text' | 'bytes' | 'bgzf-text' | 'bam' | 'bcf' | 'sorted-bed';

export interface ConformanceCase {
  /** unique, used for the expected-output file names */
  id: string;
  /** program name, the same natively and under public/wasm/<tool>/<version>/<program>.js */
  program: string;
  args: string[];
  /** paths relative to test/fixtures/, copied into the run directory */
  inputs: string[];
  /** files the command writes, compared after the run */
  outputs?: { path: string; kind: CompareKind }[];
  /** how stdout is compared (default text) */
  stdout?: CompareKind;
  /** 'exact' for failure cases: stderr must equal the native tool's */
  stderr?: 'exact';
  /** standard input: a path relative to test/fixtures/ */
  stdin?: string;
  /** the native command before `args` when it is not `program` (e.g. ['busybox', 'head']) */
  native?: string[];
}

export const programTools: Record<string, string>;
export const cases: ConformanceCase[];
export function normaliseText(text: string): string;
export function canonical(buf: Buffer, kind: CompareKind): Buffer;
export const INLINE_LIMIT: number;
