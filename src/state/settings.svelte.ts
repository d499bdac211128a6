// The user's settings (limits, expiry, analysis thresholds): the same for every session, saved as they change.
import { DEFAULT_SETTINGS, type Settings } from '../core/session';
import type { SessionStore } from '../core/storage-port';
import type { NoticesState } from './notices.svelte';

export class SettingsState {
  current = $state.raw<Settings>(DEFAULT_SETTINGS);

  constructor(
    private readonly store: Pick<SessionStore, 'getSettings' | 'saveSettings'>,
    private readonly notices: NoticesState,
  ) {}

  async load(): Promise<Settings> {
    this.current = await this.store.getSettings();
    return this.current;
  }

  /** Shows a change at once and saves it; a change that cannot be saved is undone and the user told. */
  async save(patch: Partial<Settings>, what = 'The setting could not be saved'): Promise<void> {
    const before = this.current;
    this.current = { ...before, ...patch };
    try {
      this.current = await this.store.saveSettings(patch);
    } catch (error) {
      this.current = before;
      this.notices.report(error, what);
    }
  }

  get sessionExpiryDays(): number {
    return this.current.sessionExpiryDays ?? 0;
  }

  /** Sets auto-expiry: sessions unchanged for more than `days` days are deleted at the next start (0 = never). */
  async setSessionExpiry(days: number): Promise<void> {
    await this.save({ sessionExpiryDays: Number.isFinite(days) && days > 0 ? Math.floor(days) : 0 });
  }

  get blobSizeLimitMb(): number {
    return Math.round(this.current.blobSizeLimitBytes / 1024 / 1024);
  }

  /** Files up to this size are copied into browser storage when opened (when no file handle can be kept). */
  async setBlobSizeLimit(megabytes: number): Promise<void> {
    const bytes = Number.isFinite(megabytes) && megabytes > 0 ? Math.floor(megabytes * 1024 * 1024) : 0;
    await this.save({ blobSizeLimitBytes: bytes });
  }
}
