// The console's built-in commands (help, ls, cat, head, zcat, rm), implemented on the tools' work area.
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

const DISPLAY_LIMIT = 1_000_000;

export const HELP_TEXT = `Run any installed program as on a command line, for example:
  samtools flagstat ex1.bam
  bcftools view -H calls.vcf.gz | head
  samtools view -b ex1.bam seq1 > seq1.bam
Pipes (|) and output redirection (>) work; files you open appear under their own names.
Built-ins: help, ls, cat FILE, head [-n N] FILE, zcat FILE, rm FILE, clear, history.
Keys: Tab completes programs and file names, Up/Down recall earlier commands.`;

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
    case 'cat':
    case 'head':
    case 'zcat':
      return showFile(name, args, engine);
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

async function showFile(name: 'cat' | 'head' | 'zcat', args: string[], engine: WorkArea): Promise<BuiltinResult> {
  let lines = Number.POSITIVE_INFINITY;
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (name === 'head' && arg === '-n') {
      lines = Number(args[i + 1]);
      i += 1;
    } else if (name === 'head' && /^-\d+$/.test(arg)) lines = Number(arg.slice(1));
    else files.push(arg);
  }
  if (name === 'head' && lines === Number.POSITIVE_INFINITY) lines = 10;
  if (!Number.isFinite(lines) && name === 'head')
    return { stdout: '', stderr: 'head: -n needs a number, e.g. head -n 5 out.sam' };
  if (files.length === 0) return { stdout: '', stderr: `${name}: give a file name, e.g. ${name} out.txt` };
  const out: string[] = [];
  const errors: string[] = [];
  for (const file of files) {
    let blob: Blob;
    try {
      blob = await engine.readFile(file);
    } catch {
      errors.push(`${name}: ${file}: no such file (type ls to see the files)`);
      continue;
    }
    const bytes =
      name === 'zcat' ? await gunzip(blob) : new Uint8Array(await blob.slice(0, DISPLAY_LIMIT).arrayBuffer());
    if (bytes === undefined) {
      errors.push(`zcat: ${file}: not gzip or bgzip compressed`);
      continue;
    }
    if (name !== 'zcat' && bytes[0] === 0x1f && bytes[1] === 0x8b) {
      errors.push(`${name}: ${file} is compressed: use zcat ${file}`);
      continue;
    }
    let text = new TextDecoder().decode(bytes.subarray(0, DISPLAY_LIMIT));
    if (Number.isFinite(lines)) text = text.split('\n').slice(0, lines).join('\n');
    out.push(text.replace(/\n$/, ''));
  }
  return { stdout: out.join('\n'), stderr: errors.join('\n') };
}

async function gunzip(blob: Blob): Promise<Uint8Array | undefined> {
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  if (head[0] !== 0x1f || head[1] !== 0x8b) return undefined;
  const reader = blob.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < DISPLAY_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
    }
  } catch {
    // A truncated stream still shows what decompressed.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}
