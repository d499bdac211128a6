// The vault state on a real store (fake-indexeddb): sessions open only after unlock, a wrong passphrase is a
// plain message that opens nothing, lock hides data after jobs stop, auto-lock counts idle time without jobs.
import { afterEach, describe, expect, it } from 'vitest';
import { VaultState, type VaultHost } from '../../../src/state/vault.svelte';
import { makeEncryptableStore } from '../storage/encryption-support';
import type { TestStore } from '../storage/support';

let t: TestStore;
let vault: VaultState | undefined;
afterEach(() => {
  vault?.stop();
  t?.store.close();
});

function host(overrides: Partial<VaultHost> = {}) {
  const calls: string[] = [];
  const clock = { now: 0 };
  const value: VaultHost = {
    open: async () => void calls.push('open'),
    close: async () => void calls.push('close'),
    busy: () => false,
    cancelJobs: () => void calls.push('cancel'),
    deleteAll: async () => {
      calls.push('deleteAll');
      await t.store.deleteAllData();
    },
    now: () => clock.now,
    ...overrides,
  };
  return { value, calls, clock };
}

async function encryptedStore(): Promise<void> {
  t = makeEncryptableStore();
  await t.store.createSession('s');
  await t.store.enableEncryption('correct horse');
  await t.store.lock();
}

describe('VaultState', () => {
  it('without encryption opens the sessions at start', async () => {
    t = makeEncryptableStore();
    const h = host();
    vault = new VaultState(t.store, h.value);
    await vault.start();
    expect([vault.status, h.calls]).toEqual(['off', ['open']]);
  });

  it('with encryption waits for the passphrase; a wrong one opens nothing and says so', async () => {
    await encryptedStore();
    const h = host();
    vault = new VaultState(t.store, h.value);
    await vault.start();
    expect([vault.status, h.calls]).toEqual(['locked', []]);
    await vault.unlock('wrong horse');
    expect(vault.status).toBe('locked');
    expect(vault.error).toMatch(
      /^That passphrase is not the one your Lokus data was locked with\. Check the passphrase/,
    );
    expect(h.calls).toEqual([]);
    await vault.unlock('correct horse');
    expect([vault.status, vault.error, h.calls]).toEqual(['unlocked', undefined, ['open']]);
  });

  it('refuses a short or mistyped new passphrase before touching anything', async () => {
    t = makeEncryptableStore();
    vault = new VaultState(t.store, host().value);
    await vault.start();
    expect(await vault.enable('short', 'short')).toBe(false);
    expect(vault.error).toBe('Choose a passphrase of at least 8 characters.');
    expect(await vault.enable('long enough', 'long enougH')).toBe(false);
    expect(vault.error).toMatch(/differ/);
    expect(await t.store.encryptionStatus()).toBe('off');
  });

  it('lock now cancels jobs, hides the session, then forgets the key', async () => {
    await encryptedStore();
    const h = host();
    vault = new VaultState(t.store, h.value);
    await vault.start();
    await vault.unlock('correct horse');
    await vault.lock();
    expect([vault.status, h.calls]).toEqual(['locked', ['open', 'cancel', 'close']]);
    expect(await t.store.encryptionStatus()).toBe('locked');
  });

  it('auto-locks after the idle minutes set, but not while a job runs', async () => {
    await encryptedStore();
    let running = true;
    const h = host({ busy: () => running });
    vault = new VaultState(t.store, h.value);
    await vault.start();
    await vault.unlock('correct horse');
    await vault.setAutoLock(2);
    h.clock.now += 3 * 60_000;
    await vault.checkIdle();
    expect(vault.status).toBe('unlocked');
    running = false;
    h.clock.now += 60_000;
    await vault.checkIdle();
    expect(vault.status).toBe('unlocked');
    h.clock.now += 60_000;
    await vault.checkIdle();
    expect(vault.status).toBe('locked');
    expect(vault.message).toBe('Locked after 2 minutes without use.');
    expect((await t.store.getSettings()).autoLockMinutes).toBe(2);
  });

  it('notices when "Delete all local data" elsewhere removed the vault too', async () => {
    await encryptedStore();
    vault = new VaultState(t.store, host().value);
    await vault.start();
    await vault.unlock('correct horse');
    await t.store.deleteAllData();
    await vault.checkIdle();
    expect(vault.status).toBe('off');
  });

  it('a forgotten passphrase: delete all local data leaves encryption off and nothing stored', async () => {
    await encryptedStore();
    const h = host();
    vault = new VaultState(t.store, h.value);
    await vault.start();
    await vault.deleteAll();
    expect([vault.status, h.calls]).toEqual(['off', ['deleteAll']]);
  });
});
