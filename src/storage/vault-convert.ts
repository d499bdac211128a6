// Turning encryption on or off: every row of every session table is rewritten to the codec's target form.
// Crash safety: each batch is read, converted outside any transaction (WebCrypto cannot run inside one), then
// written back in one transaction. Every row is at all times either wholly plain or wholly sealed, and rows say
// which, so a page closed mid-way leaves a readable database that the next unlock finishes converting.
import type { IndexableType } from 'dexie';
import type { LokusDb } from './lokus-db';
import { isSealedRow, SEALED_TABLES, type RowCodec, type SealedTable, type StoredRow } from './row-codec';
import type { ConversionProgress } from '../core/storage-port';

/** Rows per transaction; one for tables that hold file bytes, so memory stays at one file's size. */
const BATCH: Record<SealedTable, number> = {
  sessions: 50,
  files: 50,
  fileData: 1,
  runs: 20,
  outputs: 1,
  console: 200,
  viewer: 50,
  lessons: 5,
};

/** Call only while holding the store's write queue: no save may change a row between its read and its rewrite. */
export async function convertRows(db: LokusDb, codec: RowCodec, progress?: ConversionProgress): Promise<void> {
  const keysOf = new Map<SealedTable, IndexableType[]>();
  for (const name of SEALED_TABLES) keysOf.set(name, await db.table(name).toCollection().primaryKeys());
  const total = [...keysOf.values()].reduce((sum, keys) => sum + keys.length, 0);
  let done = 0;
  progress?.(done, total);
  for (const name of SEALED_TABLES) {
    const table = db.table<StoredRow<typeof name>>(name);
    const keys = keysOf.get(name) ?? [];
    for (let start = 0; start < keys.length; start += BATCH[name]) {
      const batch = keys.slice(start, start + BATCH[name]);
      const rows = (await table.bulkGet(batch)).filter((row) => row !== undefined);
      const converted: StoredRow<SealedTable>[] = [];
      for (const row of rows) {
        if (isSealedRow(row) === codec.sealing) continue;
        converted.push(await codec.encode(name, await codec.decode(name, row)));
      }
      if (converted.length > 0) await table.bulkPut(converted);
      done += batch.length;
      progress?.(done, total);
    }
  }
}
