// Switching sessions: notices of the session left behind go, and an imported session whose name is taken is
// named "… (imported)" so the two can be told apart (fake engine, real Dexie store on fake-indexeddb).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeState } from './compose';
import { createFakeEngine, FAKE_PROGRAMS } from '../../fakes/fake-engine';
import { makeStore, type TestStore } from '../storage/support';

let t: TestStore;
beforeEach(() => {
  const items = new Map<string, string>();
  globalThis.localStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  } as Storage;
});
afterEach(() => t.store.close());

describe('switching sessions', () => {
  it('a new session starts without the notices of the one before', async () => {
    t = makeStore();
    const app = composeState(createFakeEngine({ programs: FAKE_PROGRAMS }), t.store);
    await app.sessions.create('First');
    app.notices.info('Example files opened.');
    await app.sessions.create('Second');
    expect(app.notices.shown).toEqual([]);
  });

  it.each([
    ['a name already in the list', 'My session', 'My session (imported)'],
    ['a name not in the list', 'Elsewhere', 'Elsewhere'],
  ])('an imported session with %s is named %s', async (_case, exportedName, expected) => {
    t = makeStore();
    const app = composeState(createFakeEngine({ programs: FAKE_PROGRAMS }), t.store);
    await app.sessions.create(exportedName);
    const exported = await app.sessions.exportCurrent(false);
    if (exportedName !== 'My session') {
      await app.sessions.remove();
      await app.sessions.create('My session');
    }
    await app.sessions.importArchive(new File([exported!.blob], exported!.fileName));
    expect(app.current.session?.name).toBe(expected);
  });
});
