import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieSessionStore } from '../../../src/storage/dexie-session-store';
import { SCHEMA_V3 } from '../../../src/storage/lokus-db';
import { FAST, rawDump } from './encryption-support';
import { newFile, newRun, text } from './support';

const opened: DexieSessionStore[] = [];
afterEach(() => opened.splice(0).forEach((store) => store.close()));

const open = (databaseName: string) => {
  const store = new DexieSessionStore({ databaseName, pbkdf2IterationsForTests: FAST });
  opened.push(store);
  return store;
};

/** Writes a database exactly as a v3 Lokus left it: plain rows in every table, no vault table. */
async function createV3Database(name: string): Promise<void> {
  const v3 = new Dexie(name);
  v3.version(3).stores(SCHEMA_V3);
  await v3.table('sessions').add({ id: 's1', name: 'Exome P17', createdAt: 1, updatedAt: 2, notes: 'recheck chr13' });
  await v3.table('files').add({ ...newFile('P17.vcf.gz'), id: 'f1', sessionId: 's1', storage: 'blob', addedAt: 3 });
  await v3.table('fileData').add({ fileId: 'f1', sessionId: 's1', blob: new Blob(['P17 genotypes']) });
  await v3.table('runs').add(
    newRun('s1', {
      id: 'r1',
      status: 'succeeded',
      stdout: 'SN\t0\tnumber of records:\t42\n',
      outputs: [{ name: 'P17.stats', size: 5, blobId: 'o1' }],
    }),
  );
  await v3
    .table('outputs')
    .add({ id: 'o1', sessionId: 's1', runId: 'r1', name: 'P17.stats', blob: new Blob(['stats']) });
  await v3.table('console').add({ sessionId: 's1', line: 'bcftools stats P17.vcf.gz', at: 4 });
  await v3.table('viewer').add({ sessionId: 's1', json: '{"locus":"chr13:32315474"}', updatedAt: 5 });
  v3.close();
}

async function everything(store: DexieSessionStore) {
  return {
    session: await store.getSession('s1'),
    files: (await store.listFiles('s1')).map((f) => f.name),
    copy: await text((await store.readFileData('f1')).blob),
    runs: (await store.listRuns('s1')).map((r) => [r.stdout, r.outputs]),
    output: await text(await store.readOutput('o1')),
    console: (await store.listConsole('s1')).map((e) => e.line),
    viewer: await store.getViewerState('s1'),
  };
}

describe('schema v3 -> v4', () => {
  it('opens at v4 (now v5) with encryption off and every v3 row readable as it was', async () => {
    await createV3Database('lokus-v4-1');
    const store = open('lokus-v4-1');
    expect(await store.encryptionStatus()).toBe('off');
    expect(store.db.verno).toBe(5);
    expect(await everything(store)).toEqual({
      session: { id: 's1', name: 'Exome P17', createdAt: 1, updatedAt: 2, notes: 'recheck chr13' },
      files: ['P17.vcf.gz'],
      copy: 'P17 genotypes',
      runs: [['SN\t0\tnumber of records:\t42\n', [{ name: 'P17.stats', size: 5, blobId: 'o1' }]]],
      output: 'stats',
      console: ['bcftools stats P17.vcf.gz'],
      viewer: '{"locus":"chr13:32315474"}',
    });
  });

  it('migrated data can then be encrypted, locked away and unlocked again unchanged', async () => {
    await createV3Database('lokus-v4-2');
    const store = open('lokus-v4-2');
    const before = await everything(store);
    await store.enableEncryption('a long passphrase');
    const dump = await rawDump(store.db);
    for (const secret of [
      'Exome P17',
      'recheck chr13',
      'P17 genotypes',
      'P17.vcf.gz',
      'number of records',
      'bcftools stats',
      'chr13:32315474',
    ])
      expect(dump).not.toContain(secret);
    store.close();
    const again = open('lokus-v4-2');
    await again.unlock('a long passphrase');
    expect(await everything(again)).toEqual(before);
  });
});
