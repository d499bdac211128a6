import { describe, expect, test } from 'vitest';
import {
  Crypt4ghPlainReader,
  freshDataKey,
  openHeader,
  sealHeader,
  sealSegment,
  SEGMENT_PLAIN_BYTES,
  keptRanges,
  streamSize,
  SEGMENT_CIPHER_BYTES,
  Crypt4ghError,
} from '../../../../src/core/crypt4gh';
import { keyOf, readVector, sha256 } from './vectors';

function encrypt(plain: Uint8Array, recipients: Uint8Array[]): Uint8Array {
  const dataKey = freshDataKey();
  const parts = [sealHeader(recipients, dataKey, keyOf('alice'))];
  for (let at = 0; at < plain.length; at += SEGMENT_PLAIN_BYTES)
    parts.push(sealSegment(plain.subarray(at, at + SEGMENT_PLAIN_BYTES), dataKey));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('files Lokus encrypts are read back', () => {
  test.each(['bob', 'carol'])('synth.bam encrypted to bob and carol opens for %s', (person) => {
    const plain = readVector('synth.bam');
    const file = encrypt(plain, [keyOf('bob').publicKey, keyOf('carol').publicKey]);
    const header = openHeader(file, keyOf(person));
    expect(header).toMatchObject({ packets: 2, opened: 1 });
    const reader = new Crypt4ghPlainReader(header, file.length, (dst, position) => {
      const bytes = file.subarray(position, position + dst.length);
      dst.set(bytes);
      return bytes.length;
    });
    const out = new Uint8Array(reader.size);
    reader.read(out, 0, out.length, 0);
    expect(sha256(out)).toBe(sha256(plain));
  });

  test('nobody else can open them', () => {
    const file = encrypt(new Uint8Array(10), [keyOf('bob').publicKey]);
    expect(() => openHeader(file, keyOf('carol'))).toThrow(Crypt4ghError);
  });
});

describe('segment and edit-list arithmetic', () => {
  test.each([
    [0, 0],
    [SEGMENT_CIPHER_BYTES, SEGMENT_PLAIN_BYTES],
    [SEGMENT_CIPHER_BYTES + 29, SEGMENT_PLAIN_BYTES + 1],
    [3 * SEGMENT_CIPHER_BYTES + 100, 3 * SEGMENT_PLAIN_BYTES + 72],
  ])('%i cipher bytes hold %i plain bytes', (cipher, plain) => {
    expect(streamSize(cipher)).toBe(plain);
  });

  test.each([
    ['no edit list', 100, undefined, [{ visible: 0, stream: 0, length: 100 }]],
    ['skip and keep', 100, [10, 20], [{ visible: 0, stream: 10, length: 20 }]],
    [
      'an odd count keeps the rest',
      100,
      [10, 20, 30],
      [
        { visible: 0, stream: 10, length: 20 },
        { visible: 20, stream: 60, length: 40 },
      ],
    ],
    ['a keep past the end is cut', 50, [40, 100], [{ visible: 0, stream: 40, length: 10 }]],
  ])('%s', (_, size, list, ranges) => {
    expect(keptRanges(size, list)).toEqual(ranges);
  });
});
