import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieSessionStore } from '../../../src/storage/dexie-session-store';
import { LockedError, PassphraseError } from '../../../src/core/storage-port';
import { PBKDF2_ITERATIONS } from '../../../src/storage/vault';
import { CHUNK_BYTES } from '../../../src/storage/sealed-blob';
import { FAST, SECRETS, fillSession, makeEncryptableStore, rawDump, secretsIn } from './encryption-support';
import { newFile, newRun, text } from './support';

const opened: DexieSessionStore[] = [];
afterEach(() => opened.splice(0).forEach((store) => store.close()));

/** The same database opened again, as after a page reload: locked, no key in memory. */
function reopen(databaseName: string): DexieSessionStore {
  const store = new DexieSessionStore({ databaseName, pbkdf2IterationsForTests: FAST });
  opened.push(store);
  return store;
}

async function filled() {
  const t = makeEncryptableStore();
  opened.push(t.store);
  const sessionId = await fillSession(t.store);
  return { ...t, sessionId };
}

/** Everything a person sees of the session, read through the store. */
async function visible(store: DexieSessionStore, sessionId: string) {
  const files = await store.listFiles(sessionId);
  const runs = await store.listRuns(sessionId);
  return {
    session: await store.getSession(sessionId),
    files: files.map((f) => [f.name, f.storage]),
    copy: await text((await store.readFileData(files[0]!.id)).blob),
    runs: runs.map((r) => [r.label, r.steps, r.stdout, r.status]),
    output: await text(await store.readOutput(runs[0]!.outputs[0]!.blobId)),
    console: (await store.listConsole(sessionId)).map((e) => e.line),
    viewer: await store.getViewerState(sessionId),
  };
}

describe('turning encryption on', () => {
  it('seals existing names, notes, file copies, runs, outputs, console lines and viewer state', async () => {
    const { store, sessionId } = await filled();
    const before = await visible(store, sessionId);
    expect(secretsIn(await rawDump(store.db))).toEqual(SECRETS);
    await store.enableEncryption('correct horse');
    expect(secretsIn(await rawDump(store.db))).toEqual([]);
    expect(await store.encryptionStatus()).toBe('unlocked');
    expect(await visible(store, sessionId)).toEqual(before);
  });

  it('keeps only ids, timestamps and run status in the clear', async () => {
    const { store, sessionId } = await filled();
    await store.enableEncryption('correct horse');
    expect(Object.keys((await store.db.sessions.get(sessionId))!).sort()).toEqual([
      'createdAt',
      'id',
      'payload',
      'updatedAt',
    ]);
    expect(Object.keys((await store.db.runs.get('run-1'))!).sort()).toEqual([
      'endedAt',
      'id',
      'payload',
      'sessionId',
      'startedAt',
      'status',
    ]);
    expect(Object.keys((await store.db.console.toArray())[0]!).sort()).toEqual(['at', 'id', 'payload', 'sessionId']);
  });

  it('seals what is written afterwards', async () => {
    const { store } = makeEncryptableStore();
    opened.push(store);
    await store.enableEncryption('correct horse');
    const sessionId = await fillSession(store);
    expect(secretsIn(await rawDump(store.db))).toEqual([]);
    expect((await store.getSession(sessionId))?.notes).toBe('check BRCA2 later');
  });

  it('seals large file copies chunk by chunk and reads them back byte for byte', async () => {
    const { store } = makeEncryptableStore();
    opened.push(store);
    await store.enableEncryption('correct horse');
    const session = await store.createSession('big');
    const bytes = new Uint8Array(2 * CHUNK_BYTES + 12_345).map((_, i) => (i * 7) % 251);
    const file = await store.addFile(session.id, newFile('big.bam', bytes.length), { blob: new Blob([bytes]) });
    const stored = await store.db.fileData.get(file.id);
    expect((stored as { sealedBlob: Blob }).sealedBlob.size).toBe(bytes.length + 3 * 28);
    const back = new Uint8Array(await (await store.readFileData(file.id)).blob!.arrayBuffer());
    expect(Buffer.compare(back, bytes)).toBe(0);
  });

  it('does not keep file handles (they cannot be sealed and name the file): the file is asked for again', async () => {
    const { store } = makeEncryptableStore();
    opened.push(store);
    await store.enableEncryption('correct horse');
    const session = await store.createSession('s');
    const handle = { kind: 'file', name: 'patient-17.vcf' } as unknown as FileSystemFileHandle;
    const file = await store.addFile(session.id, newFile('patient-17.vcf'), { handle });
    expect(file.storage).toBe('none');
    expect(await store.readFileData(file.id)).toEqual({});
    expect(secretsIn(await rawDump(store.db))).toEqual([]);
  });

  it('stores the data key only wrapped: the header holds salt, iteration count, wrapped key and check value', async () => {
    const { store } = await filled();
    await store.enableEncryption('correct horse');
    const row = (await store.db.vault.get('vault'))!;
    expect(Object.keys(row.header).sort()).toEqual(['check', 'iterations', 'salt', 'version', 'wrappedKey']);
    expect(row.header.wrappedKey.data).toHaveLength(32 + 16);
    expect(row.state).toBe('on');
  });

  it('derives the key with 600,000 PBKDF2 iterations when no test count is given', async () => {
    const store = new DexieSessionStore({ databaseName: 'lokus-iterations' });
    opened.push(store);
    await store.enableEncryption('correct horse');
    expect((await store.db.vault.get('vault'))?.header.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBe(600_000);
  });
});

describe('locked after a reload', () => {
  it('reads nothing and decrypts nothing until unlocked', async () => {
    const { store, databaseName, sessionId } = await filled();
    await store.enableEncryption('correct horse');
    store.close();
    const again = reopen(databaseName);
    expect(await again.encryptionStatus()).toBe('locked');
    await expect(again.listSessions()).rejects.toBeInstanceOf(LockedError);
    await expect(again.listRuns(sessionId)).rejects.toBeInstanceOf(LockedError);
    await expect(again.createSession('x')).rejects.toBeInstanceOf(LockedError);
  });

  it('a wrong passphrase is refused with a plain message and changes no row', async () => {
    const { store, databaseName } = await filled();
    await store.enableEncryption('correct horse');
    store.close();
    const again = reopen(databaseName);
    const before = await rawDump(again.db);
    const error = await again.unlock('Correct horse').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PassphraseError);
    expect((error as Error).message).toBe('That passphrase is not the one your Lokus data was locked with.');
    expect(await again.encryptionStatus()).toBe('locked');
    expect(await rawDump(again.db)).toBe(before);
  });

  it('the right passphrase brings back every session, file, run, note and console line', async () => {
    const { store, databaseName, sessionId } = await filled();
    const before = await visible(store, sessionId);
    await store.enableEncryption('correct horse');
    store.close();
    const again = reopen(databaseName);
    await again.unlock('correct horse');
    expect(await visible(again, sessionId)).toEqual(before);
  });

  it('marks runs left running as interrupted without the key (status is a clear column)', async () => {
    const { store, databaseName, sessionId } = await filled();
    await store.saveRun(newRun(sessionId, { id: 'run-2', status: 'running' }));
    await store.enableEncryption('correct horse');
    store.close();
    const again = reopen(databaseName);
    expect(await again.markInterruptedRuns(9_999)).toBe(1);
    await again.unlock('correct horse');
    expect((await again.listRuns(sessionId)).find((r) => r.id === 'run-2')).toMatchObject({
      status: 'interrupted',
      endedAt: 9_999,
      label: 'samtools flagstat',
    });
  });

  it('"Delete all local data" works while locked (the way out of a forgotten passphrase)', async () => {
    const { store, databaseName } = await filled();
    await store.enableEncryption('correct horse');
    store.close();
    const again = reopen(databaseName);
    await again.deleteAllData();
    expect(await again.encryptionStatus()).toBe('off');
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(databaseName);
    expect((await again.createSession('fresh')).name).toBe('fresh');
  });
});

describe('lock, change passphrase, turn off', () => {
  it('lock now forgets the key: reads fail until unlocked again', async () => {
    const { store, sessionId } = await filled();
    await store.enableEncryption('correct horse');
    await store.lock();
    expect(await store.encryptionStatus()).toBe('locked');
    await expect(store.getSession(sessionId)).rejects.toBeInstanceOf(LockedError);
    await store.unlock('correct horse');
    expect((await store.getSession(sessionId))?.name).toBe('Tumour sample');
  });

  it('changing the passphrase re-wraps the key only: no data row is rewritten', async () => {
    const { store, databaseName, sessionId } = await filled();
    await store.enableEncryption('old phrase');
    const rowsBefore = await store.db.runs.toArray();
    await expect(store.changePassphrase('wrong', 'new phrase')).rejects.toBeInstanceOf(PassphraseError);
    await store.changePassphrase('old phrase', 'new phrase');
    expect(await store.db.runs.toArray()).toEqual(rowsBefore);
    store.close();
    const again = reopen(databaseName);
    await expect(again.unlock('old phrase')).rejects.toBeInstanceOf(PassphraseError);
    await again.unlock('new phrase');
    expect((await again.getSession(sessionId))?.notes).toBe('check BRCA2 later');
  });

  it('turning encryption off needs the passphrase, then stores every row plain again', async () => {
    const { store, databaseName, sessionId } = await filled();
    const before = await visible(store, sessionId);
    await store.enableEncryption('correct horse');
    await expect(store.disableEncryption('guess')).rejects.toBeInstanceOf(PassphraseError);
    expect(secretsIn(await rawDump(store.db))).toEqual([]);
    await store.disableEncryption('correct horse');
    expect(await store.encryptionStatus()).toBe('off');
    expect(await store.db.vault.count()).toBe(0);
    expect(secretsIn(await rawDump(store.db))).toEqual(SECRETS);
    store.close();
    expect(await visible(reopen(databaseName), sessionId)).toEqual(before);
  });
});

describe('a conversion cut short by a closed page', () => {
  it('leaves every row whole, and the next unlock finishes it', async () => {
    const { store, databaseName, sessionId } = await filled();
    const before = await visible(store, sessionId);
    const closing = new Error('page closed');
    // The progress callback throwing stands for the page going away after the first batches were written.
    const cut = await store
      .enableEncryption('correct horse', (done) => {
        if (done >= 3) throw closing;
      })
      .catch((e: unknown) => e);
    expect((cut as Error).cause ?? cut).toBe(closing);
    expect((await store.db.vault.get('vault'))?.state).toBe('encrypting');
    expect(secretsIn(await rawDump(store.db)).length).toBeGreaterThan(0);
    store.close();

    const again = reopen(databaseName);
    expect(await again.encryptionStatus()).toBe('locked');
    await again.unlock('correct horse');
    expect((await again.db.vault.get('vault'))?.state).toBe('on');
    expect(secretsIn(await rawDump(again.db))).toEqual([]);
    expect(await visible(again, sessionId)).toEqual(before);
  });

  it('a cut-short turn-off resumes at the next unlock and ends with encryption off', async () => {
    const { store, databaseName, sessionId } = await filled();
    const before = await visible(store, sessionId);
    await store.enableEncryption('correct horse');
    await store
      .disableEncryption('correct horse', (done) => {
        if (done >= 2) throw new Error('page closed');
      })
      .catch(() => undefined);
    store.close();
    const again = reopen(databaseName);
    expect(await again.encryptionStatus()).toBe('locked');
    await again.unlock('correct horse');
    expect(await again.encryptionStatus()).toBe('off');
    expect(await visible(again, sessionId)).toEqual(before);
  });
});

describe('export while encrypted', () => {
  it('exports plain rows (the UI says so) that import into a store without encryption', async () => {
    const { store, sessionId } = await filled();
    await store.enableEncryption('correct horse');
    const archive = await store.exportSession(sessionId, { includeInputs: true });
    const other = makeEncryptableStore().store;
    opened.push(other);
    const imported = await other.importSession(archive);
    expect(imported.name).toBe('Tumour sample');
    expect((await other.listRuns(imported.id))[0]?.stdout).toBe('mapped reads 3307\n');
  });

  it('duplicating and importing while encrypted write sealed rows', async () => {
    const { store, sessionId } = await filled();
    const archive = await store.exportSession(sessionId, { includeInputs: true });
    await store.enableEncryption('correct horse');
    const copy = await store.duplicateSession(sessionId, 'Tumour sample (copy)');
    const imported = await store.importSession(archive);
    expect(secretsIn(await rawDump(store.db))).toEqual([]);
    expect((await store.listConsole(copy.id)).map((e) => e.line)).toEqual(['samtools flagstat ex1.bam']);
    expect((await store.getSession(imported.id))?.notes).toBe('check BRCA2 later');
  });
});
