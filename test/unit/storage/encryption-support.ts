// Helpers for the encryption tests: a store with a low PBKDF2 count, a session full of recognisable text, and a
// dump of every raw IndexedDB row (strings, bytes and Blob contents) to search for what must not be in the clear.
import type { LokusDb } from '../../../src/storage/lokus-db';
import type { DexieSessionStore } from '../../../src/storage/dexie-session-store';
import { makeStore, newFile, newRun, type TestStore } from './support';

/** Tests only: the product always derives with 600,000 iterations (one test checks that). */
export const FAST = 1_000;

export const SECRETS = [
  'patient-17.vcf',
  'HG00096',
  'flagstat',
  'mapped reads 3307',
  'chr7:117559590',
  'Tumour sample',
  'check BRCA2 later',
  'ACGTTGCAGATTACA',
];

export function makeEncryptableStore(databaseName?: string): TestStore {
  return makeStore({ pbkdf2IterationsForTests: FAST, ...(databaseName ? { databaseName } : {}) });
}

/** A session whose name, notes, file, file copy, run, output, console line and viewer state hold SECRETS. */
export async function fillSession(store: DexieSessionStore): Promise<string> {
  const session = await store.createSession('Tumour sample');
  await store.setNotes(session.id, 'check BRCA2 later');
  await store.addFile(session.id, newFile('patient-17.vcf'), {
    blob: new Blob(['##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tHG00096\n']),
  });
  await store.saveRun(
    newRun(session.id, { id: 'run-1', status: 'succeeded', endedAt: 2_500, stdout: 'mapped reads 3307\n' }),
  );
  const output = await store.saveOutput(session.id, 'run-1', 'sorted.fa', new Blob(['>seq\nACGTTGCAGATTACA\n']));
  await store.saveRun(
    newRun(session.id, {
      id: 'run-1',
      status: 'succeeded',
      endedAt: 2_500,
      stdout: 'mapped reads 3307\n',
      outputs: [output],
    }),
  );
  await store.appendConsole(session.id, 'samtools flagstat ex1.bam');
  await store.saveViewerState(session.id, JSON.stringify({ locus: 'chr7:117559590' }));
  return session.id;
}

async function flatten(value: unknown, out: string[]): Promise<void> {
  if (value instanceof Blob) out.push(new TextDecoder('latin1').decode(await value.arrayBuffer()));
  else if (value instanceof Uint8Array) out.push(new TextDecoder('latin1').decode(value));
  else if (Array.isArray(value)) for (const item of value) await flatten(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      await flatten(item, out);
    }
  } else out.push(String(value));
}

/** Everything IndexedDB holds for this database, as one string. */
export async function rawDump(db: LokusDb): Promise<string> {
  const out: string[] = [];
  for (const table of db.tables) await flatten(await table.toArray(), out);
  return out.join('\n');
}

export function secretsIn(dump: string): string[] {
  return SECRETS.filter((secret) => dump.includes(secret));
}
