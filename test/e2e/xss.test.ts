// File-derived text is never markup: a VCF and a BAM whose sample names, IDs, INFO values, read names, tags
// and header lines carry <img onerror>, <svg onload> and javascript: strings, plus a file named like markup,
// go through the file list, the console, the history and the analyses, and nothing executes.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './support/browser';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** The machine that runs CI is shared and also compiles: UI updates may take seconds. */
const SLOW = { timeout: 30_000 };
const IMG = '<img src=x onerror="window.__xss=1">';
const SVG = '<svg/onload=window.__xss=1>';
const MARKUP_NAME = `${IMG}.vcf`;

async function runInConsole(page: Page, line: string): Promise<void> {
  const command = page.getByRole('textbox', { name: 'Command' });
  await command.fill(line);
  await command.press('Enter');
  await page.getByRole('status').filter({ hasText: 'running' }).waitFor({ state: 'detached', timeout: 60_000 });
}

const consoleText = async (page: Page) => (await page.getByRole('log').innerText()).replace(/\r/g, '');

/** Nothing ran and nothing became an element: no flag, no <img src=x>, no <svg onload>, no javascript: link. */
async function expectNothingExecuted(page: Page): Promise<void> {
  // An injected <img src=x> fires onerror when its load fails: wait until every image has settled.
  await page.evaluate(() =>
    Promise.all(
      [...document.images].map((img) =>
        img.complete
          ? undefined
          : new Promise((done) => {
              img.addEventListener('error', done);
              img.addEventListener('load', done);
            }),
      ),
    ),
  );
  const found = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss,
    img: document.querySelectorAll('img[src="x"]').length,
    svg: document.querySelectorAll('svg[onload]').length,
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    links: document.querySelectorAll('a[href^="javascript:"]').length,
  }));
  expect(found).toEqual({ flag: undefined, img: 0, svg: 0, handlers: 0, links: 0 });
}

describe('file-derived text is never markup', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext();
    context.setDefaultTimeout(60_000);
    app = await openApp({ browser, context });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the files, one of them named like markup, as text', async () => {
    const { page } = app;
    const dir = mkdtempSync(join(tmpdir(), 'lokus-xss-'));
    copyFileSync(join(FIXTURES, 'xss.vcf'), join(dir, MARKUP_NAME));
    await page
      .getByLabel('Open files', { exact: true })
      .setInputFiles([
        ...['xss.vcf', 'xss.bam', 'xss.bam.bai', 'xss.sam'].map((name) => join(FIXTURES, name)),
        join(dir, MARKUP_NAME),
      ]);
    await expect.poll(() => page.getByTestId('file-row').count(), SLOW).toBe(5);
    expect(await page.getByTestId('file-row').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining(MARKUP_NAME)]),
    );
    await expectNothingExecuted(page);
  });

  it.each([
    ['bcftools query -l xss.vcf', [IMG, 'javascript:alert(1)']],
    ['bcftools view xss.vcf', [`NOTE=${IMG};LINK=javascript:alert(1)`, `NOTE=${SVG}`]],
    ['samtools view xss.bam', [`${SVG}\t73`, `XN:Z:${IMG}`]],
    ['samtools view -H xss.bam', [`@CO\t${IMG} javascript:alert(1)`]],
    ['samtools view xss.sam', [`${SVG}\t73`]],
  ])('%s prints the strings as text in the console', async (line, texts) => {
    const { page } = app;
    await runInConsole(page, line);
    const text = await consoleText(page);
    for (const expected of texts) expect(text).toContain(expected);
    await expectNothingExecuted(page);
  });

  it('shows the runs and their outputs in the history as text', async () => {
    const { page } = app;
    const runs = page.getByTestId('run');
    for (let i = 0; i < (await runs.count()); i++) await runs.nth(i).locator('summary').click();
    const history = (await runs.allInnerTexts()).join('\n');
    expect(history).toContain(IMG);
    expect(history).toContain(SVG);
    await expectNothingExecuted(page);
  });

  it('runs Variant summary and Alignment QC on the files and shows the results as text', async () => {
    const { page } = app;
    for (const title of ['Variant summary', 'Alignment QC']) {
      await page.getByRole('button', { name: title, exact: true }).click();
      await page.getByRole('button', { name: `Run ${title}` }).click();
      await page.locator('[data-metric]').first().waitFor({ timeout: 120_000 });
      await expectNothingExecuted(page);
      await page.getByRole('button', { name: 'Close result' }).click();
    }
  });

  it('after a reload, the stored session renders as text too', async () => {
    const { page } = app;
    await page.reload();
    // The five opened files, and the files the runs made (outputs are session files too).
    await expect.poll(() => page.getByTestId('file-row').count(), SLOW).toBeGreaterThanOrEqual(5);
    const runs = page.getByTestId('run');
    await expect.poll(() => runs.count(), SLOW).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < (await runs.count()); i++) await runs.nth(i).locator('summary').click();
    expect((await runs.allInnerTexts()).join('\n')).toContain(IMG);
    await expectNothingExecuted(page);
  });

  it('made no request outside the app origin and no request for the injected image', () => {
    expect(app.offOrigin()).toEqual([]);
    expect(app.requests.filter((url) => /\/x$/.test(url))).toEqual([]);
  });
});
