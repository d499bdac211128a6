// Tab completion for the console: program names at a command's start, the subcommand of a multi-command tool
// (samtools, bcftools, bedtools, seqtk) right after it, and file names elsewhere.
import { SUBCOMMANDS } from './subcommands';

export interface CompletionResult {
  /** The line with the completed word, when exactly one candidate (or a longer common prefix) exists. */
  line: string;
  /** All candidates for the word being completed, for display when ambiguous. */
  candidates: string[];
}

export function complete(
  line: string,
  programs: readonly string[],
  files: readonly string[],
  subcommands: Readonly<Record<string, readonly string[]>> = SUBCOMMANDS,
): CompletionResult {
  const match = /(\S*)$/.exec(line);
  const word = match?.[1] ?? '';
  const before = line.slice(0, line.length - word.length);
  const atCommandStart = /(^|\|)\s*$/.test(before);
  const tool = /(?:^|\|)\s*(\S+)\s+$/.exec(before)?.[1];
  const toolSubcommands = tool === undefined ? undefined : subcommands[tool];
  const pool = atCommandStart ? programs : (toolSubcommands ?? files);
  const candidates = [...new Set(pool)].filter((name) => name.startsWith(word)).sort();
  if (candidates.length === 0) return { line, candidates };
  const common = commonPrefix(candidates);
  const suffix = candidates.length === 1 ? ' ' : '';
  return {
    line: before + (common.length > word.length || candidates.length === 1 ? common + suffix : word),
    candidates,
  };
}

function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) {
    while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}
