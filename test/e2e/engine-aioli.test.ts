// The compatibility promise of the Lokus wasm builds: a program also loads and runs through Aioli's own worker
// (importScripts in a blob worker) from a self-hosted absolute urlPrefix, never the biowasm CDN.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIXTURES, openEngine, type EnginePage } from './support/engine-page';

let app: EnginePage;
beforeAll(async () => {
  app = await openEngine();
});
afterAll(async () => app?.close());

it('runs wasm samtools through Aioli from this origin', async () => {
  const files = [{ name: 'ex1.bam', base64: readFileSync(join(FIXTURES, 'ex1.bam')).toString('base64') }];
  const result = await app.page.evaluate(
    (f) => window.lokusHarness.aioli('samtools', f, ['samtools view -c ex1.bam']),
    files,
  );
  expect(result.mounted).toEqual(['/shared/data/ex1.bam']);
  expect(result.outputs).toEqual([readFileSync(join(FIXTURES, 'expected/samtools-view-count.stdout'), 'utf8')]);
  expect(app.requests.filter((url) => url.includes('/wasm/samtools/')).length).toBeGreaterThan(0);
  expect(app.offOrigin()).toEqual([]);
});
