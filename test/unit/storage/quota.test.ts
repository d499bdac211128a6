import { afterEach, describe, expect, it } from 'vitest';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { StorageFullError } from '../../../src/core/storage-port';
import { makeStore, newFile, newRun, type TestStore } from './support';

let t: TestStore;
const originalPut = FakeObjectStore.prototype.put;
const originalAdd = FakeObjectStore.prototype.add;

/** Makes writes to one object store fail the way a full disk does in a browser. */
function failWritesTo(storeName: string) {
  const fail = function (this: IDBObjectStore, original: typeof originalPut, ...args: Parameters<typeof originalPut>) {
    if (this.name === storeName) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  };
  FakeObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof originalPut>) {
    return fail.call(this, originalPut, ...args);
  };
  FakeObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<typeof originalAdd>) {
    return fail.call(this, originalAdd, ...args);
  };
}

afterEach(() => {
  FakeObjectStore.prototype.put = originalPut;
  FakeObjectStore.prototype.add = originalAdd;
  t.store.close();
});

describe('a full disk', () => {
  it('surfaces as StorageFullError with a plain message and advice', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    failWritesTo('runs');
    const error = await t.store.saveRun(newRun(s.id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as StorageFullError).message).toMatch(
      /^Browser storage is full: could not save the run "samtools flagstat"/,
    );
    expect((error as StorageFullError).advice).toMatch(/Free space/);
  });

  it('rolls back the whole change: no file row when its Blob copy could not be stored', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    failWritesTo('fileData');
    await expect(t.store.addFile(s.id, newFile('big.fa'), { blob: new Blob(['x']) })).rejects.toBeInstanceOf(
      StorageFullError,
    );
    FakeObjectStore.prototype.put = originalPut;
    FakeObjectStore.prototype.add = originalAdd;
    expect(await t.store.listFiles(s.id)).toEqual([]);
    expect((await t.store.getSession(s.id))?.updatedAt).toBe(1000);
  });

  it('leaves the store usable once space is freed', async () => {
    t = makeStore();
    const s = await t.store.createSession('A');
    failWritesTo('outputs');
    await expect(t.store.saveOutput(s.id, 'r', 'o.txt', new Blob(['o']))).rejects.toBeInstanceOf(StorageFullError);
    FakeObjectStore.prototype.put = originalPut;
    FakeObjectStore.prototype.add = originalAdd;
    expect((await t.store.saveOutput(s.id, 'r', 'o.txt', new Blob(['o']))).size).toBe(1);
  });
});
