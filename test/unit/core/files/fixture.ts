// Reads fixtures for the files tests, and builds small BGZF data where no fixture has the needed shape.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(root + path));
}

/** One BGZF block (SAM/BAM specification 4.1) holding `data`. */
export function bgzfBlock(data: Uint8Array): Uint8Array {
  const deflated = deflateRawSync(data);
  const header = [0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 6, 0, 0x42, 0x43, 2, 0];
  const size = header.length + 2 + deflated.length + 8;
  const trailer = new DataView(new ArrayBuffer(8));
  trailer.setUint32(0, crc32(data), true);
  trailer.setUint32(4, data.length, true);
  return new Uint8Array([
    ...header,
    (size - 1) & 0xff,
    (size - 1) >> 8,
    ...deflated,
    ...new Uint8Array(trailer.buffer),
  ]);
}

/** BGZF data of any size: 60000-byte blocks, then the end-of-file block. */
export function bgzf(data: Uint8Array): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (let p = 0; p < data.length; p += 60_000) blocks.push(bgzfBlock(data.subarray(p, p + 60_000)));
  blocks.push(bgzfBlock(new Uint8Array(0)));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let p = 0;
  for (const block of blocks) {
    out.set(block, p);
    p += block.length;
  }
  return out;
}
