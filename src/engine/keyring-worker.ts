// The worker that holds the user's Crypt4GH private key for the page's life: it derives the key from the
// passphrase (scrypt or bcrypt_pbkdf take a second or more: off the main thread), opens file headers with it,
// and hands out only each file's data keys. The private key never leaves this worker and is never stored.
import { expose } from 'comlink';
import {
  Crypt4ghError,
  Crypt4ghPlainReader,
  headerLength,
  keyFingerprint,
  openHeader,
  readPrivateKey,
  type Crypt4ghKeyPair,
} from '../core/crypt4gh';
import type { Crypt4ghProblem, Opened, Unlocked } from '../core/crypt4gh/keyring';

let key: Crypt4ghKeyPair | undefined;

function problem(error: unknown): Crypt4ghProblem {
  if (error instanceof Crypt4ghError)
    return { ok: false, kind: error.kind, message: error.message, advice: error.advice };
  throw error;
}

async function readHeader(file: Blob): Promise<Uint8Array> {
  let size = 4096;
  for (;;) {
    const prefix = new Uint8Array(await file.slice(0, size).arrayBuffer());
    const length = headerLength(prefix);
    // Complete, or the file ends first (openHeader then says the header is cut short).
    if ((length !== undefined && length <= prefix.length) || prefix.length < size) return prefix;
    size = Math.max(size * 4, length ?? 0);
  }
}

const api = {
  async unlock(keyText: string, passphrase: string): Promise<Unlocked> {
    try {
      key = readPrivateKey(keyText, passphrase);
      return { ok: true, fingerprint: keyFingerprint(key.publicKey), publicKey: key.publicKey };
    } catch (error) {
      return problem(error);
    }
  },
  async open(file: Blob): Promise<Opened> {
    try {
      if (!key)
        throw new Crypt4ghError(
          'not-for-this-key',
          'No Crypt4GH key is loaded.',
          'Import your private key to read encrypted files.',
        );
      const { headerBytes, dataKeys, editList } = openHeader(await readHeader(file), key);
      const decryption = { headerBytes, dataKeys, ...(editList ? { editList } : {}) };
      const plainSize = new Crypt4ghPlainReader(decryption, file.size, () => 0).size;
      return { ok: true, decryption, plainSize };
    } catch (error) {
      return problem(error);
    }
  },
  async forget(): Promise<void> {
    key?.secretKey.fill(0);
    key = undefined;
  },
};

export type KeyringWorkerApi = typeof api;
expose(api);
