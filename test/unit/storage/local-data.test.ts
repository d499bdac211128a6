import { afterEach, describe, expect, it } from 'vitest';
import { makeStore, newFile, type TestStore } from './support';

let t: TestStore;
afterEach(() => t.store.close());

describe('deleteAllData', () => {
  it('deletes the database: nothing of ours remains in IndexedDB', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    await t.store.addFile(s.id, newFile('x.fa'), { blob: new Blob(['x']) });
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(t.databaseName);
    await t.store.deleteAllData();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(t.databaseName);
  });

  it('lists no sessions afterwards, without creating the database again', async () => {
    t = makeStore();
    await t.store.createSession('A');
    await t.store.deleteAllData();
    expect(await t.store.listSessions()).toEqual([]);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(t.databaseName);
  });

  it('answers every read with nothing afterwards', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    await t.store.deleteAllData();
    expect(
      await Promise.all([
        t.store.getSession(s.id),
        t.store.listFiles(s.id),
        t.store.listRuns(s.id),
        t.store.listConsole(s.id),
        t.store.readOutput('x'),
        t.store.readFileData('x'),
      ]),
    ).toEqual([undefined, [], [], [], undefined, {}]);
    expect((await t.store.getSettings()).theme).toBe('system');
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(t.databaseName);
  });

  it('creates the database again only when the user starts a session', async () => {
    t = makeStore();
    await t.store.createSession('Old');
    await t.store.deleteAllData();
    const fresh = await t.store.createSession('New');
    expect((await t.store.listSessions()).map((s) => s.id)).toEqual([fresh.id]);
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(t.databaseName);
  });
});

describe('storage usage and persistence', () => {
  const manager = (persisted: boolean, grant: boolean) => ({
    estimate: async () => ({ usage: 1234, quota: 10_000 }),
    persisted: async () => persisted,
    persist: async () => grant,
  });

  it('reports usage and quota from the storage manager', async () => {
    t = makeStore({ storageManager: manager(true, true) });
    expect(await t.store.usage()).toEqual({ usageBytes: 1234, quotaBytes: 10_000, persisted: true });
  });

  it('asks for persistence and reports the answer', async () => {
    t = makeStore({ storageManager: manager(false, false) });
    expect(await t.store.requestPersistence()).toBe(false);
  });

  it('reports nothing but "not persisted" where the browser has no storage manager', async () => {
    t = makeStore({ storageManager: null });
    expect(await t.store.usage()).toEqual({ persisted: false });
  });
});
