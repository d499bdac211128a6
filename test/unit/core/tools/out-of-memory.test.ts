import { describe, expect, it } from 'vitest';
import { OutOfMemoryError } from '../../../../src/core/tools/errors';
import { createFakeEngine, FAKE_PROGRAMS, type FakeProgram } from '../../../fakes/fake-engine';

const cmd = (program: string, ...argv: string[]) => ({ program, argv });
const GB = 1024 ** 3;

/** Refuses one growth to 4 GB at 3.5 GB, then behaves as `after` says. */
const refusing =
  (after: 'hang' | 'fail' | 'recover'): FakeProgram =>
  (call) => {
    call.refuseMemory(4 * GB, 3.5 * GB);
    if (after === 'fail') return 1;
    if (after === 'recover') return 0;
    return new Promise<number>(() => undefined);
  };

describe('a tool that runs out of memory', () => {
  it('is stopped after the grace time when it keeps running, and the next job gets a fresh slot', async () => {
    const engine = createFakeEngine({
      programs: { ...FAKE_PROGRAMS, hog: refusing('hang') },
      poolSize: 1,
      memoryGraceMs: 50,
    });
    // `hog` never ends by itself: a result at all means the grace time stopped it.
    const result = await engine.run({ steps: [cmd('hog')] }).result;
    expect(result).toMatchObject({ status: 'failed', failedStep: 0 });
    expect(result.error).toBeInstanceOf(OutOfMemoryError);
    expect(result.error?.message).toBe(
      'hog ran out of memory: it needed 4 GB of memory in all (it had 3.5 GB) and could not get more, and it did not stop by itself',
    );
    expect(result.error?.advice).toMatch(/smaller region or a subsample/);
    const next = await engine.run({ steps: [cmd('echo', 'still', 'here')] }).result;
    expect(next).toMatchObject({ status: 'succeeded', stdout: 'still here\n' });
  });

  it('fails with the refused growth as the reason when it exits non-zero', async () => {
    const engine = createFakeEngine({ programs: { hog: refusing('fail') }, memoryGraceMs: 60_000 });
    const result = await engine.run({ steps: [cmd('hog')] }).result;
    expect(result).toMatchObject({ status: 'failed', exitStatus: 1 });
    expect(result.error).toBeInstanceOf(OutOfMemoryError);
    expect(result.error?.message).toBe(
      'hog ran out of memory: it needed 4 GB of memory in all (it had 3.5 GB) and could not get more',
    );
  });

  it('succeeds when the tool copes with the refusal and exits 0', async () => {
    const engine = createFakeEngine({ programs: { ...FAKE_PROGRAMS, hog: refusing('recover') }, memoryGraceMs: 50 });
    const result = await engine.run({ steps: [cmd('hog')] }).result;
    expect(result).toMatchObject({ status: 'succeeded', exitStatus: 0 });
    // A job that spans the end of the grace time is not stopped by it: the refusal belonged to the earlier job.
    const spanning = await engine.run({ steps: [cmd('sleep', '100')] }).result;
    expect(spanning).toMatchObject({ status: 'succeeded', exitStatus: 0 });
  });

  it('names the failing step of a pipeline', async () => {
    const engine = createFakeEngine({ programs: { ...FAKE_PROGRAMS, hog: refusing('hang') }, memoryGraceMs: 50 });
    const result = await engine.run({ steps: [cmd('echo', 'x'), cmd('hog'), cmd('wc')] }).result;
    expect(result).toMatchObject({ status: 'failed', failedStep: 1, error: { name: 'OutOfMemoryError' } });
  });
});
