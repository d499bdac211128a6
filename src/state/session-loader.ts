// Opening and closing a session: the one place that knows the order its parts load in (the engine's work area
// emptied, settings, files mounted, runs and their outputs, console history, then the file checks).
import type { Session } from '../core/session';
import type { ToolEngine } from '../core/tools/engine';
import type { CommandHistory } from './command-history';
import type { ConsoleState } from './console.svelte';
import type { CurrentSession } from './current-session.svelte';
import type { FilesState } from './files.svelte';
import type { RunsState } from './runs.svelte';
import type { SettingsState } from './settings.svelte';

export interface SessionParts {
  current: CurrentSession;
  settings: SettingsState;
  files: FilesState;
  runs: RunsState;
  history: CommandHistory;
  console: ConsoleState;
}

export class SessionLoader {
  constructor(
    private readonly engine: Pick<ToolEngine, 'listFiles' | 'unmount'>,
    private readonly parts: SessionParts,
  ) {}

  /** Shows a session: its files (mounted for the tools), its runs and outputs, and its console history. */
  async load(session: Session): Promise<void> {
    const { current, settings, files, runs, history, console } = this.parts;
    await current.switchTo(session, async () => {
      await this.engine.unmount(await this.engine.listFiles());
      const { consoleHistoryLimit } = await settings.load();
      await files.load(session.id);
      await runs.load(session.id);
      await history.load(session.id, consoleHistoryLimit);
      console.clear();
      await files.refreshChecks();
    });
  }

  /** Closes the session view: cancels running jobs and forgets files (before deleting all data, or locking). */
  async unload(): Promise<void> {
    const { current, files, runs, history, console } = this.parts;
    runs.clear();
    current.close();
    await this.engine.unmount(await this.engine.listFiles());
    files.clear();
    history.clear();
    console.clear();
  }
}
