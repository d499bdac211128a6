// Row <-> stored form when encryption is on: which columns stay in the clear (those indexes and the startup scan
// need), and sealing the rest into one `payload` bound to the row's place. Plain and sealed rows may coexist (a
// conversion in progress), so decoding looks at each row; encoding follows the codec's target.
import { LockedError } from '../core/storage-port';
import { openBlob, sealBlob } from './sealed-blob';
import type * as R from './rows';
import type { SealedColumns } from './rows';
import type { Vault } from './vault';

export type SealedTable = 'sessions' | 'files' | 'fileData' | 'runs' | 'outputs' | 'console' | 'viewer' | 'lessons';

export const SEALED_TABLES: readonly SealedTable[] = [
  'sessions',
  'files',
  'fileData',
  'runs',
  'outputs',
  'console',
  'viewer',
  'lessons',
];

/** Columns left in the clear: keys, indexed columns and timestamps. Names, argv, text and bytes are all sealed. */
const CLEAR: Record<SealedTable, readonly string[]> = {
  sessions: ['id', 'createdAt', 'updatedAt'],
  files: ['id', 'sessionId', 'addedAt'],
  fileData: ['fileId', 'sessionId'],
  // status and endedAt: the startup scan marks unfinished runs interrupted without a key.
  runs: ['id', 'sessionId', 'status', 'startedAt', 'endedAt'],
  outputs: ['id', 'sessionId', 'runId'],
  console: ['id', 'sessionId', 'at'],
  viewer: ['sessionId', 'updatedAt'],
  lessons: ['sessionId', 'updatedAt'],
};

const PRIMARY: Record<SealedTable, string> = {
  sessions: 'id',
  files: 'id',
  fileData: 'fileId',
  runs: 'id',
  outputs: 'id',
  // Console ids are assigned by IndexedDB on insert, after sealing: a line is bound to its session instead.
  console: 'sessionId',
  viewer: 'sessionId',
  lessons: 'sessionId',
};

type Row = Record<string, unknown>;

/** Each table's plain row and its sealed form. */
interface TableRows {
  sessions: [R.SessionRow, R.SealedSessionRow];
  files: [R.FileRow, R.SealedFileRow];
  fileData: [R.FileDataRow, R.SealedFileDataRow];
  runs: [R.RunRow, R.SealedRunRow];
  outputs: [R.OutputRow, R.SealedOutputRow];
  console: [R.ConsoleRow, R.SealedConsoleRow];
  viewer: [R.ViewerRow, R.SealedViewerRow];
  lessons: [R.LessonRow, R.SealedLessonRow];
}
export type PlainRow<K extends SealedTable> = TableRows[K][0];
export type StoredRow<K extends SealedTable> = TableRows[K][0] | TableRows[K][1];

export function isSealedRow(row: object): row is SealedColumns {
  return 'payload' in row;
}

function placeOf(table: SealedTable, row: Row): string {
  return `${table}/${String(row[PRIMARY[table]])}`;
}

export class RowCodec {
  /** The codec while encryption is off and no conversion is under way. */
  static readonly plain = new RowCodec(undefined, false);

  /** `vault` opens sealed rows; `sealing` says whether rows are written sealed (the target of a conversion). */
  constructor(
    private readonly vault: Vault | undefined,
    readonly sealing: boolean,
  ) {}

  async encode<K extends SealedTable>(table: K, row: PlainRow<K>): Promise<StoredRow<K>> {
    if (!this.sealing) return row;
    const vault = this.requireVault();
    const clear: Row = {};
    const secret: Row = {};
    let blob: Blob | undefined;
    for (const [key, value] of Object.entries(row)) {
      if (value === undefined) continue;
      if (key === 'blob') blob = value as Blob;
      // A FileSystemFileHandle is a browser object that cannot be sealed and names the file: not kept.
      else if (key === 'handle') continue;
      else if (CLEAR[table].includes(key)) clear[key] = value;
      else secret[key] = value;
    }
    if (table === 'files' && secret['storage'] === 'handle') secret['storage'] = 'none';
    const place = placeOf(table, row as unknown as Row);
    const sealed: SealedColumns = { payload: await vault.sealJson(secret, place) };
    if (blob) sealed.sealedBlob = await sealBlob(vault, blob, place);
    return { ...clear, ...sealed } as TableRows[K][1];
  }

  async decode<K extends SealedTable>(table: K, stored: StoredRow<K>): Promise<PlainRow<K>> {
    if (!isSealedRow(stored)) return stored;
    const vault = this.requireVault();
    const { payload, sealedBlob, ...clear } = stored as unknown as SealedColumns & Row;
    const place = placeOf(table, clear);
    const secret = await vault.openJson<Row>(payload, place);
    return {
      ...secret,
      ...clear,
      ...(sealedBlob ? { blob: await openBlob(vault, sealedBlob, place) } : {}),
    } as PlainRow<K>;
  }

  decodeAll<K extends SealedTable>(table: K, rows: ReadonlyArray<StoredRow<K>>): Promise<PlainRow<K>[]> {
    return Promise.all(rows.map((row) => this.decode(table, row)));
  }

  private requireVault(): Vault {
    if (!this.vault)
      throw new LockedError('Your Lokus data is encrypted and locked.', 'Unlock it with your passphrase.');
    return this.vault;
  }
}
