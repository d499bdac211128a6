import type { CompareKind, ConformanceCase } from './conformance-cases.mjs';

export interface StreamRecord {
  kind: CompareKind;
  missing?: boolean;
  size: number;
  sha256: string;
  /** canonical bytes; absent for expected records stored as a digest only */
  data?: Buffer;
}

export interface Collected {
  status: number;
  stdout: StreamRecord;
  stderr?: StreamRecord;
  files: Record<string, StreamRecord>;
}

export interface RunResult {
  status: number;
  signal: string | null;
  stdout: Buffer;
  stderr: Buffer;
}

export const repoRoot: string;
export const fixturesDir: string;
export const expectedDir: string;
export function prepareDir(c: ConformanceCase): string;
export function removeDir(dir: string): void;
export function run(
  command: string,
  args: string[],
  cwd: string,
  options?: { timeoutMs?: number; stdin?: Buffer | null },
): Promise<RunResult>;
export function runWasmInProcess(
  program: string,
  args: string[],
  cwd: string,
  options?: { stdin?: Buffer | null },
): Promise<RunResult & { abortReason: string | null }>;
export function stdinOf(c: ConformanceCase): Buffer | null;
export function nativeCommand(c: ConformanceCase): { command: string; args: string[] };
export function collect(c: ConformanceCase, dir: string, result: RunResult): Collected;
export function saveExpected(c: ConformanceCase, got: Collected): void;
export function loadExpected(c: ConformanceCase): (Collected & { command: string[] }) | null;
