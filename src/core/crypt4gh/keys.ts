// Crypt4GH key files: the c4gh-v1 private key (unprotected, or sealed with a key derived from a passphrase by
// scrypt, bcrypt_pbkdf or PBKDF2-HMAC-SHA256) and the public key, both PEM-style base64 between BEGIN/END lines.
// Format: GA4GH Crypt4GH key format as the reference implementation (EGA-archive/crypt4gh 1.7) writes it.
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import bcryptPbkdf from 'bcrypt-pbkdf';
import { ascii, ByteCursor, toHex } from './bytes';
import { Crypt4ghError } from './errors';

export interface Crypt4ghKeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export type KeyKdf = 'scrypt' | 'bcrypt' | 'pbkdf2_hmac_sha256' | 'none';

/** What a private key file says about itself before any passphrase is tried. */
export interface PrivateKeyInfo {
  kdf: KeyKdf;
  needsPassphrase: boolean;
  comment?: string;
}

const MAGIC = 'c4gh-v1';
const KDFS: readonly string[] = ['scrypt', 'bcrypt', 'pbkdf2_hmac_sha256', 'none'];

const notAKey = (why: string): Crypt4ghError =>
  new Crypt4ghError(
    'not-a-key',
    `This is not a Crypt4GH private key (${why}).`,
    'Choose the private key file (usually ending in .sec) that crypt4gh-keygen or your archive gave you.',
  );

/** The bytes between `-----BEGIN CRYPT4GH <kind> KEY-----` and its END line. */
function pemBody(text: string, kind: 'PRIVATE' | 'PUBLIC'): Uint8Array | undefined {
  const match = new RegExp(
    `-----BEGIN (?:CRYPT4GH )?(?:ENCRYPTED )?${kind} KEY-----([A-Za-z0-9+/=\\s]*)-----END (?:CRYPT4GH )?(?:ENCRYPTED )?${kind} KEY-----`,
  ).exec(text);
  if (!match) return undefined;
  try {
    const raw = atob(match[1]!.replace(/\s+/g, ''));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

interface ParsedPrivateKey {
  kdf: KeyKdf;
  rounds: number;
  salt: Uint8Array;
  cipher: string;
  blob: Uint8Array;
  comment?: string;
}

function parsePrivate(text: string): ParsedPrivateKey {
  if (/-----BEGIN OPENSSH PRIVATE KEY-----/.test(text))
    throw new Crypt4ghError(
      'unsupported-key',
      'OpenSSH keys are not supported yet.',
      'Make a Crypt4GH key with crypt4gh-keygen, or convert this one, and import that.',
    );
  if (/-----BEGIN (CRYPT4GH )?PUBLIC KEY-----/.test(text))
    throw new Crypt4ghError(
      'not-a-key',
      'This is a public key; decrypting needs the private key.',
      'Choose the private key file (usually ending in .sec) that belongs to this public key.',
    );
  const body = pemBody(text, 'PRIVATE');
  if (!body) throw notAKey('no CRYPT4GH PRIVATE KEY block');
  const cursor = new ByteCursor(body);
  try {
    if (ascii(cursor.take(MAGIC.length)) !== MAGIC) throw notAKey('it does not start with c4gh-v1');
    const kdf = ascii(cursor.string());
    if (!KDFS.includes(kdf))
      throw new Crypt4ghError(
        'unsupported-key',
        `The key is protected with "${kdf}", which Lokus cannot derive.`,
        'Protect the key with scrypt, bcrypt or pbkdf2_hmac_sha256 (crypt4gh-keygen does), or leave it unprotected.',
      );
    let rounds = 0;
    let salt: Uint8Array = new Uint8Array(0);
    if (kdf !== 'none') {
      const options = new ByteCursor(cursor.string());
      rounds = options.u32be();
      salt = options.take(options.remaining);
    }
    const cipher = ascii(cursor.string());
    const blob = cursor.string();
    const comment = cursor.remaining >= 2 ? new TextDecoder().decode(cursor.string()) : undefined;
    return { kdf: kdf as KeyKdf, rounds, salt, cipher, blob, ...(comment ? { comment } : {}) };
  } catch (error) {
    if (error instanceof Crypt4ghError) throw error;
    throw notAKey('it ends too early');
  }
}

/** Reads what the key file needs (a passphrase or not) without deriving anything. */
export function inspectPrivateKey(text: string): PrivateKeyInfo {
  const { kdf, cipher, comment } = parsePrivate(text);
  return { kdf, needsPassphrase: cipher !== 'none', ...(comment ? { comment } : {}) };
}

function deriveKey(parsed: ParsedPrivateKey, passphrase: string): Uint8Array {
  const pass = new TextEncoder().encode(passphrase);
  switch (parsed.kdf) {
    case 'scrypt':
      // The reference implementation ignores the stored rounds for scrypt and always uses these costs.
      return scrypt(pass, parsed.salt, { N: 1 << 14, r: 8, p: 1, dkLen: 32 });
    case 'pbkdf2_hmac_sha256':
      return pbkdf2(sha256, pass, parsed.salt, { c: parsed.rounds, dkLen: 32 });
    case 'bcrypt': {
      const key = new Uint8Array(32);
      if (bcryptPbkdf.pbkdf(pass, pass.length, parsed.salt, parsed.salt.length, key, 32, parsed.rounds) !== 0)
        throw notAKey('its bcrypt parameters are invalid');
      return key;
    }
    case 'none':
      throw notAKey('it is sealed but names no key derivation');
  }
}

/** Opens a private key file; `passphrase` is needed unless the key is unprotected. */
export function readPrivateKey(text: string, passphrase = ''): Crypt4ghKeyPair {
  const parsed = parsePrivate(text);
  let secretKey: Uint8Array;
  if (parsed.cipher === 'none') {
    secretKey = parsed.blob;
  } else if (parsed.cipher === 'chacha20_poly1305') {
    if (passphrase === '')
      throw new Crypt4ghError(
        'passphrase-needed',
        'This key is protected by a passphrase.',
        'Type the passphrase you chose when the key was made.',
      );
    if (parsed.blob.length < 12 + 16) throw notAKey('its sealed key is too short');
    const key = deriveKey(parsed, passphrase);
    try {
      secretKey = chacha20poly1305(key, parsed.blob.subarray(0, 12)).decrypt(parsed.blob.subarray(12));
    } catch {
      throw new Crypt4ghError(
        'wrong-passphrase',
        'The passphrase does not open this key.',
        'Check the passphrase (it is case-sensitive) and try again.',
      );
    }
  } else {
    throw new Crypt4ghError(
      'unsupported-key',
      `The key is sealed with "${parsed.cipher}", which Lokus cannot open.`,
      'Re-export the key with crypt4gh-keygen (chacha20_poly1305) and import that.',
    );
  }
  if (secretKey.length !== 32) throw notAKey(`its key is ${secretKey.length} bytes, not 32`);
  return { secretKey: secretKey.slice(), publicKey: x25519.getPublicKey(secretKey) };
}

/** Reads a Crypt4GH public key file (32 bytes of X25519 key material). */
export function readPublicKey(text: string): Uint8Array {
  const body = pemBody(text, 'PUBLIC');
  if (!body || body.length !== 32)
    throw new Crypt4ghError(
      'not-a-key',
      'This is not a Crypt4GH public key.',
      'Choose the recipient’s public key file (usually ending in .pub).',
    );
  return body;
}

/** A short, shareable name for a public key: the first 16 hex digits of its SHA-256. */
export const keyFingerprint = (publicKey: Uint8Array): string => toHex(sha256(publicKey)).slice(0, 16);
