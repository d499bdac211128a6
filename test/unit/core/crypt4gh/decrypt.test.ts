import { describe, expect, test } from 'vitest';
import {
  Crypt4ghError,
  Crypt4ghPlainReader,
  headerLength,
  isCrypt4gh,
  openHeader,
  SEGMENT_CIPHER_BYTES,
  SEGMENT_PLAIN_BYTES,
  type Crypt4ghKeyPair,
} from '../../../../src/core/crypt4gh';
import { keyOf, readVector, sha256, vectors } from './vectors';

function readerFor(file: Uint8Array, key: Crypt4ghKeyPair): Crypt4ghPlainReader {
  const header = openHeader(file, key);
  return new Crypt4ghPlainReader(header, file.length, (dst, position) => {
    const bytes = file.subarray(position, position + dst.length);
    dst.set(bytes);
    return bytes.length;
  });
}

function readAll(reader: Crypt4ghPlainReader, chunk: number): Uint8Array {
  const out = new Uint8Array(reader.size);
  for (let at = 0; at < reader.size;) at += reader.read(out, at, chunk, at);
  return out;
}

const everyReader = vectors.cases.flatMap((c) => c.readers.map((reader) => ({ ...c, reader })));

describe('every reference vector decrypts to its recorded sha256', () => {
  test.each(everyReader)('$file for $reader', ({ file, reader, plain_sha256, plain_bytes, edit_list }) => {
    const bytes = readVector(file);
    expect(isCrypt4gh(bytes)).toBe(true);
    const header = openHeader(bytes, keyOf(reader));
    expect(header.editList !== undefined).toBe(edit_list);
    const plain = readAll(readerFor(bytes, keyOf(reader)), 1 << 20);
    expect(plain.length).toBe(plain_bytes);
    expect(sha256(plain)).toBe(plain_sha256);
  });

  test.each(vectors.cases)('$file matches the plain file at its offset', (c) => {
    const plainFile = readVector(c.plain_of);
    const expected = plainFile.subarray(c.offset, c.offset + (c.span ?? plainFile.length));
    expect(sha256(expected)).toBe(c.plain_sha256);
  });
});

describe('random access decrypts what a read asks for', () => {
  const plainFile = readVector('synth.bam');
  const cases = [
    ['the first bytes', 'synth.bam.to-bob.c4gh', 0, 0, 100],
    ['across a segment boundary', 'synth.bam.to-bob.c4gh', 0, SEGMENT_PLAIN_BYTES - 10, 40],
    ['the last byte', 'synth.bam.to-bob.c4gh', 0, plainFile.length - 1, 1],
    ['past the end', 'synth.bam.to-bob.c4gh', 0, plainFile.length, 10],
    ['inside an edit list', 'synth.bam.editlist-to-carol.c4gh', 100_000, 70_000, 5000],
    ['an edit list from its start', 'synth.bam.editlist-to-carol.c4gh', 100_000, 0, 200],
    ['a range file', 'synth.bam.range-to-carol.c4gh', 70_000, 123_456, 3000],
  ] as const;
  test.each(cases)('%s', (_, file, base, position, length) => {
    const reader = readerFor(readVector(file), keyOf(file.includes('carol') ? 'carol' : 'bob'));
    const dst = new Uint8Array(length);
    const n = reader.read(dst, 0, length, position);
    const want = plainFile.subarray(base + position, base + Math.min(position + length, reader.size));
    expect(n).toBe(want.length);
    expect(sha256(dst.subarray(0, n))).toBe(sha256(want));
  });

  test('reading in small pieces gives the same bytes as one read', () => {
    const reader = readerFor(readVector('synth.bam.to-bob-carol.c4gh'), keyOf('carol'));
    expect(sha256(readAll(reader, 32 * 1024 + 7))).toBe(vectors.cases[1]!.plain_sha256);
  });
});

describe('files that must not be read', () => {
  const kindOf = (run: () => unknown): string => {
    try {
      run();
      return 'no error';
    } catch (error) {
      if (error instanceof Crypt4ghError) return error.kind;
      throw error;
    }
  };

  test('a file for someone else is refused with its reason', () => {
    expect(kindOf(() => openHeader(readVector('synth.bam.to-bob.c4gh'), keyOf('alice')))).toBe('not-for-this-key');
  });

  test('a flipped byte in a segment fails authentication instead of giving wrong data', () => {
    const bytes = readVector('synth.bam.to-bob.c4gh').slice();
    const header = headerLength(bytes)!;
    bytes[header + SEGMENT_CIPHER_BYTES + 500]! ^= 0x01;
    const reader = readerFor(bytes, keyOf('bob'));
    expect(kindOf(() => reader.read(new Uint8Array(10), 0, 10, 0))).toBe('no error');
    expect(kindOf(() => reader.read(new Uint8Array(10), 0, 10, SEGMENT_PLAIN_BYTES + 5))).toBe('authentication-failed');
  });

  test('a file cut inside a segment is reported as truncated', () => {
    const bytes = readVector('synth.bam.to-bob.c4gh');
    const cut = bytes.subarray(0, headerLength(bytes)! + SEGMENT_CIPHER_BYTES + 20);
    expect(kindOf(() => readerFor(cut, keyOf('bob')))).toBe('truncated');
  });

  test('a file cut after a whole segment fails authentication at its last segment', () => {
    const bytes = readVector('synth.bam.to-bob.c4gh');
    const cut = bytes.subarray(0, headerLength(bytes)! + SEGMENT_CIPHER_BYTES + 1000);
    const reader = readerFor(cut, keyOf('bob'));
    expect(kindOf(() => reader.read(new Uint8Array(10), 0, 10, SEGMENT_PLAIN_BYTES))).toBe('authentication-failed');
  });

  test.each([
    ['a plain BAM', readVector('synth.bam'), 'not-crypt4gh'],
    ['a header cut short', readVector('synth.bam.to-bob.c4gh').subarray(0, 40), 'corrupt-header'],
  ])('%s', (_, bytes, kind) => {
    expect(kindOf(() => openHeader(bytes, keyOf('carol')))).toBe(kind);
  });

  test('the header length is known only once enough bytes are there', () => {
    const bytes = readVector('synth.bam.to-bob-carol.c4gh');
    const full = headerLength(bytes)!;
    expect(headerLength(bytes.subarray(0, 20))).toBeUndefined();
    expect(headerLength(bytes.subarray(0, full))).toBe(full);
    expect(full).toBeLessThan(1000);
  });
});
