// The "available offline" tool count follows what the service worker cached while jobs ran, not only
// "cache all": recounted when each job ends (fake engine, a Cache Storage stand-in).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfflineState } from '../../../src/state/offline.svelte';
import { createFakeEngine, FAKE_PROGRAMS } from '../../fakes/fake-engine';

const TOOL_URLS = [
  'http://app/wasm/samtools.js',
  'http://app/wasm/samtools.wasm',
  'http://app/wasm/bcftools.js',
  'http://app/wasm/bcftools.wasm',
];

/** Cache Storage holding the URLs in `cached` (the test adds to it as the service worker would). */
function stubCaches(cached: Set<string>, controller: object | null = {}) {
  vi.stubGlobal('navigator', { serviceWorker: { controller } });
  vi.stubGlobal('caches', { match: async (url: string) => (cached.has(url) ? { url } : undefined) });
}

afterEach(() => vi.unstubAllGlobals());

describe('OfflineState tool count', () => {
  it('is recounted after each finished job, also when the cache write lands just after the job', async () => {
    const cached = new Set<string>();
    stubCaches(cached);
    let recounted: Promise<void> = Promise.resolve();
    const offline = new OfflineState({
      register: () => undefined,
      toolUrls: TOOL_URLS,
      busy: () => false,
      recountDelayMs: 20,
    });
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS, onJobEnd: () => (recounted = offline.jobEnded()) });
    offline.start();
    await offline.refreshToolCount();
    expect(offline.cachedTools).toBe(0);

    // The job's worker fetched samtools: the service worker cached it while the job ran.
    cached.add(TOOL_URLS[0]!).add(TOOL_URLS[1]!);
    await engine.run({ steps: [{ program: 'echo', argv: ['y'] }] }).result;
    await vi.waitFor(() => expect(offline.cachedTools).toBe(2));

    // A cache write that finishes after the job ended is caught by the second count.
    await engine.run({ steps: [{ program: 'echo', argv: ['z'] }] }).result;
    cached.add(TOOL_URLS[2]!);
    await recounted;
    expect(offline.cachedTools).toBe(3);
    expect(offline.totalTools).toBe(4);
  });

  it('is recounted after a failed job too', async () => {
    const cached = new Set<string>();
    stubCaches(cached);
    const offline = new OfflineState({
      register: () => undefined,
      toolUrls: TOOL_URLS,
      busy: () => false,
      recountDelayMs: 0,
    });
    let recounted: Promise<void> = Promise.resolve();
    const engine = createFakeEngine({ programs: FAKE_PROGRAMS, onJobEnd: () => (recounted = offline.jobEnded()) });
    offline.start();
    await offline.refreshToolCount();
    expect(offline.cachedTools).toBe(0);
    cached.add(TOOL_URLS[3]!);
    const result = await engine.run({ steps: [{ program: 'exit', argv: ['1'] }] }).result;
    expect(result.status).toBe('failed');
    await recounted;
    expect(offline.cachedTools).toBe(1);
  });

  it('counts the tools precached on install as soon as the service worker is ready, on the first visit', async () => {
    const cached = new Set<string>();
    stubCaches(cached, null);
    let ready = (): void => undefined;
    const offline = new OfflineState({
      register: ({ onOfflineReady }) => {
        ready = onOfflineReady;
        return undefined;
      },
      toolUrls: TOOL_URLS,
      busy: () => false,
    });
    offline.start();
    await offline.refreshToolCount();
    expect([offline.offlineReady, offline.cachedTools]).toEqual([false, 0]);
    TOOL_URLS.forEach((url) => cached.add(url));
    ready();
    await vi.waitFor(() => expect([offline.offlineReady, offline.cachedTools]).toEqual([true, 4]));
  });
});
