import { afterEach, describe, expect, it } from 'vitest';
import { makeStore, newRun, text, type TestStore } from './support';

let t: TestStore;
afterEach(() => t.store.close());

describe('runs', () => {
  it('saves a run and reads it back unchanged', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    const run = newRun(s.id, { stdoutFile: 'out.txt', analysisId: 'alignment-qc' });
    await t.store.saveRun(run);
    expect(await t.store.listRuns(s.id)).toEqual([run]);
  });

  it('autosaves: saving again replaces the run', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    await t.store.saveRun(newRun(s.id));
    const done = newRun(s.id, {
      status: 'failed',
      exitStatus: 1,
      failedStep: 0,
      endedAt: 3000,
      stderr: 'samtools: truncated file',
    });
    await t.store.saveRun(done);
    expect(await t.store.listRuns(s.id)).toEqual([done]);
  });

  it('bumps the session when a run is saved', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    t.clock.now = 7000;
    await t.store.saveRun(newRun(s.id));
    expect((await t.store.getSession(s.id))?.updatedAt).toBe(7000);
  });

  it('lists runs by start time, queued ones last', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    await t.store.saveRun(newRun(s.id, { id: 'q', status: 'queued', startedAt: undefined }));
    await t.store.saveRun(newRun(s.id, { id: 'late', startedAt: 5000 }));
    await t.store.saveRun(newRun(s.id, { id: 'early', startedAt: 1000 }));
    expect((await t.store.listRuns(s.id)).map((r) => r.id)).toEqual(['early', 'late', 'q']);
  });

  it('stores output Blobs and returns their reference', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    const out = await t.store.saveOutput(s.id, 'run-1', 'calls.vcf.gz', new Blob([new Uint8Array([0x1f, 0x8b, 8, 4])]));
    expect(out).toEqual({ name: 'calls.vcf.gz', size: 4, blobId: 'id-2' });
    const blob = await t.store.readOutput(out.blobId);
    expect(new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array([0x1f, 0x8b, 8, 4]),
    );
  });

  it('reads a missing output as undefined', async () => {
    t = makeStore();
    expect(await text(await t.store.readOutput('gone'))).toBeUndefined();
  });
});

describe('markInterruptedRuns', () => {
  it.each([
    ['running', 'interrupted'],
    ['queued', 'interrupted'],
    ['succeeded', 'succeeded'],
    ['failed', 'failed'],
    ['cancelled', 'cancelled'],
  ] as const)('a %s run becomes %s', async (before, after) => {
    t = makeStore();
    const s = await t.store.createSession('A');
    await t.store.saveRun(newRun(s.id, { status: before }));
    await t.store.markInterruptedRuns(9000);
    expect((await t.store.listRuns(s.id))[0]?.status).toBe(after);
  });

  it('returns how many it marked and sets their end time', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    await t.store.saveRun(newRun(s.id, { id: 'a' }));
    await t.store.saveRun(newRun(s.id, { id: 'b', status: 'succeeded', endedAt: 3000 }));
    expect(await t.store.markInterruptedRuns(9000)).toBe(1);
    expect((await t.store.listRuns(s.id)).map((r) => r.endedAt)).toEqual([9000, 3000]);
  });
});
