// Encryption at rest: a passphrase becomes an AES-GCM key (PBKDF2, SHA-256, 600,000 iterations, random salt);
// a known-plaintext check value tells a wrong passphrase from damaged data; payloads are sealed with a fresh
// 12-byte IV each and bound to their row (table and key as additional data) so sealed values cannot be swapped.

export const PBKDF2_ITERATIONS = 600_000;
const CHECK_PLAINTEXT = 'lokus-vault-check-v1';
const encoder = new TextEncoder();

/** What is stored about the passphrase: never the passphrase or the key, only how to derive and check it. */
export interface VaultHeader {
  version: 1;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  /** CHECK_PLAINTEXT sealed with the key: opening it proves the passphrase is right. */
  check: Sealed;
}

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

/** The passphrase does not open this vault (the check value did not decrypt). Nothing was changed. */
export class WrongPassphraseError extends Error {
  readonly advice = 'Check the passphrase (it is case-sensitive) and try again. Lokus cannot recover data without it.';
  constructor() {
    super('That passphrase is not the one your Lokus data was locked with.');
    this.name = 'WrongPassphraseError';
  }
}

const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  // Not extractable: script on the page can use the key while unlocked but can never read it out.
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** An unlocked vault: seals and opens payloads with the derived key. */
export class Vault {
  private constructor(
    private readonly key: CryptoKey,
    readonly header: VaultHeader,
  ) {}

  /** A new vault for a passphrase (new salt), with its check value. */
  static async create(passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<Vault> {
    if (passphrase.length === 0) throw new Error('A passphrase cannot be empty.');
    const salt = random(16);
    const key = await deriveKey(passphrase, salt, iterations);
    const check = await seal(key, encoder.encode(CHECK_PLAINTEXT), 'check');
    return new Vault(key, { version: 1, salt, iterations, check });
  }

  /** Opens an existing vault; a wrong passphrase throws WrongPassphraseError. */
  static async unlock(header: VaultHeader, passphrase: string): Promise<Vault> {
    const key = await deriveKey(passphrase, header.salt, header.iterations);
    let plain: Uint8Array;
    try {
      plain = await open(key, header.check, 'check');
    } catch {
      throw new WrongPassphraseError();
    }
    if (new TextDecoder().decode(plain) !== CHECK_PLAINTEXT) throw new WrongPassphraseError();
    return new Vault(key, header);
  }

  /** Seals bytes for one place (e.g. "runs/<id>"): they only open again for that same place. */
  sealBytes(bytes: Uint8Array<ArrayBuffer>, place: string): Promise<Sealed> {
    return seal(this.key, bytes, place);
  }

  openBytes(sealed: Sealed, place: string): Promise<Uint8Array<ArrayBuffer>> {
    return open(this.key, sealed, place);
  }

  sealJson(value: unknown, place: string): Promise<Sealed> {
    return this.sealBytes(encoder.encode(JSON.stringify(value)), place);
  }

  async openJson<T>(sealed: Sealed, place: string): Promise<T> {
    return JSON.parse(new TextDecoder().decode(await this.openBytes(sealed, place))) as T;
  }

  async sealBlob(blob: Blob, place: string): Promise<Sealed> {
    return this.sealBytes(new Uint8Array(await blob.arrayBuffer()), place);
  }

  async openBlob(sealed: Sealed, place: string, type = ''): Promise<Blob> {
    return new Blob([await this.openBytes(sealed, place)], { type });
  }
}

async function seal(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>, place: string): Promise<Sealed> {
  const iv = random(12);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(place) }, key, bytes);
  return { iv, data: new Uint8Array(data) };
}

async function open(key: CryptoKey, sealed: Sealed, place: string): Promise<Uint8Array<ArrayBuffer>> {
  const data = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(place) }, key, sealed.data);
  return new Uint8Array(data);
}

/** Re-seals one payload under a new vault (changing the passphrase). */
export async function reseal(from: Vault, to: Vault, sealed: Sealed, place: string): Promise<Sealed> {
  return to.sealBytes(await from.openBytes(sealed, place), place);
}
