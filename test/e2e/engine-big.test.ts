// A multi-gigabyte input: a SAM Blob made in the page from one repeated 900 KB chunk (so the Blob itself
// costs no memory), counted by wasm samtools through WORKERFS. Chromium's memory must stay far below the size.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumRssMiB, cmd, openEngine, SAM_HEADER, samChunk, type EnginePage } from './support/engine-page';

const RECORDS_PER_CHUNK = 20_000;
const CHUNKS = 3_400; // 3.06 GB: offsets pass 2^31, where 32-bit file offsets would wrap

let app: EnginePage;
beforeAll(async () => {
  app = await openEngine();
});
afterAll(async () => app?.close());

it('counts the records of a 3 GB SAM file with bounded memory', async () => {
  const before = await chromiumRssMiB(app.browser);
  const size = await app.page.evaluate(
    ({ header, chunk, chunks }) => window.lokusHarness.mountRepeated('big.sam', header, chunk, chunks),
    { header: SAM_HEADER, chunk: samChunk(RECORDS_PER_CHUNK), chunks: CHUNKS },
  );
  expect(size).toBeGreaterThan(3e9);
  const id = await app.start({ steps: [cmd('samtools', 'view', '-c', 'big.sam')] });
  let peak = before;
  const sampler = setInterval(() => void chromiumRssMiB(app.browser).then((rss) => (peak = Math.max(peak, rss))), 1000);
  const result = await app.wait(id).finally(() => clearInterval(sampler));
  const seconds = result.durationMs / 1000;
  console.log(
    `3 GB SAM: ${seconds.toFixed(1)} s, ${(size / 1e6 / seconds).toFixed(0)} MB/s, Chromium RSS ${before} -> peak ${peak} MiB, wasm heap ${result.peakMemoryBytes! >> 20} MiB`,
  );
  expect(result).toMatchObject({ status: 'succeeded', stdout: `${RECORDS_PER_CHUNK * CHUNKS}\n` });
  expect(result.events.lastProgress).toMatchObject({ bytesRead: size, bytesTotal: size });
  expect(peak - before).toBeLessThan(1024);
}, 600_000);
