import { afterEach, describe, expect, it } from 'vitest';
import { makeStore, newFile, text, type TestStore } from './support';

let t: TestStore;
afterEach(() => t.store.close());

// FileSystemFileHandle does not exist in Node; IndexedDB stores any structured-cloneable stand-in alike.
const fakeHandle = { kind: 'file', name: 'big.bam' } as unknown as FileSystemFileHandle;

describe('session files', () => {
  it.each([
    ['a Blob copy', { blob: new Blob(['ACGT']) }, 'blob'],
    ['a handle', { handle: fakeHandle }, 'handle'],
    ['nothing', {}, 'none'],
  ] as const)('records a file kept as %s', async (_label, options, storage) => {
    t = makeStore();
    const s = await t.store.createSession('A');
    const file = await t.store.addFile(s.id, newFile('x.vcf.gz'), options);
    expect(file).toMatchObject({
      name: 'x.vcf.gz',
      sessionId: s.id,
      storage,
      fingerprint: 'fp-x.vcf.gz',
      addedAt: 1000,
    });
    expect(await t.store.listFiles(s.id)).toEqual([file]);
  });

  it('reads back the Blob copy', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    const file = await t.store.addFile(s.id, newFile('x.fa'), { blob: new Blob(['>s\nACGT\n']) });
    expect(await text((await t.store.readFileData(file.id)).blob)).toBe('>s\nACGT\n');
  });

  it('reads back the handle', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    const file = await t.store.addFile(s.id, newFile('big.bam'), { handle: fakeHandle });
    expect((await t.store.readFileData(file.id)).handle).toEqual({ kind: 'file', name: 'big.bam' });
  });

  it('keeps the detection result', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    const file = await t.store.addFile(s.id, newFile('x.vcf.gz'));
    expect((await t.store.listFiles(s.id))[0]?.detected).toEqual(file.detected);
  });

  it('removes a file and its bytes', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    const file = await t.store.addFile(s.id, newFile('x.fa'), { blob: new Blob(['x']) });
    await t.store.removeFile(file.id);
    expect(await t.store.listFiles(s.id)).toEqual([]);
    expect(await t.store.readFileData(file.id)).toEqual({});
  });

  it('refuses a file for a session that does not exist, storing nothing', async () => {
    t = makeStore();
    await expect(t.store.addFile('nope', newFile('x.fa'), { blob: new Blob(['x']) })).rejects.toThrow(
      /no longer exists/,
    );
    expect(await t.store.db.files.count()).toBe(0);
  });
});
