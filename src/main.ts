// Composition root: opens storage, starts the tool engine, builds the state and mounts the app.
import { mount } from 'svelte';
import './ui/theme.css';
import App from './ui/App.svelte';
import { createToolEngine } from './engine';
import { DexieSessionStore } from './storage';
import { Workbench } from './state/workbench.svelte';
import { SessionsState } from './state/sessions.svelte';
import { PrivacyMonitor } from './state/privacy.svelte';

const store = new DexieSessionStore();
const engine = createToolEngine();
const workbench = new Workbench(engine, store);
const sessions = new SessionsState(store, workbench);
const privacy = new PrivacyMonitor();
privacy.start();

mount(App, { target: document.getElementById('app')!, props: { workbench, sessions, privacy } });
void sessions.start().catch((error: unknown) => workbench.report(error, 'Lokus could not open its local storage'));
