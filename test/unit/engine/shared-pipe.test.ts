// The shared pipe between two threads: every byte arrives once and in order through a ring much smaller than
// the data, the reader sees EOF after the writer closes, and a writer whose reader has gone does not block.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createPipeBuffer, PipeReader, PipeWriter } from '../../../src/engine/shared-pipe';
import { compiledEngineModule } from './compiled-module';

/** A worker thread that writes `total` deterministic bytes in chunks of varying size, then closes. */
function startWriter(module: string, buffer: SharedArrayBuffer, total: number): Worker {
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    import(workerData.module).then(({ PipeWriter }) => {
      const writer = new PipeWriter(workerData.buffer);
      let sent = 0, size = 1;
      while (sent < workerData.total) {
        const n = Math.min(size, workerData.total - sent);
        const chunk = new Uint8Array(n);
        for (let i = 0; i < n; i++) chunk[i] = (sent + i) * 2654435761 >>> 24;
        writer.write(chunk);
        sent += n;
        size = (size * 7 + 13) % 200003;
      }
      writer.close();
      parentPort.postMessage('done');
    });`;
  return new Worker(code, { eval: true, workerData: { module, buffer, total } });
}

function expectedDigest(total: number): string {
  const bytes = new Uint8Array(total);
  for (let i = 0; i < total; i++) bytes[i] = (i * 2654435761) >>> 24;
  return createHash('sha256').update(bytes).digest('hex');
}

describe('shared pipe', () => {
  it('passes bytes through within one thread and reports EOF after close', () => {
    const buffer = createPipeBuffer(16);
    const writer = new PipeWriter(buffer);
    const reader = new PipeReader(buffer);
    writer.write(new TextEncoder().encode('hello pipe'));
    writer.close();
    const dst = new Uint8Array(4);
    const parts: string[] = [];
    for (let n = reader.read(dst); n > 0; n = reader.read(dst))
      parts.push(new TextDecoder().decode(dst.subarray(0, n)));
    expect(parts.join('')).toBe('hello pipe');
    expect(parts).toEqual(['hell', 'o pi', 'pe']);
  });

  it('wraps around a small ring across threads without losing or reordering a byte', async () => {
    const total = 3_000_000;
    const buffer = createPipeBuffer(1 << 16);
    const writer = startWriter(compiledEngineModule('shared-pipe'), buffer, total);
    const reader = new PipeReader(buffer);
    const hash = createHash('sha256');
    const dst = new Uint8Array(50_000);
    let received = 0;
    // The reader blocks this thread in Atomics.wait between the writer's chunks, as a tool's read() would.
    for (let n = reader.read(dst); n > 0; n = reader.read(dst)) {
      hash.update(dst.subarray(0, n));
      received += n;
    }
    await new Promise((resolve) => writer.once('message', resolve));
    await writer.terminate();
    expect(received).toBe(total);
    expect(hash.digest('hex')).toBe(expectedDigest(total));
  });

  it('lets the writer finish once the reader has closed its end', async () => {
    const buffer = createPipeBuffer(1 << 12);
    const reader = new PipeReader(buffer);
    reader.close();
    const writer = startWriter(compiledEngineModule('shared-pipe'), buffer, 1_000_000);
    // A writer stuck on the closed pipe never answers: the test's timeout ends it.
    const finished = await new Promise((resolve) => writer.once('message', resolve));
    await writer.terminate();
    expect(finished).toBe('done');
  });

  it('gives up a read after its timeout when nothing comes, and says so', () => {
    const reader = new PipeReader(createPipeBuffer(1 << 12));
    expect(reader.read(new Uint8Array(10), 120)).toBe(0);
    expect(reader.timedOut).toBe(true);
  });

  it('refuses a ring size that is not a power of two', () => {
    expect(() => createPipeBuffer(3000)).toThrow(/power of two/);
  });
});
