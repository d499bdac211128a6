// The genome viewer's state per session: saved as JSON text, read back, replaced, and gone with its session.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieSessionStore } from '../../../src/storage/dexie-session-store';
import { NotFoundError } from '../../../src/core/storage-port';
import { SCHEMA_V2 } from '../../../src/storage/lokus-db';
import { makeStore, type TestStore } from './support';

let t: TestStore;
afterEach(() => t?.store.close());

const STATE = JSON.stringify({
  version: 1,
  reference: 'ex1.fa',
  tracks: ['ex1.bam'],
  hidden: [],
  locus: 'seq1:100-200',
});

describe('viewer state', () => {
  it('is undefined for a session that never saved one', async () => {
    t = makeStore();
    const session = await t.store.createSession('A');
    expect(await t.store.getViewerState(session.id)).toBeUndefined();
  });

  it('reads back what was saved, and the last save wins', async () => {
    t = makeStore();
    const session = await t.store.createSession('A');
    await t.store.saveViewerState(session.id, '{"version":1}');
    await t.store.saveViewerState(session.id, STATE);
    expect(await t.store.getViewerState(session.id)).toBe(STATE);
  });

  it('keeps each session apart', async () => {
    t = makeStore();
    const a = await t.store.createSession('A');
    const b = await t.store.createSession('B');
    await t.store.saveViewerState(a.id, STATE);
    expect(await t.store.getViewerState(b.id)).toBeUndefined();
  });

  it('does not touch the session row, so panning the view does not reorder the session list', async () => {
    t = makeStore();
    const session = await t.store.createSession('A');
    t.clock.now = 9_000;
    await t.store.saveViewerState(session.id, STATE);
    expect((await t.store.getSession(session.id))?.updatedAt).toBe(session.updatedAt);
  });

  it('refuses a session that does not exist', async () => {
    t = makeStore();
    await expect(t.store.saveViewerState('nope', STATE)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('is deleted with its session', async () => {
    t = makeStore();
    const session = await t.store.createSession('A');
    await t.store.saveViewerState(session.id, STATE);
    await t.store.deleteSession(session.id);
    expect(await t.store.db.viewer.count()).toBe(0);
  });

  it('reads as undefined after deleteAllData without recreating the database', async () => {
    t = makeStore();
    const session = await t.store.createSession('A');
    await t.store.saveViewerState(session.id, STATE);
    await t.store.deleteAllData();
    expect(await t.store.getViewerState(session.id)).toBeUndefined();
  });
});

describe('schema v2 -> v3', () => {
  it('adds the viewer table and keeps the v2 sessions', async () => {
    const name = 'lokus-migrate-v3';
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('sessions').add({ id: 's1', name: 'Old', createdAt: 1, updatedAt: 2, notes: '' });
    v2.close();
    const store = new DexieSessionStore({ databaseName: name });
    try {
      await store.saveViewerState('s1', STATE);
      expect(await store.getViewerState('s1')).toBe(STATE);
      expect(store.db.verno).toBeGreaterThanOrEqual(3);
    } finally {
      store.close();
    }
  });
});
