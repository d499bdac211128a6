// Little helpers to read the integers and strings of Crypt4GH keys and headers from a byte array.

export class ByteCursor {
  private readonly view: DataView;
  at = 0;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.at;
  }

  take(n: number): Uint8Array {
    if (n < 0 || n > this.remaining) throw new RangeError(`needs ${n} bytes, ${this.remaining} left`);
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  u16be(): number {
    const v = this.view.getUint16(this.need(2));
    return v;
  }

  u32be(): number {
    return this.view.getUint32(this.need(4));
  }

  u32le(): number {
    return this.view.getUint32(this.need(4), true);
  }

  /** A u64 little-endian length; refuses values past 2^53 (no file is that large). */
  u64le(): number {
    const at = this.need(8);
    const low = this.view.getUint32(at, true);
    const high = this.view.getUint32(at + 4, true);
    if (high >= 1 << 21) throw new RangeError('length too large');
    return high * 2 ** 32 + low;
  }

  /** A key file `string`: u16 big-endian length, then that many bytes. */
  string(): Uint8Array {
    return this.take(this.u16be());
  }

  private need(n: number): number {
    if (n > this.remaining) throw new RangeError(`needs ${n} bytes, ${this.remaining} left`);
    const at = this.at;
    this.at += n;
    return at;
  }
}

export const ascii = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
