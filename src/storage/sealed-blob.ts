// Blobs (file copies, run outputs) sealed in 4 MiB chunks, so a large file never needs one buffer of its whole
// size: each chunk is read, sealed and stored as a Blob part. Stored form: per chunk 12-byte IV + ciphertext + tag.
// 4 MiB rather than 1: in Chromium each Blob slice read has a fixed cost (64 MB sealed in 2.5-3.2 s vs 3.6-6 s).
import type { Vault } from './vault';

export const CHUNK_BYTES = 4 * 1024 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const STORED_CHUNK = IV_BYTES + CHUNK_BYTES + TAG_BYTES;

/**
 * Each chunk is bound to its place, its index and the chunk count: chunks cannot be reordered, swapped between
 * rows or dropped from the end without opening failing.
 */
const chunkPlace = (place: string, index: number, count: number) => `${place}#${index}/${count}`;

/**
 * Collects chunks into a Blob, handing them to the browser every 32 MiB: the browser's blob store may keep them on
 * disk, so a large file is not held in script memory all at once.
 */
class BlobBuilder {
  #done = new Blob([]);
  #pending: Uint8Array<ArrayBuffer>[] = [];
  #pendingBytes = 0;

  add(...parts: Uint8Array<ArrayBuffer>[]): void {
    this.#pending.push(...parts);
    this.#pendingBytes += parts.reduce((sum, part) => sum + part.length, 0);
    if (this.#pendingBytes >= 8 * CHUNK_BYTES) this.#fold();
  }

  build(type = ''): Blob {
    this.#fold();
    return new Blob([this.#done], { type });
  }

  #fold(): void {
    this.#done = new Blob([this.#done, ...this.#pending]);
    this.#pending = [];
    this.#pendingBytes = 0;
  }
}

export async function sealBlob(vault: Vault, blob: Blob, place: string): Promise<Blob> {
  const count = Math.max(1, Math.ceil(blob.size / CHUNK_BYTES));
  const parts = new BlobBuilder();
  for (let index = 0; index < count; index++) {
    const plain = new Uint8Array(await blob.slice(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES).arrayBuffer());
    const sealed = await vault.sealBytes(plain, chunkPlace(place, index, count));
    parts.add(sealed.iv, sealed.data);
  }
  return parts.build('application/octet-stream');
}

export async function openBlob(vault: Vault, sealed: Blob, place: string): Promise<Blob> {
  const count = Math.max(1, Math.ceil(sealed.size / STORED_CHUNK));
  const parts = new BlobBuilder();
  for (let index = 0; index < count; index++) {
    const stored = new Uint8Array(await sealed.slice(index * STORED_CHUNK, (index + 1) * STORED_CHUNK).arrayBuffer());
    if (stored.length < IV_BYTES + TAG_BYTES)
      throw new Error(`A sealed file copy is damaged (chunk ${index + 1} of ${count} is cut short).`);
    parts.add(
      await vault.openBytes(
        { iv: stored.slice(0, IV_BYTES), data: stored.slice(IV_BYTES) },
        chunkPlace(place, index, count),
      ),
    );
  }
  return parts.build();
}
