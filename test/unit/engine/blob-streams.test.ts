// The tool worker's end of a stream: what it posts to the stream worker, the bytes it reads back, and that a
// stream whose worker never answers ends after its first-bytes timeout instead of blocking the tool forever.
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BlobStreams, StreamedRead } from '../../../src/engine/blob-streams';
import { createPipeBuffer, PipeWriter } from '../../../src/engine/shared-pipe';

describe('BlobStreams', () => {
  it('posts the Blob, the start offset and a pipe, and reads what arrives in the pipe', async () => {
    const { port1, port2 } = new MessageChannel();
    const request = new Promise<{ blob: Blob; start: number; pipe: SharedArrayBuffer }>((resolve) =>
      port2.once('message', resolve),
    );
    const blob = new Blob(['0123456789']);
    const stream = new BlobStreams(port1 as unknown as MessagePort, 1 << 12).open(blob, 4);
    const posted = await request;
    expect(posted.blob).toBeInstanceOf(Blob);
    expect(posted.start).toBe(4);
    const writer = new PipeWriter(posted.pipe);
    writer.write(new TextEncoder().encode('456789'));
    writer.close();
    const dst = new Uint8Array(8);
    expect(stream.read(dst)).toBe(6);
    expect(new TextDecoder().decode(dst.subarray(0, 6))).toBe('456789');
    expect(stream.position).toBe(10);
    port1.close();
  });

  it('ends a stream whose first bytes never come', () => {
    let closed = false;
    const stream = new StreamedRead(createPipeBuffer(1 << 12), 0, () => (closed = true), 100);
    expect(stream.read(new Uint8Array(64))).toBe(0);
    stream.close();
    expect(closed).toBe(true);
  });
});
