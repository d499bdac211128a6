// Writing Crypt4GH: a header with one data-key packet per recipient (sealed from a fresh writer key pair unless
// one is given), then the plaintext in 64 KiB segments, each with a fresh random nonce.
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import type { Crypt4ghKeyPair } from './keys';
import { SEGMENT_PLAIN_BYTES } from './segments';

function u32le(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The writer's session key for a recipient: the same bytes the recipient derives (header.ts). */
function writerKey(writer: Crypt4ghKeyPair, recipient: Uint8Array): Uint8Array {
  const dh = x25519.getSharedSecret(writer.secretKey, recipient);
  return blake2b(concat([dh, recipient, writer.publicKey]), { dkLen: 64 }).subarray(0, 32);
}

/** A header giving `dataKey` to each recipient public key. */
export function sealHeader(
  recipients: readonly Uint8Array[],
  dataKey: Uint8Array,
  writer: Crypt4ghKeyPair = freshKeyPair(),
): Uint8Array<ArrayBuffer> {
  const payload = concat([u32le(0), u32le(0), dataKey]);
  const packets = recipients.map((recipient) => {
    const nonce = randomBytes(12);
    const sealed = chacha20poly1305(writerKey(writer, recipient), nonce).encrypt(payload);
    const length = 4 + 4 + 32 + 12 + sealed.length;
    return concat([u32le(length), u32le(0), writer.publicKey, nonce, sealed]);
  });
  return concat([new TextEncoder().encode('crypt4gh'), u32le(1), u32le(packets.length), ...packets]);
}

/** One data segment (at most 64 KiB of plaintext). */
export function sealSegment(plain: Uint8Array, dataKey: Uint8Array): Uint8Array<ArrayBuffer> {
  if (plain.length > SEGMENT_PLAIN_BYTES) throw new RangeError('a segment holds at most 64 KiB');
  const nonce = randomBytes(12);
  return concat([nonce, chacha20poly1305(dataKey, nonce).encrypt(plain)]);
}

export function freshKeyPair(): Crypt4ghKeyPair {
  const secretKey = x25519.utils.randomSecretKey();
  return { secretKey, publicKey: x25519.getPublicKey(secretKey) };
}

export const freshDataKey = (): Uint8Array => randomBytes(32);
