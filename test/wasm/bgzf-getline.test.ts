// Line reading from BGZF files in the wasm htslib (bgzf_getline, patched to find line ends with memchr, which
// the builds replace with a 16-bytes-per-step SIMD version: wasm/shared/fast_memchr.c). Lines of every length
// from 0 to 80 characters after the fixed fields, a 100,000-character line spanning BGZF blocks, and a CRLF
// line: wasm bgzip compresses, wasm tabix indexes (reading every line) and queries (reading them again), and
// every line must come back exactly. The expected text is the input itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './conformance-harness.mjs';

interface WasmRun {
  exitStatus: number;
  stdout: Buffer;
  stderr: Buffer;
}
type RunProgram = (program: string, argv: readonly string[], opts: { cwd: string }) => Promise<WasmRun>;

let run: (program: string, ...argv: string[]) => Promise<Buffer>;
const dir = mkdtempSync(join(tmpdir(), 'lokus-getline-'));

function bedLines(): string[] {
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const name = i === 2000 ? 'L'.repeat(100_000) : 'abcdefghij'.repeat(9).slice(0, i % 81);
    lines.push(`chr1\t${i * 10}\t${i * 10 + 5}\t${name}`);
  }
  return lines;
}

describe('bgzf_getline in the wasm htslib', () => {
  beforeAll(async () => {
    const { runProgram } = (await import(pathToFileURL(join(repoRoot, 'scripts/lib/wasm-node.mjs')).href)) as { runProgram: RunProgram };
    run = async (program, ...argv) => {
      const r = await runProgram(program, argv, { cwd: dir });
      if (r.exitStatus !== 0) throw new Error(`${program} ${argv.join(' ')}: ${r.stderr.toString()}`);
      return r.stdout;
    };
    writeFileSync(join(dir, 'lines.bed'), `${bedLines().join('\n')}\n`);
    await run('bgzip', '-f', 'lines.bed');
    await run('tabix', '-p', 'bed', 'lines.bed.gz');
  });

  it('gives back every line of a bgzipped file, whatever its length', async () => {
    expect((await run('tabix', 'lines.bed.gz', 'chr1')).toString()).toBe(`${bedLines().join('\n')}\n`);
  });

  it('gives back the lines of a region, including one longer than a BGZF block', async () => {
    const want = bedLines().filter((_, i) => i * 10 + 5 > 19_990 && i * 10 < 20_030);
    expect(want.some((line) => line.length > 100_000)).toBe(true);
    expect((await run('tabix', 'lines.bed.gz', 'chr1:19991-20030')).toString()).toBe(`${want.join('\n')}\n`);
  });

  it('drops the CR of a CRLF line end, as htslib does', async () => {
    writeFileSync(join(dir, 'crlf.bed'), 'chr1\t0\t5\ta\r\nchr1\t10\t15\tbb\r\n');
    await run('bgzip', '-f', 'crlf.bed');
    await run('tabix', '-p', 'bed', 'crlf.bed.gz');
    expect((await run('tabix', 'crlf.bed.gz', 'chr1')).toString()).toBe('chr1\t0\t5\ta\nchr1\t10\t15\tbb\n');
  });
});
