// The one Dexie database of Lokus. Every schema version stays listed, each with the reason it exists,
// so a browser holding any earlier version upgrades step by step.
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type {
  ConsoleRow,
  FileDataRow,
  FileRow,
  OutputRow,
  RunRow,
  SealedConsoleRow,
  SealedFileDataRow,
  SealedFileRow,
  SealedOutputRow,
  SealedRunRow,
  SealedSessionRow,
  SealedViewerRow,
  SealedLessonRow,
  LessonRow,
  SessionRow,
  SettingsRow,
  VaultRow,
  ViewerRow,
} from './rows';

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

/**
 * v4: encryption at rest. A `vault` table holds the one encryption header (wrapped data key, salt, check value)
 * and the state of a conversion. Rows of every other table may now be sealed (`payload` column, see rows.ts).
 * Rows describe their own form, so the upgrade rewrites nothing: turning encryption on later converts them in
 * small batches, and a page closed half-way leaves a readable mix that the next unlock finishes.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  vault: 'key',
};

/**
 * v5: a `lessons` table keyed by session: the lesson a learner is taking in that session (a bundled lesson's id, or
 * an imported lesson whole) and the progress per step. Its own table, like the viewer's, so checking a step never
 * rewrites the session row.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  lessons: 'sessionId',
};

export interface DatabaseDependencies {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class LokusDb extends Dexie {
  sessions!: Table<SessionRow | SealedSessionRow, string>;
  files!: Table<FileRow | SealedFileRow, string>;
  fileData!: Table<FileDataRow | SealedFileDataRow, string>;
  runs!: Table<RunRow | SealedRunRow, string>;
  outputs!: Table<OutputRow | SealedOutputRow, string>;
  console!: Table<ConsoleRow | SealedConsoleRow, number>;
  settings!: EntityTable<SettingsRow, 'key'>;
  viewer!: Table<ViewerRow | SealedViewerRow, string>;
  vault!: EntityTable<VaultRow, 'key'>;
  lessons!: Table<LessonRow | SealedLessonRow, string>;

  constructor(name = DATABASE_NAME, dependencies: DatabaseDependencies = {}) {
    super(name, dependencies);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
  }
}
