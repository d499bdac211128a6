// Reads a whole session out of the database and writes one in, each in a single transaction.
import type { LokusDb } from './lokus-db';
import type { SessionSnapshot } from './snapshot';
import { sessionFromRow } from './mapping';
import type { Session } from '../core/session';

const tablesOf = (db: LokusDb) => [db.sessions, db.files, db.fileData, db.runs, db.outputs, db.console];

/** The session and everything in it; the caller has checked the session exists. */
export function readSnapshot(db: LokusDb, id: string): Promise<SessionSnapshot> {
  return db.transaction('r', tablesOf(db), async () => {
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
}

/** Adds a (re-keyed) snapshot as a new session: all of it, or, on any failure, none of it. */
export async function writeSnapshot(db: LokusDb, snapshot: SessionSnapshot): Promise<Session> {
  await db.transaction('rw', tablesOf(db), async () => {
    await db.sessions.add(snapshot.session);
    await db.files.bulkAdd(snapshot.files);
    await db.fileData.bulkAdd(snapshot.fileData);
    await db.runs.bulkAdd(snapshot.runs);
    await db.outputs.bulkAdd(snapshot.outputs);
    await db.console.bulkAdd(snapshot.console);
  });
  return sessionFromRow(snapshot.session);
}
