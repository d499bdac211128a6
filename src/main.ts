// Composition root: opens storage, starts the tool engine, builds every state class once and mounts the app,
// which hands them to components through context (ui/app-context.ts).
import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import './ui/theme.css';
import App from './ui/App.svelte';
import { withCrypt4gh } from './core/crypt4gh';
import { createToolEngine, INSTALLED_PROGRAMS } from './engine';
import { createKeyring } from './engine/keyring';
import { defaultBaseUrl, toolFileUrls } from './engine/programs';
import { DexieSessionStore } from './storage';
import { NoticesState } from './state/notices.svelte';
import { SettingsState } from './state/settings.svelte';
import { CurrentSession } from './state/current-session.svelte';
import { RunsState } from './state/runs.svelte';
import { FilesState } from './state/files.svelte';
import { CommandHistory } from './state/command-history';
import { RunService } from './state/run-service';
import { ConsoleState } from './state/console.svelte';
import { SessionLoader } from './state/session-loader';
import { SessionsState } from './state/sessions.svelte';
import { AnalysisRuns } from './state/analysis-runs.svelte';
import { AnalysesState } from './state/analyses.svelte';
import { PathogenState } from './state/pathogen.svelte';
import { VariantBrowserState } from './state/variant-browser.svelte';
import { ViewerState } from './state/viewer.svelte';
import { PrivacyMonitor } from './state/privacy.svelte';
import { OfflineState } from './state/offline.svelte';
import { TabLock } from './state/tab-lock.svelte';
import { VaultState } from './state/vault.svelte';
import { LocaleState } from './state/locale.svelte';
import { LessonsState } from './state/lessons.svelte';
import { BUNDLED_LESSONS } from './bundled-lessons';
import { WorkflowExportState } from './state/workflow-export.svelte';
import { BatchState } from './state/batch.svelte';
import { Crypt4ghState } from './state/crypt4gh.svelte';

const locale = new LocaleState(document.documentElement);
const store = new DexieSessionStore();
// Each finished job may have cached tool files (the service worker keeps what the workers fetch): recount them.
// The count is only shown, so a failed recount (storage unavailable) is left at the last value.
// Crypt4GH files are read decrypted by the tools once the user's key (kept in the keyring worker) opens them.
const keyring = createKeyring();
const engine = withCrypt4gh(
  createToolEngine({ onJobEnd: () => void offline.jobEnded().catch(() => undefined) }),
  keyring,
  (name, state) => crypt4gh.noteState(name, state),
);
const crypt4gh = new Crypt4ghState(keyring, engine);

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
const pathogen = new PathogenState(analysisRuns, files);
const variants = new VariantBrowserState(files, runs, engine.concurrency);
const viewer = new ViewerState({ current, files, runs, store, notices });
// Lessons check on the learner's session, and run expected commands on fresh lesson data in an engine of their own.
const lessons = new LessonsState(
  BUNDLED_LESSONS,
  {
    sessionId: () => current.loadedFor,
    sessionName: () => current.session?.name ?? 'Lesson',
    runs: () => runs.runs,
    openFiles: (list) => files.openFiles(list),
    files: () => files.files.map((file) => ({ name: file.name, blob: files.blobOf(file.name) })),
    engine,
    report: (error, what) => notices.report(error, what),
  },
  store,
  () => createToolEngine({ poolSize: 1 }),
);
const workflowExport = new WorkflowExportState(runs, files, analysisRuns, current);
const batch = new BatchState(analyses, analysisRuns);
const privacy = new PrivacyMonitor();
const busy = () => runs.busy;
// With encryption on, sessions open only after the passphrase unlocks them.
const vault = new VaultState(store, {
  open: () => sessions.start(),
  // Locked, the page keeps nothing of the sessions on screen: not their names, nor a notice naming a file.
  close: async () => {
    await loader.unload();
    notices.clear();
    sessions.forget();
  },
  busy,
  cancelJobs: () => runs.cancelAll(),
  deleteAll: () => sessions.deleteAll(),
});
const offline = new OfflineState({
  register: ({ onNeedRefresh, onOfflineReady }) => registerSW({ onNeedRefresh, onOfflineReady }),
  toolUrls: toolFileUrls(INSTALLED_PROGRAMS, defaultBaseUrl()),
  busy,
});

privacy.start();
offline.start();
const tabLock = new TabLock(typeof navigator.locks === 'undefined' ? undefined : navigator.locks);
mount(App, {
  target: document.getElementById('app')!,
  props: {
    app: {
      notices,
      settings,
      current,
      sessions,
      files,
      runs,
      console: consoleState,
      analysisRuns,
      analyses,
      pathogen,
      variants,
      viewer,
      privacy,
      offline,
      tabLock,
      vault,
      locale,
      lessons,
      workflowExport,
      batch,
      crypt4gh,
    },
  },
});
// Sessions open only in the tab that holds the lock; a tab that loses it to another stops working on them.
void tabLock.start(
  () => vault.start().catch((error: unknown) => notices.report(error, 'Lokus could not open its local storage')),
  // A paused tab also forgets the data key: taking over again asks for the passphrase.
  () => loader.unload().then(() => store.lock()),
);
