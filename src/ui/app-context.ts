// Every state class of the page, built once in main.ts and handed to components through Svelte context, so a
// component reads the state it shows without props passed down to it, and never builds state itself.
import { getContext, setContext } from 'svelte';
import type { AnalysesState } from '../state/analyses.svelte';
import type { AnalysisRuns } from '../state/analysis-runs.svelte';
import type { ConsoleState } from '../state/console.svelte';
import type { Crypt4ghState } from '../state/crypt4gh.svelte';
import type { CurrentSession } from '../state/current-session.svelte';
import type { FilesState } from '../state/files.svelte';
import type { LessonsState } from '../state/lessons.svelte';
import type { LocaleState } from '../state/locale.svelte';
import type { NoticesState } from '../state/notices.svelte';
import type { OfflineState } from '../state/offline.svelte';
import type { PathogenState } from '../state/pathogen.svelte';
import type { PrivacyMonitor } from '../state/privacy.svelte';
import type { RunsState } from '../state/runs.svelte';
import type { SessionsState } from '../state/sessions.svelte';
import type { SettingsState } from '../state/settings.svelte';
import type { TabLock } from '../state/tab-lock.svelte';
import type { VariantBrowserState } from '../state/variant-browser.svelte';
import type { VaultState } from '../state/vault.svelte';
import type { ViewerState } from '../state/viewer.svelte';
import type { WorkflowExportState } from '../state/workflow-export.svelte';
import type { BatchState } from '../state/batch.svelte';

export interface AppState {
  notices: NoticesState;
  settings: SettingsState;
  current: CurrentSession;
  sessions: SessionsState;
  files: FilesState;
  runs: RunsState;
  console: ConsoleState;
  analysisRuns: AnalysisRuns;
  analyses: AnalysesState;
  pathogen: PathogenState;
  variants: VariantBrowserState;
  viewer: ViewerState;
  privacy: PrivacyMonitor;
  offline: OfflineState;
  tabLock: TabLock;
  vault: VaultState;
  locale: LocaleState;
  lessons: LessonsState;
  workflowExport: WorkflowExportState;
  batch: BatchState;
  crypt4gh: Crypt4ghState;
}

const KEY = Symbol('lokus-app');

export function setAppContext(app: AppState): void {
  setContext(KEY, app);
}

export function getApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('getApp() is called outside the app: main.ts mounts App with the state classes.');
  return app;
}
