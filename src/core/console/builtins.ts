// The console's built-in commands, implemented on the tools' work area: only what a program cannot do
// (help, ls, rm; clear and history are the console's own). head, cat, zcat, grep ... are busybox programs.
import type { ProgramInfo } from '../tools/job';
import type { BuiltinName } from './parse-command-line';

/** The files the tools see and the programs installed (a ToolEngine fits; the app removes through the session). */
export interface WorkArea {
  programs(): readonly ProgramInfo[];
  listFiles(): Promise<string[]>;
  readFile(name: string): Promise<Blob>;
  removeFile(name: string): Promise<void>;
}

export interface BuiltinResult {
  stdout: string;
  stderr: string;
}

export const HELP_TEXT = `Run any installed program as on a command line, for example:
  samtools flagstat ex1.bam
  bcftools view -H ex1.calls.vcf.gz | head
  bcftools query -f '%CHROM\n' ex1.calls.vcf.gz | sort | uniq -c | sort -rn | head
  samtools view -b ex1.bam seq1 > seq1.bam
Pipes (|) and output redirection (>) work; files you open appear under their own names.
Text tools (busybox): head tail cat cut sort uniq wc tr grep sed awk zcat paste comm nl tac rev seq tee ...
Built-ins: help, ls, rm FILE, clear, history.
Keys: Tab completes programs, subcommands and file names, Up/Down recall earlier commands.`;

export async function runBuiltin(
  name: Exclude<BuiltinName, 'clear' | 'history'>,
  args: string[],
  engine: WorkArea,
): Promise<BuiltinResult> {
  switch (name) {
    case 'help':
      return {
        stdout: `${HELP_TEXT}\nPrograms: ${[...new Set(engine.programs().map((p) => p.program))].join(', ')}`,
        stderr: '',
      };
    case 'ls':
      return { stdout: (await engine.listFiles()).sort().join('\n'), stderr: '' };
    case 'rm':
      return removeFiles(args, engine);
  }
}

async function removeFiles(args: string[], engine: WorkArea): Promise<BuiltinResult> {
  if (args.length === 0) return { stdout: '', stderr: 'rm: give the name of the file to remove, e.g. rm out.bam' };
  const present = new Set(await engine.listFiles());
  const errors: string[] = [];
  for (const name of args) {
    if (present.has(name)) await engine.removeFile(name);
    else errors.push(`rm: ${name}: no such file`);
  }
  return { stdout: '', stderr: errors.join('\n') };
}
