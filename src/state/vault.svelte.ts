// Encryption at rest as the UI sees it: whether data is locked, unlocking (before any session is shown), lock now,
// auto-lock after idle minutes, turning encryption on and off with progress, changing the passphrase, and deleting
// everything when the passphrase is forgotten (nothing else can recover the data).
import type { EncryptionStatus, SessionStore } from '../core/storage-port';
import { describeError } from './describe-error';

export type VaultStatus = 'checking' | EncryptionStatus;

export interface VaultHost {
  /** Shows the sessions once data can be read (SessionsState.start). */
  open(): Promise<void>;
  /** Hides every session view and forgets file bytes in memory (SessionLoader.unload). */
  close(): Promise<void>;
  /** True while jobs run: locking waits for them to stop, auto-lock waits for them to end. */
  busy(): boolean;
  cancelJobs(): void;
  /** Deletes all local data (SessionsState.deleteAll): works while locked. */
  deleteAll(): Promise<void>;
  now?: () => number;
}

/** Long enough to stop a guess at a glance; the PBKDF2 derivation does the rest. */
export const MIN_PASSPHRASE = 8;

export class VaultState {
  status = $state<VaultStatus>('checking');
  /** What is going on now, e.g. "Encrypting your data: 40 of 120 records". */
  working = $state<string | undefined>(undefined);
  /** The last failure in plain words, shown next to the form it came from. */
  error = $state<string | undefined>(undefined);
  /** The last success, e.g. "Encryption is on." */
  message = $state<string | undefined>(undefined);
  autoLockMinutes = $state(0);
  #lastActivity = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: SessionStore,
    private readonly host: VaultHost,
  ) {}

  #now(): number {
    return this.host.now?.() ?? Date.now();
  }

  /** At startup: without encryption the sessions open at once; with it, nothing opens until unlock(). */
  async start(): Promise<void> {
    this.autoLockMinutes = (await this.store.getSettings()).autoLockMinutes ?? 0;
    this.status = await this.store.encryptionStatus();
    this.noteActivity();
    this.#timer ??= setInterval(() => void this.checkIdle(), 1_000);
    if (this.status === 'off') await this.host.open();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  noteActivity(): void {
    this.#lastActivity = this.#now();
  }

  async unlock(passphrase: string): Promise<void> {
    await this.#attempt('Checking the passphrase…', async () => {
      await this.store.unlock(passphrase, this.#progress('Finishing the last encryption change'));
      this.status = await this.store.encryptionStatus();
      this.noteActivity();
      await this.host.open();
    });
  }

  /** Stops running jobs (their runs are saved as cancelled), hides all session data, then forgets the key. */
  async lock(): Promise<void> {
    if (this.status !== 'unlocked') return;
    this.host.cancelJobs();
    for (let waited = 0; this.host.busy() && waited < 30_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await this.host.close();
    await this.store.lock();
    this.status = 'locked';
    this.error = undefined;
    this.message = undefined;
  }

  /** Called every second: locks after the idle minutes set, counting only time without jobs running. */
  async checkIdle(): Promise<void> {
    if (this.status !== 'unlocked' || this.working) return;
    // "Delete all local data" elsewhere removes the vault too.
    if ((await this.store.encryptionStatus()) === 'off') {
      this.status = 'off';
      return;
    }
    if (this.host.busy()) this.noteActivity();
    if (this.autoLockMinutes > 0 && this.#now() - this.#lastActivity >= this.autoLockMinutes * 60_000) {
      await this.lock();
      this.message = `Locked after ${this.autoLockMinutes} minute${this.autoLockMinutes === 1 ? '' : 's'} without use.`;
    }
  }

  async setAutoLock(minutes: number): Promise<void> {
    const autoLockMinutes = Number.isFinite(minutes) && minutes > 0 ? minutes : 0;
    await this.#attempt(undefined, async () => {
      await this.store.saveSettings({ autoLockMinutes });
      this.autoLockMinutes = autoLockMinutes;
      this.noteActivity();
    });
  }

  async enable(passphrase: string, repeated: string): Promise<boolean> {
    if (!this.#checkNew(passphrase, repeated)) return false;
    const done = await this.#attempt('Encrypting your data…', async () => {
      await this.store.enableEncryption(passphrase, this.#progress('Encrypting your data'));
      this.noteActivity();
      this.message = 'Encryption is on. Lokus will ask for the passphrase each time it opens.';
    });
    // Also after a failure (a full disk, say): encryption is then on and the rest is converted at the next unlock.
    this.status = await this.store.encryptionStatus();
    return done;
  }

  async disable(passphrase: string): Promise<boolean> {
    const done = await this.#attempt('Checking the passphrase…', async () => {
      await this.store.disableEncryption(passphrase, this.#progress('Decrypting your data'));
      this.message = 'Encryption is off: your data is stored unencrypted again.';
    });
    this.status = await this.store.encryptionStatus();
    return done;
  }

  async changePassphrase(current: string, next: string, repeated: string): Promise<boolean> {
    if (!this.#checkNew(next, repeated)) return false;
    return this.#attempt('Changing the passphrase…', async () => {
      await this.store.changePassphrase(current, next);
      this.message = 'The passphrase was changed. Use the new one from now on.';
    });
  }

  /** The only way out of a forgotten passphrase: delete everything and start again. */
  async deleteAll(): Promise<void> {
    await this.#attempt('Deleting all local data…', async () => {
      await this.host.deleteAll();
      this.status = await this.store.encryptionStatus();
    });
  }

  #checkNew(passphrase: string, repeated: string): boolean {
    this.message = undefined;
    if (passphrase.length < MIN_PASSPHRASE)
      this.error = `Choose a passphrase of at least ${MIN_PASSPHRASE} characters.`;
    else if (passphrase !== repeated) this.error = 'The two passphrases differ. Type the same passphrase twice.';
    else return true;
    return false;
  }

  #progress(label: string): (done: number, total: number) => void {
    return (done, total) => (this.working = `${label}: ${done} of ${total} records`);
  }

  async #attempt(working: string | undefined, action: () => Promise<void>): Promise<boolean> {
    this.error = undefined;
    this.message = undefined;
    this.working = working;
    try {
      await action();
      return true;
    } catch (error) {
      this.error = describeError(error);
      return false;
    } finally {
      this.working = undefined;
    }
  }
}
