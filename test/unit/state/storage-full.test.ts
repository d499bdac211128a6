// A full disk seen from the workbench: the failed change is rolled back, the user is told "Browser storage is
// full" with what to do, and everything saved earlier is still there (also for a fresh page on the same store).
import { afterEach, describe, expect, it } from 'vitest';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { composeState, type AppState } from './compose';
import { createFakeEngine } from '../../fakes/fake-engine';
import { makeStore, type TestStore } from '../storage/support';

let t: TestStore;
const originalPut = FakeObjectStore.prototype.put;
const originalAdd = FakeObjectStore.prototype.add;

/** Makes writes to one object store fail the way a full disk does in a browser. */
function failWritesTo(storeName: string): void {
  const wrap = (original: typeof originalPut) =>
    function (this: IDBObjectStore, ...args: Parameters<typeof originalPut>) {
      if (this.name === storeName) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  FakeObjectStore.prototype.put = wrap(originalPut);
  FakeObjectStore.prototype.add = wrap(originalAdd);
}

function diskFreedAgain(): void {
  FakeObjectStore.prototype.put = originalPut;
  FakeObjectStore.prototype.add = originalAdd;
}

afterEach(() => {
  diskFreedAgain();
  t.store.close();
});

const engine = () => createFakeEngine({ programs: { echo: ({ argv, stdout }) => (stdout(`${argv.join(' ')}\n`), 0) } });

async function workbenchWith(files: File[]): Promise<AppState> {
  const workbench = composeState(engine(), t.store);
  await workbench.loader.load(await t.store.createSession('S'));
  await workbench.files.openFiles(files);
  return workbench;
}

async function reopened(sessionId: string): Promise<AppState> {
  const workbench = composeState(engine(), t.store);
  await workbench.loader.load((await t.store.getSession(sessionId))!);
  return workbench;
}

describe('storage full, as the workbench sees it', () => {
  it('adding a file: says storage is full, keeps the earlier files, stores nothing of the new one', async () => {
    t = makeStore();
    const workbench = await workbenchWith([new File(['@r\nAC\n+\nII\n'], 'early.fastq')]);
    failWritesTo('fileData');
    await workbench.files.openFiles([new File(['>s\nACGT\n'], 'late.fa')]);
    expect(workbench.notices.latest).toEqual({
      kind: 'error',
      text: expect.stringMatching(
        /^The files could not be added: Browser storage is full: could not keep late\.fa\. Nothing of this change was saved\. Free space/,
      ),
    });
    expect(workbench.files.files.map((f) => f.name)).toEqual(['early.fastq']);
    diskFreedAgain();
    const again = await reopened(workbench.current.session!.id);
    expect(again.files.files.map((f) => f.name)).toEqual(['early.fastq']);
    expect(again.files.files[0]?.availability).toBe('ready');
  });

  it('saving a run: says storage is full, and the runs saved earlier are intact', async () => {
    t = makeStore();
    const workbench = await workbenchWith([]);
    await workbench.runs.runJob({ steps: [{ program: 'echo', argv: ['first'] }] });
    failWritesTo('runs');
    const run = await workbench.runs.runJob({ steps: [{ program: 'echo', argv: ['second'] }] });
    expect(run.status).toBe('succeeded');
    expect(workbench.notices.latest).toEqual({
      kind: 'error',
      text: expect.stringMatching(/^The run could not be saved to the session: Browser storage is full/),
    });
    diskFreedAgain();
    const again = await reopened(workbench.current.session!.id);
    expect(again.runs.runs.map((r) => [r.command, r.status])).toEqual([['echo first', 'succeeded']]);
  });

  it('saving notes: says storage is full and keeps the notes saved before', async () => {
    t = makeStore();
    const workbench = await workbenchWith([]);
    await workbench.current.setNotes(workbench.current.id!, 'kept');
    failWritesTo('sessions');
    await workbench.current.setNotes(workbench.current.id!, 'lost');
    expect(workbench.notices.latest?.text).toMatch(/^Your notes could not be saved: Browser storage is full/);
    diskFreedAgain();
    expect((await reopened(workbench.current.session!.id)).current.session?.notes).toBe('kept');
  });
});
