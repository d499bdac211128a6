import { describe, expect, it } from 'vitest';
import { runBuiltin } from '../../../../src/core/console/builtins';
import { createFakeEngine, FAKE_PROGRAMS } from '../../../fakes/fake-engine';

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

  it('says which file is missing', async () => {
    const engine = await engineWith({});
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

  it('help names only the built-ins that remain (head, cat, zcat are programs)', async () => {
    const engine = await engineWith({});
    const builtins = /Built-ins: (.*)/.exec((await runBuiltin('help', [], engine)).stdout)?.[1] ?? '';
    expect(builtins).toBe('help, ls, rm FILE, clear, history.');
  });
});
