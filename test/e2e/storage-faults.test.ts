// Storage faults a person can cause: reloading while a job runs leaves that run marked interrupted and all else
// intact; two tabs on the same sessions never both work on them (a Web Lock: the second waits or takes over).
// A full disk is covered at state level in test/unit/state/storage-full.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser, openApp } from './support/browser';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** The machine that runs CI is shared and also compiles: UI updates may take seconds. */
const SLOW = { timeout: 30_000 };

async function runInConsole(page: Page, line: string): Promise<void> {
  const command = page.getByRole('textbox', { name: 'Command' });
  await command.fill(line);
  await command.press('Enter');
  await page.getByRole('status').filter({ hasText: 'running' }).waitFor({ state: 'detached', timeout: 60_000 });
}

/** An unsorted SAM big enough that sorting it takes seconds in the browser (~40 MB, 150k reads). */
function bigUnsortedSam(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lokus-big-'));
  const path = join(dir, 'big.sam');
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const bases = 'ACGT';
  const lines = ['@HD\tVN:1.6\tSO:unsorted', '@SQ\tSN:chr1\tLN:10000000'];
  for (let i = 0; i < 150_000; i++) {
    let seq = '';
    for (let j = 0; j < 100; j++) seq += bases[Math.floor(next() * 4)];
    lines.push(`r${i}\t0\tchr1\t${1 + Math.floor(next() * 9_999_000)}\t60\t100M\t*\t0\t0\t${seq}\t${'I'.repeat(100)}`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const rows = (page: Page) => page.getByTestId('file-row');
const names = async (page: Page) => (await rows(page).locator('.name').allInnerTexts()).sort();

describe('storage faults', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a reload during a running job marks it interrupted and keeps everything else', async () => {
    const { page, context } = await openApp({ browser });
    context.setDefaultTimeout(60_000);
    await page.getByLabel('Open files', { exact: true }).setInputFiles([join(FIXTURES, 'ex1.bam'), bigUnsortedSam()]);
    await expect.poll(() => rows(page).count(), SLOW).toBe(2);
    await runInConsole(page, 'samtools view -c ex1.bam');
    const command = page.getByRole('textbox', { name: 'Command' });
    await command.fill('samtools sort -o big.sorted.bam big.sam');
    await command.press('Enter');
    const sortRun = page.getByTestId('run').filter({ hasText: 'samtools sort' });
    await expect.poll(() => sortRun.getByTestId('run-status').textContent(), SLOW).toBe('running');
    await page.reload();

    await expect.poll(() => sortRun.getByTestId('run-status').textContent(), SLOW).toBe('interrupted');
    expect(await page.getByRole('status').filter({ hasText: 'marked interrupted' }).innerText()).toMatch(
      /1 run was still going when the page closed/,
    );
    expect(
      await page
        .getByTestId('run')
        .filter({ hasText: 'samtools view -c ex1.bam' })
        .getByTestId('run-status')
        .textContent(),
    ).toBe('succeeded');
    expect(await names(page)).toEqual(['big.sam', 'ex1.bam']);
    await runInConsole(page, 'samtools view -c ex1.bam');
    expect(await page.getByRole('log').innerText()).toMatch(/^3307$/m);
    await context.close();
  });

  describe('two tabs', () => {
    let context: BrowserContext;
    let first: Page;
    const openTab = async () => {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      return page;
    };

    beforeAll(async () => {
      context = await browser.newContext();
      context.setDefaultTimeout(60_000);
    });
    afterAll(async () => {
      await context?.close();
    });

    it('the second tab says Lokus is open elsewhere and touches nothing', async () => {
      first = await openTab();
      await first.getByLabel('Open files', { exact: true }).setInputFiles(join(FIXTURES, 'ex1.bam'));
      await expect.poll(() => rows(first).count(), SLOW).toBe(1);
      const second = await openTab();
      await expect
        .poll(() => second.getByTestId('tab-lock').innerText(), SLOW)
        .toMatch(/already open in another tab[\s\S]*continues by itself/);
      expect(await rows(second).count()).toBe(0);
      expect(await second.getByLabel('Open files', { exact: true }).count()).toBe(0);
      // Nor can it delete or import sessions under the working tab.
      expect(await second.getByText('Storage and export').count()).toBe(0);
      // The first tab keeps working.
      await runInConsole(first, 'samtools view -c ex1.bam');
      expect(await first.getByRole('log').innerText()).toMatch(/^3307$/m);
      await second.close();
    });

    it('"Use Lokus in this tab" takes over: the other tab pauses, and can take it back with all changes', async () => {
      const second = await openTab();
      await second.getByRole('button', { name: 'Use Lokus in this tab' }).click();
      await expect.poll(() => names(second), SLOW).toEqual(['ex1.bam']);
      await expect
        .poll(() => first.getByTestId('tab-lock').innerText(), SLOW)
        .toMatch(/now in use in another tab[\s\S]*paused/);
      await second.getByLabel('Open files', { exact: true }).setInputFiles(join(FIXTURES, 'toy.fa'));
      await expect.poll(() => names(second), SLOW).toEqual(['ex1.bam', 'toy.fa']);

      await first.getByRole('button', { name: 'Use Lokus in this tab' }).click();
      await expect.poll(() => names(first), SLOW).toEqual(['ex1.bam', 'toy.fa']);
      await expect.poll(() => second.getByTestId('tab-lock').count(), SLOW).toBe(1);
      await second.close();
    });

    it('a waiting tab continues by itself when the working tab is closed', async () => {
      const second = await openTab();
      await expect.poll(() => second.getByTestId('tab-lock').count(), SLOW).toBe(1);
      await first.close();
      await expect.poll(() => names(second), SLOW).toEqual(['ex1.bam', 'toy.fa']);
      expect(await second.getByTestId('tab-lock').count()).toBe(0);
      await runInConsole(second, 'samtools view -c ex1.bam');
      expect(await second.getByRole('log').innerText()).toMatch(/^3307$/m);
    });
  });
});
