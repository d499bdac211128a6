// Files a run writes are files of the session: listed with their format and the run that made them, back after a
// reload, replaced by a newer file of their name, and gone only when the user (or a later job) removes them.
import { afterEach, describe, expect, it } from 'vitest';
import { composeState } from './compose';
import { createFakeEngine, FAKE_PROGRAMS } from '../../fakes/fake-engine';
import { makeStore, type TestStore } from '../storage/support';

let t: TestStore;
afterEach(() => t.store.close());

const FASTA = '>seq1\nACGT\n';

async function openWorkbench(sessionId?: string) {
  const workbench = composeState(createFakeEngine({ programs: FAKE_PROGRAMS }), t.store);
  const session = sessionId ? (await t.store.getSession(sessionId))! : await t.store.createSession('Test');
  await workbench.loader.load(session);
  return workbench;
}

type Workbench = Awaited<ReturnType<typeof openWorkbench>>;
const listed = (workbench: Workbench) =>
  workbench.files.files.map((file) => [file.name, file.detected.format, file.origin?.runLabel ?? 'opened']);

describe('files a run writes', () => {
  it('join the file list with their detected format and the run that made them, and come back after a reload', async () => {
    t = makeStore();
    const first = await openWorkbench();
    await first.files.openFiles([new File([FASTA], 'in.fa')]);
    const run = await first.runs.runJob({ steps: [{ program: 'cat', argv: ['in.fa'] }], stdoutFile: 'copy.fa' });
    const expected = [
      ['in.fa', 'fasta', 'opened'],
      ['copy.fa', 'fasta', 'cat in.fa > copy.fa'],
    ];
    expect(listed(first)).toEqual(expected);
    expect(first.files.files[1]!.origin?.runId).toBe(run.id);
    expect(await first.files.blobOf('copy.fa')?.text()).toBe(FASTA);
    const again = await openWorkbench(first.current.session!.id);
    expect(listed(again)).toEqual(expected);
    expect(again.files.files[1]!.fingerprint).toBe(first.files.files[1]!.fingerprint);
  });

  it.each([
    ['a later run of the same name', 'run'],
    ['the opened file it wrote over', 'opened'],
  ])('a newer output replaces %s, with the new origin, also after a reload', async (_case, before) => {
    t = makeStore();
    const first = await openWorkbench();
    if (before === 'opened') await first.files.openFiles([new File(['old\n'], 'x.txt')]);
    else await first.runs.runJob({ steps: [{ program: 'echo', argv: ['old'] }], stdoutFile: 'x.txt' });
    await first.runs.runJob({ steps: [{ program: 'echo', argv: ['new'] }], stdoutFile: 'x.txt' });
    expect(listed(first)).toEqual([['x.txt', 'table', 'echo new > x.txt']]);
    const again = await openWorkbench(first.current.session!.id);
    expect(listed(again)).toEqual([['x.txt', 'table', 'echo new > x.txt']]);
    expect(await again.files.blobOf('x.txt')?.text()).toBe('new\n');
  });

  it('a file the user opens over an output replaces it, also after a reload', async () => {
    t = makeStore();
    const first = await openWorkbench();
    await first.runs.runJob({ steps: [{ program: 'echo', argv: ['made'] }], stdoutFile: 'x.txt' });
    await first.files.openFiles([new File(['opened\n'], 'x.txt')]);
    expect(listed(first)).toEqual([['x.txt', 'table', 'opened']]);
    const again = await openWorkbench(first.current.session!.id);
    expect(listed(again)).toEqual([['x.txt', 'table', 'opened']]);
    expect(await (await again.engine.readFile('x.txt')).text()).toBe('opened\n');
  });

  it('removing one takes it off the list and out of the work area for good; its run keeps the record', async () => {
    t = makeStore();
    const first = await openWorkbench();
    await first.runs.runJob({ steps: [{ program: 'echo', argv: ['x'] }], stdoutFile: 'x.txt' });
    await first.files.removeFile(first.files.files[0]!.id);
    expect(first.files.files).toEqual([]);
    expect(await first.engine.listFiles()).toEqual([]);
    const again = await openWorkbench(first.current.session!.id);
    expect(again.files.files).toEqual([]);
    expect(again.runs.runs[0]!.outputs).toMatchObject([{ name: 'x.txt', removed: true }]);
  });
});
