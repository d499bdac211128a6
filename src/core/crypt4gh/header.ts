// The Crypt4GH header: magic, version, and packets each sealed for one reader (X25519 key exchange as
// libsodium's crypto_kx, ChaCha20-Poly1305). A reader opens the packets meant for its key: data keys and an
// optional edit list. Layout per the GA4GH Crypt4GH 1.0 standard (hts-specs crypt4gh.pdf, section 3.2).
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { ascii, ByteCursor } from './bytes';
import { Crypt4ghError } from './errors';
import type { Crypt4ghKeyPair } from './keys';

export const MAGIC = 'crypt4gh';
/** Magic (8), version (4), packet count (4). */
const PREAMBLE_BYTES = 16;
/** Packet length (4), method (4), writer public key (32), nonce (12), MAC (16). */
const PACKET_OVERHEAD = 4 + 4 + 32 + 12 + 16;
const PACKET_DATA_KEY = 0;
const PACKET_EDIT_LIST = 1;

/** What a reader needs to decrypt the data: plain values, so it can cross to a worker. */
export interface Crypt4ghHeader {
  /** Bytes before the first data segment. */
  headerBytes: number;
  /** ChaCha20-Poly1305 keys of the data segments (usually one). */
  dataKeys: Uint8Array[];
  /** Lengths alternating skip, keep, skip, ... over the decrypted stream; absent: keep all. */
  editList?: number[];
  /** Packets in the header and how many this key opened. */
  packets: number;
  opened: number;
}

/** True if the bytes start like a Crypt4GH file (magic and version 1). */
export function isCrypt4gh(prefix: Uint8Array): boolean {
  if (prefix.length < 12 || ascii(prefix.subarray(0, 8)) !== MAGIC) return false;
  return new DataView(prefix.buffer, prefix.byteOffset + 8, 4).getUint32(0, true) === 1;
}

const corrupt = (why: string): Crypt4ghError =>
  new Crypt4ghError(
    'corrupt-header',
    `The Crypt4GH header is damaged (${why}).`,
    'Fetch the file again from where it came; it was changed or cut short on the way.',
  );

/**
 * The header's length in bytes, or undefined when `prefix` is too short to tell (read more and ask again).
 * Throws if the bytes are not a Crypt4GH header.
 */
export function headerLength(prefix: Uint8Array): number | undefined {
  if (prefix.length < PREAMBLE_BYTES) return undefined;
  if (!isCrypt4gh(prefix))
    throw new Crypt4ghError(
      'not-crypt4gh',
      'This file is not Crypt4GH-encrypted (no crypt4gh version 1 header).',
      'Open it as an ordinary file, or check that it is the .c4gh file you meant.',
    );
  const cursor = new ByteCursor(prefix);
  cursor.take(12);
  const count = cursor.u32le();
  let length = PREAMBLE_BYTES;
  for (let i = 0; i < count; i++) {
    if (prefix.length < length + 4) return undefined;
    const packet = new DataView(prefix.buffer, prefix.byteOffset + length, 4).getUint32(0, true);
    if (packet < 8) throw corrupt(`packet ${i + 1} claims ${packet} bytes`);
    length += packet;
  }
  return length;
}

/** The reader's session key for a packet from `writerPublicKey`: crypto_kx client rx key. */
function sharedKey(reader: Crypt4ghKeyPair, writerPublicKey: Uint8Array): Uint8Array {
  const dh = x25519.getSharedSecret(reader.secretKey, writerPublicKey);
  const input = new Uint8Array(96);
  input.set(dh, 0);
  input.set(reader.publicKey, 32);
  input.set(writerPublicKey, 64);
  return blake2b(input, { dkLen: 64 }).subarray(0, 32);
}

function openPacket(cursor: ByteCursor, reader: Crypt4ghKeyPair): Uint8Array | undefined {
  const length = cursor.u32le();
  if (length < PACKET_OVERHEAD) throw corrupt(`a packet of ${length} bytes`);
  const method = cursor.u32le();
  const writer = cursor.take(32);
  const nonce = cursor.take(12);
  const sealed = cursor.take(length - 4 - 4 - 32 - 12);
  if (method !== 0) return undefined;
  try {
    return chacha20poly1305(sharedKey(reader, writer), nonce).decrypt(sealed);
  } catch {
    return undefined;
  }
}

const unsupported = (what: string): Crypt4ghError =>
  new Crypt4ghError(
    'unsupported-file',
    `The file uses ${what}, which this reader does not know.`,
    'Re-encrypt the file with a current crypt4gh tool (ChaCha20-Poly1305 data encryption).',
  );

/** Opens the header with the reader's key; throws 'not-for-this-key' if no packet is sealed for it. */
export function openHeader(bytes: Uint8Array, reader: Crypt4ghKeyPair): Crypt4ghHeader {
  const length = headerLength(bytes);
  if (length === undefined || length > bytes.length) throw corrupt('it ends before its last packet');
  const cursor = new ByteCursor(bytes.subarray(0, length));
  cursor.take(12);
  const packets = cursor.u32le();
  const dataKeys: Uint8Array[] = [];
  let editList: number[] | undefined;
  let opened = 0;
  for (let i = 0; i < packets; i++) {
    const plain = openPacket(cursor, reader);
    if (!plain) continue;
    opened++;
    const packet = new ByteCursor(plain);
    try {
      const type = packet.u32le();
      if (type === PACKET_DATA_KEY) {
        if (packet.u32le() !== 0) throw unsupported('a data encryption method other than ChaCha20-Poly1305');
        dataKeys.push(packet.take(32).slice());
      } else if (type === PACKET_EDIT_LIST) {
        // The standard forbids more than one edit list for a reader: it could not know which to apply.
        if (editList) throw corrupt('two edit lists for one reader');
        const count = packet.u32le();
        editList = Array.from({ length: count }, () => packet.u64le());
      } else {
        throw unsupported(`header packet type ${type}`);
      }
    } catch (error) {
      if (error instanceof Crypt4ghError) throw error;
      throw corrupt('a packet ends too early');
    }
  }
  if (dataKeys.length === 0)
    throw new Crypt4ghError(
      'not-for-this-key',
      opened === 0
        ? 'This file was not encrypted for your key.'
        : 'The parts of this file sealed for your key hold no data key.',
      'Ask the sender to encrypt it for your public key, or import the private key it was encrypted for.',
    );
  return { headerBytes: length, dataKeys, ...(editList ? { editList } : {}), packets, opened };
}
