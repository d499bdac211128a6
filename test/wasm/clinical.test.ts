// The clinical quick checks' commands as wasm: each case in test/fixtures/expected/clinical/ (written from the
// native tools by scripts/make-clinical-expected.mjs) is run through our wasm build on the same fixtures and must
// print exactly what the native tool printed, so the figures the analyses read are the native tools' figures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { expectedDir, fixturesDir, repoRoot } from './conformance-harness.mjs';

interface WasmNode {
  runProgram(program: string, argv: string[], opts: { cwd: string; stdin?: Uint8Array }): Promise<{ exitStatus: number; stdout: Buffer; stderr: Buffer }>;
}
const loader = (await import(pathToFileURL(join(repoRoot, 'scripts/lib/wasm-node.mjs')).href)) as WasmNode;

const dir = join(expectedDir, 'clinical');
const cases = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name: name.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(dir, name), 'utf8')) as { program: string; argv: string[]; stdin?: string; stdout: string }) }));

/** Drops what differs between any two runs: bcftools' comment lines (command, working directory) and its timing line. */
const stable = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !line.startsWith('#') && !line.startsWith('INFO\tTime required'))
    .join('\n');

describe('clinical quick checks: wasm equals native', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(3);
  });

  it.each(cases)('$name: $program $argv', async ({ program, argv, stdin, stdout }) => {
    const result = await loader.runProgram(program, argv, { cwd: fixturesDir, ...(stdin === undefined ? {} : { stdin: new TextEncoder().encode(stdin) }) });
    expect(result.exitStatus, result.stderr.toString()).toBe(0);
    const text = result.stdout.toString('utf8');
    // A header is compared whole (`samtools view -H`, `bcftools view -h`, `bcftools query -H`); otherwise without comments.
    if (argv.includes('-H') || argv.includes('-h')) expect(text).toBe(stdout);
    else expect(stable(text)).toBe(stable(stdout));
  });
});
