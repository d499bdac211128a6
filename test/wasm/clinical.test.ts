// The clinical quick checks' commands as wasm: each case in test/fixtures/expected/clinical/ (written from the
// native tools by scripts/make-clinical-expected.mjs) is run through our wasm builds on the same fixtures, in name
// order in one work directory (a case's output file is there for later cases, as in the app's work area), and
// must print exactly what the native tools printed, so the figures the analyses read are the native figures.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedDir, fixturesDir, repoRoot } from './conformance-harness.mjs';

interface WasmNode {
  runProgram(program: string, argv: string[], opts: { cwd: string; stdin?: Uint8Array }): Promise<{ exitStatus: number; stdout: Buffer; stderr: Buffer }>;
}
const loader = (await import(pathToFileURL(join(repoRoot, 'scripts/lib/wasm-node.mjs')).href)) as WasmNode;

interface Case {
  name: string;
  steps: { program: string; argv: string[] }[];
  stdin?: string;
  stdoutFile?: string;
  stdout: string;
}

const dir = join(expectedDir, 'clinical');
const cases: Case[] = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name: name.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(dir, name), 'utf8')) as Omit<Case, 'name'>) }));

const work = mkdtempSync(join(tmpdir(), 'lokus-clinical-wasm-'));
// Copies (the wasm file system does not follow symbolic links) of the fixtures the cases name, with their indexes.
for (const name of new Set(cases.flatMap((c) => c.steps.flatMap((s) => s.argv)))) {
  for (const file of [name, ...['.bai', '.csi', '.tbi', '.crai', '.fai', '.gzi'].map((ext) => name + ext)]) if (existsSync(join(fixturesDir, file))) copyFileSync(join(fixturesDir, file), join(work, file));
}
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Drops what differs between any two runs: bcftools' comment lines (command, working directory) and its timing line. */
const stable = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('#') && !line.startsWith('INFO\tTime required'))
    .join('\n');

describe('clinical quick checks: wasm equals native', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases)('$name', async ({ steps, stdin, stdoutFile, stdout }) => {
    let input: Uint8Array | undefined = stdin === undefined ? undefined : new TextEncoder().encode(stdin);
    for (const { program, argv } of steps) {
      const result = await loader.runProgram(program, argv, { cwd: work, ...(input === undefined ? {} : { stdin: input }) });
      expect(result.exitStatus, `${program} ${argv.join(' ')}: ${result.stderr.toString()}`).toBe(0);
      input = result.stdout;
    }
    const text = Buffer.from(input!).toString('utf8');
    if (stdoutFile) writeFileSync(join(work, stdoutFile), text);
    const argv = steps.at(-1)!.argv;
    // A header is compared whole (`samtools view -H`, `bcftools view -h`, `bcftools query -H`); otherwise without comments.
    if (argv.includes('-H') || argv.includes('-h')) expect(text).toBe(stdout);
    else expect(stable(text)).toBe(stable(stdout));
  });
});
