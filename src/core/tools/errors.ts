// Errors are values with context: program, argv, exit status, stderr and one plain sentence for the user.
import type { Command } from './job';

export interface ToolErrorDetails {
  command?: Command;
  exitStatus?: number;
  stderr?: string;
  /** What the user should do, in one plain sentence. */
  advice: string;
  cause?: unknown;
}

export class ToolError extends Error {
  readonly command?: Command;
  readonly exitStatus?: number;
  readonly stderr: string;
  readonly advice: string;

  constructor(message: string, details: ToolErrorDetails) {
    super(message, { cause: details.cause });
    // An explicit name per class (not new.target.name), so minified builds still say which error it is.
    this.name = 'ToolError';
    this.command = details.command;
    this.exitStatus = details.exitStatus;
    this.stderr = details.stderr ?? '';
    this.advice = details.advice;
  }
}

/** The tool ran and exited non-zero (or aborted). */
export class ToolFailedError extends ToolError {
  override readonly name = 'ToolFailedError';
}
/** The program is not one of the installed tools. */
export class UnknownProgramError extends ToolError {
  override readonly name = 'UnknownProgramError';
}
/** The job was cancelled by the user. */
export class JobCancelledError extends ToolError {
  override readonly name = 'JobCancelledError';
}
/** The worker or the wasm runtime itself failed (out of memory, crash). */
export class EngineError extends ToolError {
  override readonly name = 'EngineError';
}
/** The tool needed more memory than a browser gives one WebAssembly program (at most 4 GiB). */
export class OutOfMemoryError extends ToolError {
  override readonly name = 'OutOfMemoryError';
}
/** A file asked for by name is neither mounted nor written by a job. */
export class MissingFileError extends ToolError {
  override readonly name = 'MissingFileError';
}
/** A tool file's bytes are not the build wasm/tools.json records (a stale offline copy, a changed file). */
export class ToolIntegrityError extends ToolError {
  override readonly name = 'ToolIntegrityError';
}
