// Parses what a user types in the console into the same JobSpec the analyses use: quoting, pipes, `>`.
import type { Command, JobSpec } from '../tools/job';

export const BUILTINS = ['help', 'ls', 'rm', 'clear', 'history'] as const;
export type BuiltinName = (typeof BUILTINS)[number];

export type ParsedLine =
  | { kind: 'empty' }
  | { kind: 'builtin'; name: BuiltinName; args: string[] }
  | { kind: 'job'; spec: JobSpec }
  | { kind: 'error'; message: string };

type Token = { type: 'word'; value: string } | { type: 'pipe' } | { type: 'redirect' };

class CommandLineSyntaxError extends Error {}

/** Splits a line into words and operators the way a POSIX shell would for the subset we support. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const flush = () => {
    if (inWord) tokens.push({ type: 'word', value: word });
    word = '';
    inWord = false;
  };
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new CommandLineSyntaxError("unterminated single quote: add the closing '");
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i += 1;
      inWord = true;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) i += 1;
        word += line[i];
        i += 1;
      }
      if (i >= line.length) throw new CommandLineSyntaxError('unterminated double quote: add the closing "');
      i += 1;
    } else if (ch === '\\') {
      if (i + 1 < line.length) word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (ch === '|') {
      flush();
      tokens.push({ type: 'pipe' });
      i += 1;
    } else if (ch === '>') {
      flush();
      tokens.push({ type: 'redirect' });
      i += 1;
    } else if (ch === '#' && !inWord) {
      break;
    } else if (/\s/.test(ch)) {
      flush();
      i += 1;
    } else if (ch === '<' || ch === ';' || ch === '&' || ch === '`' || (ch === '$' && line[i + 1] === '(')) {
      throw new CommandLineSyntaxError(`"${ch}" is not supported here: use pipes (|) and output redirection (>) only`);
    } else {
      word += ch;
      inWord = true;
      i += 1;
    }
  }
  flush();
  return tokens;
}

function isBuiltin(name: string): name is BuiltinName {
  return (BUILTINS as readonly string[]).includes(name);
}

/** Turns one console line into a builtin call, a job, or an error message that says how to fix it. */
export function parseCommandLine(line: string): ParsedLine {
  let tokens: Token[];
  try {
    tokens = tokenize(line);
  } catch (error) {
    if (error instanceof CommandLineSyntaxError) return { kind: 'error', message: error.message };
    throw error;
  }
  if (tokens.length === 0) return { kind: 'empty' };

  const steps: Command[] = [];
  let current: string[] = [];
  let stdoutFile: string | undefined;
  for (let t = 0; t < tokens.length; t += 1) {
    const token = tokens[t]!;
    if (token.type === 'word') {
      if (stdoutFile !== undefined)
        return { kind: 'error', message: 'nothing may follow "> file" except the end of the line' };
      current.push(token.value);
    } else if (token.type === 'pipe') {
      if (current.length === 0) return { kind: 'error', message: 'a pipe "|" needs a command on both sides' };
      steps.push(toCommand(current));
      current = [];
    } else {
      const target = tokens[t + 1];
      if (target?.type !== 'word') return { kind: 'error', message: '">" needs a file name after it, e.g. > out.txt' };
      if (current.length === 0) return { kind: 'error', message: '">" needs a command before it' };
      stdoutFile = target.value;
      t += 1;
    }
  }
  if (current.length === 0) return { kind: 'error', message: 'a pipe "|" needs a command on both sides' };
  steps.push(toCommand(current));

  const first = steps[0]!;
  if (steps.length === 1 && stdoutFile === undefined && isBuiltin(first.program)) {
    return { kind: 'builtin', name: first.program, args: [...first.argv] };
  }
  const builtinInPipe = steps.find((step) => isBuiltin(step.program));
  if (builtinInPipe) {
    return {
      kind: 'error',
      message: `"${builtinInPipe.program}" is a console built-in and cannot be part of a pipeline or redirection`,
    };
  }
  return { kind: 'job', spec: { steps, ...(stdoutFile !== undefined ? { stdoutFile } : {}), label: line.trim() } };
}

function toCommand(words: string[]): Command {
  const [program, ...argv] = words;
  return { program: program!, argv };
}
