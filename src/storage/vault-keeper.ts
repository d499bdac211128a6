// Holds the encryption state of the database: the header row, the data key while unlocked (memory only, not
// extractable), the codec rows go through, and one queue for writes, so a conversion never races a save.
import {
  LockedError,
  PassphraseError,
  StorageError,
  type ConversionProgress,
  type EncryptionStatus,
} from '../core/storage-port';
import type { LokusDb } from './lokus-db';
import { RowCodec } from './row-codec';
import { convertRows } from './vault-convert';
import type { VaultRow } from './rows';
import { PBKDF2_ITERATIONS, Vault, WrongPassphraseError } from './vault';

export class VaultKeeper {
  #vault: Vault | undefined;
  /** The header row as last read or written; `null` until read. */
  #row: VaultRow | undefined | null = null;
  #writes: Promise<unknown> = Promise.resolve();

  /** `iterations` is for tests only (the store's `pbkdf2IterationsForTests`); the app always uses the default. */
  constructor(
    private readonly db: LokusDb,
    private readonly iterations = PBKDF2_ITERATIONS,
  ) {
    // A production build refuses a weaker count outright, so the test parameter cannot weaken the product.
    if (import.meta.env.PROD && iterations < PBKDF2_ITERATIONS)
      throw new Error(`PBKDF2 needs at least ${PBKDF2_ITERATIONS} iterations.`);
  }

  /** Runs `work` after every earlier write has settled: saves, conversions and locking happen one at a time. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#writes.then(work, work);
    this.#writes = next.catch(() => undefined);
    return next;
  }

  async #header(): Promise<VaultRow | undefined> {
    if (this.#row === null) this.#row = await this.db.vault.get('vault');
    return this.#row;
  }

  /** After the database was deleted: no header, no key. */
  reset(): void {
    this.#row = undefined;
    this.#vault = undefined;
  }

  async status(): Promise<EncryptionStatus> {
    if (!(await this.#header())) return 'off';
    return this.#vault ? 'unlocked' : 'locked';
  }

  /** The codec for the next read or write; throws LockedError while locked. */
  async codec(): Promise<RowCodec> {
    const row = await this.#header();
    if (!row) return RowCodec.plain;
    if (!this.#vault)
      throw new LockedError('Your Lokus data is encrypted and locked.', 'Unlock it with your passphrase.');
    return new RowCodec(this.#vault, row.state !== 'decrypting');
  }

  async unlock(passphrase: string, progress?: ConversionProgress): Promise<void> {
    const row = await this.#header();
    if (!row) return;
    this.#vault = await openVault(row, passphrase);
    if (row.state !== 'on') await this.exclusive(() => this.#finish(row, progress));
  }

  lock(): Promise<void> {
    return this.exclusive(async () => {
      this.#vault = undefined;
    });
  }

  enable(passphrase: string, progress?: ConversionProgress): Promise<void> {
    return this.exclusive(async () => {
      if (await this.#header())
        throw new StorageError(
          'Encryption is already on.',
          'Turn it off first to choose a new passphrase, or use "Change passphrase".',
        );
      const vault = await Vault.create(passphrase, this.iterations);
      // The header is stored before any row is sealed: a page closed half-way then resumes at the next unlock.
      const row: VaultRow = { key: 'vault', header: vault.header, state: 'encrypting' };
      await this.db.vault.put(row);
      this.#row = row;
      this.#vault = vault;
      await this.#finish(row, progress);
    });
  }

  disable(passphrase: string, progress?: ConversionProgress): Promise<void> {
    return this.exclusive(async () => {
      const row = await this.#header();
      if (!row) return;
      this.#vault = await openVault(row, passphrase);
      const decrypting: VaultRow = { ...row, state: 'decrypting' };
      await this.db.vault.put(decrypting);
      this.#row = decrypting;
      await this.#finish(decrypting, progress);
    });
  }

  changePassphrase(current: string, next: string): Promise<void> {
    return this.exclusive(async () => {
      const row = await this.#header();
      if (!row)
        throw new StorageError(
          'Encryption is off, so there is no passphrase to change.',
          'Turn encryption on to set one.',
        );
      let header;
      try {
        header = await Vault.changePassphrase(row.header, current, next, this.iterations);
      } catch (error) {
        throw passphraseError(error);
      }
      const changed: VaultRow = { ...row, header };
      await this.db.vault.put(changed);
      this.#row = changed;
    });
  }

  /** Converts every row to the target of `row.state`, then records the end: 'on', or no header at all. */
  async #finish(row: VaultRow, progress?: ConversionProgress): Promise<void> {
    const codec = new RowCodec(this.#vault, row.state !== 'decrypting');
    await convertRows(this.db, codec, progress);
    if (row.state === 'decrypting') {
      await this.db.vault.delete('vault');
      this.#row = undefined;
      this.#vault = undefined;
    } else {
      const on: VaultRow = { ...row, state: 'on' };
      await this.db.vault.put(on);
      this.#row = on;
    }
  }
}

async function openVault(row: VaultRow, passphrase: string): Promise<Vault> {
  try {
    return await Vault.unlock(row.header, passphrase);
  } catch (error) {
    throw passphraseError(error);
  }
}

function passphraseError(error: unknown): unknown {
  if (error instanceof WrongPassphraseError) return new PassphraseError(error.message, error.advice, error);
  if (error instanceof Error && /cannot be empty/.test(error.message))
    return new PassphraseError(error.message, 'Type a passphrase.', error);
  return error;
}
