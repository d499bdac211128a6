// Gzip and BGZF at the edges of a file: recognising them, and inflating the first bytes for sniffing.
// Uses the platform's DecompressionStream (browsers and Node 20), tolerating truncated input.

export type Compression = 'none' | 'bgzf' | 'gzip';

/** The 28-byte empty block that ends every complete BGZF file (SAM/BAM specification, section 4.1.2). */
export const BGZF_EOF = Uint8Array.from([
  0x1f, 0x8b, 0x08, 0x04, 0, 0, 0, 0, 0, 0xff, 0x06, 0, 0x42, 0x43, 0x02, 0, 0x1b, 0, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0,
]);

const FEXTRA = 0x04;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/**
 * Total size of the BGZF block starting at `offset`, read from the 'BC' subfield of the gzip extra field,
 * or undefined when the bytes there are not a BGZF block header (plain gzip, or too short to tell).
 */
export function bgzfBlockSize(bytes: Uint8Array, offset = 0): number | undefined {
  const b = bytes.subarray(offset);
  if (!isGzip(b) || b.length < 12 || ((b[3] ?? 0) & FEXTRA) === 0) return undefined;
  const xlen = (b[10] ?? 0) | ((b[11] ?? 0) << 8);
  if (b.length < 12 + xlen) return undefined;
  let p = 12;
  while (p + 4 <= 12 + xlen) {
    const slen = (b[p + 2] ?? 0) | ((b[p + 3] ?? 0) << 8);
    if (b[p] === 0x42 && b[p + 1] === 0x43 && slen === 2 && p + 6 <= b.length) {
      return ((b[p + 4] ?? 0) | ((b[p + 5] ?? 0) << 8)) + 1;
    }
    p += 4 + slen;
  }
  return undefined;
}

export function detectCompression(bytes: Uint8Array): Compression {
  if (!isGzip(bytes)) return 'none';
  return bgzfBlockSize(bytes) === undefined ? 'gzip' : 'bgzf';
}

/** True when `tail` (the last bytes of a file) ends with the BGZF end-of-file block. */
export function hasBgzfEof(tail: Uint8Array): boolean {
  if (tail.length < BGZF_EOF.length) return false;
  const start = tail.length - BGZF_EOF.length;
  return BGZF_EOF.every((byte, i) => tail[start + i] === byte);
}

export interface Inflated {
  data: Uint8Array;
  /** The compressed input ended (or was corrupt) before its stream was complete. */
  truncated: boolean;
}

/**
 * Inflates up to `maxBytes` of a gzip stream. Truncated or corrupt input is not an error: whatever
 * was inflated before the problem is returned with `truncated: true`.
 */
export async function gunzipHead(bytes: Uint8Array, maxBytes = 64 * 1024): Promise<Inflated> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // The writer's promises reject when the input is corrupt; the reader reports the same failure.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  try {
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
    }
    if (total >= maxBytes) await reader.cancel().catch(() => undefined);
  } catch {
    truncated = true;
  }
  return { data: concat(chunks, Math.min(total, maxBytes)), truncated };
}

/** A gzip or BGZF byte stream inflated as it is read (DecompressionStream, so every member in turn). */
export function inflateStream(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  return stream.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

/** The text of the start of a file (a slice of it), inflating gzip; a slice cut mid-stream yields what inflated. */
export async function readTextStart(part: Blob): Promise<string> {
  const bytes = new Uint8Array(await part.arrayBuffer());
  const data = isGzip(bytes) ? (await gunzipHead(bytes, Number.POSITIVE_INFINITY)).data : bytes;
  return new TextDecoder().decode(data);
}

export interface BgzfHead extends Inflated {
  /** Number of BGZF blocks read, including a partial last one. */
  blocks: number;
  /** A whole block that failed to inflate or its CRC32 check: the file is damaged there, not cut off. */
  damaged?: { offset: number; reason: string };
}

/**
 * Inflates the first `maxBytes` of BGZF data block by block (each block is a complete gzip member),
 * so a file cut off mid-block still yields everything before the cut.
 */
export async function readBgzfHead(bytes: Uint8Array, maxBytes = 64 * 1024): Promise<BgzfHead> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let offset = 0;
  let blocks = 0;
  let truncated = false;
  while (offset < bytes.length && total < maxBytes) {
    const size = bgzfBlockSize(bytes, offset);
    if (size === undefined) {
      truncated = true;
      break;
    }
    const end = offset + size;
    const part = await gunzipHead(bytes.subarray(offset, Math.min(end, bytes.length)), maxBytes - total);
    if (part.truncated && end <= bytes.length) {
      const reason = await whyBlockFails(bytes.subarray(offset, end));
      return { data: concat(chunks, Math.min(total, maxBytes)), truncated: true, blocks, damaged: { offset, reason } };
    }
    chunks.push(part.data);
    total += part.data.length;
    blocks += 1;
    if (end > bytes.length || part.truncated) {
      truncated = true;
      break;
    }
    offset = end;
  }
  return { data: concat(chunks, Math.min(total, maxBytes)), truncated, blocks };
}

/** Why a whole BGZF block does not inflate: bad deflate data, or intact data under a wrong CRC32 or length. */
async function whyBlockFails(block: Uint8Array): Promise<string> {
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const payload = block.subarray(12 + view.getUint16(10, true), block.length - 8);
  const stream = new Blob([payload as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  let data: Uint8Array;
  try {
    data = new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return 'cannot be decompressed';
  }
  if (crc32(data) !== view.getUint32(block.length - 8, true)) return 'fails its CRC32 check';
  return 'does not hold the length it states';
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as gzip uses), only on the rare path of a block that failed to inflate. */
export function crc32(data: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let p = 0;
  for (const chunk of chunks) {
    if (p >= length) break;
    const part = chunk.subarray(0, length - p);
    out.set(part, p);
    p += part.length;
  }
  return out;
}
