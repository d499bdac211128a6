// Reads a whole session out of the database and writes one in, each in a single transaction; rows are opened
// after reading and sealed before writing (the codec), so snapshots always hold plain rows.
import type { LokusDb } from './lokus-db';
import type { SessionSnapshot } from './snapshot';
import { sessionFromRow } from './mapping';
import type { Session } from '../core/session';
import type { PlainRow, RowCodec, SealedTable } from './row-codec';

const tablesOf = (db: LokusDb) => [db.sessions, db.files, db.fileData, db.runs, db.outputs, db.console];

/** The session and everything in it; the caller has checked the session exists. */
export async function readSnapshot(db: LokusDb, id: string, codec: RowCodec): Promise<SessionSnapshot> {
  const stored = await db.transaction('r', tablesOf(db), async () => {
    const session = await db.sessions.get(id);
    if (!session) throw new Error(`Session ${id} disappeared while being read.`);
    return {
      session,
      files: await db.files.where('sessionId').equals(id).toArray(),
      fileData: await db.fileData.where('sessionId').equals(id).toArray(),
      runs: await db.runs.where('sessionId').equals(id).toArray(),
      outputs: await db.outputs.where('sessionId').equals(id).toArray(),
      console: await db.console.where('sessionId').equals(id).sortBy('id'),
    };
  });
  return {
    session: await codec.decode('sessions', stored.session),
    files: await codec.decodeAll('files', stored.files),
    fileData: await codec.decodeAll('fileData', stored.fileData),
    runs: await codec.decodeAll('runs', stored.runs),
    outputs: await codec.decodeAll('outputs', stored.outputs),
    console: await codec.decodeAll('console', stored.console),
  };
}

/** Adds a (re-keyed) snapshot as a new session: all of it, or, on any failure, none of it. */
export async function writeSnapshot(db: LokusDb, snapshot: SessionSnapshot, codec: RowCodec): Promise<Session> {
  const all = <K extends SealedTable>(table: K, rows: PlainRow<K>[]) =>
    Promise.all(rows.map((row) => codec.encode(table, row)));
  const session = await codec.encode('sessions', snapshot.session);
  const files = await all('files', snapshot.files);
  const fileData = await all('fileData', snapshot.fileData);
  const runs = await all('runs', snapshot.runs);
  const outputs = await all('outputs', snapshot.outputs);
  const console = await all('console', snapshot.console);
  await db.transaction('rw', tablesOf(db), async () => {
    await db.sessions.add(session);
    await db.files.bulkAdd(files);
    await db.fileData.bulkAdd(fileData);
    await db.runs.bulkAdd(runs);
    await db.outputs.bulkAdd(outputs);
    await db.console.bulkAdd(console);
  });
  return sessionFromRow(snapshot.session);
}
