// Offline readiness: whether the service worker has the app, which tools are cached for offline use, and a
// new version waiting. Updates are applied only when the user asks, never in the middle of work.

export interface OfflineHost {
  /** Registers the service worker; returns the function that activates a waiting update and reloads. */
  register(callbacks: {
    onNeedRefresh(): void;
    onOfflineReady(): void;
  }): ((reload?: boolean) => Promise<void>) | undefined;
  /** Absolute URLs of every tool file (.js and .wasm), as the engine requests them. */
  toolUrls: readonly string[];
  /** True while jobs run: an update then waits. */
  busy(): boolean;
  /** Second recount after a job ends (default 1 s): the service worker stores a fetched tool as it serves it. */
  recountDelayMs?: number;
}

export class OfflineState {
  supported = $state(false);
  offlineReady = $state(false);
  updateWaiting = $state(false);
  cachedTools = $state(0);
  caching = $state(false);
  #applyUpdate: ((reload?: boolean) => Promise<void>) | undefined;

  constructor(private readonly host: OfflineHost) {}

  get totalTools(): number {
    return this.host.toolUrls.length;
  }

  start(): void {
    this.supported = 'serviceWorker' in navigator && typeof caches !== 'undefined';
    if (!this.supported) return;
    this.#applyUpdate = this.host.register({
      onNeedRefresh: () => (this.updateWaiting = true),
      onOfflineReady: () => {
        // The service worker installed: its precache now holds the tools too.
        this.offlineReady = true;
        void this.refreshToolCount();
      },
    });
    if (navigator.serviceWorker.controller) this.offlineReady = true;
    void this.refreshToolCount();
  }

  async refreshToolCount(): Promise<void> {
    if (!this.supported) return;
    // Looked up in every cache: tools are precached on install, and cached on use when a precache entry is missing.
    const found = await Promise.all(this.host.toolUrls.map(async (url) => (await caches.match(url)) !== undefined));
    this.cachedTools = found.filter(Boolean).length;
  }

  /**
   * After each job: the tools it fetched were cached by the service worker on the way, so the count changes
   * without "cache all". Counted at once and again a moment later, since the cache write may finish after the job.
   */
  async jobEnded(): Promise<void> {
    await this.refreshToolCount();
    await new Promise((resolve) => setTimeout(resolve, this.host.recountDelayMs ?? 1000));
    await this.refreshToolCount();
  }

  /** Fetches every tool once so the service worker keeps it for offline use. */
  async cacheAllTools(): Promise<void> {
    this.caching = true;
    try {
      for (const url of this.host.toolUrls) {
        const response = await fetch(url);
        await response.arrayBuffer();
        await this.refreshToolCount();
      }
    } finally {
      this.caching = false;
    }
  }

  /** Activates the waiting version, unless jobs are running (then the user is told to retry later). */
  async applyUpdate(): Promise<boolean> {
    if (this.host.busy() || !this.#applyUpdate) return false;
    await this.#applyUpdate(true);
    return true;
  }
}
