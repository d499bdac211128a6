// Random access to a Crypt4GH file's plaintext: a read at a visible offset decrypts only the segments it
// touches (through the edit list, if any), keeping the last few decrypted, so sequential reads and the short
// backward seeks of indexed queries do not decrypt a segment twice. Synchronous: it runs inside a tool's read().
import type { Crypt4ghHeader } from './header';
import {
  decryptSegment,
  keptRanges,
  SEGMENT_CIPHER_BYTES,
  SEGMENT_PLAIN_BYTES,
  streamSize,
  type KeptRange,
} from './segments';
import { Crypt4ghError } from './errors';

/** Reads up to dst.length encrypted bytes at `position` (an offset in the whole file); returns the count. */
export type CipherRead = (dst: Uint8Array, position: number) => number;

/** The header facts a reader needs: plain data, so it crosses to a worker with the file. */
export type Crypt4ghDecryption = Pick<Crypt4ghHeader, 'headerBytes' | 'dataKeys' | 'editList'>;

const CACHED_SEGMENTS = 4;

export class Crypt4ghPlainReader {
  /** Bytes the tools see (after the edit list). */
  readonly size: number;
  private readonly ranges: KeptRange[];
  private readonly stream: number;
  private readonly cache = new Map<number, Uint8Array>();
  private readonly cipher = new Uint8Array(SEGMENT_CIPHER_BYTES);

  constructor(
    private readonly decryption: Crypt4ghDecryption,
    fileBytes: number,
    private readonly readCipher: CipherRead,
  ) {
    this.stream = streamSize(fileBytes - decryption.headerBytes);
    this.ranges = keptRanges(this.stream, decryption.editList);
    const last = this.ranges.at(-1);
    this.size = last ? last.visible + last.length : 0;
  }

  /** Copies up to `length` visible bytes at `position` into `dst` at `offset`; returns the count (0 at end). */
  read(dst: Uint8Array, offset: number, length: number, position: number): number {
    const end = Math.min(position + length, this.size);
    let at = position;
    for (const range of this.ranges) {
      if (at >= end) break;
      const rangeEnd = range.visible + range.length;
      if (at >= rangeEnd) continue;
      const n = Math.min(end, rangeEnd) - at;
      this.readStream(dst, offset + at - position, n, range.stream + at - range.visible);
      at += n;
    }
    return at - position;
  }

  private readStream(dst: Uint8Array, offset: number, length: number, position: number): void {
    let done = 0;
    while (done < length) {
      const index = Math.floor((position + done) / SEGMENT_PLAIN_BYTES);
      const plain = this.segment(index);
      const from = position + done - index * SEGMENT_PLAIN_BYTES;
      const n = Math.min(length - done, plain.length - from);
      if (n <= 0) throw this.cutShort(index);
      dst.set(plain.subarray(from, from + n), offset + done);
      done += n;
    }
  }

  private segment(index: number): Uint8Array {
    const cached = this.cache.get(index);
    if (cached) {
      // Most recently used last, so the oldest goes first.
      this.cache.delete(index);
      this.cache.set(index, cached);
      return cached;
    }
    const start = this.decryption.headerBytes + index * SEGMENT_CIPHER_BYTES;
    const want = Math.min(SEGMENT_CIPHER_BYTES, this.cipherEnd() - start);
    let got = 0;
    while (got < want) {
      const n = this.readCipher(this.cipher.subarray(got, want), start + got);
      if (n === 0) throw this.cutShort(index);
      got += n;
    }
    const plain = decryptSegment(this.cipher.subarray(0, got), this.decryption.dataKeys, index);
    this.cache.set(index, plain);
    if (this.cache.size > CACHED_SEGMENTS) this.cache.delete(this.cache.keys().next().value!);
    return plain;
  }

  private cipherEnd(): number {
    const full = Math.floor(this.stream / SEGMENT_PLAIN_BYTES);
    const rest = this.stream % SEGMENT_PLAIN_BYTES;
    return this.decryption.headerBytes + full * SEGMENT_CIPHER_BYTES + (rest > 0 ? rest + 28 : 0);
  }

  private cutShort(index: number): Crypt4ghError {
    return new Crypt4ghError(
      'truncated',
      `Segment ${index + 1} of the encrypted file could not be read in full.`,
      'The file was cut short or changed while it was read; open it again.',
    );
  }
}
