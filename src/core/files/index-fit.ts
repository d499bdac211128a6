// Decides whether an index file belongs to the data file it is named after: its reference count and names
// against the data file's header, its offsets against the file's size, and the records at the offsets where it
// says each reference starts. Tools trust an index blindly, so a wrong one gives confident wrong answers.
import type { Contig } from './contigs';
import { formatFromName, formatLabel, type FileFormat } from './formats';
import { bgzfBlockSize, gunzipHead, readBgzfHead, type Compression } from './gzip';
import { pairIndexes, type PairingInput, type PairingResult } from './index-pairing';
import { IndexReadError, readIndex, type IndexKind, type IndexSummary } from './index-read';
import { readContigs } from './read-contigs';

export interface FitFile {
  name: string;
  blob: Blob;
  format: FileFormat;
  compression: Compression;
}

export type IndexFit = { fits: true } | { fits: false; why: 'empty' | 'damaged' | 'other-file'; reason: string };

/** How many references (or CRAI containers, FASTA sequences) have their start checked: enough to tell files apart. */
const CHECKED = 16;
const BLOCK = 64 * 1024;

const KINDS: Partial<Record<FileFormat, readonly FileFormat[]>> = {
  bam: ['bai', 'csi'],
  cram: ['crai'],
  bcf: ['csi'],
  vcf: ['tbi', 'csi'],
  bed: ['tbi', 'csi'],
  gff: ['tbi', 'csi'],
  gtf: ['tbi', 'csi'],
  fasta: ['fai', 'gzi'],
};

const other = (reason: string): IndexFit => ({ fits: false, why: 'other-file', reason });
const bytesOf = async (blob: Blob, start = 0, end = blob.size) =>
  new Uint8Array(await blob.slice(start, end).arrayBuffer());

/** Whether `index` fits `data`; what does not fit is said in words that complete "…, because <reason>". */
export async function checkIndexFit(data: FitFile, index: FitFile): Promise<IndexFit> {
  if (index.blob.size === 0) return { fits: false, why: 'empty', reason: `${index.name} is empty (0 bytes)` };
  const kinds = KINDS[data.format] ?? [];
  if (!kinds.includes(index.format)) {
    const what = index.format === 'unknown' ? 'not an index Lokus recognises' : formatLabel(index.format);
    return {
      fits: false,
      why: 'damaged',
      reason: `${index.name} is ${what}, not an index for ${formatLabel(data.format)}`,
    };
  }
  if (index.format === 'gzi') return { fits: true };
  if (index.format === 'fai') return data.compression === 'none' ? checkFai(data, index) : { fits: true };
  let summary: IndexSummary;
  try {
    summary = readIndex(index.format as IndexKind, await indexBytes(index));
  } catch (error) {
    if (!(error instanceof IndexReadError)) throw error;
    return { fits: false, why: 'damaged', reason: `${index.name} cannot be read: ${error.message}` };
  }
  const contigs = (await readContigs(data.blob, data).catch(() => undefined))?.contigs ?? [];
  return checkSummary(data, index.name, summary, contigs);
}

async function indexBytes(index: FitFile): Promise<Uint8Array> {
  const bytes = await bytesOf(index.blob);
  if (index.compression === 'bgzf') return (await readBgzfHead(bytes, Number.MAX_SAFE_INTEGER)).data;
  if (index.compression === 'gzip') return (await gunzipHead(bytes, Number.MAX_SAFE_INTEGER)).data;
  return bytes;
}

async function checkSummary(data: FitFile, index: string, s: IndexSummary, contigs: Contig[]): Promise<IndexFit> {
  const refs = contigs.length;
  const counted = (n: number) => `${n} reference${n === 1 ? '' : 's'}`;
  if ((s.kind === 'bai' || (s.kind === 'csi' && !s.names)) && refs > 0 && s.refCount !== refs)
    return other(`${index} indexes ${counted(s.refCount)} and ${data.name} has ${counted(refs)}`);
  if (s.kind === 'crai' && refs > 0 && s.refCount > refs)
    return other(`${index} names reference ${s.refCount - 1} and ${data.name} has only ${counted(refs)}`);
  if (s.names && refs > 0) {
    const known = new Set(contigs.map((c) => c.name));
    const unknown = s.names.filter((name) => !known.has(name));
    if (unknown.length > 0)
      return other(`${index} indexes ${unknown.slice(0, 3).join(', ')}, which ${data.name}'s header does not have`);
  }
  if (s.maxFileOffset > data.blob.size)
    return other(`${index} points at byte ${s.maxFileOffset} and ${data.name} has ${data.blob.size} bytes`);
  if (s.kind === 'crai') return checkContainers(data, index, s);
  const names = s.names ?? contigs.map((c) => c.name);
  let checked = 0;
  for (const [ref, offset] of s.firstOffsets.entries()) {
    if (offset === undefined) continue;
    if (checked++ === CHECKED) break;
    const found = await referenceAt(data, offset, s);
    const name = names[ref] ?? `reference ${ref + 1}`;
    if (found === undefined)
      return other(`where ${index} says the records of ${name} start, ${data.name} has no compressed block`);
    if (found !== ref && found !== names[ref])
      return other(`where ${index} says the records of ${name} start, ${data.name} has a record of another sequence`);
  }
  return { fits: true };
}

/**
 * The reference of the record at a virtual offset: its id (BAM, BCF) or the name in its sequence column
 * (tabix-indexed text); undefined when no BGZF block starts at the offset.
 */
async function referenceAt(data: FitFile, offset: bigint, s: IndexSummary): Promise<number | string | undefined> {
  const start = Number(offset >> 16n);
  const within = Number(offset & 0xffffn);
  const bytes = await bytesOf(data.blob, start, start + 2 * BLOCK + 64);
  if (bgzfBlockSize(bytes) === undefined) return undefined;
  const inflated = (await readBgzfHead(bytes, within + 1024)).data;
  const view = new DataView(inflated.buffer, inflated.byteOffset, inflated.byteLength);
  if (data.format === 'bam') return within + 8 <= inflated.length ? view.getInt32(within + 4, true) : undefined;
  if (data.format === 'bcf') return within + 12 <= inflated.length ? view.getInt32(within + 8, true) : undefined;
  const line = new TextDecoder().decode(inflated.subarray(within)).split('\n', 1)[0] ?? '';
  return line.split('\t')[(s.nameColumn ?? 1) - 1] ?? '';
}

/** A CRAM container starts with its length (int32) and reference id (ITF8): -2 holds several references. */
async function checkContainers(data: FitFile, index: string, s: IndexSummary): Promise<IndexFit> {
  const seen = new Set<number>();
  for (const { refId, offset } of s.containers ?? []) {
    if (seen.has(offset)) continue;
    seen.add(offset);
    if (seen.size > CHECKED) break;
    const b = await bytesOf(data.blob, offset, offset + 9);
    const found = b.length >= 5 ? itf8(b, 4) : undefined;
    if (found !== refId && found !== -2)
      return other(`${index} places a container of reference ${refId + 1} where ${data.name} has none`);
  }
  return { fits: true };
}

function itf8(b: Uint8Array, p: number): number | undefined {
  const at = (i: number) => b[p + i] ?? 0;
  const first = at(0);
  if (first < 0x80) return first;
  if (first < 0xc0) return ((first & 0x3f) << 8) | at(1);
  if (first < 0xe0) return ((first & 0x1f) << 16) | (at(1) << 8) | at(2);
  if (first < 0xf0) return ((first & 0x0f) << 24) | (at(1) << 16) | (at(2) << 8) | at(3);
  return ((first & 0x0f) << 28) | (at(1) << 20) | (at(2) << 12) | (at(3) << 4) | (at(4) & 0x0f);
}

/** A .fai line is name, length, offset of the first base, bases and bytes per line; the line before is ">name". */
async function checkFai(data: FitFile, index: FitFile): Promise<IndexFit> {
  const lines = (await index.blob.text()).split('\n').filter((line) => line.trim() !== '');
  for (const line of lines.slice(0, CHECKED)) {
    const [name = '', , offsetText = ''] = line.split('\t');
    const offset = Number(offsetText);
    if (!Number.isInteger(offset) || offset > data.blob.size)
      return other(`${index.name} places ${name} at byte ${offsetText} and ${data.name} has ${data.blob.size} bytes`);
    const before = new TextDecoder().decode(await bytesOf(data.blob, Math.max(0, offset - 4096), offset));
    const header =
      before
        .replace(/\r?\n$/, '')
        .split('\n')
        .pop() ?? '';
    if (!before.endsWith('\n') || !new RegExp(`^>${escape(name)}(\\s|$)`).test(header))
      return other(`${index.name} places ${name} where ${data.name} has another sequence`);
  }
  return { fits: true };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface IndexMisfit {
  data: string;
  index: string;
  why: Exclude<IndexFit, { fits: true }>['why'];
  /** For the index's row and for the data file's row: what is wrong and what to do. */
  indexMessage: string;
  dataMessage: string;
}

export interface FittedPairing extends PairingResult {
  misfits: IndexMisfit[];
}

const fits = new WeakMap<Blob, WeakMap<Blob, Promise<IndexFit>>>();

/** checkIndexFit once per pair of blobs: a session's checks run again after every change. */
function cachedFit(data: FitFile, index: FitFile): Promise<IndexFit> {
  const known = fits.get(data.blob) ?? new WeakMap<Blob, Promise<IndexFit>>();
  fits.set(data.blob, known);
  const found = known.get(index.blob) ?? checkIndexFit(data, index);
  known.set(index.blob, found);
  return found;
}

function misfit(data: string, index: string, fit: Exclude<IndexFit, { fits: true }>): IndexMisfit {
  const fix = `"Create the right index" on ${data} makes one that fits`;
  const said =
    fit.why === 'empty'
      ? `${fit.reason}, so Lokus does not use it as the index of ${data}`
      : fit.why === 'damaged'
        ? `${index} is not a usable index of ${data} (${fit.reason}), so Lokus does not use it`
        : `${index} belongs to another file, not ${data}: ${fit.reason}. Lokus does not use it`;
  return {
    data,
    index,
    why: fit.why,
    indexMessage: `${said}; ${fix}.`,
    dataMessage: `${data} has no usable index: ${index} ${fit.why === 'other-file' ? 'belongs to another file' : fit.why === 'empty' ? 'is empty' : 'is not an index of it'} and is not used. Create the right index.`,
  };
}

/** Pairs data with index files (pairIndexes) and keeps only the pairs that fit; files without a blob are trusted. */
export async function pairFittingIndexes(files: readonly (PairingInput & { blob?: Blob })[]): Promise<FittedPairing> {
  const byName = new Map(files.map((file) => [file.name, file]));
  const refused = new Set<string>();
  const misfits: IndexMisfit[] = [];
  for (;;) {
    const pairing = pairIndexes(files, refused);
    const before = refused.size;
    for (const pair of pairing.pairs) {
      const data = byName.get(pair.data);
      const index = byName.get(pair.index);
      if (!data?.blob || !index?.blob) continue;
      const fit = await cachedFit(asFitFile(data, data.blob), asFitFile(index, index.blob));
      if (fit.fits) continue;
      refused.add(`${pair.data}\t${pair.index}`);
      misfits.push(misfit(pair.data, pair.index, fit));
    }
    if (refused.size > before) continue;
    const missing = pairing.missing.map((entry) => {
      const replaces = misfits.filter((m) => m.data === entry.data).map((m) => m.index);
      return replaces.length > 0 ? { ...entry, replaces } : entry;
    });
    return { ...pairing, missing, misfits };
  }
}

function asFitFile(file: PairingInput, blob: Blob): FitFile {
  return {
    name: file.name,
    blob,
    format: file.format ?? formatFromName(file.name),
    compression: file.compression ?? 'none',
  };
}
