// What `npm run build` ships: the app, its service worker and the tools, and no test page (engine-harness.html and
// window.lokusHarness exist only in the 'harness' build the e2e tests and benchmarks use).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

describe('the production build', () => {
  let outDir: string;
  let files: string[];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'lokus-production-'));
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    files = filesUnder(outDir);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has the app and its service worker', () => {
    expect(files).toEqual(expect.arrayContaining(['index.html', 'sw.js', 'manifest.webmanifest']));
    expect(files.some((file) => /^assets\/tool-worker-.*\.js$/.test(file))).toBe(true);
  });

  it('leaves the engine test page out', () => {
    expect(files.filter((file) => file.includes('harness'))).toEqual([]);
    const scripts = files.filter((file) => file.endsWith('.js') || file.endsWith('.html'));
    expect(scripts.filter((file) => readFileSync(join(outDir, file), 'utf8').includes('lokusHarness'))).toEqual([]);
  });
});
