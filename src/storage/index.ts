// Storage's public surface for main.ts: the IndexedDB-backed SessionStore.
export { DexieSessionStore, type DexieSessionStoreOptions } from './dexie-session-store';
export { DATABASE_NAME } from './lokus-db';
