// Reads what an index says about its data file: how many references it indexes (and their names, for tabix),
// where each reference's records start, and the furthest file offset it points at. Layouts: SAM/BAM
// specification sections 5.2 (BAI) and 5.3 (CSI), tabix specification (TBI), CRAM specification section 12 (CRAI).

export type IndexKind = 'bai' | 'csi' | 'tbi' | 'crai';

export interface IndexSummary {
  kind: IndexKind;
  refCount: number;
  /** Sequence names (TBI, and a CSI with tabix metadata), in reference order. */
  names?: string[];
  /** Column (1-based) of the sequence name in a tabix-indexed text file. */
  nameColumn?: number;
  /** Per reference: the virtual offset of its first record (BGZF files), when it has records. */
  firstOffsets: Array<bigint | undefined>;
  /** The largest compressed-file offset the index points at (a block start, or a CRAM slice end). */
  maxFileOffset: number;
  /** CRAI: per line, the reference id and the container's file offset. */
  containers?: Array<{ refId: number; offset: number }>;
}

export class IndexReadError extends Error {
  override name = 'IndexReadError';
}

class Cursor {
  p = 0;
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(n: number): void {
    if (this.p + n > this.bytes.length) throw new IndexReadError('the index ends in the middle of its data');
  }
  int32(): number {
    this.need(4);
    const v = this.view.getInt32(this.p, true);
    this.p += 4;
    return v;
  }
  uint32(): number {
    this.need(4);
    const v = this.view.getUint32(this.p, true);
    this.p += 4;
    return v;
  }
  uint64(): bigint {
    this.need(8);
    const v = this.view.getBigUint64(this.p, true);
    this.p += 8;
    return v;
  }
  skip(n: number): void {
    this.need(n);
    this.p += n;
  }
  count(): number {
    const n = this.int32();
    if (n < 0 || n > this.bytes.length) throw new IndexReadError(`the index holds an impossible count (${n})`);
    return n;
  }
}

const coffset = (voffset: bigint): number => Number(voffset >> 16n);

/** The binning scheme's extra bin that holds a reference's first and last offsets and its read counts. */
const metaBin = (levels: number): number => ((1 << (3 * levels + 3)) - 1) / 7 + 1;

/** Bins of one reference (BAI, TBI, CSI): the smallest chunk start, and the largest offset seen. */
function readBins(c: Cursor, levels: number, csi: boolean): { first?: bigint; max: number } {
  const meta = metaBin(levels);
  let first: bigint | undefined;
  let max = 0;
  const nBin = c.count();
  for (let b = 0; b < nBin; b++) {
    const bin = c.uint32();
    if (csi) c.uint64(); // loffset
    const nChunk = c.count();
    for (let k = 0; k < nChunk; k++) {
      const beg = c.uint64();
      const end = c.uint64();
      // The meta bin's second "chunk" holds read counts, not offsets.
      if (bin === meta && k === 1) continue;
      if (first === undefined || beg < first) first = beg;
      max = Math.max(max, coffset(beg), coffset(end));
    }
  }
  return first === undefined ? { max } : { first, max };
}

/** Tabix metadata: format, name column, begin/end columns, comment char, lines to skip, then the names. */
function readTabixMeta(c: Cursor): { names: string[]; nameColumn: number } {
  c.int32(); // format
  const nameColumn = c.int32();
  c.skip(16); // col_beg, col_end, meta, skip
  const length = c.count();
  const start = c.p;
  c.skip(length);
  const names = new TextDecoder().decode(c.bytes.subarray(start, start + length)).split('\0');
  if (names.at(-1) === '') names.pop();
  return { names, nameColumn };
}

function magic(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.subarray(0, 4));
}

/** Reads a BAI, CSI or TBI (the latter two already inflated from BGZF) or a CRAI (already inflated from gzip). */
export function readIndex(kind: IndexKind, bytes: Uint8Array): IndexSummary {
  if (kind === 'crai') return readCrai(bytes);
  const expected = { bai: 'BAI\x01', csi: 'CSI\x01', tbi: 'TBI\x01' }[kind];
  if (magic(bytes) !== expected) throw new IndexReadError(`it does not start like a ${kind.toUpperCase()} index`);
  const c = new Cursor(bytes);
  c.skip(4);
  let levels = 5;
  let names: string[] | undefined;
  let nameColumn: number | undefined;
  if (kind === 'csi') {
    c.int32(); // min_shift
    levels = c.int32();
    const auxLength = c.count();
    if (auxLength >= 28) {
      const aux = new Cursor(bytes.subarray(c.p, c.p + auxLength));
      ({ names, nameColumn } = readTabixMeta(aux));
    }
    c.skip(auxLength);
  }
  const refCount = c.count();
  if (kind === 'tbi') ({ names, nameColumn } = readTabixMeta(c));
  const firstOffsets: Array<bigint | undefined> = [];
  let maxFileOffset = 0;
  for (let r = 0; r < refCount; r++) {
    const { first, max } = readBins(c, levels, kind === 'csi');
    firstOffsets.push(first);
    maxFileOffset = Math.max(maxFileOffset, max);
    if (kind !== 'csi') {
      const nIntervals = c.count();
      c.skip(8 * nIntervals);
    }
  }
  return {
    kind,
    refCount,
    firstOffsets,
    maxFileOffset,
    ...(names ? { names } : {}),
    ...(nameColumn ? { nameColumn } : {}),
  };
}

/** CRAI: one line per slice: reference id, start, span, container offset, slice offset, slice size. */
function readCrai(bytes: Uint8Array): IndexSummary {
  const containers: Array<{ refId: number; offset: number }> = [];
  let maxFileOffset = 0;
  let refCount = 0;
  for (const line of new TextDecoder().decode(bytes).split('\n')) {
    if (line.trim() === '') continue;
    const f = line.split('\t').map(Number);
    if (f.length !== 6 || f.some((v) => !Number.isInteger(v)))
      throw new IndexReadError('a line of it is not six whole numbers');
    const [refId = 0, , , offset = 0, sliceOffset = 0, sliceSize = 0] = f;
    containers.push({ refId, offset });
    refCount = Math.max(refCount, refId + 1);
    maxFileOffset = Math.max(maxFileOffset, offset + sliceOffset + sliceSize);
  }
  return { kind: 'crai', refCount, firstOffsets: [], maxFileOffset, containers };
}
