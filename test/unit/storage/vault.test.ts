import { describe, expect, it } from 'vitest';
import { PBKDF2_ITERATIONS, Vault, WrongPassphraseError } from '../../../src/storage/vault';

// Derivation at the real iteration count is tested once; the rest use a low count to stay fast.
const FAST = 1_000;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('Vault', () => {
  it('derives its key with PBKDF2 at >= 600,000 iterations by default and a random 16-byte salt', async () => {
    const vault = await Vault.create('correct horse battery staple');
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(vault.header.iterations).toBe(PBKDF2_ITERATIONS);
    expect(vault.header.salt).toHaveLength(16);
    const other = await Vault.create('correct horse battery staple', FAST);
    expect(other.header.salt).not.toEqual(vault.header.salt);
  });

  it('unlocks with the right passphrase and opens what it sealed', async () => {
    const created = await Vault.create('s3cret', FAST);
    const sealed = await created.sealJson({ notes: 'patient 17' }, 'sessions/a');
    const vault = await Vault.unlock(created.header, 's3cret');
    expect(await vault.openJson(sealed, 'sessions/a')).toEqual({ notes: 'patient 17' });
  });

  it('a wrong passphrase is a WrongPassphraseError with a plain message, not garbage data', async () => {
    const created = await Vault.create('s3cret', FAST);
    const error = await Vault.unlock(created.header, 'S3cret').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongPassphraseError);
    expect((error as WrongPassphraseError).message).toBe(
      'That passphrase is not the one your Lokus data was locked with.',
    );
    expect((error as WrongPassphraseError).advice).toMatch(/case-sensitive/);
  });

  it('seals with a fresh IV each time and never stores the plaintext', async () => {
    const vault = await Vault.create('s3cret', FAST);
    const a = await vault.sealBytes(bytes('HG00096 0/1'), 'runs/1');
    const b = await vault.sealBytes(bytes('HG00096 0/1'), 'runs/1');
    expect(a.iv).not.toEqual(b.iv);
    expect(new TextDecoder().decode(a.data)).not.toContain('HG00096');
  });

  it('binds a sealed value to its place: moved to another row it does not open', async () => {
    const vault = await Vault.create('s3cret', FAST);
    const sealed = await vault.sealBytes(bytes('x'), 'runs/1');
    await expect(vault.openBytes(sealed, 'runs/2')).rejects.toThrow();
  });

  it('detects tampering', async () => {
    const vault = await Vault.create('s3cret', FAST);
    const sealed = await vault.sealBytes(bytes('abc'), 'p');
    sealed.data[0] = (sealed.data[0] ?? 0) ^ 1;
    await expect(vault.openBytes(sealed, 'p')).rejects.toThrow();
  });

  it('seals and opens Blobs (stored file copies and outputs)', async () => {
    const vault = await Vault.create('s3cret', FAST);
    const sealed = await vault.sealBlob(new Blob(['@r\nACGT\n+\nIIII\n']), 'fileData/f1');
    expect(await (await vault.openBlob(sealed, 'fileData/f1')).text()).toBe('@r\nACGT\n+\nIIII\n');
  });

  it('changing the passphrase keeps sealed data readable under the new one; the old one no longer unlocks', async () => {
    const vault = await Vault.create('old pass', FAST);
    const sealed = await vault.sealJson(['line'], 'console/1');
    const header = await Vault.changePassphrase(vault.header, 'old pass', 'new pass', FAST);
    expect(header.salt).not.toEqual(vault.header.salt);
    expect(await (await Vault.unlock(header, 'new pass')).openJson(sealed, 'console/1')).toEqual(['line']);
    await expect(Vault.unlock(header, 'old pass')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('changing the passphrase needs the current one', async () => {
    const vault = await Vault.create('old pass', FAST);
    await expect(Vault.changePassphrase(vault.header, 'guess', 'new pass', FAST)).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });

  it('the data key cannot be read out of an unlocked vault', async () => {
    const vault = await Vault.create('s3cret', FAST);
    const key = (vault as unknown as { key: CryptoKey }).key;
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('refuses an empty passphrase', async () => {
    await expect(Vault.create('', FAST)).rejects.toThrow(/cannot be empty/);
  });
});
