// The state classes composed as src/main.ts composes them, on a given engine and store: what state tests drive.
import type { SessionStore } from '../../../src/core/storage-port';
import type { ToolEngine } from '../../../src/core/tools/engine';
import type { Session } from '../../../src/core/session';
import { AnalysesState } from '../../../src/state/analyses.svelte';
import { AnalysisRuns } from '../../../src/state/analysis-runs.svelte';
import { CommandHistory } from '../../../src/state/command-history';
import { ConsoleState } from '../../../src/state/console.svelte';
import { CurrentSession } from '../../../src/state/current-session.svelte';
import { FilesState } from '../../../src/state/files.svelte';
import { NoticesState } from '../../../src/state/notices.svelte';
import { PathogenState } from '../../../src/state/pathogen.svelte';
import { RunService } from '../../../src/state/run-service';
import { RunsState } from '../../../src/state/runs.svelte';
import { SessionLoader } from '../../../src/state/session-loader';
import { SessionsState } from '../../../src/state/sessions.svelte';
import { SettingsState } from '../../../src/state/settings.svelte';
import { VariantBrowserState } from '../../../src/state/variant-browser.svelte';
import { ViewerState } from '../../../src/state/viewer.svelte';
import { WorkflowExportState } from '../../../src/state/workflow-export.svelte';
import { BatchState } from '../../../src/state/batch.svelte';

export type AppState = ReturnType<typeof composeState>;

export function composeState(engine: ToolEngine, store: SessionStore) {
  const notices = new NoticesState();
  const settings = new SettingsState(store, notices);
  const current = new CurrentSession(store, notices);
  const runs = new RunsState(engine, store, current, notices);
  const files = new FilesState(engine, store, current, settings, runs, notices);
  runs.useFiles(files);
  const history = new CommandHistory(store, current, notices);
  const consoleState = new ConsoleState(new RunService(runs, files), history);
  const loader = new SessionLoader(engine, { current, settings, files, runs, history, console: consoleState });
  const sessions = new SessionsState(store, loader, current, settings, notices);
  const analysisRuns = new AnalysisRuns(runs, files, settings);
  const analyses = new AnalysesState(analysisRuns, files);
  return {
    engine,
    store,
    notices,
    settings,
    current,
    runs,
    files,
    history,
    console: consoleState,
    loader,
    sessions,
    analysisRuns,
    analyses,
    batch: new BatchState(analyses, analysisRuns),
    pathogen: new PathogenState(analysisRuns, files),
    variants: new VariantBrowserState(files, runs, engine.concurrency),
    viewer: new ViewerState({ current, files, runs, store, notices }),
    workflowExport: new WorkflowExportState(runs, files, analysisRuns, current),
  };
}

/** The state with `session` (or a new one) loaded, as after opening it in the page. */
export async function openState(engine: ToolEngine, store: SessionStore, session?: Session): Promise<AppState> {
  const app = composeState(engine, store);
  await app.loader.load(session ?? (await store.createSession('Test')));
  return app;
}
