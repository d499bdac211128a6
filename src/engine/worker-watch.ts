// Tells when a worker can no longer answer, so its command ends failed instead of "running" for ever: an uncaught
// error or a script that could not load ('error'), a reply that could not be read ('messageerror'), the worker
// gone without a word (the browser ended it: its Web Lock is released), or its event loop silent while no tool
// holds its thread. A tool runs synchronously on the worker's thread, however long: that is never silence.
import { EngineError } from '../core/tools/errors';
import type { BeatMessage, BeatSetup } from './worker-beat';

export interface WatchOptions {
  /** How long a worker whose thread no tool holds may send nothing (default 30 s: a loaded machine is slow). */
  silenceMs?: number;
  /** The Web Locks of the page, where it has them. */
  locks?: LockManager | undefined;
}

export const DEFAULT_SILENCE_MS = 30_000;

/** What the watcher needs of a Worker. */
export type Watched = Pick<Worker, 'addEventListener'>;

export class WorkerWatch {
  /** Rejects with an EngineError once the worker cannot answer; never resolves. */
  readonly died: Promise<never>;
  readonly beatMs: number;
  private readonly silenceMs: number;
  private readonly stopLock = new AbortController();
  private readonly timer: ReturnType<typeof setInterval>;
  private fail: (error: EngineError) => void = () => undefined;
  private stopped = false;
  private lockName: string | undefined;
  private port: MessagePort | undefined;
  private busy = 0;
  /** When the worker last spoke; undefined until it first does (loading its script is no silence). */
  private heard: number | undefined;
  private checked = Date.now();

  constructor(
    worker: Watched,
    private readonly what: string,
    private readonly options: WatchOptions = {},
  ) {
    this.silenceMs = options.silenceMs ?? DEFAULT_SILENCE_MS;
    this.beatMs = Math.max(10, Math.min(1000, Math.floor(this.silenceMs / 4)));
    this.died = new Promise<never>((_, reject) => (this.fail = reject));
    this.died.catch(() => undefined);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.end(
        `failed: ${event.message || 'it could not start'}`,
        'Reload the page; if this keeps happening, the browser may be out of memory.',
      );
    });
    // The command's answer is lost: waiting on would show it running for ever.
    worker.addEventListener('messageerror', () =>
      this.end(
        'failed: a message from it could not be read',
        'Run the command again; if it fails the same way, reload the page.',
      ),
    );
    this.timer = setInterval(() => this.check(), this.beatMs);
  }

  /** Sets up the worker's side (worker-beat.ts): `send` hands it the port, the beat interval and the lock name. */
  connect(send: (setup: BeatSetup) => void): void {
    const channel = new MessageChannel();
    this.port = channel.port1;
    channel.port1.onmessage = (event: MessageEvent<BeatMessage>) => this.receive(event.data);
    const lockName = this.options.locks ? `lokus-worker-${crypto.randomUUID()}` : undefined;
    this.lockName = lockName;
    send({ port: channel.port2, beatMs: this.beatMs, ...(lockName ? { lockName } : {}) });
  }

  receive(message: BeatMessage): void {
    this.heard = Date.now();
    if (message.kind === 'busy') this.busy += 1;
    else if (message.kind === 'free') this.busy = Math.max(0, this.busy - 1);
    else if (message.kind === 'locked') this.awaitRelease();
  }

  /** The worker holds its lock now: the page gets the lock only once the worker has ended. */
  private awaitRelease(): void {
    const { locks } = this.options;
    if (!locks || !this.lockName) return;
    locks
      .request(this.lockName, { signal: this.stopLock.signal }, () =>
        this.end(
          'stopped: the browser ended it, often because it was short of memory',
          'Run the command again; if it stops again, close other tabs or work on a smaller region or file.',
        ),
      )
      .catch(() => undefined);
  }

  private check(): void {
    const now = Date.now();
    // The page itself was held up (a long task, a throttled tab): beats may wait unread in its queue.
    if (this.heard !== undefined && now - this.checked > 2 * this.beatMs + 250) this.heard = Math.max(this.heard, now);
    this.checked = now;
    if (this.heard !== undefined && this.busy === 0 && now - this.heard > this.silenceMs)
      this.end(
        `stopped answering (nothing from it for ${((now - this.heard) / 1000).toFixed(1)} s while no tool held it)`,
        'Run the command again; if it keeps happening, reload the page.',
      );
  }

  private end(what: string, advice: string): void {
    if (this.stopped) return;
    this.stop();
    this.fail(new EngineError(`The ${this.what} ${what}`, { advice }));
  }

  /** The worker is being terminated on purpose: nothing more is reported. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.stopLock.abort();
    this.port?.close();
  }
}
