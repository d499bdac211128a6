// How files in the work area (MEMFS) grow while a tool writes them. emscripten 3.1.6's MEMFS grows a file by
// 1.125x once it passes 1 MiB, so a 393 MB output was reallocated ~50 times (about 3.5 GB allocated and copied),
// and it reports st_blksize 4096, so htslib wrote it in 96,000 calls. Here files grow 2x (then by 256 MiB steps)
// and report the engine's block size (honoured by wasm/shared/pre.js). The bytes written do not change.
import type { EmscriptenFs, FsStat } from './emscripten';

interface MemfsNode {
  contents: Uint8Array | null;
  usedBytes: number;
}

type MemfsWrite = (
  stream: { node: MemfsNode },
  buffer: Uint8Array,
  offset: number,
  length: number,
  position: number,
  canOwn?: boolean,
) => number;

/** MEMFS's shared operation tables for regular files (one per tool instance). */
interface MemfsFileOps {
  node_ops: { getattr(node: MemfsNode): FsStat };
  stream_ops: { write: MemfsWrite };
}

const LINEAR_STEP = 256 << 20;

/** The capacity a file of `current` bytes of storage grows to when a write needs `needed` bytes. */
export function nextCapacity(current: number, needed: number): number {
  const grown = current < LINEAR_STEP ? current * 2 : current + LINEAR_STEP;
  return Math.max(needed, grown);
}

/**
 * Tunes MEMFS regular files of this instance (once per instance: each command gets a fresh one). MEMFS is not
 * exported by the builds, so its shared file operation tables are reached through a probe file made in `dir`.
 */
export function tuneMemfsFiles(fs: EmscriptenFs, dir: string, blksize: number): void {
  const probe = `${dir}/.lokus-memfs-probe`;
  fs.writeFile(probe, new Uint8Array(0));
  const ops = fs.lookupPath(probe).node as unknown as MemfsFileOps;
  fs.unlink(probe);
  const getattr = ops.node_ops.getattr;
  ops.node_ops.getattr = (node) => ({ ...getattr(node), blksize });
  const write = ops.stream_ops.write;
  ops.stream_ops.write = function (this: unknown, stream, buffer, offset, length, position, canOwn) {
    const node = stream.node;
    const needed = position + length;
    if (node.contents instanceof Uint8Array && node.usedBytes > 0 && node.contents.length < needed) {
      const grown = new Uint8Array(nextCapacity(node.contents.length, needed));
      grown.set(node.contents.subarray(0, node.usedBytes));
      node.contents = grown;
    }
    return write.call(this, stream, buffer, offset, length, position, canOwn);
  };
}
