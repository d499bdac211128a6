// The file layout of one command inside the worker: inputs read-only (WORKERFS) at /lokus/in, a MEMFS
// working directory /lokus/work with a symlink per input, and after the run every regular file in it read
// back as a Blob. Also makes WORKERFS reads cheaper and countable.
import type { MountedInput } from '../core/tools/engine';
import type { OutputFile } from '../core/tools/job';
import type { EmscriptenFs, FsNode, ToolModule } from './emscripten';

export const IN_DIR = '/lokus/in';
export const WORK_DIR = '/lokus/work';

export interface IoTuning {
  /** st_blksize reported for mounted files; htslib sizes its read buffer from it (capped at 32 KiB). */
  blksize: number;
  /** Bytes read from a Blob at once and served to the tool's small reads from memory; 0 disables. */
  readAheadBytes: number;
}

export const DEFAULT_IO: IoTuning = { blksize: 1 << 20, readAheadBytes: 1 << 20 };

/** Counts bytes the tool reads from the files it names (progress = bytesRead / bytesTotal). */
export class ReadCounter {
  bytesRead = 0;
  bytesTotal = 0;
  readonly counted = new Set<FsNode>();
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

/** Replaces WORKERFS's read (one FileReaderSync call per 4 KiB) with a read-ahead window, and counts. */
function tuneWorkerFs(module: ToolModule, io: IoTuning, counter: ReadCounter): void {
  const { WORKERFS } = module;
  const getattr = WORKERFS.node_ops.getattr;
  WORKERFS.node_ops.getattr = (node) => ({ ...getattr(node), blksize: io.blksize });
  const reader = new FileReaderSync();
  const windows = new WeakMap<FsNode, { start: number; bytes: Uint8Array }>();
  const load = (node: FsNode, start: number, end: number): Uint8Array => {
    const bytes = new Uint8Array(reader.readAsArrayBuffer(node.contents.slice(start, end)));
    if (counter.counted.has(node)) counter.bytesRead += bytes.length;
    return bytes;
  };
  WORKERFS.stream_ops.read = (stream, buffer, offset, length, position) => {
    const node = stream.node;
    if (position >= node.size) return 0;
    const end = Math.min(position + length, node.size);
    if (length >= io.readAheadBytes) {
      buffer.set(load(node, position, end), offset);
      return end - position;
    }
    let window = windows.get(node);
    if (!window || position < window.start || end > window.start + window.bytes.length) {
      window = { start: position, bytes: load(node, position, Math.min(position + io.readAheadBytes, node.size)) };
      windows.set(node, window);
    }
    buffer.set(window.bytes.subarray(position - window.start, end - window.start), offset);
    return end - position;
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
): void {
  tuneWorkerFs(module, io, counter);
  mkdirs(fs, IN_DIR);
  mkdirs(fs, WORK_DIR);
  fs.mount(module.WORKERFS, { blobs: files.map(({ name, data }) => ({ name, data })) }, IN_DIR);
  const named = new Set(argv.flatMap((arg) => [arg, arg.replace(/^[^=]*=/, '')]));
  for (const { name, data } of files) {
    const slash = name.lastIndexOf('/');
    if (slash > 0) mkdirs(fs, `${WORK_DIR}/${name.slice(0, slash)}`);
    fs.symlink(`${IN_DIR}/${name}`, `${WORK_DIR}/${name}`);
    if (named.has(name)) {
      counter.counted.add(fs.lookupPath(`${IN_DIR}/${name}`).node);
      counter.bytesTotal += data.size;
    }
  }
  fs.chdir(WORK_DIR);
}

/** Standard input pulled from a Blob in windows (pre.js asks synchronously for bytes; 0 means EOF). */
export function blobStdin(blob: Blob, counter: ReadCounter, windowBytes: number): (dst: Uint8Array) => number {
  const reader = new FileReaderSync();
  counter.bytesTotal += blob.size;
  let window = new Uint8Array(0);
  let windowStart = 0;
  let position = 0;
  return (dst) => {
    if (position >= blob.size) return 0;
    if (position >= windowStart + window.length) {
      windowStart = position;
      window = new Uint8Array(reader.readAsArrayBuffer(blob.slice(position, position + Math.max(windowBytes, 1 << 16))));
      counter.bytesRead += window.length;
    }
    const from = position - windowStart;
    const n = Math.min(dst.length, window.length - from);
    dst.set(window.subarray(from, from + n));
    position += n;
    return n;
  };
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
      const bytes = fs.readFile(path);
      outputs.push({ path: `${prefix}${entry}`, size: bytes.length, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
    }
  }
  return outputs;
}
