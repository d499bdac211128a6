// The list of sessions and the actions on them: create, open, rename, duplicate, delete, export, import,
// storage usage, and deleting all local data.
import { expiredSessions, type Session } from '../core/session';
import type { SessionStore, StorageUsage } from '../core/storage-port';
import type { CurrentSession } from './current-session.svelte';
import type { NoticesState } from './notices.svelte';
import type { SessionLoader } from './session-loader';
import type { SettingsState } from './settings.svelte';

const LAST_SESSION_KEY = 'lokus.lastSession';

export class SessionsState {
  sessions = $state.raw<Session[]>([]);
  usage = $state.raw<StorageUsage | undefined>(undefined);
  interruptedAtStart = $state(0);

  constructor(
    private readonly store: SessionStore,
    private readonly loader: SessionLoader,
    private readonly currentSession: CurrentSession,
    private readonly settings: SettingsState,
    private readonly notices: NoticesState,
  ) {}

  get current(): Session | undefined {
    return this.currentSession.session;
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
    if (expired > 0)
      this.notices.info(
        `${expired} session${expired === 1 ? '' : 's'} unchanged for more than ${this.settings.sessionExpiryDays} days ${expired === 1 ? 'was' : 'were'} deleted, as set in Storage and export.`,
      );
    const interrupted = this.interruptedAtStart;
    if (interrupted > 0)
      this.notices.info(
        `${interrupted} run${interrupted === 1 ? ' was' : 's were'} still going when the page closed and ${interrupted === 1 ? 'is' : 'are'} marked interrupted; everything else is as you left it.`,
      );
  }

  async open(id: string): Promise<void> {
    await this.#guard('The session could not be opened', async () => {
      const session = await this.store.getSession(id);
      if (!session) throw new Error('It no longer exists.');
      localStorage.setItem(LAST_SESSION_KEY, session.id);
      // Notices belong to the session they were about ("Example files opened", a viewer error): a switch ends them.
      if (this.current?.id !== session.id) this.notices.clear();
      await this.loader.load(session);
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
      await this.currentSession.rename(name.trim());
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
      let session = await this.store.importSession(file);
      // Two sessions of one name cannot be told apart in the list: the imported one says where it came from.
      if ((await this.store.listSessions()).some((other) => other.id !== session.id && other.name === session.name))
        session = await this.store.renameSession(session.id, `${session.name} (imported)`);
      await this.open(session.id);
      this.notices.info(`Imported "${session.name}".`);
    });
  }

  async requestPersistence(): Promise<void> {
    const granted = await this.store.requestPersistence();
    this.notices.info(
      granted
        ? 'The browser will keep Lokus data even when space runs low.'
        : 'The browser did not promise to keep Lokus data under storage pressure; export important sessions.',
    );
    this.usage = await this.store.usage();
  }

  /** Deletes every session, file copy and run. Nothing is stored again until the user starts a session. */
  async deleteAll(): Promise<void> {
    await this.#guard('Local data could not be deleted', async () => {
      await this.loader.unload();
      await this.store.deleteAllData();
      localStorage.removeItem(LAST_SESSION_KEY);
      this.sessions = [];
      this.usage = undefined;
      this.notices.info('All local data was deleted. Nothing of Lokus is stored in this browser now.');
    });
  }

  /** Auto-expiry (off unless set): deletes sessions unchanged for longer than the setting allows. */
  async #expire(): Promise<number> {
    const { sessionExpiryDays } = await this.store.getSettings();
    const expired = expiredSessions(await this.store.listSessions(), sessionExpiryDays, Date.now());
    for (const session of expired) await this.store.deleteSession(session.id);
    return expired.length;
  }

  /** Forgets the list shown (locked: not even the sessions' names stay on screen). */
  forget(): void {
    this.sessions = [];
  }

  async #refresh(): Promise<void> {
    this.sessions = (await this.store.listSessions()).sort((a, b) => b.updatedAt - a.updatedAt);
    this.usage = await this.store.usage();
  }

  async #guard(what: string, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.notices.report(error, what);
    }
  }
}
