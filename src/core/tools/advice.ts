// Turns how a step ended (exit status, stderr, abort reason) into the ToolError the user sees, with one
// plain sentence of advice. Pure: the engine and the fake engine both use it.
import { formatBytes } from '../format-bytes';
import type { Command } from './job';
import { EngineError, OutOfMemoryError, ToolError, ToolFailedError, ToolIntegrityError } from './errors';

/** Exit status the wasm runtime reports when a tool aborts or traps (as SIGABRT would in a shell). */
export const ABORT_STATUS = 134;

export interface StepFailure {
  command: Command;
  exitStatus: number;
  stderr: string;
  /** The runtime's message when the tool aborted or trapped. */
  abortReason?: string;
  /** The runtime's evidence that memory ran out (see StepOutcome.memoryFailure). */
  memoryFailure?: string;
}

// Tools' own wording when malloc fails ("couldn't allocate memory for bam_mem", "Could not allocate enough
// memory", "std::bad_alloc"), and the emscripten runtime's.
const OUT_OF_MEMORY =
  /out of memory|cannot enlarge memory|Aborted\(OOM\)|memory access out of bounds.*alloc|(failed to|could not|couldn't|cannot|can't|unable to) allocate|Cannot allocate memory|bad_alloc|memory exhausted|not enough memory/i;

export const OUT_OF_MEMORY_ADVICE =
  'A browser gives one tool at most 4 GB of memory (less when the computer is short of it): run it on a smaller region or a subsample of the input (samtools view -s 0.1, seqtk sample), lower its memory option (samtools sort -m 500M), or split the input into parts.';

const size = (bytes: number): string => formatBytes(bytes);

/** Says how a refused heap growth happened, in words: the heap the tool had and the total it asked for. */
export function describeRefusedGrowth(requestedBytes: number, heapBytes: number): string {
  return `it needed ${size(requestedBytes)} of memory in all (it had ${size(heapBytes)}) and could not get more`;
}

/** The error for a tool that ran out of memory; `detail` says how we know. */
export function outOfMemoryError(command: Command, detail: string, stderr = '', exitStatus?: number): OutOfMemoryError {
  return new OutOfMemoryError(`${command.program} ran out of memory: ${detail}`, {
    command,
    ...(exitStatus === undefined ? {} : { exitStatus }),
    stderr,
    advice: OUT_OF_MEMORY_ADVICE,
  });
}

const BAD_ARGUMENTS =
  'The tool did not accept its arguments: check the options (run the program with no arguments to see its usage).';

/**
 * Said when an index could not be used. htslib reports a missing or unreadable index file as "No such file or
 * directory" too, so this rule comes before the one for files that are not open.
 */
export const INDEX_ADVICE =
  "The file's index could not be used: it is missing, empty, damaged or belongs to another file. Create it again (samtools index, bcftools index or tabix; the file's row in Files offers it).";

// First match wins: what actually failed (the checksum, the index, the format) before the generic "could not
// open" that htslib prints after each of them, and specific messages before the usage text that often follows.
const RULES: ReadonlyArray<{ test: RegExp; advice: string }> = [
  {
    test: /invalid option|unrecognized option|unknown option|unrecognized command|unknown command|option requires an argument/i,
    advice: BAD_ARGUMENTS,
  },
  {
    test: /CRC32 checksum mismatch|incorrect data check/i,
    advice:
      'The file is damaged: a compressed block fails its CRC32 checksum, so its bytes are not the ones written. Download or copy it again.',
  },
  {
    test: /could not load (local )?index|fail(ed)? to load index|load .*index of|random alignment retrieval only works for indexed|index file .*not found|no index|set beyond block size|retrieval of region .* failed/i,
    advice: INDEX_ADVICE,
  },
  {
    test: /Exec format error|format not recognised|unknown file type|not in a format/i,
    advice:
      "The tool does not recognise the file's format: it is not the kind of file the command needs, or it is damaged (its row in Files says what its content is). Check that it is the file you meant.",
  },
  {
    test: /not compressed with bgzip|is not BGZF/i,
    advice:
      'This needs the file compressed with bgzip (not plain gzip) and indexed: its row in Files offers to do both.',
  },
  {
    test: /No such file or directory|could not open|can't open|cannot open|failed to open|fail to open file/i,
    advice: 'A file the command names is not open in Lokus: open it first, or check the spelling of its name.',
  },
  {
    test: /Broken VCF record|Could not parse the (line|header)|Failed to parse the record/i,
    advice:
      'The VCF has a malformed record (the message above says where): fix that line (tab-separated columns, one per header column) or re-export the file.',
  },
  {
    test: /truncated|EOF marker is absent|not in BGZF|invalid BGZF|fail to read the header|failed to read header/i,
    advice:
      'The input looks damaged or is not in the format the tool expects: check that the file is complete and of the right type.',
  },
  {
    test: /Errors in BED line/,
    advice:
      'A BED line (quoted above) names a contig the alignments do not have, or its end is before its start: use the contig names of the BAM/CRAM header (chr1 or 1) and 0-based start < end.',
  },
  { test: /^Usage:|\nUsage:/i, advice: BAD_ARGUMENTS },
];

/** The error for a step that did not exit 0. */
export function stepError(failure: StepFailure): ToolError {
  const { command, exitStatus, stderr, abortReason, memoryFailure } = failure;
  const name = [command.program, ...command.argv].join(' ');
  const text = `${stderr}\n${abortReason ?? ''}`;
  if (memoryFailure !== undefined) return outOfMemoryError(command, memoryFailure, stderr, exitStatus);
  if (OUT_OF_MEMORY.test(text))
    return outOfMemoryError(command, 'it could not get the memory it asked for', stderr, exitStatus);
  const rule = RULES.find((candidate) => candidate.test.test(text));
  if (exitStatus === ABORT_STATUS && abortReason !== undefined && rule === undefined) {
    return new ToolFailedError(`${command.program} stopped unexpectedly: ${abortReason}`, {
      command,
      exitStatus,
      stderr,
      advice:
        'The tool crashed: check that the input files are valid; if they are, this is a bug worth reporting with the command.',
    });
  }
  return new ToolFailedError(`${name} exited with status ${exitStatus}`, {
    command,
    exitStatus,
    stderr,
    advice: rule?.advice ?? 'The tool reported an error: its message above says why.',
  });
}

/** The error for a failure of the runtime itself (worker died, module failed to load). */
export function engineError(command: Command, cause: unknown, stderr = ''): ToolError {
  if (cause instanceof ToolError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  // By name: the worker's Error crosses the worker boundary as a plain Error that keeps its name.
  if (cause instanceof Error && cause.name === 'ToolIntegrityError') {
    return new ToolIntegrityError(`${command.program} was not run: ${message}`, {
      command,
      stderr,
      cause,
      advice:
        "Reload the page to fetch the tool again; if it is refused again, clear this site's offline copy (cached files, not its data) or rebuild the tools with npm run wasm:build.",
    });
  }
  if (OUT_OF_MEMORY.test(message) || cause instanceof RangeError) {
    return new OutOfMemoryError(`${command.program} could not get the memory it needs: ${message}`, {
      command,
      stderr,
      cause,
      advice: `The browser refused the memory the tool asked for: close other tabs and try again. ${OUT_OF_MEMORY_ADVICE}`,
    });
  }
  return new EngineError(`${command.program} could not run: ${message}`, {
    command,
    stderr,
    cause,
    advice:
      'The tool runtime failed: reload the page and try again; if it keeps failing, the tool build may be missing.',
  });
}
