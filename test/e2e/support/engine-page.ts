// Opens engine-harness.html and drives the real tool engine from Node: mounts fixture files, runs jobs,
// samples Chromium's memory. Expected values in the engine tests come from the native tools (see comments).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobSpec } from '../../../src/core/tools/job';
import type { JobSummary } from '../../../src/engine-harness';
import type { Browser } from 'playwright-core';
import { openApp, type AppPage } from './browser';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');

export interface EnginePage extends AppPage {
  mountFixtures(...names: string[]): Promise<void>;
  run(spec: JobSpec): Promise<JobSummary>;
  start(spec: JobSpec): Promise<string>;
  wait(id: string): Promise<JobSummary>;
}

export async function openEngine(): Promise<EnginePage> {
  const app = await openApp({ path: 'engine-harness.html' });
  await app.page.waitForSelector('body[data-ready]');
  const { page } = app;
  return {
    ...app,
    mountFixtures: (...names) =>
      page.evaluate(
        (files) => window.lokusHarness.mount(files),
        names.map((name) => ({ name, base64: readFileSync(join(FIXTURES, name)).toString('base64') })),
      ),
    run: (spec) => page.evaluate((s) => window.lokusHarness.run(s), spec),
    start: (spec) => page.evaluate((s) => window.lokusHarness.start(s), spec),
    wait: (id) => page.evaluate((i) => window.lokusHarness.wait(i), id),
  };
}

export const cmd = (program: string, ...argv: string[]) => ({ program, argv });

/** Resident memory of this browser's processes (from CDP's process list and Linux /proc), in MiB. */
export async function chromiumRssMiB(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number }[] };
    let kib = 0;
    for (const { id } of processInfo) {
      const match = /VmRSS:\s+(\d+)/.exec(readFileIfAny(`/proc/${id}/status`));
      kib += Number(match?.[1] ?? 0);
    }
    return Math.round(kib / 1024);
  } finally {
    await session.detach();
  }
}

function readFileIfAny(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** A SAM header and one chunk of `records` identical 10 bp records on chr1, repeated into a big Blob. */
export const SAM_HEADER = '@HD\tVN:1.6\tSO:unsorted\n@SQ\tSN:chr1\tLN:1000000\n';
export const samChunk = (records: number) =>
  'r1\t0\tchr1\t100\t60\t10M\t*\t0\t0\tACGTACGTAC\tIIIIIIIIII\n'.repeat(records);
