// One tab at a time works on the stored sessions (a Web Lock held for the page's life). A second tab waits
// and takes over by itself when the first closes, or at once when the user asks, which pauses the first.
// This also keeps a new tab from marking the first tab's running jobs as interrupted.

export type TabLockStatus = 'starting' | 'owner' | 'waiting' | 'paused' | 'unsupported';

/** The part of navigator.locks this needs. */
export interface LockManagerLike {
  request(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => Promise<unknown> | unknown,
  ): Promise<unknown>;
}

export const LOCK_NAME = 'lokus-sessions';

export class TabLock {
  status = $state<TabLockStatus>('starting');
  #queued: AbortController | undefined;
  #onOwner: () => Promise<void> = async () => {};
  #onLost: () => Promise<void> = async () => {};

  constructor(private readonly locks: LockManagerLike | undefined) {}

  /**
   * Starts: `onOwner` runs each time this tab becomes the one that works on the sessions (at once when no
   * other tab has them), `onLost` when another tab takes them over.
   */
  async start(onOwner: () => Promise<void>, onLost: () => Promise<void>): Promise<void> {
    this.#onOwner = onOwner;
    this.#onLost = onLost;
    if (!this.locks) {
      // Without Web Locks (very old browsers) one tab cannot see another: work as before.
      this.status = 'unsupported';
      await onOwner();
      return;
    }
    const got = await this.#hold({ ifAvailable: true });
    if (got) return;
    this.status = 'waiting';
    this.#queued = new AbortController();
    // Queued: granted when the other tab closes.
    void this.#hold({ signal: this.#queued.signal });
  }

  /** "Use Lokus here": takes the sessions from the other tab, which pauses. */
  async takeOver(): Promise<void> {
    if (!this.locks || this.status === 'owner') return;
    this.#queued?.abort();
    this.#queued = undefined;
    await this.#hold({ steal: true });
  }

  /** Resolves true once the lock is held (and keeps holding it), false when it was not available. */
  #hold(options: LockOptions): Promise<boolean> {
    const locks = this.locks!;
    // Only the request that got the lock may pause this tab (an aborted queued request rejects later, too).
    let held = false;
    return new Promise<boolean>((resolve) => {
      locks
        .request(LOCK_NAME, { mode: 'exclusive', ...options }, async (lock) => {
          if (!lock) {
            resolve(false);
            return;
          }
          held = true;
          this.status = 'owner';
          resolve(true);
          await this.#onOwner();
          // Held until the page goes away or another tab steals it.
          await new Promise<never>(() => {});
        })
        .catch(async (error: unknown) => {
          const name = (error as { name?: string }).name;
          if (name !== 'AbortError') throw error;
          if (held) {
            // Stolen by another tab: stop working on the sessions here.
            this.status = 'paused';
            await this.#onLost();
          }
          resolve(false);
        });
    });
  }
}
