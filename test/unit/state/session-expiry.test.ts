// Auto-expiry at start: sessions unchanged for longer than the setting are deleted with everything in them;
// newer sessions and the setting itself stay; off by default.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expiredSessions, type Session } from '../../../src/core/session';
import { SessionsState } from '../../../src/state/sessions.svelte';
import { composeState, type AppState } from './compose';
import { createFakeEngine } from '../../fakes/fake-engine';
import { makeStore, newFile, newRun, type TestStore } from '../storage/support';

const DAY = 24 * 60 * 60 * 1000;
let t: TestStore;

beforeEach(() => {
  const items = new Map<string, string>();
  globalThis.localStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  } as Storage;
});
afterEach(() => t?.store.close());

async function sessionsAged(ages: Record<string, number>): Promise<Map<string, Session>> {
  const made = new Map<string, Session>();
  for (const [name, days] of Object.entries(ages)) {
    t.clock.now = Date.now() - days * DAY;
    const session = await t.store.createSession(name);
    await t.store.addFile(session.id, newFile(`${name}.vcf`), { blob: new Blob(['x']) });
    made.set(name, session);
  }
  return made;
}

async function start(): Promise<{ sessions: SessionsState; workbench: AppState }> {
  const workbench = composeState(createFakeEngine({ programs: {} }), t.store);
  const sessions = workbench.sessions;
  await sessions.start();
  return { sessions, workbench };
}

describe('expiredSessions', () => {
  const at = (updatedAt: number) => ({ id: String(updatedAt), name: '', createdAt: 0, updatedAt, notes: '' });
  it.each([
    [undefined, []],
    [0, []],
    [30, ['0']],
    [100, []],
  ])('with %s days keeps or drops sessions by their last change', (days, expected) => {
    expect(expiredSessions([at(0), at(45 * DAY)], days, 60 * DAY).map((s) => s.id)).toEqual(expected);
  });
});

describe('SessionsState auto-expiry', () => {
  it('is off by default: old sessions stay', async () => {
    t = makeStore();
    await sessionsAged({ old: 400 });
    const { sessions } = await start();
    expect(sessions.sessions.map((s) => s.name)).toEqual(['old']);
  });

  it('deletes sessions unchanged for longer than the setting, with their files, and says so', async () => {
    t = makeStore();
    const made = await sessionsAged({ old: 40, recent: 2 });
    const first = await start();
    await first.workbench.settings.setSessionExpiry(30);
    t.clock.now = Date.now();
    const { sessions, workbench } = await start();
    expect(sessions.sessions.map((s) => s.name)).toEqual(['recent']);
    expect(await t.store.listFiles(made.get('old')!.id)).toEqual([]);
    expect(await t.store.listFiles(made.get('recent')!.id)).toHaveLength(1);
    expect(workbench.notices.latest?.text).toBe(
      '1 session unchanged for more than 30 days was deleted, as set in Storage and export.',
    );
    expect(workbench.settings.sessionExpiryDays).toBe(30);
  });

  it('shows both notices when a start-up deletes expired sessions and finds interrupted runs', async () => {
    t = makeStore();
    const made = await sessionsAged({ old: 40, recent: 2 });
    await t.store.saveRun(newRun(made.get('recent')!.id, { status: 'running' }));
    const first = await start();
    await first.workbench.settings.setSessionExpiry(30);
    await t.store.saveRun(newRun(made.get('recent')!.id, { id: 'run-left-running', status: 'running' }));
    t.clock.now = Date.now();
    const { workbench } = await start();
    expect(workbench.notices.shown.map((n) => n.text)).toEqual([
      '1 session unchanged for more than 30 days was deleted, as set in Storage and export.',
      '1 run was still going when the page closed and is marked interrupted; everything else is as you left it.',
    ]);
  });
});
