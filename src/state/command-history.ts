// The console's command history of the open session: read when the session loads, each new line saved.
import type { SessionStore } from '../core/storage-port';
import type { CurrentSession } from './current-session.svelte';
import type { NoticesState } from './notices.svelte';

export class CommandHistory {
  #lines: string[] = [];

  constructor(
    private readonly store: Pick<SessionStore, 'listConsole' | 'appendConsole'>,
    private readonly current: CurrentSession,
    private readonly notices: NoticesState,
  ) {}

  get lines(): readonly string[] {
    return this.#lines;
  }

  async load(sessionId: string, limit: number): Promise<void> {
    this.#lines = (await this.store.listConsole(sessionId, limit)).map((entry) => entry.line);
  }

  clear(): void {
    this.#lines = [];
  }

  remember(line: string): void {
    this.#lines.push(line);
    const sessionId = this.current.id;
    if (sessionId)
      this.store
        .appendConsole(sessionId, line)
        .catch((error: unknown) => this.notices.report(error, 'Console history could not be saved'));
  }
}
