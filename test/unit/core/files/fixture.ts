// Reads fixtures for the files tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(root + path));
}
