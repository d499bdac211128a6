import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BeatMessage, BeatSetup } from '../../../src/engine/worker-beat';
import { WorkerWatch } from '../../../src/engine/worker-watch';

const SILENCE = 4000;

/** A Worker as far as the watch sees one: something that dispatches 'error' and 'messageerror'. */
const fakeWorker = () => new EventTarget();

/** A LockManager whose locks the test hands out: `grant()` is the browser ending the worker. */
function fakeLocks() {
  const requests: { name: string; signal?: AbortSignal; grant: () => void }[] = [];
  const locks = {
    request(name: string, options: { signal?: AbortSignal }, callback: () => unknown) {
      const entry = { name, ...(options.signal ? { signal: options.signal } : {}), grant: () => void callback() };
      requests.push(entry);
      return new Promise(() => undefined);
    },
  } as unknown as LockManager;
  return { locks, requests };
}

/** How `promise` stands once pending callbacks have run: 'pending', or the message it rejected with. */
async function settled(promise: Promise<unknown>): Promise<string> {
  let outcome = 'pending';
  promise.then(
    () => (outcome = 'resolved'),
    (error: Error) => (outcome = error.message),
  );
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return outcome;
}

function watched(options: { locks?: LockManager } = {}) {
  const worker = fakeWorker();
  const watch = new WorkerWatch(worker, 'tool worker', { silenceMs: SILENCE, ...options });
  let setup: BeatSetup | undefined;
  watch.connect((s) => (setup = s));
  const say = (kind: BeatMessage['kind']) => watch.receive({ kind });
  say('beat');
  /** Time passes with a beat every `every` ms (0: none). */
  const pass = (ms: number, every = 0) => {
    for (let t = 0; t < ms; t += watch.beatMs) {
      vi.advanceTimersByTime(watch.beatMs);
      if (every > 0 && t % every === 0) say('beat');
    }
  };
  return { worker, watch, say, pass, setup: () => setup! };
}

let open: WorkerWatch[] = [];
beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  for (const watch of open) watch.stop();
  open = [];
  vi.useRealTimers();
});
const track = <T extends { watch: WorkerWatch }>(w: T): T => (open.push(w.watch), w);

describe('WorkerWatch: a worker that cannot answer ends its command', () => {
  it.each([
    ['beats keep coming while no tool runs', (w: ReturnType<typeof watched>) => w.pass(20 * SILENCE, 1000), 'pending'],
    [
      'a tool holds the thread far longer than the silence (a long, healthy job)',
      (w: ReturnType<typeof watched>) => {
        w.say('busy');
        w.pass(50 * SILENCE);
      },
      'pending',
    ],
    [
      'silence with no tool running',
      (w: ReturnType<typeof watched>) => w.pass(SILENCE + 2 * w.watch.beatMs),
      /^The tool worker stopped answering \(nothing from it for \d+\.\d s while no tool held it\)$/,
    ],
    [
      'silence after the tool gave the thread back',
      (w: ReturnType<typeof watched>) => {
        w.say('busy');
        w.pass(10 * SILENCE);
        w.say('free');
        w.pass(SILENCE + 2 * w.watch.beatMs);
      },
      /stopped answering/,
    ],
    [
      'two pipeline steps: silence while one still holds the thread',
      (w: ReturnType<typeof watched>) => {
        w.say('busy');
        w.say('busy');
        w.say('free');
        w.pass(10 * SILENCE);
      },
      'pending',
    ],
  ] as const)('%s', async (_, act, expected) => {
    const w = track(watched());
    act(w);
    const outcome = await settled(w.watch.died);
    if (typeof expected === 'string') expect(outcome).toBe(expected);
    else expect(outcome).toMatch(expected);
  });

  it('does not blame the worker when the page itself was held up (its beats wait unread)', async () => {
    const w = track(watched());
    vi.setSystemTime(Date.now() + 10 * SILENCE);
    w.pass(w.watch.beatMs);
    expect(await settled(w.watch.died)).toBe('pending');
    w.pass(SILENCE + 2 * w.watch.beatMs);
    expect(await settled(w.watch.died)).toMatch(/stopped answering/);
  });

  it.each([
    [
      'error',
      { message: 'Uncaught RangeError: Out of memory' },
      'The tool worker failed: Uncaught RangeError: Out of memory',
      /Reload the page/,
    ],
    ['error', { message: '' }, 'The tool worker failed: it could not start', /Reload the page/],
    ['messageerror', {}, 'The tool worker failed: a message from it could not be read', /Run the command again/],
  ] as const)('the %s event %o ends it with a message and advice', async (type, fields, message, advice) => {
    const w = track(watched());
    const event = Object.assign(new Event(type, { cancelable: true }), fields);
    w.worker.dispatchEvent(event);
    await expect(w.watch.died).rejects.toMatchObject({
      name: 'EngineError',
      message,
      advice: expect.stringMatching(advice),
    });
    expect(event.defaultPrevented).toBe(type === 'error');
  });

  it("asks for the worker's lock once the worker holds it, and gets it when the browser ends the worker", async () => {
    const { locks, requests } = fakeLocks();
    const w = track(watched({ locks }));
    const name = w.setup().lockName;
    expect(name).toMatch(/^lokus-worker-[0-9a-f-]{36}$/);
    expect(requests).toEqual([]);
    w.say('locked');
    expect(requests.map((r) => r.name)).toEqual([name]);
    w.say('busy');
    requests[0]!.grant();
    await expect(w.watch.died).rejects.toMatchObject({
      message: 'The tool worker stopped: the browser ended it, often because it was short of memory',
      advice: expect.stringMatching(/smaller region or file/),
    });
  });

  it('reports nothing once stopped on purpose (cancel), and gives up its lock request', async () => {
    const { locks, requests } = fakeLocks();
    const w = track(watched({ locks }));
    w.say('locked');
    w.watch.stop();
    expect(requests[0]!.signal?.aborted).toBe(true);
    requests[0]!.grant();
    w.pass(3 * SILENCE);
    w.worker.dispatchEvent(new Event('messageerror'));
    expect(await settled(w.watch.died)).toBe('pending');
  });

  it('does not count the time before the worker first speaks (loading its script) as silence', async () => {
    const worker = fakeWorker();
    const watch = new WorkerWatch(worker, 'tool worker', { silenceMs: SILENCE });
    open.push(watch);
    vi.advanceTimersByTime(10 * SILENCE);
    expect(await settled(watch.died)).toBe('pending');
    watch.receive({ kind: 'beat' });
    vi.advanceTimersByTime(SILENCE + 2 * watch.beatMs);
    expect(await settled(watch.died)).toMatch(/stopped answering/);
  });

  it('gives no lock name where the page has no Web Locks', () => {
    const w = track(watched());
    expect(w.setup().lockName).toBeUndefined();
    expect(w.setup().beatMs).toBe(1000);
  });
});
