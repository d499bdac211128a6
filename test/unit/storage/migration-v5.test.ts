// v5 adds the `lessons` table: a v4 database opens with its sessions intact, lesson progress round-trips (sealed
// when encryption is on), and leaves with its session.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieSessionStore } from '../../../src/storage/dexie-session-store';
import { SCHEMA_V4 } from '../../../src/storage/lokus-db';
import { FAST } from './encryption-support';

const opened: DexieSessionStore[] = [];
afterEach(() => opened.splice(0).forEach((store) => store.close()));
const open = (databaseName: string) => {
  const store = new DexieSessionStore({ databaseName, pbkdf2IterationsForTests: FAST });
  opened.push(store);
  return store;
};

describe('schema v5: lesson progress', () => {
  it('a v4 database upgrades with its session intact and no lesson', async () => {
    const v4 = new Dexie('v5-upgrade');
    v4.version(4).stores(SCHEMA_V4);
    await v4.table('sessions').add({ id: 's1', name: 'Course', createdAt: 1, updatedAt: 2, notes: '' });
    v4.close();
    const store = open('v5-upgrade');
    expect((await store.getSession('s1'))?.name).toBe('Course');
    expect(await store.getLessonState('s1')).toBeUndefined();
  });

  it('saves, reads back, forgets, and deletes progress with its session', async () => {
    const store = open('v5-roundtrip');
    const session = await store.createSession('Lab 1');
    await store.saveLessonState(session.id, '{"lessonId":"a","step":2}');
    expect(await store.getLessonState(session.id)).toBe('{"lessonId":"a","step":2}');
    await store.saveLessonState(session.id, undefined);
    expect(await store.getLessonState(session.id)).toBeUndefined();
    await store.saveLessonState(session.id, '{"lessonId":"b"}');
    await store.deleteSession(session.id);
    expect(await store.getLessonState(session.id)).toBeUndefined();
  });

  it('progress is sealed with encryption on and readable after unlock', async () => {
    const store = open('v5-sealed');
    const session = await store.createSession('Lab 2');
    await store.saveLessonState(session.id, '{"answer":"CYP2C19 *2/*2"}');
    await store.enableEncryption('correct horse battery');
    const raw = new Dexie('v5-sealed');
    raw.version(5).stores({ lessons: 'sessionId' });
    const row = (await raw.table('lessons').get(session.id)) as Record<string, unknown>;
    raw.close();
    expect(JSON.stringify(row)).not.toContain('CYP2C19');
    expect(await store.getLessonState(session.id)).toBe('{"answer":"CYP2C19 *2/*2"}');
  });
});
