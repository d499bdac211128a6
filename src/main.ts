// Composition root: opens storage, starts the tool engine, builds the state and mounts the app.
import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import './ui/theme.css';
import App from './ui/App.svelte';
import { createToolEngine, INSTALLED_PROGRAMS } from './engine';
import { defaultBaseUrl, toolFileUrls } from './engine/programs';
import { DexieSessionStore } from './storage';
import { Workbench } from './state/workbench.svelte';
import { SessionsState } from './state/sessions.svelte';
import { PrivacyMonitor } from './state/privacy.svelte';
import { OfflineState } from './state/offline.svelte';
import { TabLock } from './state/tab-lock.svelte';
import { VaultState } from './state/vault.svelte';
import { LocaleState } from './state/locale.svelte';
import { LessonsState } from './state/lessons.svelte';
import { BUNDLED_LESSONS } from './bundled-lessons';

const locale = new LocaleState(document.documentElement);
const store = new DexieSessionStore();
// Each finished job may have cached tool files (the service worker keeps what the workers fetch): recount them.
// The count is only shown, so a failed recount (storage unavailable) is left at the last value.
const engine = createToolEngine({ onJobEnd: () => void offline.jobEnded().catch(() => undefined) });
const workbench = new Workbench(engine, store);
const sessions = new SessionsState(store, workbench);
// Lessons check on the learner's session, and run expected commands on fresh lesson data in an engine of their own.
const lessons = new LessonsState(
  BUNDLED_LESSONS,
  {
    sessionId: () => workbench.loadedFor,
    sessionName: () => workbench.session?.name ?? 'Lesson',
    runs: () => workbench.runs,
    openFiles: (files) => workbench.openFiles(files),
    files: () => workbench.files.map((file) => ({ name: file.name, blob: workbench.blobOf(file.name) })),
    engine,
    report: (error, what) => workbench.report(error, what),
  },
  store,
  () => createToolEngine({ poolSize: 1 }),
);
const privacy = new PrivacyMonitor();
const busy = () => workbench.runs.some((run) => run.status === 'running' || run.status === 'queued');
// With encryption on, sessions open only after the passphrase unlocks them.
const vault = new VaultState(store, {
  open: () => sessions.start(),
  // Locked, the page keeps nothing of the sessions on screen: not their names, nor a notice naming a file.
  close: async () => {
    await workbench.unload();
    workbench.dismissNotice();
    sessions.sessions = [];
  },
  busy,
  cancelJobs: () => workbench.runs.forEach((run) => workbench.cancelRun(run.id)),
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
  props: { workbench, sessions, privacy, offline, tabLock, vault, locale, lessons },
});
// Sessions open only in the tab that holds the lock; a tab that loses it to another stops working on them.
void tabLock.start(
  () => vault.start().catch((error: unknown) => workbench.report(error, 'Lokus could not open its local storage')),
  // A paused tab also forgets the data key: taking over again asks for the passphrase.
  () => workbench.unload().then(() => store.lock()),
);
