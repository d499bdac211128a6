// Encryption at rest: data is sealed with a random AES-GCM data key; the data key is stored wrapped by a key
// derived from the passphrase (PBKDF2, SHA-256, 600,000 iterations, random salt), so changing the passphrase
// re-wraps one key instead of rewriting every row. A known-plaintext check value tells a wrong passphrase from
// damaged data. Each payload gets a fresh 12-byte IV and is bound to its place (additional data).

export const PBKDF2_ITERATIONS = 600_000;
const CHECK_PLAINTEXT = 'lokus-vault-check-v1';
const encoder = new TextEncoder();

/** What is stored about the passphrase: never the passphrase or the key, only how to derive and check it. */
export interface VaultHeader {
  version: 1;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  /** The data key, wrapped (AES-GCM) with the passphrase key. */
  wrappedKey: Sealed;
  /** CHECK_PLAINTEXT sealed with the data key: opening it proves the passphrase is right. */
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

async function passphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

async function wrap(
  dataKey: CryptoKey,
  passphrase: string,
  iterations: number,
): Promise<Pick<VaultHeader, 'salt' | 'iterations' | 'wrappedKey'>> {
  const salt = random(16);
  const iv = random(12);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, await passphraseKey(passphrase, salt, iterations), {
    name: 'AES-GCM',
    iv,
  });
  return { salt, iterations, wrappedKey: { iv, data: new Uint8Array(wrapped) } };
}

/** An unlocked vault: seals and opens payloads with the data key. */
export class Vault {
  private constructor(
    private readonly key: CryptoKey,
    readonly header: VaultHeader,
  ) {}

  /** A new vault for a passphrase: a new random data key, wrapped under the passphrase, and its check value. */
  static async create(passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<Vault> {
    if (passphrase.length === 0) throw new Error('A passphrase cannot be empty.');
    // Extractable only so it can be wrapped now; unlock() unwraps it as non-extractable.
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
    const check = await seal(key, encoder.encode(CHECK_PLAINTEXT), 'check');
    return Vault.unlock({ version: 1, ...(await wrap(key, passphrase, iterations)), check }, passphrase);
  }

  /** Opens an existing vault; a wrong passphrase throws WrongPassphraseError and changes nothing. */
  static async unlock(header: VaultHeader, passphrase: string): Promise<Vault> {
    const kek = await passphraseKey(passphrase, header.salt, header.iterations);
    let key: CryptoKey;
    let plain: Uint8Array;
    try {
      // Not extractable: script on the page can use the key while unlocked but never read it out.
      key = await crypto.subtle.unwrapKey(
        'raw',
        header.wrappedKey.data,
        kek,
        { name: 'AES-GCM', iv: header.wrappedKey.iv },
        'AES-GCM',
        false,
        ['encrypt', 'decrypt'],
      );
      plain = await open(key, header.check, 'check');
    } catch {
      throw new WrongPassphraseError();
    }
    if (new TextDecoder().decode(plain) !== CHECK_PLAINTEXT) throw new WrongPassphraseError();
    return new Vault(key, header);
  }

  /**
   * A new header for a new passphrase, after checking the current one. Data sealed so far stays valid: only
   * the wrapped data key changes. Store the returned header in place of the old one.
   */
  static async changePassphrase(
    header: VaultHeader,
    current: string,
    next: string,
    iterations = PBKDF2_ITERATIONS,
  ): Promise<VaultHeader> {
    if (next.length === 0) throw new Error('A passphrase cannot be empty.');
    await Vault.unlock(header, current);
    const kek = await passphraseKey(current, header.salt, header.iterations);
    // Unwrapped extractable for this one re-wrap only; never kept.
    const key = await crypto.subtle.unwrapKey(
      'raw',
      header.wrappedKey.data,
      kek,
      { name: 'AES-GCM', iv: header.wrappedKey.iv },
      'AES-GCM',
      true,
      ['encrypt', 'decrypt'],
    );
    return { ...header, ...(await wrap(key, next, iterations)) };
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
  const data = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(place) },
    key,
    sealed.data,
  );
  return new Uint8Array(data);
}
