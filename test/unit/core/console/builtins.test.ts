import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runBuiltin } from '../../../../src/core/console/builtins';
import { createFakeEngine, FAKE_PROGRAMS } from '../../../fakes/fake-engine';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures');

async function engineWith(files: Record<string, string | Uint8Array>) {
  const engine = createFakeEngine({ programs: FAKE_PROGRAMS });
  await engine.mount(Object.entries(files).map(([name, data]) => ({ name, data: new Blob([data as BlobPart]) })));
  return engine;
}

describe('console built-ins', () => {
  it('ls lists mounted files sorted', async () => {
    const engine = await engineWith({ 'b.txt': 'b', 'a.txt': 'a' });
    expect(await runBuiltin('ls', [], engine)).toEqual({ stdout: 'a.txt\nb.txt', stderr: '' });
  });

  it('head shows the first lines, 10 by default', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const engine = await engineWith({ 'x.txt': lines });
    expect((await runBuiltin('head', ['x.txt'], engine)).stdout.split('\n')).toHaveLength(10);
    expect((await runBuiltin('head', ['-n', '3', 'x.txt'], engine)).stdout).toBe('line 1\nline 2\nline 3');
    expect((await runBuiltin('head', ['-2', 'x.txt'], engine)).stdout).toBe('line 1\nline 2');
  });

  it('zcat decompresses bgzip files (a real BGZF VCF)', async () => {
    const vcf = readFileSync(join(FIXTURES, 'ex1.calls.vcf.gz'));
    const engine = await engineWith({ 'calls.vcf.gz': vcf });
    const { stdout, stderr } = await runBuiltin('zcat', ['calls.vcf.gz'], engine);
    expect(stderr).toBe('');
    expect(stdout.startsWith('##fileformat=VCF')).toBe(true);
  });

  it('zcat decompresses plain gzip and refuses uncompressed files', async () => {
    const engine = await engineWith({ 'a.gz': gzipSync('hello\n'), 'b.txt': 'plain' });
    expect((await runBuiltin('zcat', ['a.gz'], engine)).stdout).toBe('hello');
    expect((await runBuiltin('zcat', ['b.txt'], engine)).stderr).toMatch(/not gzip/);
  });

  it('cat refuses compressed files and points to zcat', async () => {
    const engine = await engineWith({ 'a.gz': gzipSync('hello\n') });
    expect((await runBuiltin('cat', ['a.gz'], engine)).stderr).toMatch(/use zcat a\.gz/);
  });

  it('says which file is missing', async () => {
    const engine = await engineWith({});
    expect((await runBuiltin('cat', ['nope.txt'], engine)).stderr).toMatch(/nope\.txt: no such file/);
    expect((await runBuiltin('rm', ['nope.txt'], engine)).stderr).toMatch(/nope\.txt: no such file/);
  });

  it('rm removes a job output from the work area', async () => {
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS });
    await engine.run({ steps: [{ program: 'touch', argv: ['out.txt', 'x'] }] }).result;
    expect(await engine.listFiles()).toContain('out.txt');
    await runBuiltin('rm', ['out.txt'], engine);
    expect(await engine.listFiles()).not.toContain('out.txt');
  });

  it('help lists the installed programs', async () => {
    const engine = await engineWith({});
    expect((await runBuiltin('help', [], engine)).stdout).toMatch(/Programs: .*echo/);
  });
});
