// TabLock's decisions with an in-memory lock manager that behaves like navigator.locks for one exclusive lock:
// ifAvailable, queued requests, steal (the holder's request rejects with AbortError) and abort signals.
import { describe, expect, it } from 'vitest';
import { TabLock, type LockManagerLike } from '../../../src/state/tab-lock.svelte';

function lockManager(): LockManagerLike & { release(): void } {
  let holder: { reject(error: Error): void; done(): void } | undefined;
  const queue: Array<() => void> = [];
  const grant = (callback: (lock: Lock | null) => unknown) =>
    new Promise<unknown>((resolve, reject) => {
      holder = {
        reject,
        done: () => {
          holder = undefined;
          queue.shift()?.();
        },
      };
      void Promise.resolve(callback({ name: 'l', mode: 'exclusive' } as Lock)).then(resolve, reject);
    });
  return {
    request(_name, options, callback) {
      if (options.steal && holder) {
        const old = holder;
        holder = undefined;
        old.reject(new DOMException('stolen', 'AbortError'));
      }
      if (!holder) return grant(callback);
      if (options.ifAvailable) return Promise.resolve(callback(null));
      return new Promise((resolve, reject) => {
        const start = () => grant(callback).then(resolve, reject);
        queue.push(start);
        options.signal?.addEventListener('abort', () => {
          queue.splice(queue.indexOf(start), 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    },
    release: () => holder?.done(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function tab(locks: LockManagerLike | undefined) {
  const events: string[] = [];
  const lock = new TabLock(locks);
  const started = lock.start(
    async () => void events.push('owner'),
    async () => void events.push('lost'),
  );
  return { lock, events, started };
}

describe('TabLock', () => {
  it('the first tab works at once', async () => {
    const first = tab(lockManager());
    await first.started;
    await tick();
    expect(first.lock.status).toBe('owner');
    expect(first.events).toEqual(['owner']);
  });

  it('a second tab waits, then works when the first goes away', async () => {
    const locks = lockManager();
    const first = tab(locks);
    await first.started;
    const second = tab(locks);
    await second.started;
    expect(second.lock.status).toBe('waiting');
    expect(second.events).toEqual([]);
    locks.release();
    await tick();
    expect(second.lock.status).toBe('owner');
    expect(second.events).toEqual(['owner']);
  });

  it('taking over pauses the other tab, which can take it back', async () => {
    const locks = lockManager();
    const first = tab(locks);
    await first.started;
    const second = tab(locks);
    await second.started;
    await second.lock.takeOver();
    await tick();
    expect([first.lock.status, second.lock.status]).toEqual(['paused', 'owner']);
    expect(first.events).toEqual(['owner', 'lost']);
    await first.lock.takeOver();
    await tick();
    expect([first.lock.status, second.lock.status]).toEqual(['owner', 'paused']);
    expect(first.events).toEqual(['owner', 'lost', 'owner']);
  });

  it('without Web Locks it works as before', async () => {
    const only = tab(undefined);
    await only.started;
    expect(only.lock.status).toBe('unsupported');
    expect(only.events).toEqual(['owner']);
  });
});
