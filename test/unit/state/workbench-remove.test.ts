// Removing a file or an output: tools, `ls` and a reload all stop seeing it (fake engine, real Dexie store).
import { afterEach, describe, expect, it } from 'vitest';
import { composeState, type AppState } from './compose';
import { createFakeEngine, FAKE_PROGRAMS } from '../../fakes/fake-engine';
import { makeStore, type TestStore } from '../storage/support';

let t: TestStore;
afterEach(() => t.store.close());

async function openWorkbench(sessionId?: string) {
  const workbench = composeState(createFakeEngine({ programs: FAKE_PROGRAMS }), t.store);
  const session = sessionId ? (await t.store.getSession(sessionId))! : await t.store.createSession('Test');
  await workbench.loader.load(session);
  return workbench;
}

/** What the console's ls printed (the lines after its prompt line). */
const ls = async (workbench: AppState) => {
  const before = workbench.console.lines.length;
  await workbench.console.submit('ls');
  return workbench.console.lines
    .slice(before + 1)
    .map((line) => line.text)
    .join('\n');
};

describe('removing from the session', () => {
  it('rm of an output: a later command and ls no longer see it, also after a reload; the run keeps its record', async () => {
    t = makeStore();
    const first = await openWorkbench();
    await first.files.openFiles([new File(['a\nb\n'], 'in.txt')]);
    await first.runs.runJob({ steps: [{ program: 'cat', argv: ['in.txt'] }], stdoutFile: 'out.txt' });
    expect(await ls(first)).toBe('in.txt\nout.txt');
    await first.console.submit('rm out.txt');
    expect(await ls(first)).toBe('in.txt');
    const later = await first.runs.runJob({ steps: [{ program: 'cat', argv: ['out.txt'] }] });
    expect(later).toMatchObject({ status: 'failed', stderr: 'cat: out.txt: No such file or directory\n' });
    const again = await openWorkbench(first.current.session!.id);
    expect(await again.engine.listFiles()).toEqual(['in.txt']);
    expect(again.runs.runs.find((run) => run.command === 'cat in.txt > out.txt')?.outputs).toMatchObject([
      { name: 'out.txt', removed: true },
    ]);
  });

  it('a newer output of a removed name is seen again', async () => {
    t = makeStore();
    const first = await openWorkbench();
    await first.runs.runJob({ steps: [{ program: 'echo', argv: ['one'] }], stdoutFile: 'x.txt' });
    await first.console.submit('rm x.txt');
    await first.runs.runJob({ steps: [{ program: 'echo', argv: ['two'] }], stdoutFile: 'x.txt' });
    const again = await openWorkbench(first.current.session!.id);
    expect(await (await again.runs.readOutput('x.txt')).text()).toBe('two\n');
  });

  it('rm of an opened file removes it from the session, so the file list, ls and a reload agree', async () => {
    t = makeStore();
    const first = await openWorkbench();
    await first.files.openFiles([new File(['a\n'], 'in.txt')]);
    await first.console.submit('rm in.txt');
    expect(first.files.files).toEqual([]);
    expect(await ls(first)).toBe('');
    const again = await openWorkbench(first.current.session!.id);
    expect(again.files.files).toEqual([]);
    expect(await again.engine.listFiles()).toEqual([]);
  });

  it('removing a file that a job overwrote forgets the output of that name too, also after a reload', async () => {
    t = makeStore();
    const first = await openWorkbench();
    await first.files.openFiles([new File(['a\n'], 'in.txt')]);
    await first.runs.runJob({ steps: [{ program: 'echo', argv: ['new'] }], stdoutFile: 'in.txt' });
    await first.files.removeFile(first.files.files[0]!.id);
    expect(await first.engine.listFiles()).toEqual([]);
    const later = await first.runs.runJob({ steps: [{ program: 'cat', argv: ['in.txt'] }] });
    expect(later.status).toBe('failed');
    const again = await openWorkbench(first.current.session!.id);
    expect(await again.engine.listFiles()).toEqual([]);
  });
});

describe('files a job deletes', () => {
  const programs = {
    ...FAKE_PROGRAMS,
    /** gz NAME: writes NAME.gz and deletes NAME, as bgzip NAME does. */
    gz: async (call: Parameters<(typeof FAKE_PROGRAMS)['cat']>[0]) => {
      const name = call.argv[0]!;
      call.writeFile(`${name}.gz`, await call.readText(name));
      call.removeFile(name);
      return 0;
    },
  };

  it('an output the job deleted is gone for later commands, ls and a reload', async () => {
    t = makeStore();
    const first = composeState(createFakeEngine({ programs }), t.store);
    await first.loader.load(await t.store.createSession('Test'));
    await first.runs.runJob({ steps: [{ program: 'echo', argv: ['x'] }], stdoutFile: 'x.txt' });
    const run = await first.runs.runJob({ steps: [{ program: 'gz', argv: ['x.txt'] }] });
    expect(run.outputs.map((output) => output.name)).toEqual(['x.txt.gz']);
    expect(await ls(first)).toBe('x.txt.gz');
    const again = composeState(createFakeEngine({ programs }), t.store);
    await again.loader.load(first.current.session!);
    expect(await again.engine.listFiles()).toEqual(['x.txt.gz']);
  });

  it('a file the user opened stays (Lokus reads opened files, it never deletes them)', async () => {
    t = makeStore();
    const workbench = composeState(createFakeEngine({ programs }), t.store);
    await workbench.loader.load(await t.store.createSession('Test'));
    await workbench.files.openFiles([new File(['a\n'], 'in.txt')]);
    await workbench.runs.runJob({ steps: [{ program: 'gz', argv: ['in.txt'] }] });
    expect(workbench.files.files.map((file) => [file.name, file.origin === undefined])).toEqual([
      ['in.txt', true],
      ['in.txt.gz', false],
    ]);
    expect(await ls(workbench)).toBe('in.txt\nin.txt.gz');
  });
});
