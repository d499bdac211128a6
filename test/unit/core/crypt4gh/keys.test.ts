import { describe, expect, test } from 'vitest';
import {
  Crypt4ghError,
  inspectPrivateKey,
  keyFingerprint,
  readPrivateKey,
  readPublicKey,
} from '../../../../src/core/crypt4gh';
import { keyOf, keyText, vectors } from './vectors';

const kindOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof Crypt4ghError) return error.kind;
    throw error;
  }
  return 'no error';
};

describe('Crypt4GH private keys of the reference implementation', () => {
  test.each(['alice', 'bob', 'carol'])('%s opens with its passphrase and gives its own public key', (person) => {
    const key = keyOf(person);
    expect(key.secretKey).toHaveLength(32);
    expect(key.publicKey).toEqual(readPublicKey(keyText(`${person}.pub`)));
  });

  test.each([
    ['alice', 'scrypt', true],
    ['bob', 'bcrypt', true],
    ['carol', 'none', false],
  ])('%s is described as %s, passphrase needed: %s', (person, kdf, needsPassphrase) => {
    expect(vectors.key_kdfs[person]).toBe(kdf);
    expect(inspectPrivateKey(keyText(`${person}.sec`))).toMatchObject({ kdf, needsPassphrase });
  });
});

describe('bad keys get a reason', () => {
  const alice = keyText('alice.sec');
  const body = alice.split('\n')[1]!;
  const raw = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  const withKdf = (name: string): string => {
    const tail = raw.subarray(7 + 2 + 6);
    const head = new Uint8Array([...new TextEncoder().encode('c4gh-v1'), 0, name.length]);
    const bytes = new Uint8Array([...head, ...new TextEncoder().encode(name), ...tail]);
    return `-----BEGIN CRYPT4GH PRIVATE KEY-----\n${btoa(String.fromCharCode(...bytes))}\n-----END CRYPT4GH PRIVATE KEY-----\n`;
  };
  test.each([
    ['a wrong passphrase (scrypt)', () => readPrivateKey(alice, 'not-it'), 'wrong-passphrase'],
    ['no passphrase for a protected key', () => readPrivateKey(alice, ''), 'passphrase-needed'],
    ['a public key given as private', () => readPrivateKey(keyText('bob.pub'), 'x'), 'not-a-key'],
    ['a text file', () => readPrivateKey('hello\n', 'x'), 'not-a-key'],
    ['a key cut short', () => readPrivateKey(alice.replace(body, body.slice(0, 40)), 'x'), 'not-a-key'],
    ['an unknown KDF', () => readPrivateKey(withKdf('argon2'), 'x'), 'unsupported-key'],
    ['an OpenSSH key', () => readPrivateKey('-----BEGIN OPENSSH PRIVATE KEY-----\n'), 'unsupported-key'],
    ['a private key given as public', () => readPublicKey(alice), 'not-a-key'],
  ])('%s', (_, run, kind) => {
    expect(kindOf(run)).toBe(kind);
  });

  test('a wrong passphrase for the bcrypt key is refused too', () => {
    expect(kindOf(() => readPrivateKey(keyText('bob.sec'), 'alice-pass-scrypt'))).toBe('wrong-passphrase');
  });
});

test('fingerprints tell keys apart and are stable', () => {
  const alice = readPublicKey(keyText('alice.pub'));
  expect(keyFingerprint(alice)).toMatch(/^[0-9a-f]{16}$/);
  expect(keyFingerprint(alice)).toBe(keyFingerprint(alice.slice()));
  expect(keyFingerprint(alice)).not.toBe(keyFingerprint(readPublicKey(keyText('bob.pub'))));
});
