// Data segments: the plaintext in 64 KiB pieces, each stored as nonce + ChaCha20-Poly1305 ciphertext + MAC.
// Maps a plaintext offset to its segment, and an edit list's visible bytes to offsets in the decrypted stream.
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { Crypt4ghError } from './errors';

export const SEGMENT_PLAIN_BYTES = 65_536;
const NONCE_BYTES = 12;
const MAC_BYTES = 16;
export const SEGMENT_CIPHER_BYTES = SEGMENT_PLAIN_BYTES + NONCE_BYTES + MAC_BYTES;

/** Size of the decrypted stream (before any edit list) for `cipherBytes` bytes of segments. */
export function streamSize(cipherBytes: number): number {
  const full = Math.floor(cipherBytes / SEGMENT_CIPHER_BYTES);
  const rest = cipherBytes % SEGMENT_CIPHER_BYTES;
  if (rest > 0 && rest <= NONCE_BYTES + MAC_BYTES)
    throw new Crypt4ghError(
      'truncated',
      `The encrypted data ends in a partial segment (${rest} bytes).`,
      'The file was cut short; fetch it again.',
    );
  return full * SEGMENT_PLAIN_BYTES + (rest > 0 ? rest - NONCE_BYTES - MAC_BYTES : 0);
}

/** Decrypts one segment (nonce + ciphertext + MAC) with the first data key that authenticates it. */
export function decryptSegment(segment: Uint8Array, keys: readonly Uint8Array[], index: number): Uint8Array {
  if (segment.length <= NONCE_BYTES + MAC_BYTES) throw truncated(index);
  const nonce = segment.subarray(0, NONCE_BYTES);
  const sealed = segment.subarray(NONCE_BYTES);
  for (const key of keys) {
    try {
      return chacha20poly1305(key, nonce).decrypt(sealed);
    } catch {
      // another data key may open it
    }
  }
  throw new Crypt4ghError(
    'authentication-failed',
    `Segment ${index + 1} of the encrypted file failed authentication: the file was changed or damaged.`,
    'Fetch the file again from where it came; Lokus will not read data it cannot verify.',
  );
}

const truncated = (index: number): Crypt4ghError =>
  new Crypt4ghError(
    'truncated',
    `Segment ${index + 1} of the encrypted file is cut short.`,
    'The file was cut short; fetch it again.',
  );

/** One stretch of visible bytes: `length` bytes at `visible` are the stream's bytes at `stream`. */
export interface KeptRange {
  visible: number;
  stream: number;
  length: number;
}

/**
 * The visible stretches of a stream of `size` bytes under an edit list (skip, keep, skip, keep, ...); an odd
 * count means the last keep runs to the end of the stream.
 */
export function keptRanges(size: number, editList?: readonly number[]): KeptRange[] {
  if (!editList) return size > 0 ? [{ visible: 0, stream: 0, length: size }] : [];
  const ranges: KeptRange[] = [];
  let stream = 0;
  let visible = 0;
  for (let i = 0; i < editList.length; i += 2) {
    stream += editList[i] ?? 0;
    const keep = i + 1 < editList.length ? editList[i + 1]! : size - stream;
    const length = Math.max(0, Math.min(keep, size - stream));
    if (length > 0) ranges.push({ visible, stream, length });
    visible += length;
    stream += keep;
  }
  return ranges;
}
