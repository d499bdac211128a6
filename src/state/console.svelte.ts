// Console state: the scrollback, the command history, and running what the user typed.
import { BUILTINS, parseCommandLine, type BuiltinName } from '../core/console/parse-command-line';
import { complete } from '../core/console/complete';
import { formatJob, type JobSpec } from '../core/tools/job';
import { runBuiltin, type WorkArea } from '../core/console/builtins';

export type ConsoleLineKind = 'command' | 'stdout' | 'stderr' | 'info' | 'error';
export interface ConsoleLine {
  id: number;
  kind: ConsoleLineKind;
  text: string;
}

/** What the console runs through (RunService): jobs become recorded runs; built-ins see the work area. */
export interface ConsoleRuns extends WorkArea {
  run(
    spec: JobSpec,
    onOutput: (kind: 'stdout' | 'stderr', text: string) => void,
  ): Promise<{ status: string; exitStatus?: number; advice?: string }>;
}

/** The session's earlier commands (CommandHistory). */
export interface ConsoleHistory {
  readonly lines: readonly string[];
  remember(line: string): void;
}

const MAX_LINES = 5000;

export class ConsoleState {
  lines = $state.raw<ConsoleLine[]>([]);
  busy = $state(false);
  #nextId = 1;
  #historyCursor = -1;
  /** Output arrives in chunks that may end mid-line; the unfinished line waits here for the rest. */
  #partial: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };

  constructor(
    private readonly runs: ConsoleRuns,
    private readonly history: ConsoleHistory,
  ) {}

  print(kind: ConsoleLineKind, text: string): void {
    const added = text
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => ({ id: this.#nextId++, kind, text: line }));
    const all = [...this.lines, ...added];
    this.lines = all.length > MAX_LINES ? all.slice(all.length - MAX_LINES) : all;
  }

  clear(): void {
    this.lines = [];
  }

  async submit(line: string): Promise<void> {
    const parsed = parseCommandLine(line);
    if (parsed.kind === 'empty') return;
    this.print('command', `$ ${line}`);
    this.history.remember(line);
    this.#historyCursor = -1;
    if (parsed.kind === 'error') {
      this.print('error', parsed.message);
      return;
    }
    this.busy = true;
    try {
      if (parsed.kind === 'builtin') await this.#builtin(parsed.name, parsed.args);
      else await this.#job(parsed.spec);
    } finally {
      this.busy = false;
    }
  }

  async #builtin(name: BuiltinName, args: string[]): Promise<void> {
    if (name === 'clear') return this.clear();
    if (name === 'history') return this.print('stdout', this.history.lines.map((l, i) => `${i + 1}  ${l}`).join('\n'));
    const result = await runBuiltin(name, args, this.runs);
    if (result.stdout) this.print('stdout', result.stdout);
    if (result.stderr) this.print('error', result.stderr);
  }

  #stream(kind: 'stdout' | 'stderr', chunk: string): void {
    const text = this.#partial[kind] + chunk;
    const end = text.lastIndexOf('\n');
    this.#partial[kind] = text.slice(end + 1);
    if (end >= 0) this.print(kind, text.slice(0, end));
  }

  #flushStreams(): void {
    for (const kind of ['stdout', 'stderr'] as const) {
      if (this.#partial[kind] !== '') this.print(kind, this.#partial[kind]);
      this.#partial[kind] = '';
    }
  }

  async #job(spec: JobSpec): Promise<void> {
    const result = await this.runs.run(spec, (kind, text) => this.#stream(kind, text));
    this.#flushStreams();
    if (result.status === 'succeeded') {
      if (spec.stdoutFile) this.print('info', `wrote ${spec.stdoutFile}`);
      return;
    }
    const what = result.status === 'cancelled' ? 'cancelled' : `exit status ${result.exitStatus ?? 'unknown'}`;
    this.print('error', `${formatJob(spec)}: ${what}${result.advice ? ` — ${result.advice}` : ''}`);
  }

  /** Steps back (direction -1) or forward (+1) through earlier commands; returns the line to show. */
  recall(direction: -1 | 1, current: string): string {
    const history = this.history.lines;
    if (history.length === 0) return current;
    if (this.#historyCursor === -1) this.#historyCursor = history.length;
    this.#historyCursor = Math.min(history.length, Math.max(0, this.#historyCursor + direction));
    return history[this.#historyCursor] ?? '';
  }

  async complete(line: string): Promise<string> {
    const files = await this.runs.listFiles();
    const programs = [...new Set(this.runs.programs().map((p) => p.program))];
    const result = complete(line, [...programs, ...BUILTINS], files);
    if (result.candidates.length > 1) this.print('info', result.candidates.join('  '));
    return result.line;
  }
}
