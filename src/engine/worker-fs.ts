// The file layout of one command inside the worker: inputs read-only (WORKERFS) at /lokus/in, a MEMFS
// working directory /lokus/work with a symlink per input, and after the run every regular file in it read
// back as a Blob. Also makes WORKERFS reads cheaper and countable.
import type { MountedInput } from '../core/tools/engine';
import type { OutputFile } from '../core/tools/job';
import type { EmscriptenFs, FsNode, ToolModule } from './emscripten';
import type { BlobStreams, StreamedRead } from './blob-streams';
import type { Crypt4ghDecryption } from '../core/crypt4gh/plain-reader';
import { decryptingReader, plainSizeOf, type PositionalReader } from './decrypted-inputs';
import { tuneMemfsFiles } from './memfs-growth';

export const IN_DIR = '/lokus/in';
export const WORK_DIR = '/lokus/work';

export interface IoTuning {
  /** st_blksize reported for mounted files; htslib sizes its read buffer from it (capped at 32 KiB). */
  blksize: number;
  /** First read-ahead window; it doubles while reads stay sequential, up to `maxReadAheadBytes`. */
  readAheadBytes: number;
  maxReadAheadBytes: number;
  /**
   * Once a sequential read's window would reach this size, the rest comes through a stream (blob-streams.ts)
   * where the slot has a stream worker. 0: never.
   */
  streamAfterBytes?: number;
}

// Each FileReaderSync call costs milliseconds in Chromium whatever its size (measured ~7 MB/s at 64 KiB,
// 43 MB/s at 4 MiB, 87 MB/s at 32 MiB per call), so sequential reads must be served from large windows,
// while random access (indexed region queries) should not pay for a large window per seek. Long sequential
// reads go faster still through a stream (a few MiB in: an index lookup's reads stay on windows).
export const DEFAULT_IO: IoTuning = {
  blksize: 1 << 20,
  readAheadBytes: 256 << 10,
  maxReadAheadBytes: 32 << 20,
  streamAfterBytes: 4 << 20,
};

/**
 * Counts bytes the tool reads from the files it names (progress = bytesRead / bytesTotal), and notes which mounted
 * inputs it read at all, however it was given their names (provenance records those).
 */
export class ReadCounter {
  bytesRead = 0;
  bytesTotal = 0;
  readonly counted = new Set<FsNode>();
  /** Work-area name of each mounted input's node. */
  readonly names = new Map<FsNode, string>();
  readonly inputsRead = new Set<string>();
  /** Mounted Crypt4GH inputs and their decryption (decrypted-inputs.ts). */
  readonly decrypted = new Map<FsNode, Crypt4ghDecryption>();

  /**
   * `onRead` runs after each window load, so progress can be reported while a tool only reads; `onProblem`
   * tells the user why a read failed (a Crypt4GH segment that does not authenticate).
   */
  constructor(
    readonly onRead: () => void = () => undefined,
    readonly onProblem: (text: string) => void = () => undefined,
  ) {}

  add(bytes: number): void {
    this.bytesRead += bytes;
    this.onRead();
  }
}

/**
 * Synchronous reads of a Blob through a window: loaded with FileReaderSync (adaptive read-ahead), and once reads
 * have stayed sequential for a while, refilled from a stream where `streams` is given. A refill keeps the end of
 * the previous window, so the short backward seeks of a region query (the index points into a BGZF block just
 * read) stay on the stream; a read anywhere else ends it.
 */
export class WindowedBlobReader {
  private static readonly reader = typeof FileReaderSync === 'undefined' ? undefined : new FileReaderSync();
  private start = 0;
  private bytes: Uint8Array = new Uint8Array(0);
  private size: number;
  private stream: StreamedRead | undefined;
  private streamFailed = false;
  /** The window while streaming: one buffer, refilled in place. */
  private streamWindow: Uint8Array | undefined;

  constructor(
    private readonly blob: Blob,
    private readonly io: IoTuning,
    private readonly onLoad: (bytes: number) => void,
    private readonly streams?: BlobStreams,
  ) {
    this.size = io.readAheadBytes;
  }

  /** Copies up to `length` bytes at `position` into `dst` at `offset`; returns the count (0 at end). */
  read(dst: Uint8Array, offset: number, length: number, position: number): number {
    const end = Math.min(position + length, this.blob.size);
    let at = position;
    while (at < end) {
      const n = this.readSome(dst, offset + at - position, end - at, at);
      if (n === 0) break;
      at += n;
    }
    return at - position;
  }

  private readSome(dst: Uint8Array, offset: number, length: number, position: number): number {
    if (!this.inWindow(position) && !(this.stream && this.refillFromStream(position)))
      this.loadWindow(position, length);
    const n = Math.min(length, this.start + this.bytes.length - position);
    dst.set(this.bytes.subarray(position - this.start, position - this.start + n), offset);
    return n;
  }

  private inWindow(position: number): boolean {
    return position >= this.start && position < this.start + this.bytes.length;
  }

  /** Refills the window from the stream when `position` is where the window ends; false if it cannot. */
  private refillFromStream(position: number): boolean {
    const windowEnd = this.start + this.bytes.length;
    if (!this.stream || position !== windowEnd) {
      this.endStream();
      return false;
    }
    const size = 2 * (this.io.streamAfterBytes ?? 0);
    const window = (this.streamWindow ??= new Uint8Array(size));
    const keep = Math.min(size >> 2, this.bytes.length);
    if (this.bytes.buffer === window.buffer) window.copyWithin(0, this.bytes.length - keep, this.bytes.length);
    else window.set(this.bytes.subarray(this.bytes.length - keep));
    const n = this.stream.read(window.subarray(keep, keep + Math.min(size - keep, this.blob.size - windowEnd)));
    if (n === 0) {
      // Short of the file's end: the stream failed; the rest comes through windows (which report a real error).
      this.streamFailed = true;
      this.endStream();
      return false;
    }
    this.onLoad(n);
    this.start = windowEnd - keep;
    this.bytes = window.subarray(0, keep + n);
    return true;
  }

  private loadWindow(position: number, length: number): void {
    const sequential = this.bytes.length > 0 && position === this.start + this.bytes.length;
    this.size = sequential ? Math.min(this.size * 2, this.io.maxReadAheadBytes) : this.io.readAheadBytes;
    this.start = position;
    this.bytes = this.load(position, Math.min(position + Math.max(length, this.size), this.blob.size));
    // Long enough in one direction: the next window comes from a stream.
    const rest = this.blob.size - position - this.bytes.length;
    if (
      sequential &&
      rest > 0 &&
      this.streams &&
      !this.streamFailed &&
      this.io.streamAfterBytes &&
      this.size * 2 >= this.io.streamAfterBytes
    ) {
      this.stream = this.streams.open(this.blob, position + this.bytes.length);
    }
  }

  /** Stops a running stream (the tool seeked away, or its command ended). */
  endStream(): void {
    this.stream?.close();
    this.stream = undefined;
  }

  private load(start: number, end: number): Uint8Array {
    const bytes = new Uint8Array(WindowedBlobReader.reader!.readAsArrayBuffer(this.blob.slice(start, end)));
    this.onLoad(bytes.length);
    return bytes;
  }
}

function mkdirs(fs: EmscriptenFs, path: string): void {
  let current = '';
  for (const part of path.split('/').filter(Boolean)) {
    current += `/${part}`;
    try {
      fs.mkdir(current);
    } catch {
      // exists already
    }
  }
}

/** Replaces WORKERFS's read (one FileReaderSync call per read) with windowed or streamed reads, and counts. */
function tuneWorkerFs(module: ToolModule, io: IoTuning, counter: ReadCounter, streams?: BlobStreams): void {
  const { WORKERFS } = module;
  const getattr = WORKERFS.node_ops.getattr;
  WORKERFS.node_ops.getattr = (node) => ({ ...getattr(node), blksize: io.blksize });
  const readers = new WeakMap<FsNode, PositionalReader>();
  WORKERFS.stream_ops.read = (stream, buffer, offset, length, position) => {
    const node = stream.node;
    const name = counter.names.get(node);
    if (name !== undefined) counter.inputsRead.add(name);
    let reader = readers.get(node);
    if (!reader) {
      const counted = counter.counted.has(node);
      reader = new WindowedBlobReader(
        node.contents,
        io,
        (bytes) => {
          if (counted) counter.add(bytes);
        },
        streams,
      );
      const decryption = counter.decrypted.get(node);
      if (decryption) reader = decryptingReader(module, node, decryption, reader, counter.onProblem);
      readers.set(node, reader);
    }
    return reader.read(buffer, offset, length, position);
  };
}

const O_ACCMODE = 3;
const O_TRUNC = 512;

/**
 * Lets a command write over a work-area file (`samtools index x.bam` run twice, `sort -o x.bam x.bam`): opening
 * a link to a read-only input for writing first replaces the link with a MEMFS file (a copy, unless truncated),
 * and the new file is returned as an output like any other.
 */
function writableInputs(fs: EmscriptenFs): void {
  const open = fs.open.bind(fs);
  fs.open = (path, flags, mode) => {
    const bits = typeof flags === 'string' ? fs.modeStringToFlags(flags) : flags;
    if ((bits & O_ACCMODE) !== 0) {
      let target: string | undefined;
      try {
        if (fs.isLink(fs.lstat(path).mode)) target = fs.readlink(path);
      } catch {
        // no such path yet: a new file
      }
      if (target?.startsWith(`${IN_DIR}/`)) {
        const bytes = (bits & O_TRUNC) === 0 ? fs.readFile(target) : undefined;
        fs.unlink(path);
        if (bytes) fs.writeFile(path, bytes);
      }
    }
    return open(path, flags, mode);
  };
}

/** Called from lokusSetup: mounts inputs, links inputs into the working directory, chdirs. */
export function layOut(
  fs: EmscriptenFs,
  module: ToolModule,
  files: readonly MountedInput[],
  argv: readonly string[],
  io: IoTuning,
  counter: ReadCounter,
  streams?: BlobStreams,
): void {
  tuneWorkerFs(module, io, counter, streams);
  writableInputs(fs);
  mkdirs(fs, IN_DIR);
  mkdirs(fs, WORK_DIR);
  tuneMemfsFiles(fs, WORK_DIR, io.blksize);
  fs.mount(module.WORKERFS, { blobs: files.map(({ name, data }) => ({ name, data })) }, IN_DIR);
  const named = new Set(argv.flatMap((arg) => [arg, arg.replace(/^[^=]*=/, '')]));
  for (const { name, data, decrypt } of files) {
    const slash = name.lastIndexOf('/');
    if (slash > 0) mkdirs(fs, `${WORK_DIR}/${name.slice(0, slash)}`);
    fs.symlink(`${IN_DIR}/${name}`, `${WORK_DIR}/${name}`);
    const node = fs.lookupPath(`${IN_DIR}/${name}`).node;
    counter.names.set(node, name);
    if (decrypt) {
      counter.decrypted.set(node, decrypt);
      // WORKERFS reports node.size in stat: tools must see the plaintext's size (seek to end, EOF checks).
      node.size = plainSizeOf(decrypt, data.size);
    }
    if (named.has(name)) {
      counter.counted.add(node);
      counter.bytesTotal += data.size;
    }
  }
  fs.chdir(WORK_DIR);
}

/** Standard input pulled from a Blob (pre.js asks synchronously for bytes; 0 means EOF). */
export function blobStdin(
  blob: Blob,
  counter: ReadCounter,
  io: IoTuning,
  streams?: BlobStreams,
): (dst: Uint8Array) => number {
  counter.bytesTotal += blob.size;
  const reader = new WindowedBlobReader(blob, io, (bytes) => counter.add(bytes), streams);
  let position = 0;
  return (dst) => {
    const n = reader.read(dst, 0, dst.length, position);
    position += n;
    return n;
  };
}

/** Inputs the command deleted from the working directory (`bgzip x.vcf` removes x.vcf, as a shell's would). */
export function removedInputs(fs: EmscriptenFs, files: readonly MountedInput[]): string[] {
  return files
    .map(({ name }) => name)
    .filter((name) => {
      try {
        fs.lstat(`${WORK_DIR}/${name}`);
        return false;
      } catch {
        return true;
      }
    });
}

/** Every regular file under the working directory, read binary-safe into a Blob. */
export function collectOutputs(fs: EmscriptenFs, dir = WORK_DIR, prefix = ''): OutputFile[] {
  const outputs: OutputFile[] = [];
  for (const entry of fs.readdir(dir).sort()) {
    if (entry === '.' || entry === '..') continue;
    const path = `${dir}/${entry}`;
    const stat = fs.lstat(path);
    if (fs.isDir(stat.mode)) {
      outputs.push(...collectOutputs(fs, path, `${prefix}${entry}/`));
    } else if (fs.isFile(stat.mode)) {
      const bytes = fileBytes(fs, path);
      outputs.push({
        path: `${prefix}${entry}`,
        size: bytes.length,
        blob: new Blob([bytes as Uint8Array<ArrayBuffer>]),
      });
    }
  }
  return outputs;
}

/** A work-area file's bytes: a view of MEMFS's own storage where it has one (the Blob copies them anyway). */
function fileBytes(fs: EmscriptenFs, path: string): Uint8Array {
  const node = fs.lookupPath(path).node as unknown as { contents?: unknown; usedBytes?: number };
  if (node.contents instanceof Uint8Array && typeof node.usedBytes === 'number')
    return node.contents.subarray(0, node.usedBytes);
  return fs.readFile(path);
}
