// The AppState on a fake engine and a real Dexie store (fake-indexeddb): runs carry provenance and are
// saved from start to end, outputs survive a reload, re-picked files are recognised, failures give advice.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { composeState } from './compose';
import { createFakeEngine, FAKE_PROGRAMS } from '../../fakes/fake-engine';
import { makeStore, type TestStore } from '../storage/support';

const fixture = (name: string) =>
  new File([readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)))], name);

let t: TestStore;
afterEach(() => t.store.close());

async function openWorkbench(sessionId?: string, blobSizeLimitBytes?: number) {
  const workbench = composeState(createFakeEngine({ programs: FAKE_PROGRAMS }), t.store);
  if (blobSizeLimitBytes !== undefined) await t.store.saveSettings({ blobSizeLimitBytes });
  const session = sessionId ? (await t.store.getSession(sessionId))! : await t.store.createSession('Test');
  await workbench.loader.load(session);
  return workbench;
}

describe('Workbench', () => {
  it('records a run with its argv, program build, input fingerprints and exit status', async () => {
    t = makeStore();
    const workbench = await openWorkbench();
    await workbench.files.openFiles([fixture('ex1.fa')]);
    const run = await workbench.runs.runJob({ steps: [{ program: 'cat', argv: ['ex1.fa'] }] });
    expect(run).toMatchObject({ status: 'succeeded', exitStatus: 0, command: 'cat ex1.fa' });
    expect(run.stdout.startsWith('>seq1')).toBe(true);
    expect(run.programs).toEqual([{ program: 'cat', tool: 'cat', version: 'fake', wasmSha256: '0'.repeat(64) }]);
    expect(run.inputs).toEqual([{ name: 'ex1.fa', size: 3225, fingerprint: workbench.files.files[0]!.fingerprint }]);
    const stored = await t.store.listRuns(workbench.current.session!.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'succeeded', steps: [{ program: 'cat', argv: ['ex1.fa'] }] });
  });

  it('keeps a failing run with its exit status, stderr and advice', async () => {
    t = makeStore();
    const workbench = await openWorkbench();
    const run = await workbench.runs.runJob({ steps: [{ program: 'exit', argv: ['2', 'boom'] }] });
    expect(run).toMatchObject({ status: 'failed', exitStatus: 2 });
    expect(run.stderr).toContain('boom');
    expect(run.advice).toBeTruthy();
  });

  it('brings back files, runs and job outputs after a reload', async () => {
    t = makeStore();
    const first = await openWorkbench();
    await first.files.openFiles([fixture('ex1.fa')]);
    await first.runs.runJob({ steps: [{ program: 'cat', argv: ['ex1.fa'] }], stdoutFile: 'copy.fa' });
    const again = await openWorkbench(first.current.session!.id);
    expect(again.files.files.map((file) => [file.name, file.availability, file.origin?.runLabel])).toEqual([
      ['ex1.fa', 'ready', undefined],
      ['copy.fa', 'ready', 'cat ex1.fa > copy.fa'],
    ]);
    expect(again.runs.runs.map((run) => run.command)).toEqual(['cat ex1.fa > copy.fa']);
    expect(await again.engine.listFiles()).toEqual(expect.arrayContaining(['ex1.fa', 'copy.fa']));
    expect(await (await again.runs.readOutput('copy.fa')).text()).toBe(
      readFileSync(fileURLToPath(new URL('../../fixtures/ex1.fa', import.meta.url)), 'utf8'),
    );
  });

  it('asks for a file again when no copy was kept, and recognises it when picked', async () => {
    t = makeStore();
    const first = await openWorkbench(undefined, 100);
    await first.files.openFiles([fixture('ex1.fa')]);
    const again = await openWorkbench(first.current.session!.id);
    expect(again.files.files[0]).toMatchObject({ name: 'ex1.fa', availability: 'missing' });
    await again.files.openFiles([new File([await fixture('ex1.fa').arrayBuffer()], 'renamed.fa')]);
    expect(again.files.files.map((file) => [file.name, file.availability])).toEqual([['ex1.fa', 'ready']]);
    expect(await again.engine.listFiles()).toContain('ex1.fa');
  });

  it('offers the index a FASTA lacks and pairs the one a job creates', async () => {
    t = makeStore();
    const workbench = await openWorkbench();
    await workbench.files.openFiles([fixture('ex1.fa')]);
    expect(workbench.files.files[0]!.indexFix?.missing.jobs[0]?.steps).toEqual([
      { program: 'samtools', argv: ['faidx', 'ex1.fa'] },
    ]);
    await workbench.runs.runJob({ steps: [{ program: 'touch', argv: ['ex1.fa.fai', 'seq1\t1575\t6\t60\t61\n'] }] });
    expect(workbench.files.files[0]).toMatchObject({ indexName: 'ex1.fa.fai', indexFix: undefined });
  });

  it('shows progress of a running job and clears it when the job ends', async () => {
    t = makeStore();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const engine = createFakeEngine({
      programs: {
        ...FAKE_PROGRAMS,
        slowread: async (call) => {
          call.progress(40, 100);
          await gate;
          return 0;
        },
      },
    });
    const workbench = composeState(engine, t.store);
    await workbench.loader.load(await t.store.createSession('Progress'));
    const running = workbench.runs.runJob({ steps: [{ program: 'slowread', argv: [] }] });
    await expect.poll(() => Object.values(workbench.runs.progress)[0]).toMatch(/^\d+ s, 40% of input read$/);
    release();
    await running;
    expect(workbench.runs.progress).toEqual({});
  });

  it('keeps files picked while the session is still loading', async () => {
    t = makeStore();
    const workbench = composeState(createFakeEngine({ programs: FAKE_PROGRAMS }), t.store);
    const session = await t.store.createSession('Early');
    const opening = workbench.files.openFiles([fixture('ex1.fa')]);
    await workbench.loader.load(session);
    await opening;
    expect(workbench.files.files.map((file) => file.name)).toEqual(['ex1.fa']);
    expect((await t.store.listFiles(session.id)).map((file) => file.name)).toEqual(['ex1.fa']);
  });

  it('warns when files in the session disagree on their contigs', async () => {
    t = makeStore();
    const workbench = await openWorkbench();
    await workbench.files.openFiles([fixture('ex1.bam'), fixture('toy.sam')]);
    expect(workbench.files.warnings.join(' ')).toMatch(/ex1\.bam|toy\.sam/);
  });
});
