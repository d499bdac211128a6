// Files a command deletes, in Chromium with the real wasm bgzip: `bgzip x` replaces x by x.gz as in a shell,
// and the work area (what ls and later commands see) agrees; `bgzip -d` brings back the same bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cmd, FIXTURES, openEngine, type EnginePage } from './support/engine-page';

let app: EnginePage;
beforeAll(async () => {
  app = await openEngine();
  await app.mountFixtures('toy.sam');
});
afterAll(async () => app?.close());

it('forgets the file bgzip deleted and keeps the one it wrote', async () => {
  // native: bgzip toy.sam -> toy.sam.gz, toy.sam removed
  const zipped = await app.run({ steps: [cmd('bgzip', 'toy.sam')] });
  expect(zipped).toMatchObject({ status: 'succeeded', removed: ['toy.sam'], outputs: [{ path: 'toy.sam.gz' }] });
  expect(await app.page.evaluate(() => window.lokusHarness.listFiles())).toEqual(['toy.sam.gz']);
  const stale = await app.run({ steps: [cmd('samtools', 'view', '-c', 'toy.sam')] });
  expect(stale).toMatchObject({ status: 'failed', exitStatus: 1 });

  const unzipped = await app.run({ steps: [cmd('bgzip', '-d', 'toy.sam.gz')] });
  expect(unzipped).toMatchObject({ status: 'succeeded', removed: ['toy.sam.gz'], outputs: [{ path: 'toy.sam' }] });
  expect(await app.page.evaluate(() => window.lokusHarness.listFiles())).toEqual(['toy.sam']);
  const text = await app.page.evaluate(() => window.lokusHarness.readText('toy.sam'));
  expect(text).toBe(readFileSync(join(FIXTURES, 'toy.sam'), 'utf8'));
});
