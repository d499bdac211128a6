// How a tool's reads of a mounted file are served: FileReaderSync windows for short or random reads, a stream
// once reads have stayed sequential for a while, back to windows after a seek or when a stream breaks off.
// FileReaderSync exists only in browser workers; here a stand-in reads the test's in-memory blobs.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BlobStreams } from '../../../src/engine/blob-streams';
import type { IoTuning, WindowedBlobReader as Reader } from '../../../src/engine/worker-fs';

/** A Blob stand-in the fake FileReaderSync can read synchronously. */
class MemoryBlob {
  constructor(readonly bytes: Uint8Array) {}
  get size(): number {
    return this.bytes.length;
  }
  slice(start: number, end: number): MemoryBlob {
    return new MemoryBlob(this.bytes.subarray(start, end));
  }
}

const windowLoads: number[] = [];

let WindowedBlobReader: typeof Reader;
beforeAll(async () => {
  (globalThis as Record<string, unknown>).FileReaderSync = class {
    readAsArrayBuffer(blob: MemoryBlob): ArrayBuffer {
      windowLoads.push(blob.size);
      return blob.bytes.slice().buffer;
    }
  };
  ({ WindowedBlobReader } = await import('../../../src/engine/worker-fs'));
});

/** Streams that copy from the blob, and break off after `failAfter` bytes when asked to. */
function fakeStreams(failAfter = Infinity) {
  const opened: number[] = [];
  const closed: number[] = [];
  const streams = {
    open(blob: MemoryBlob, start: number) {
      opened.push(start);
      let given = 0;
      const stream = {
        position: start,
        read(dst: Uint8Array): number {
          const n = Math.max(0, Math.min(dst.length, blob.size - stream.position, failAfter - given));
          dst.set(blob.bytes.subarray(stream.position, stream.position + n));
          stream.position += n;
          given += n;
          return n;
        },
        close: () => closed.push(stream.position),
      };
      return stream;
    },
  };
  return { streams: streams as unknown as BlobStreams, opened, closed };
}

const IO: IoTuning = { blksize: 4096, readAheadBytes: 1000, maxReadAheadBytes: 64_000, streamAfterBytes: 8000 };

function data(size: number): MemoryBlob {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 2654435761) >>> 24;
  return new MemoryBlob(bytes);
}

/** Reads [position, position + length) through the reader and checks every byte against the blob. */
function readAndCheck(reader: Reader, blob: MemoryBlob, position: number, length: number): number {
  const dst = new Uint8Array(length + 8);
  const n = reader.read(dst, 8, length, position);
  expect(Array.from(dst.subarray(8, 8 + n))).toEqual(Array.from(blob.bytes.subarray(position, position + n)));
  return n;
}

describe('WindowedBlobReader', () => {
  it('switches a sequential read to a stream once its window would reach streamAfterBytes', () => {
    const blob = data(200_000);
    const { streams, opened } = fakeStreams();
    windowLoads.length = 0;
    let counted = 0;
    const reader = new WindowedBlobReader(blob as unknown as Blob, IO, (n) => (counted += n), streams);
    let position = 0;
    for (let n = readAndCheck(reader, blob, 0, 700); n > 0; n = readAndCheck(reader, blob, position, 700))
      position += n;
    expect(position).toBe(200_000);
    // Windows of 1000, 2000 and 4000 bytes (4000 * 2 reaches 8000), then one stream for the rest.
    expect(windowLoads).toEqual([1000, 2000, 4000]);
    expect(opened).toEqual([7000]);
    expect(counted).toBe(200_000);
  });

  it('ends the stream on a seek and serves the new place from a small window', () => {
    const blob = data(100_000);
    const { streams, opened, closed } = fakeStreams();
    const reader = new WindowedBlobReader(blob as unknown as Blob, IO, () => undefined, streams);
    let position = 0;
    while (position < 30_000) position += readAndCheck(reader, blob, position, 900);
    windowLoads.length = 0;
    expect(readAndCheck(reader, blob, 50, 300)).toBe(300);
    expect(closed).toHaveLength(1);
    expect(windowLoads).toEqual([IO.readAheadBytes]);
    expect(opened).toHaveLength(1);
    expect(readAndCheck(reader, blob, 99_900, 500)).toBe(100);
    expect(readAndCheck(reader, blob, 100_000, 10)).toBe(0);
  });

  it('serves a short backward seek from the bytes a refill kept, without restarting the stream', () => {
    const blob = data(150_000);
    const { streams, opened, closed } = fakeStreams();
    windowLoads.length = 0;
    const reader = new WindowedBlobReader(blob as unknown as Blob, IO, () => undefined, streams);
    let position = 0;
    while (position < 40_000) position += readAndCheck(reader, blob, position, 700);
    // As a region query does at a contig boundary: back a little, then on to the end.
    position -= 3000;
    for (let n = readAndCheck(reader, blob, position, 700); n > 0; n = readAndCheck(reader, blob, position, 700))
      position += n;
    expect(position).toBe(150_000);
    expect(opened).toEqual([7000]);
    expect(closed).toEqual([]);
    expect(windowLoads).toEqual([1000, 2000, 4000]);
  });

  it('reads the rest through windows when a stream breaks off, and never opens another', () => {
    const blob = data(120_000);
    const { streams, opened } = fakeStreams(20_000);
    const reader = new WindowedBlobReader(blob as unknown as Blob, IO, () => undefined, streams);
    let position = 0;
    for (let n = readAndCheck(reader, blob, 0, 3000); n > 0; n = readAndCheck(reader, blob, position, 3000))
      position += n;
    expect(position).toBe(120_000);
    expect(opened).toHaveLength(1);
  });

  it('fills a read that spans the end of a window and the stream', () => {
    const blob = data(50_000);
    const { streams } = fakeStreams();
    const reader = new WindowedBlobReader(blob as unknown as Blob, IO, () => undefined, streams);
    expect(readAndCheck(reader, blob, 0, 500)).toBe(500);
    expect(readAndCheck(reader, blob, 500, 49_500)).toBe(49_500);
  });

  it('stays on windows without streams or with streamAfterBytes 0', () => {
    const blob = data(60_000);
    for (const [io, streams] of [
      [IO, undefined],
      [{ ...IO, streamAfterBytes: 0 }, fakeStreams().streams],
    ] as const) {
      windowLoads.length = 0;
      const reader = new WindowedBlobReader(blob as unknown as Blob, io, () => undefined, streams);
      let position = 0;
      for (let n = readAndCheck(reader, blob, 0, 999); n > 0; n = readAndCheck(reader, blob, position, 999))
        position += n;
      expect(position).toBe(60_000);
      expect(windowLoads.reduce((a, b) => a + b, 0)).toBe(60_000);
    }
  });
});
