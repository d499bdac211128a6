// The list of sessions and the actions on them: create, open, rename, duplicate, delete, export, import,
// storage usage, and deleting all local data.
import { expiredSessions, type Session } from '../core/session';
import type { SessionStore, StorageUsage } from '../core/storage-port';
import type { Workbench } from './workbench.svelte';

const LAST_SESSION_KEY = 'lokus.lastSession';

export class SessionsState {
  sessions = $state.raw<Session[]>([]);
  usage = $state.raw<StorageUsage | undefined>(undefined);
  interruptedAtStart = $state(0);

  constructor(
    private readonly store: SessionStore,
    private readonly workbench: Workbench,
  ) {}

  get current(): Session | undefined {
    return this.workbench.session;
  }

  /** At startup: marks runs left running as interrupted, then opens the last session (or a new one). */
  async start(): Promise<void> {
    this.interruptedAtStart = await this.store.markInterruptedRuns();
    const expired = await this.#expire();
    await this.#refresh();
    const lastId = localStorage.getItem(LAST_SESSION_KEY);
    const session =
      this.sessions.find((s) => s.id === lastId) ?? this.sessions[0] ?? (await this.store.createSession('My session'));
    await this.open(session.id);
    if (expired > 0) {
      this.workbench.notice = {
        kind: 'info',
        text: `${expired} session${expired === 1 ? '' : 's'} unchanged for more than ${this.workbench.settings.sessionExpiryDays} days ${expired === 1 ? 'was' : 'were'} deleted, as set in Storage and export.`,
      };
    }
    if (this.interruptedAtStart > 0) {
      this.workbench.notice = {
        kind: 'info',
        text: `${this.interruptedAtStart} run${this.interruptedAtStart === 1 ? ' was' : 's were'} still going when the page closed and ${this.interruptedAtStart === 1 ? 'is' : 'are'} marked interrupted; everything else is as you left it.`,
      };
    }
  }

  async open(id: string): Promise<void> {
    await this.#guard('The session could not be opened', async () => {
      const session = await this.store.getSession(id);
      if (!session) throw new Error('It no longer exists.');
      localStorage.setItem(LAST_SESSION_KEY, session.id);
      await this.workbench.load(session);
      await this.#refresh();
    });
  }

  async create(name = `Session ${new Date().toLocaleString()}`): Promise<void> {
    await this.#guard('A new session could not be created', async () => {
      const session = await this.store.createSession(name);
      await this.open(session.id);
    });
  }

  async rename(name: string): Promise<void> {
    const current = this.current;
    if (!current || name.trim() === '') return;
    await this.#guard('The session could not be renamed', async () => {
      this.workbench.session = await this.store.renameSession(current.id, name.trim());
      await this.#refresh();
    });
  }

  async duplicate(): Promise<void> {
    const current = this.current;
    if (!current) return;
    await this.#guard('The session could not be duplicated', async () => {
      const copy = await this.store.duplicateSession(current.id, `${current.name} (copy)`);
      await this.open(copy.id);
    });
  }

  async remove(): Promise<void> {
    const current = this.current;
    if (!current) return;
    await this.#guard('The session could not be deleted', async () => {
      await this.store.deleteSession(current.id);
      await this.#refresh();
      const next = this.sessions[0] ?? (await this.store.createSession('My session'));
      await this.open(next.id);
    });
  }

  async exportCurrent(includeInputs: boolean): Promise<{ blob: Blob; fileName: string } | undefined> {
    const current = this.current;
    if (!current) return undefined;
    let result: { blob: Blob; fileName: string } | undefined;
    await this.#guard('The session could not be exported', async () => {
      const blob = await this.store.exportSession(current.id, { includeInputs });
      result = { blob, fileName: `${current.name.replace(/[^\w.-]+/g, '_')}.lokus.zip` };
    });
    return result;
  }

  async importArchive(file: File): Promise<void> {
    await this.#guard(`${file.name} could not be imported`, async () => {
      const session = await this.store.importSession(file);
      await this.open(session.id);
      this.workbench.notice = { kind: 'info', text: `Imported "${session.name}".` };
    });
  }

  async requestPersistence(): Promise<void> {
    const granted = await this.store.requestPersistence();
    this.workbench.notice = granted
      ? { kind: 'info', text: 'The browser will keep Lokus data even when space runs low.' }
      : {
          kind: 'info',
          text: 'The browser did not promise to keep Lokus data under storage pressure; export important sessions.',
        };
    this.usage = await this.store.usage();
  }

  /** Deletes every session, file copy and run. Nothing is stored again until the user starts a session. */
  async deleteAll(): Promise<void> {
    await this.#guard('Local data could not be deleted', async () => {
      await this.workbench.unload();
      await this.store.deleteAllData();
      localStorage.removeItem(LAST_SESSION_KEY);
      this.sessions = [];
      this.usage = undefined;
      this.workbench.notice = {
        kind: 'info',
        text: 'All local data was deleted. Nothing of Lokus is stored in this browser now.',
      };
    });
  }

  /** Auto-expiry (off unless set): deletes sessions unchanged for longer than the setting allows. */
  async #expire(): Promise<number> {
    const { sessionExpiryDays } = await this.store.getSettings();
    const expired = expiredSessions(await this.store.listSessions(), sessionExpiryDays, Date.now());
    for (const session of expired) await this.store.deleteSession(session.id);
    return expired.length;
  }

  get sessionExpiryDays(): number {
    return this.workbench.settings.sessionExpiryDays ?? 0;
  }

  /** Sets auto-expiry: sessions unchanged for more than `days` days are deleted at the next start (0 = never). */
  async setSessionExpiry(days: number): Promise<void> {
    const sessionExpiryDays = Number.isFinite(days) && days > 0 ? Math.floor(days) : 0;
    await this.#guard('The setting could not be saved', async () => {
      this.workbench.settings = await this.store.saveSettings({ sessionExpiryDays });
    });
  }

  get blobSizeLimitMb(): number {
    return Math.round(this.workbench.settings.blobSizeLimitBytes / 1024 / 1024);
  }

  /** Files up to this size are copied into browser storage when opened (when no file handle can be kept). */
  async setBlobSizeLimit(megabytes: number): Promise<void> {
    const blobSizeLimitBytes = Number.isFinite(megabytes) && megabytes > 0 ? Math.floor(megabytes * 1024 * 1024) : 0;
    await this.#guard('The setting could not be saved', async () => {
      this.workbench.settings = await this.store.saveSettings({ blobSizeLimitBytes });
    });
  }

  async #refresh(): Promise<void> {
    this.sessions = (await this.store.listSessions()).sort((a, b) => b.updatedAt - a.updatedAt);
    this.usage = await this.store.usage();
  }

  async #guard(what: string, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.workbench.report(error, what);
    }
  }
}
