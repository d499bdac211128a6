// The Crypt4GH keyring of the page: a worker of its own (keyring-worker.ts), started on first use, that keeps
// the private key in its memory until the page closes or the user forgets the key.
import { wrap, type Remote } from 'comlink';
import type { Crypt4ghKeyring } from '../core/crypt4gh/keyring';
import type { KeyringWorkerApi } from './keyring-worker';

export function createKeyring(): Crypt4ghKeyring {
  let api: Remote<KeyringWorkerApi> | undefined;
  const worker = (): Remote<KeyringWorkerApi> =>
    (api ??= wrap<KeyringWorkerApi>(
      new Worker(new URL('./keyring-worker.ts', import.meta.url), { type: 'module', name: 'lokus-keyring' }),
    ));
  return {
    unlock: (keyText, passphrase) => worker().unlock(keyText, passphrase),
    open: (file) => worker().open(file),
    forget: async () => {
      if (api) await api.forget();
    },
  };
}
