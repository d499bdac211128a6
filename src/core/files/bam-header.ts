// Reads the header of a BAM file (text plus binary reference list) from its first bytes.
// Layout from the SAM/BAM specification, section 4.2: magic, l_text, text, n_ref, then n_ref x (l_name, name, l_ref).
import type { Contig } from './contigs';
import { readBgzfHead } from './gzip';

export interface BamHeader {
  text: string;
  /** The binary reference list, which is what tools use (the @SQ lines in `text` normally agree). */
  references: Contig[];
}

export class BamHeaderError extends Error {
  override name = 'BamHeaderError';

  /** The bytes ended inside the header: reading more of the file may help. */
  constructor(
    message: string,
    readonly incomplete = false,
  ) {
    super(message);
  }
}

/**
 * Parses the BAM header from the start of a BAM file. `bytes` must cover the whole header
 * (usually the first 64 KB do; headers with many contigs need more, see `maxBytes`).
 */
export async function readBamHeader(bytes: Uint8Array, maxBytes = 4 * 1024 * 1024): Promise<BamHeader> {
  const { data } = await readBgzfHead(bytes, maxBytes);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const need = (end: number) => {
    if (end > data.length)
      throw new BamHeaderError(
        'The BAM header is incomplete: the file is cut off or the header is larger than what was read.',
        true,
      );
  };
  need(8);
  if (String.fromCharCode(...data.subarray(0, 4)) !== 'BAM\x01')
    throw new BamHeaderError('Not a BAM file: the BAM magic is missing.');
  const textLength = view.getInt32(4, true);
  need(8 + textLength + 4);
  const text = new TextDecoder().decode(data.subarray(8, 8 + textLength)).replace(/\0+$/, '');
  let p = 8 + textLength;
  const count = view.getInt32(p, true);
  p += 4;
  const references: Contig[] = [];
  for (let i = 0; i < count; i++) {
    need(p + 4);
    const nameLength = view.getInt32(p, true);
    need(p + 4 + nameLength + 4);
    const name = new TextDecoder().decode(data.subarray(p + 4, p + 4 + nameLength - 1));
    const length = view.getInt32(p + 4 + nameLength, true);
    references.push({ name, length });
    p += 8 + nameLength;
  }
  return { text, references };
}
