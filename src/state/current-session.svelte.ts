// Which session is open and whether all of it is shown yet; its name and notes. Loading its parts is the
// SessionLoader's job: this class only knows the session itself.
import type { Session } from '../core/session';
import type { SessionStore } from '../core/storage-port';
import type { NoticesState } from './notices.svelte';

export class CurrentSession {
  session = $state.raw<Session | undefined>(undefined);
  /** The session whose files, runs and outputs are all shown (views restore their own state from it then). */
  loadedFor = $state<string | undefined>(undefined);
  /** Settles when the session being loaded is shown; files picked meanwhile wait for it rather than get lost. */
  #loading: Promise<void>;
  #firstLoaded: () => void = () => {};

  constructor(
    private readonly store: Pick<SessionStore, 'setNotes' | 'renameSession'>,
    private readonly notices: NoticesState,
  ) {
    this.#loading = new Promise((resolve) => (this.#firstLoaded = resolve));
  }

  get id(): string | undefined {
    return this.session?.id;
  }

  /** Settles once the session being opened (or the first one, at start) is shown. */
  ready(): Promise<void> {
    return this.#loading.catch(() => undefined);
  }

  /** Shows `session` while `show` loads its parts. */
  async switchTo(session: Session, show: () => Promise<void>): Promise<void> {
    this.loadedFor = undefined;
    this.session = session;
    const loading = show();
    this.#loading = loading;
    await loading;
    this.loadedFor = session.id;
    this.#firstLoaded();
  }

  close(): void {
    this.loadedFor = undefined;
    this.session = undefined;
  }

  /** Saves notes into the session they were typed in, even when another session is open by then. */
  async setNotes(sessionId: string, notes: string): Promise<void> {
    try {
      const saved = await this.store.setNotes(sessionId, notes);
      if (this.session?.id === sessionId) this.session = saved;
    } catch (error) {
      this.notices.report(error, 'Your notes could not be saved');
    }
  }

  async rename(name: string): Promise<void> {
    if (!this.session) return;
    this.session = await this.store.renameSession(this.session.id, name);
  }
}
