// The keyring port: where the user's Crypt4GH private key is opened and kept (the engine keeps it in a worker of
// its own, for the page's life). Callers get the key's public half and, per file, only what its tools need.
import type { Crypt4ghErrorKind } from './errors';
import type { Crypt4ghDecryption } from './plain-reader';

/** A refusal with its reason, as plain data (it crosses a worker boundary). */
export interface Crypt4ghProblem {
  ok: false;
  kind: Crypt4ghErrorKind;
  message: string;
  advice: string;
}

export type Unlocked = { ok: true; fingerprint: string; publicKey: Uint8Array } | Crypt4ghProblem;

export type Opened = { ok: true; decryption: Crypt4ghDecryption; plainSize: number } | Crypt4ghProblem;

export interface Crypt4ghKeyring {
  /** Opens a private key file's text with its passphrase ('' for an unprotected key) and keeps the key. */
  unlock(keyText: string, passphrase: string): Promise<Unlocked>;
  /** Opens the header of a .c4gh file with the kept key. */
  open(file: Blob): Promise<Opened>;
  /** Drops the kept key. */
  forget(): Promise<void>;
}
