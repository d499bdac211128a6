import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/core/storage-port';
import { makeStore, newFile, newRun, text, type TestStore } from './support';

let t: TestStore;
afterEach(() => t.store.close());

describe('sessions', () => {
  it('creates a session with empty notes and equal timestamps', async () => {
    t = makeStore();
    expect(await t.store.createSession('Trio')).toEqual({
      id: 'id-1',
      name: 'Trio',
      createdAt: 1000,
      updatedAt: 1000,
      notes: '',
    });
  });

  it('lists the most recently changed session first', async () => {
    t = makeStore();
    const a = await t.store.createSession('A');
    t.clock.now = 2000;
    await t.store.createSession('B');
    t.clock.now = 3000;
    await t.store.renameSession(a.id, 'A2');
    expect((await t.store.listSessions()).map((s) => s.name)).toEqual(['A2', 'B']);
  });

  it('saves notes and bumps updatedAt', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    t.clock.now = 5000;
    expect(await t.store.setNotes(s.id, 'proband is II-1')).toMatchObject({
      notes: 'proband is II-1',
      updatedAt: 5000,
    });
    expect((await t.store.getSession(s.id))?.notes).toBe('proband is II-1');
  });

  it('refuses to rename a session that does not exist', async () => {
    t = makeStore();
    await expect(t.store.renameSession('nope', 'x')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('deletes a session with everything in it', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    const keep = await t.store.createSession('B');
    await t.store.addFile(s.id, newFile('a.vcf.gz'), { blob: new Blob(['x']) });
    const out = await t.store.saveOutput(s.id, 'run-1', 'out.txt', new Blob(['o']));
    await t.store.saveRun(newRun(s.id, { outputs: [out] }));
    await t.store.appendConsole(s.id, 'samtools flagstat ex1.bam');
    await t.store.addFile(keep.id, newFile('b.vcf.gz'));
    await t.store.deleteSession(s.id);
    const db = t.store.db;
    const counts = await Promise.all(
      [db.files, db.fileData, db.runs, db.outputs, db.console].map((table) =>
        table.where('sessionId').equals(s.id).count(),
      ),
    );
    expect(counts).toEqual([0, 0, 0, 0, 0]);
    expect(await t.store.getSession(s.id)).toBeUndefined();
    expect(await t.store.listFiles(keep.id)).toHaveLength(1);
  });
});

describe('duplicateSession', () => {
  it('copies files, runs, outputs and console under new ids, keeping references consistent', async () => {
    t = makeStore();
    const s = await t.store.createSession('Original');
    await t.store.setNotes(s.id, 'n');
    await t.store.addFile(s.id, newFile('a.vcf.gz'), { blob: new Blob(['bytes']) });
    const out = await t.store.saveOutput(s.id, 'run-1', 'flagstat.txt', new Blob(['42 reads']));
    await t.store.saveRun(newRun(s.id, { status: 'succeeded', outputs: [out] }));
    await t.store.appendConsole(s.id, 'samtools flagstat ex1.bam', 'run-1');

    t.clock.now = 9000;
    const copy = await t.store.duplicateSession(s.id, 'Copy');
    expect(copy).toMatchObject({ name: 'Copy', notes: 'n', createdAt: 9000 });
    expect(copy.id).not.toBe(s.id);

    const [file] = await t.store.listFiles(copy.id);
    expect(await text((await t.store.readFileData(file?.id ?? '')).blob)).toBe('bytes');
    const [run] = await t.store.listRuns(copy.id);
    expect(run?.id).not.toBe('run-1');
    expect(await text(await t.store.readOutput(run?.outputs[0]?.blobId ?? ''))).toBe('42 reads');
    expect(run?.outputs[0]?.blobId).not.toBe(out.blobId);
    expect((await t.store.listConsole(copy.id))[0]).toMatchObject({
      line: 'samtools flagstat ex1.bam',
      runId: run?.id,
    });
    expect(await t.store.listRuns(s.id)).toHaveLength(1);
  });
});
