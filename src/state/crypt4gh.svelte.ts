// The user's Crypt4GH private key for this page and what it opens. The key itself lives only in the engine's
// keyring worker (never stored, not even encrypted); this class keeps its fingerprint, the last refusal, and each
// encrypted file's state (locked, readable as its plain name, or not for this key) for the Files panel.
import type { Crypt4ghKeyring, EncryptedState } from '../core/crypt4gh';

export interface KeyRescan {
  rescan(keyLoaded: boolean): Promise<void>;
}

export class Crypt4ghState {
  /** Fingerprint of the loaded key's public half; undefined while no key is loaded. */
  fingerprint = $state<string | undefined>();
  unlocking = $state(false);
  /** Why the last import failed: what is wrong and what to do. */
  error = $state<{ message: string; advice: string } | undefined>();
  states = $state.raw<Readonly<Record<string, EncryptedState>>>({});

  constructor(
    private readonly keyring: Crypt4ghKeyring,
    private readonly files: KeyRescan,
  ) {}

  /** Told by the decrypting work area whenever an encrypted file is mounted, opened or removed. */
  noteState(name: string, state: EncryptedState | undefined): void {
    const { [name]: _, ...rest } = this.states;
    this.states = state ? { ...rest, [name]: state } : rest;
  }

  stateOf(name: string): EncryptedState | undefined {
    return this.states[name];
  }

  /** Opens a private key file with its passphrase; on success every encrypted file is opened with it. */
  async importKey(keyFile: Blob, passphrase: string): Promise<boolean> {
    this.unlocking = true;
    this.error = undefined;
    try {
      const unlocked = await this.keyring.unlock(await keyFile.text(), passphrase);
      if (!unlocked.ok) {
        this.error = { message: unlocked.message, advice: unlocked.advice };
        return false;
      }
      this.fingerprint = unlocked.fingerprint;
      await this.files.rescan(true);
      return true;
    } finally {
      this.unlocking = false;
    }
  }

  async forgetKey(): Promise<void> {
    await this.keyring.forget();
    this.fingerprint = undefined;
    await this.files.rescan(false);
  }
}
