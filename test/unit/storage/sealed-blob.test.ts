import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, openBlob, sealBlob } from '../../../src/storage/sealed-blob';
import { Vault } from '../../../src/storage/vault';

const FAST = 1_000;
const STORED_CHUNK = CHUNK_BYTES + 28;
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('sealed blobs', () => {
  const plain = new Uint8Array(2 * CHUNK_BYTES + 100).map((_, i) => i % 253);

  it('round-trips empty, one-chunk and multi-chunk blobs', async () => {
    const vault = await Vault.create('s3cret pass', FAST);
    for (const size of [0, 1, CHUNK_BYTES, plain.length]) {
      const sealed = await sealBlob(vault, new Blob([plain.slice(0, size)]), 'fileData/f1');
      expect(sealed.size).toBe(size + Math.max(1, Math.ceil(size / CHUNK_BYTES)) * 28);
      expect(Buffer.compare(await bytesOf(await openBlob(vault, sealed, 'fileData/f1')), plain.slice(0, size))).toBe(0);
    }
  });

  it('round-trips a blob larger than the 32 MiB handed to the browser at a time', async () => {
    const vault = await Vault.create('s3cret pass', FAST);
    const big = new Uint8Array(9 * CHUNK_BYTES + 5).map((_, i) => (i * 31) % 255);
    const sealed = await sealBlob(vault, new Blob([big]), 'outputs/big');
    expect(sealed.size).toBe(big.length + 10 * 28);
    expect(Buffer.compare(await bytesOf(await openBlob(vault, sealed, 'outputs/big')), big)).toBe(0);
  }, 60_000);

  it('refuses a copy with its last chunk cut off, chunks swapped, or moved to another row', async () => {
    const vault = await Vault.create('s3cret pass', FAST);
    const sealed = await sealBlob(vault, new Blob([plain]), 'fileData/f1');
    const first = sealed.slice(0, STORED_CHUNK);
    const second = sealed.slice(STORED_CHUNK, 2 * STORED_CHUNK);
    const rest = sealed.slice(2 * STORED_CHUNK);
    await expect(openBlob(vault, sealed.slice(0, 2 * STORED_CHUNK), 'fileData/f1')).rejects.toThrow();
    await expect(openBlob(vault, new Blob([second, first, rest]), 'fileData/f1')).rejects.toThrow();
    await expect(openBlob(vault, sealed, 'fileData/f2')).rejects.toThrow();
  });

  it('never holds the plaintext in the stored bytes', async () => {
    const vault = await Vault.create('s3cret pass', FAST);
    const sealed = await sealBlob(vault, new Blob(['@read1 HG00096\nACGT\n+\nIIII\n']), 'outputs/o1');
    expect(new TextDecoder('latin1').decode(await bytesOf(sealed))).not.toContain('HG00096');
  });
});
