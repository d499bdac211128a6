// A failed run keeps its advice after a reload: advice is not stored, it is worked out again from the stored
// exit status and stderr, as when the run ended.
import { afterEach, describe, expect, it } from 'vitest';
import { composeState } from './compose';
import { createFakeEngine } from '../../fakes/fake-engine';
import { makeStore, type TestStore } from '../storage/support';

let t: TestStore;
afterEach(() => t.store.close());

const engine = () =>
  createFakeEngine({
    programs: {
      samtools: ({ stderr }) => (
        stderr('[W::bam_hdr_read] EOF marker is absent. The input is probably truncated\n'),
        1
      ),
      ok: () => 0,
    },
  });

describe('run advice after a reload', () => {
  it('a failed run shows the same advice as when it ended', async () => {
    t = makeStore();
    const first = composeState(engine(), t.store);
    await first.loader.load(await t.store.createSession('S'));
    const run = await first.runs.runJob({
      steps: [
        { program: 'ok', argv: [] },
        { program: 'samtools', argv: ['view', 'cut.bam'] },
      ],
    });
    expect(run.advice).toMatch(/damaged/);

    const again = composeState(engine(), t.store);
    await again.loader.load(first.current.session!);
    expect(again.runs.runs[0]).toMatchObject({ status: 'failed', exitStatus: 1, advice: run.advice });
  });

  it('a run that succeeded has no advice', async () => {
    t = makeStore();
    const first = composeState(engine(), t.store);
    await first.loader.load(await t.store.createSession('S'));
    await first.runs.runJob({ steps: [{ program: 'ok', argv: [] }] });
    const again = composeState(engine(), t.store);
    await again.loader.load(first.current.session!);
    expect(again.runs.runs[0]?.advice).toBeUndefined();
  });
});
