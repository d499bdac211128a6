// The ToolEngine contract: the one way the rest of Lokus runs a tool. Implemented by src/engine (real
// workers) and by test/fakes (in memory).
import type { Crypt4ghDecryption } from '../crypt4gh/plain-reader';
import type { JobEvent, JobResult, JobSpec, ProgramInfo } from './job';

export type { ProgramInfo };

/** A local file (or Blob) made visible to tools under `name`, read in place, never copied. */
export interface MountedInput {
  name: string;
  data: Blob;
  /** `data` is Crypt4GH-encrypted: tools see its plaintext, decrypted segment by segment as they read. */
  decrypt?: Crypt4ghDecryption;
}

export interface JobHandle {
  id: string;
  /** Resolves when the job ends, whatever the outcome: check `status`. Never rejects. */
  result: Promise<JobResult>;
  /** Stops the job within a second; its result has status `cancelled`. */
  cancel(): void;
}

export interface ToolEngine {
  /** Programs that can be run, with their tool version and build hash. */
  programs(): readonly ProgramInfo[];
  /** How many jobs run at once (more are queued): work split into parts should make this many. */
  readonly concurrency: number;
  /** Makes files visible to every job (and to workers started later) under their names. */
  mount(files: readonly MountedInput[]): Promise<void>;
  unmount(names: readonly string[]): Promise<void>;
  /** Names of mounted inputs and of files written by earlier jobs. */
  listFiles(): Promise<string[]>;
  /** Reads a file from the shared work area as a binary-safe Blob. */
  readFile(name: string): Promise<Blob>;
  removeFile(name: string): Promise<void>;
  run(spec: JobSpec, onEvent?: (event: JobEvent) => void): JobHandle;
  dispose(): Promise<void>;
}
