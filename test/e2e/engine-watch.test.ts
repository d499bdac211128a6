// A tool worker that stops answering ends its job failed with a message, and the next job gets a fresh worker:
// one the browser ends without a word (here it closes itself, as a worker the browser stops does), and one whose
// event loop freezes. A long job that holds its worker's thread far longer than the silence allowed is not
// stopped. The tool's fetch is held back by route interception, so each job is caught while it waits.
import type { Route, Worker } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { cmd, openEngine, SAM_HEADER, samChunk, type EnginePage } from './support/engine-page';

let app: EnginePage | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/**
 * The engine with samtools.wasm held back until `release()`. Requests held for a worker that is gone are left
 * alone (unrouting would wait on the frozen worker's target).
 */
async function heldEngine(silenceMs?: number): Promise<{ app: EnginePage; held: Route[]; release(): void }> {
  const page = await openEngine();
  if (silenceMs !== undefined)
    await page.page.evaluate((ms) => window.lokusHarness.reset({ silenceMs: ms }), silenceMs);
  const held: Route[] = [];
  let holding = true;
  await page.context.route('**/samtools.wasm?sha=*', (route) => void (holding ? held.push(route) : route.continue()));
  await page.mountFixtures('ex1.bam');
  return { app: page, held, release: () => void (holding = false) };
}

async function toolWorker(page: EnginePage, held: Route[]): Promise<Worker> {
  await expect.poll(() => held.length).toBeGreaterThan(0);
  return page.page.workers().find((worker) => worker.url().includes('tool-worker'))!;
}

const countRecords = async (page: EnginePage) =>
  (await page.run({ steps: [cmd('samtools', 'view', '-c', 'ex1.bam')] })).stdout;

describe('a worker that stops answering', () => {
  it('fails the job of a worker that ended without a word, and runs the next job on a fresh one', async () => {
    const engine = await heldEngine();
    app = engine.app;
    const id = await app.start({ steps: [cmd('samtools', 'view', '-c', 'ex1.bam')] });
    const worker = await toolWorker(app, engine.held);
    await worker.evaluate(() => self.close()).catch(() => undefined);
    const result = await app.wait(id);
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({
      name: 'EngineError',
      message: 'The tool worker stopped: the browser ended it, often because it was short of memory',
      advice: expect.stringMatching(/Run the command again/),
    });
    engine.release();
    expect(await countRecords(app)).toBe('3307\n');
  });

  it('fails the job of a worker whose event loop stops, once it has been silent too long', async () => {
    const engine = await heldEngine(1500);
    app = engine.app;
    const id = await app.start({ steps: [cmd('samtools', 'view', '-c', 'ex1.bam')] });
    const worker = await toolWorker(app, engine.held);
    // Blocks the worker's thread for good, without using a core (the page is cross-origin isolated).
    void worker.evaluate(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)).catch(() => undefined);
    const result = await app.wait(id);
    expect(result.status).toBe('failed');
    expect(result.error?.message).toMatch(
      /^The tool worker stopped answering \(nothing from it for \d+\.\d s while no tool held it\)$/,
    );
    engine.release();
    expect(await countRecords(app)).toBe('3307\n');
  });

  it('lets a long job hold its worker far longer than the silence allowed', async () => {
    const silenceMs = 1500;
    app = await openEngine();
    await app.page.evaluate((ms) => window.lokusHarness.reset({ silenceMs: ms }), silenceMs);
    const records = 10_000;
    const chunks = 3_000; // 1.4 GB
    await app.page.evaluate(({ header, chunk, n }) => window.lokusHarness.mountRepeated('long.sam', header, chunk, n), {
      header: SAM_HEADER,
      chunk: samChunk(records),
      n: chunks,
    });
    const result = await app.run({ steps: [cmd('samtools', 'view', '-c', 'long.sam')] });
    expect(result.error?.message).toBeUndefined();
    expect(result).toMatchObject({ status: 'succeeded', stdout: `${records * chunks}\n` });
    // What makes the case: the tool held the worker's thread (no beat) for more than two silences in a row.
    expect(result.steps[0]!.durationMs).toBeGreaterThan(2 * silenceMs);
  });
});
