// Console history rows: appended in typing order, trimmed to the configured limit per session.
import Dexie from 'dexie';
import type { ConsoleEntry } from '../core/session';
import type { LokusDb } from './lokus-db';
import { consoleFromRow, settingsFromRow } from './mapping';
import type { RowCodec } from './row-codec';
import type { ConsoleRow } from './rows';

const ofSession = (db: LokusDb, sessionId: string) =>
  db.console.where('[sessionId+id]').between([sessionId, Dexie.minKey], [sessionId, Dexie.maxKey]);

export async function appendConsoleLine(db: LokusDb, codec: RowCodec, row: ConsoleRow): Promise<ConsoleEntry> {
  const stored = await codec.encode('console', row);
  return db.transaction('rw', [db.console, db.settings], async () => {
    const id = (await db.console.add(stored)) as number; // auto-increment always assigns one
    const limit = settingsFromRow(await db.settings.get('settings')).consoleHistoryLimit;
    const excess = (await db.console.where('sessionId').equals(row.sessionId).count()) - limit;
    if (excess > 0) await db.console.bulkDelete(await ofSession(db, row.sessionId).limit(excess).primaryKeys());
    return consoleFromRow({ ...row, id });
  });
}

/** The last `limit` lines of a session, oldest first. */
export async function lastConsoleLines(
  db: LokusDb,
  codec: RowCodec,
  sessionId: string,
  limit: number,
): Promise<ConsoleEntry[]> {
  const rows = await codec.decodeAll('console', await ofSession(db, sessionId).reverse().limit(limit).toArray());
  return rows.reverse().map((row) => consoleFromRow(row as ConsoleRow & { id: number }));
}
