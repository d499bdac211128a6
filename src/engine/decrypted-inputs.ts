// Crypt4GH inputs inside the tool's worker: a mounted .c4gh Blob that came with its decryption (data keys and
// edit list, never the user's private key) shows the tool its plaintext size, and each read decrypts only the
// 64 KiB segments it touches, the ciphertext coming through the same windows and streams as any input. Nothing
// decrypted is written anywhere: the plaintext lives in the tool's read buffer and a few cached segments.
import { Crypt4ghError, Crypt4ghPlainReader, type Crypt4ghDecryption } from '../core/crypt4gh';
import type { FsNode, ToolModule } from './emscripten';

const EIO = 29;

/** What the worker-fs read hook needs of a reader. */
export interface PositionalReader {
  read(dst: Uint8Array, offset: number, length: number, position: number): number;
}

/**
 * Wraps the ciphertext reader of `node`: reads return plaintext; a segment that fails authentication (or a file
 * cut short) makes the read fail with EIO after `report` has told the user why, so the tool stops with an error
 * instead of reading wrong data.
 */
export function decryptingReader(
  module: ToolModule,
  node: FsNode,
  decryption: Crypt4ghDecryption,
  cipher: PositionalReader,
  report: (text: string) => void,
): PositionalReader {
  const plain = new Crypt4ghPlainReader(decryption, node.contents.size, (dst, position) =>
    cipher.read(dst, 0, dst.length, position),
  );
  let reported = false;
  return {
    read(dst, offset, length, position) {
      try {
        return plain.read(dst, offset, length, position);
      } catch (error) {
        if (!(error instanceof Crypt4ghError)) throw error;
        if (!reported) report(`lokus: ${node.name}: ${error.message} ${error.advice}\n`);
        reported = true;
        const ErrnoError = (module.FS as unknown as { ErrnoError: new (errno: number) => Error }).ErrnoError;
        throw new ErrnoError(EIO);
      }
    },
  };
}

/** The plaintext size tools see (stat, seek to end). */
export function plainSizeOf(decryption: Crypt4ghDecryption, cipherBytes: number): number {
  return new Crypt4ghPlainReader(decryption, cipherBytes, () => 0).size;
}
