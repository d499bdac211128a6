// Turns how a step ended (exit status, stderr, abort reason) into the ToolError the user sees, with one
// plain sentence of advice. Pure: the engine and the fake engine both use it.
import type { Command } from './job';
import { EngineError, OutOfMemoryError, ToolError, ToolFailedError } from './errors';

/** Exit status the wasm runtime reports when a tool aborts or traps (as SIGABRT would in a shell). */
export const ABORT_STATUS = 134;

export interface StepFailure {
  command: Command;
  exitStatus: number;
  stderr: string;
  /** The runtime's message when the tool aborted or trapped. */
  abortReason?: string;
}

const OUT_OF_MEMORY = /out of memory|cannot enlarge memory|Aborted\(OOM\)|memory access out of bounds.*alloc|failed to allocate|could not allocate|Cannot allocate memory/i;

const BAD_ARGUMENTS = 'The tool did not accept its arguments: check the options (run the program with no arguments to see its usage).';

// First match wins: specific messages before the usage text that often follows them.
const RULES: ReadonlyArray<{ test: RegExp; advice: string }> = [
  { test: /invalid option|unrecognized option|unknown option|unrecognized command|unknown command|option requires an argument/i, advice: BAD_ARGUMENTS },
  {
    test: /No such file or directory|could not open|can't open|cannot open|failed to open|fail to open file/i,
    advice: 'A file the command names is not open in Lokus: open it first, or check the spelling of its name.',
  },
  {
    test: /fail to load index|failed to load index|could not load index|random alignment retrieval only works for indexed|index file .*not found|no index/i,
    advice: 'The file needs an index: run samtools index (or bcftools index / tabix) on it, or open its index file too.',
  },
  {
    test: /Broken VCF record|Could not parse the (line|header)|Failed to parse the record/i,
    advice: 'The VCF has a malformed record (the message above says where): fix that line (tab-separated columns, one per header column) or re-export the file.',
  },
  {
    test: /truncated|EOF marker is absent|not in BGZF|invalid BGZF|unknown file type|fail to read the header|format not recognised|failed to read header/i,
    advice: 'The input looks damaged or is not in the format the tool expects: check that the file is complete and of the right type.',
  },
  { test: /^Usage:|\nUsage:/i, advice: BAD_ARGUMENTS },
];

/** The error for a step that did not exit 0. */
export function stepError(failure: StepFailure): ToolError {
  const { command, exitStatus, stderr, abortReason } = failure;
  const name = [command.program, ...command.argv].join(' ');
  const text = `${stderr}\n${abortReason ?? ''}`;
  if (OUT_OF_MEMORY.test(text)) {
    return new OutOfMemoryError(`${command.program} ran out of memory`, {
      command,
      exitStatus,
      stderr,
      advice: 'The tool ran out of memory (a browser gives one tool at most 4 GB): try a smaller file or region, or split the input.',
    });
  }
  const rule = RULES.find((candidate) => candidate.test.test(text));
  if (exitStatus === ABORT_STATUS && abortReason !== undefined && rule === undefined) {
    return new ToolFailedError(`${command.program} stopped unexpectedly: ${abortReason}`, {
      command,
      exitStatus,
      stderr,
      advice: 'The tool crashed: check that the input files are valid; if they are, this is a bug worth reporting with the command.',
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
  if (OUT_OF_MEMORY.test(message) || cause instanceof RangeError) {
    return new OutOfMemoryError(`${command.program} could not get the memory it needs: ${message}`, {
      command,
      stderr,
      cause,
      advice: 'The browser refused the memory the tool asked for: close other tabs or try a smaller input.',
    });
  }
  return new EngineError(`${command.program} could not run: ${message}`, {
    command,
    stderr,
    cause,
    advice: 'The tool runtime failed: reload the page and try again; if it keeps failing, the tool build may be missing.',
  });
}
