// The GA4GH reference implementation's test vectors (test/fixtures/crypt4gh), with the keys opened once
// (bcrypt_pbkdf at 100 rounds takes seconds in JavaScript).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPrivateKey, type Crypt4ghKeyPair } from '../../../../src/core/crypt4gh';

// Copied unchanged from the project's shared test data (see test/fixtures/crypt4gh/README.md), so a fresh clone
// has them.
export const VECTOR_DIR = fileURLToPath(new URL('../../../fixtures/crypt4gh/', import.meta.url));

export interface VectorCase {
  file: string;
  readers: string[];
  plain_sha256: string;
  plain_bytes: number;
  plain_of: string;
  offset: number;
  span: number | null;
  edit_list: boolean;
}

interface Vectors {
  passphrases: Record<string, string>;
  key_kdfs: Record<string, string>;
  cases: VectorCase[];
}

export const vectors = JSON.parse(readFileSync(`${VECTOR_DIR}vectors.json`, 'utf8')) as Vectors;
export const readVector = (name: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(readFileSync(`${VECTOR_DIR}${name}`));
export const keyText = (name: string): string => readFileSync(`${VECTOR_DIR}${name}`, 'utf8');
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const opened = new Map<string, Crypt4ghKeyPair>();
export function keyOf(person: string): Crypt4ghKeyPair {
  let key = opened.get(person);
  if (!key) {
    key = readPrivateKey(keyText(`${person}.sec`), vectors.passphrases[person]);
    opened.set(person, key);
  }
  return key;
}
