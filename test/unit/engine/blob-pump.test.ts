// The stream worker's side of streamed inputs: a Blob copied from an offset into a shared pipe whose reader,
// in another thread, blocks as a tool's read() does. Byte-exact through a ring much smaller than the data,
// with a browser-style byte stream and with a plain one, and it stops when the reader closes its end.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { pumpBlob } from '../../../src/engine/blob-pump';
import { createPipeBuffer } from '../../../src/engine/shared-pipe';
import { compiledEngineModule } from './compiled-module';

/** A thread that reads the pipe in 40 kB pieces (all of it, or stops after `stopAfter`) and hashes it. */
function startReader(buffer: SharedArrayBuffer, stopAfter = Infinity): Promise<{ bytes: number; sha256: string }> {
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    const { createHash } = require('node:crypto');
    import(workerData.module).then(({ PipeReader }) => {
      const reader = new PipeReader(workerData.buffer);
      const hash = createHash('sha256');
      const dst = new Uint8Array(40_000);
      let bytes = 0;
      for (let n = reader.read(dst); n > 0; n = reader.read(dst)) {
        hash.update(dst.subarray(0, n));
        bytes += n;
        if (bytes >= workerData.stopAfter) break;
      }
      reader.close();
      parentPort.postMessage({ bytes, sha256: hash.digest('hex') });
    });`;
  const worker = new Worker(code, {
    eval: true,
    workerData: { module: compiledEngineModule('shared-pipe'), buffer, stopAfter },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (result) => void worker.terminate().then(() => resolve(result)));
    worker.once('error', reject);
  });
}

function bytesOf(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 2654435761) >>> 24;
  return bytes;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('pumpBlob', () => {
  it('copies a Blob from an offset through a 64 KiB ring, byte for byte', async () => {
    const bytes = bytesOf(3_000_001);
    const pipe = createPipeBuffer(1 << 16);
    const read = startReader(pipe);
    expect(await pumpBlob({ blob: new Blob([bytes]), start: 12_345, pipe })).toBe(3_000_001 - 12_345);
    expect(await read).toEqual({ bytes: 3_000_001 - 12_345, sha256: sha256(bytes.subarray(12_345)) });
  });

  it('works with a stream that is not a byte stream', async () => {
    const bytes = bytesOf(500_000);
    const plain = {
      slice: (start: number) => ({
        stream: () =>
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (let at = start; at < bytes.length; at += 7000) controller.enqueue(bytes.slice(at, at + 7000));
              controller.close();
            },
          }),
      }),
    } as unknown as Blob;
    const pipe = createPipeBuffer(1 << 14);
    const read = startReader(pipe);
    await pumpBlob({ blob: plain, start: 1, pipe });
    expect(await read).toEqual({ bytes: 499_999, sha256: sha256(bytes.subarray(1)) });
  });

  it('stops reading the Blob once the reader closes its end', async () => {
    // 50 MB offered 64 KiB per pull; the reader stops after 200 kB, so the pump must stop pulling soon after.
    let pulled = 0;
    const endless = {
      slice: () => ({
        stream: () =>
          new ReadableStream<Uint8Array>({
            pull(controller) {
              if (pulled >= 50_000_000) return controller.close();
              pulled += 1 << 16;
              controller.enqueue(new Uint8Array(1 << 16));
            },
          }),
      }),
    } as unknown as Blob;
    const pipe = createPipeBuffer(1 << 16);
    const read = startReader(pipe, 200_000);
    const pumped = await pumpBlob({ blob: endless, start: 0, pipe });
    expect((await read).bytes).toBeGreaterThanOrEqual(200_000);
    expect(pumped).toBeLessThan(2_000_000);
    expect(pulled).toBeLessThan(2_000_000);
  });

  it('ends the pipe (EOF, not a hang) when the Blob cannot be read', async () => {
    const broken = {
      slice: () => ({ stream: () => new ReadableStream({ pull: (c) => c.error(new Error('file changed on disk')) }) }),
    } as unknown as Blob;
    const pipe = createPipeBuffer(1 << 12);
    const read = startReader(pipe);
    await pumpBlob({ blob: broken, start: 0, pipe });
    expect((await read).bytes).toBe(0);
  });
});
