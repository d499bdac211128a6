// A worker's side of worker-watch.ts: it beats on a port while its event loop is free, says when a tool is about
// to hold its thread (no beat can come then, and none is expected), and holds a Web Lock for as long as it lives.

/** Sent by the main thread when it starts watching a worker. */
export interface BeatSetup {
  port: MessagePort;
  beatMs: number;
  /** A name no other worker uses; the lock is released only when this worker ends. */
  lockName?: string;
}

export type BeatMessage = { kind: 'beat' } | { kind: 'busy' } | { kind: 'free' } | { kind: 'locked' };

export class Heartbeat {
  private readonly port: MessagePort;

  constructor(setup: BeatSetup, locks: LockManager | undefined = navigator.locks) {
    this.port = setup.port;
    this.send({ kind: 'beat' });
    setInterval(() => this.send({ kind: 'beat' }), setup.beatMs);
    if (setup.lockName && locks)
      // Never released by the worker: the browser releases it when the worker ends, however it ends.
      void locks.request(setup.lockName, () => {
        this.send({ kind: 'locked' });
        return new Promise<never>(() => undefined);
      });
  }

  /** Runs `work` (a tool holding the thread), telling the watcher that it will hear nothing meanwhile. */
  async hold<T>(work: () => Promise<T>): Promise<T> {
    this.send({ kind: 'busy' });
    try {
      return await work();
    } finally {
      this.send({ kind: 'free' });
    }
  }

  private send(message: BeatMessage): void {
    this.port.postMessage(message);
  }
}
