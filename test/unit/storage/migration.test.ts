import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieSessionStore } from '../../../src/storage/dexie-session-store';
import { SCHEMA_V1 } from '../../../src/storage/lokus-db';

let store: DexieSessionStore | undefined;
afterEach(() => store?.close());

/** Writes a database exactly as a v1 Lokus left it: raw rows, no notes on sessions. */
async function createV1Database(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('sessions').bulkAdd([
    { id: 's1', name: 'Old session', createdAt: 1, updatedAt: 2 },
    { id: 's2', name: 'Has notes somehow', createdAt: 1, updatedAt: 3, notes: 'kept' },
  ]);
  await v1.table('runs').add({
    id: 'r1',
    sessionId: 's1',
    label: 'bcftools stats',
    steps: [{ program: 'bcftools', argv: ['stats', 'a.vcf.gz'] }],
    programs: [],
    inputs: [],
    status: 'running',
    startedAt: 10,
    stdout: '',
    stderr: '',
    outputs: [],
  });
  await v1.table('console').bulkAdd([
    { sessionId: 's1', line: 'first', at: 1 },
    { sessionId: 's1', line: 'second', at: 2 },
  ]);
  v1.close();
}

describe('schema v1 -> v2', () => {
  it('backfills empty notes on v1 sessions and keeps existing ones', async () => {
    await createV1Database('lokus-migrate-1');
    store = new DexieSessionStore({ databaseName: 'lokus-migrate-1' });
    expect((await store.listSessions()).map((s) => [s.id, s.notes])).toEqual([
      ['s2', 'kept'],
      ['s1', ''],
    ]);
  });

  it('opens at the latest version (5)', async () => {
    await createV1Database('lokus-migrate-2');
    store = new DexieSessionStore({ databaseName: 'lokus-migrate-2' });
    await store.db.open();
    expect(store.db.verno).toBe(5);
  });

  it('indexes v1 runs by status, so the startup scan finds the one left running', async () => {
    await createV1Database('lokus-migrate-3');
    store = new DexieSessionStore({ databaseName: 'lokus-migrate-3' });
    expect(await store.markInterruptedRuns(99)).toBe(1);
    expect((await store.listRuns('s1'))[0]).toMatchObject({ id: 'r1', status: 'interrupted', endedAt: 99 });
  });

  it('indexes v1 console lines by [sessionId+id]', async () => {
    await createV1Database('lokus-migrate-4');
    store = new DexieSessionStore({ databaseName: 'lokus-migrate-4' });
    expect((await store.listConsole('s1', 1)).map((e) => e.line)).toEqual(['second']);
  });
});
