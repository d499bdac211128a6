// The one Dexie database of Lokus. Every schema version stays listed, each with the reason it exists,
// so a browser holding any earlier version upgrades step by step.
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { ConsoleRow, FileDataRow, FileRow, OutputRow, RunRow, SessionRow, SettingsRow, ViewerRow } from './rows';

export const DATABASE_NAME = 'lokus';

/** v1: the first schema: sessions, files (metadata apart from their bytes), runs, outputs, console, settings. */
export const SCHEMA_V1 = {
  sessions: 'id, updatedAt',
  files: 'id, sessionId',
  fileData: 'fileId, sessionId',
  runs: 'id, sessionId',
  outputs: 'id, sessionId, runId',
  console: '++id, sessionId',
  settings: 'key',
};

/**
 * v2: sessions gain `notes`; runs are indexed by `status` so the startup scan for interrupted runs reads
 * only unfinished ones; console is indexed by [sessionId+id] so "last N lines of a session" is one query.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  runs: 'id, sessionId, status',
  console: '++id, sessionId, [sessionId+id]',
};

export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table<Partial<SessionRow>>('sessions')
    .toCollection()
    .modify((row) => {
      if (typeof row.notes !== 'string') row.notes = '';
    });
}

/**
 * v3: a `viewer` table keyed by session: the genome viewer's tracks, locus and display options. It has its own
 * table (not a field on sessions) so that panning the view, which saves often, never rewrites the session row.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  viewer: 'sessionId',
};

export interface DatabaseDependencies {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class LokusDb extends Dexie {
  sessions!: EntityTable<SessionRow, 'id'>;
  files!: EntityTable<FileRow, 'id'>;
  fileData!: EntityTable<FileDataRow, 'fileId'>;
  runs!: EntityTable<RunRow, 'id'>;
  outputs!: EntityTable<OutputRow, 'id'>;
  console!: EntityTable<ConsoleRow, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  viewer!: EntityTable<ViewerRow, 'sessionId'>;

  constructor(name = DATABASE_NAME, dependencies: DatabaseDependencies = {}) {
    super(name, dependencies);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3);
  }
}
