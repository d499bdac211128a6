// Reads the SAM header text from the first container of a CRAM file (CRAM specification v3.1, sections
// 6-8: file definition, container header, block). Handles raw and gzip header blocks, which is what
// htslib and Picard write; other codecs are reported, not guessed at.
import { gunzipHead } from './gzip';

export class CramHeaderError extends Error {
  override name = 'CramHeaderError';
}

class Reader {
  p = 0;
  constructor(readonly bytes: Uint8Array) {}

  byte(): number {
    const b = this.bytes[this.p++];
    if (b === undefined)
      throw new CramHeaderError(
        'The CRAM header is incomplete: the file is cut off or the header is larger than what was read.',
      );
    return b;
  }

  int32(): number {
    const v = this.byte() | (this.byte() << 8) | (this.byte() << 16) | (this.byte() << 24);
    return v;
  }

  /** ITF8: the count of leading 1 bits in the first byte says how many bytes follow. */
  itf8(): number {
    const first = this.byte();
    if (first < 0x80) return first;
    if (first < 0xc0) return ((first & 0x3f) << 8) | this.byte();
    if (first < 0xe0) return ((first & 0x1f) << 16) | (this.byte() << 8) | this.byte();
    if (first < 0xf0) return ((first & 0x0f) << 24) | (this.byte() << 16) | (this.byte() << 8) | this.byte();
    return (
      ((first & 0x0f) << 28) | (this.byte() << 20) | (this.byte() << 12) | (this.byte() << 4) | (this.byte() & 0x0f)
    );
  }

  /** LTF8, only skipped here: the record and base counters it holds are not needed. */
  skipLtf8(): void {
    const first = this.byte();
    let extra = 0;
    for (let mask = 0x80; mask > 0 && first & mask; mask >>= 1) extra += 1;
    this.p += extra;
  }

  take(n: number): Uint8Array {
    if (this.p + n > this.bytes.length)
      throw new CramHeaderError(
        'The CRAM header is incomplete: the file is cut off or the header is larger than what was read.',
      );
    const out = this.bytes.subarray(this.p, this.p + n);
    this.p += n;
    return out;
  }
}

/** The SAM header text of a CRAM file, from its first bytes. */
export async function readCramHeaderText(bytes: Uint8Array): Promise<string> {
  const r = new Reader(bytes);
  if (new TextDecoder().decode(r.take(4)) !== 'CRAM')
    throw new CramHeaderError('Not a CRAM file: the CRAM magic is missing.');
  const major = r.byte();
  r.byte(); // minor version
  r.take(20); // file id
  r.int32(); // container length
  r.itf8(); // reference sequence id
  r.itf8(); // alignment start
  r.itf8(); // alignment span
  r.itf8(); // number of records
  if (major >= 3) r.skipLtf8(); // record counter
  if (major >= 2) r.skipLtf8(); // bases
  r.itf8(); // number of blocks
  const landmarks = r.itf8();
  for (let i = 0; i < landmarks; i++) r.itf8();
  if (major >= 3) r.take(4); // container CRC32

  const method = r.byte();
  r.byte(); // content type (FILE_HEADER)
  r.itf8(); // content id
  const compressedSize = r.itf8();
  const rawSize = r.itf8();
  let data = r.take(compressedSize);
  if (method === 1) {
    const inflated = await gunzipHead(data, rawSize);
    if (inflated.truncated) throw new CramHeaderError('The CRAM header block is damaged.');
    data = inflated.data;
  } else if (method !== 0) {
    throw new CramHeaderError(
      `The CRAM header block uses compression method ${method}, which Lokus does not read for headers.`,
    );
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < 4) throw new CramHeaderError('The CRAM header block is too short.');
  const textLength = view.getInt32(0, true);
  return new TextDecoder().decode(data.subarray(4, 4 + textLength)).replace(/\0+$/, '');
}
