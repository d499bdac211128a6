// Does a command use the program, subcommand, options and arguments a check asks for? Parsed from argv, so
// equivalent spellings pass: `-o x`, `-ox`, `--output x`, `--output=x`; `-b -h` and `-bh`.
import type { Command } from '../tools/job';
import type { CommandCheck } from './lesson';

/** Long spellings of common short options, per program and subcommand ("samtools view"), as the pinned versions
 * (samtools 1.16.1, bcftools 1.16) accept them: samtools depth has no long form of -r. */
const BUILT_IN_ALIASES: Record<string, Record<string, string[]>> = {
  'samtools view': {
    '-o': ['--output'],
    '-b': ['--bam'],
    '-h': ['--with-header'],
    '-H': ['--header-only'],
    '-c': ['--count'],
    '-q': ['--min-MQ'],
    '-f': ['--require-flags'],
    '-F': ['--excl-flags', '--exclude-flags'],
  },
  'samtools sort': { '-o': ['--output'], '-n': ['--name'] },
  'samtools depth': { '-a': [], '-r': [] },
  'samtools mpileup': { '-r': ['--region'], '-f': ['--fasta-ref'], '-o': ['--output'] },
  'bcftools view': {
    '-o': ['--output'],
    '-O': ['--output-type'],
    '-r': ['--regions'],
    '-i': ['--include'],
    '-e': ['--exclude'],
    '-H': ['--no-header'],
    '-s': ['--samples'],
    '-v': ['--types'],
    '-t': ['--targets'],
    '-h': ['--header-only'],
    '-G': ['--drop-genotypes'],
  },
  'bcftools query': {
    '-f': ['--format'],
    '-r': ['--regions'],
    '-i': ['--include'],
    '-H': ['--print-header'],
    '-s': ['--samples'],
    '-l': ['--list-samples'],
    '-t': ['--targets'],
    '-e': ['--exclude'],
    '-o': ['--output'],
  },
  'bcftools mpileup': { '-f': ['--fasta-ref'], '-r': ['--regions'], '-a': ['--annotate'], '-O': ['--output-type'] },
  'bcftools call': {
    '-m': ['--multiallelic-caller'],
    '-v': ['--variants-only'],
    '-O': ['--output-type'],
    '-o': ['--output'],
  },
  'bcftools consensus': { '-f': ['--fasta-ref'], '-o': ['--output'] },
  minimap2: { '-a': [], '-x': [], '-o': [] },
};

export type CommandMismatch =
  | { code: 'no-run' }
  | { code: 'wrong-program'; expected: string; actual: string }
  | { code: 'wrong-subcommand'; expected: string; actual: string }
  | { code: 'missing-option'; option: string }
  | { code: 'wrong-option-value'; option: string; expected: string; actual: string }
  | { code: 'missing-argument'; argument: string };

/** The first thing keeping `steps` (one job, possibly a pipeline) from meeting the check; undefined when it passes. */
export function commandMismatch(check: CommandCheck, steps: readonly Command[]): CommandMismatch | undefined {
  if (steps.length === 0) return { code: 'no-run' };
  const candidates = steps.filter((step) => step.program === check.program);
  if (candidates.length === 0)
    return { code: 'wrong-program', expected: check.program, actual: steps.map((s) => s.program).join(' | ') };
  let best: CommandMismatch | undefined;
  for (const step of candidates) {
    const problem = stepMismatch(check, step);
    if (!problem) return undefined;
    best ??= problem;
  }
  return best;
}

function stepMismatch(check: CommandCheck, step: Command): CommandMismatch | undefined {
  let words = [...step.argv];
  const key = check.subcommand ? `${check.program} ${check.subcommand}` : check.program;
  if (check.subcommand !== undefined) {
    if (words[0] !== check.subcommand)
      return { code: 'wrong-subcommand', expected: check.subcommand, actual: words[0] ?? '' };
    words = words.slice(1);
  }
  const aliases = { ...(BUILT_IN_ALIASES[key] ?? {}), ...(check.aliases ?? {}) };
  const valued = new Set(
    Object.entries(check.options ?? {})
      .filter(([, v]) => v !== true)
      .map(([k]) => k),
  );
  const { options, positionals } = parseWords(words, aliases, valued);
  for (const [option, wanted] of Object.entries(check.options ?? {})) {
    const given = options.get(option);
    if (given === undefined) return { code: 'missing-option', option };
    if (wanted !== true && given !== wanted)
      return { code: 'wrong-option-value', option, expected: wanted, actual: String(given) };
  }
  for (const argument of check.args ?? [])
    if (!positionals.includes(argument)) return { code: 'missing-argument', argument };
  return undefined;
}

/**
 * Words to options (by their canonical short spelling) and positionals. Only options the check needs a value of are
 * known to take one, so `-q 20` is read as `-q` with 20 when the check asks about -q; an unknown `-x y` leaves `y`
 * as a positional too, which at worst lets a required argument be found where it was an option's value.
 */
function parseWords(words: readonly string[], aliases: Record<string, string[]>, valued: ReadonlySet<string>) {
  const canonical = new Map<string, string>();
  for (const [short, longs] of Object.entries(aliases)) for (const long of longs) canonical.set(long, short);
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (word.startsWith('--') && word.length > 2) {
      const [name, inline] = splitOnce(word, '=');
      const option = canonical.get(name) ?? name;
      if (inline !== undefined) options.set(option, inline);
      else if (valued.has(option) && i + 1 < words.length) options.set(option, words[++i]!);
      else options.set(option, true);
    } else if (word.startsWith('-') && word.length > 1 && !/^-\d/.test(word)) {
      // A bundle of flags (-bh) that may end in an option with its value (-ax sr, -Oz, -q20).
      for (let j = 1; j < word.length; j += 1) {
        const option = `-${word[j]}`;
        if (valued.has(option)) {
          const rest = word.slice(j + 1);
          options.set(option, rest !== '' ? rest : i + 1 < words.length ? words[++i]! : '');
          break;
        }
        if (!options.has(option)) options.set(option, true);
      }
    } else positionals.push(word);
  }
  return { options, positionals };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
