// The privacy promise and offline use, checked: every request the app makes stays on its origin, the
// Content-Security-Policy is in force, and after one visit the app and its tools work with the network off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { launchBrowser, openApp, type AppPage } from './support/browser';
import { FIXTURES } from './support/engine-page';

async function runInConsole(page: Page, line: string): Promise<string> {
  const command = page.getByRole('textbox', { name: 'Command' });
  await command.fill(line);
  await command.press('Enter');
  await page.getByRole('status').filter({ hasText: 'running' }).waitFor({ state: 'detached', timeout: 60_000 });
  return page.getByRole('log').innerText();
}

describe('privacy and offline use', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp({ browser, context: await browser.newContext() });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends the Content-Security-Policy as a header and in the page', async () => {
    const response = await app.page.request.get(app.baseUrl);
    expect(response.headers()['content-security-policy']).toMatch(
      /default-src 'self'.*connect-src 'self'.*object-src 'none'.*base-uri 'none'.*form-action 'none'/,
    );
    const meta = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(response.headers()['content-security-policy']);
  });

  it('blocks a request to another origin, as the policy says', async () => {
    const outcome = await app.page.evaluate(async () => {
      try {
        await fetch('https://example.org/leak');
        return 'sent';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
  });

  it('runs the example session with no request off the origin, and says so', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Try the example session' }).click();
    await expect.poll(() => page.getByTestId('file-row').count()).toBeGreaterThanOrEqual(8);
    expect(await runInConsole(page, 'samtools flagstat ex1.bam')).toMatch(/3307 \+ 0 in total/);
    expect(await runInConsole(page, 'bcftools view -H ex1.calls.vcf.gz')).toMatch(/seq1\t288\t/);
    expect(app.offOrigin()).toEqual([]);
    expect(await page.getByTestId('privacy-indicator').innerText()).toMatch(/Local only: 0 requests off this site/);
  });

  it('works with the network off after one visit', async () => {
    const { page, context } = app;
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first load is not yet controlled by the service worker; a reload is, and caches what it fetches.
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect.poll(() => page.getByTestId('file-row').count()).toBeGreaterThanOrEqual(8);
    await runInConsole(page, 'samtools flagstat ex1.bam');
    await context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(() => page.getByTestId('file-row').count()).toBeGreaterThanOrEqual(8);
      expect(await runInConsole(page, 'samtools idxstats ex1.bam')).toMatch(/seq1\t1575\t/);
      // Served by the service worker, the page is still cross-origin isolated, so pipelines still stream.
      expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
      expect(await runInConsole(page, 'samtools view -h ex1.bam | samtools view -c -')).toMatch(/^3307$/m);
      expect(await page.getByTestId('offline-status').innerText()).toMatch(/Available offline/);
    } finally {
      await context.setOffline(false);
    }
    expect(app.offOrigin()).toEqual([]);
  });

  it('works offline from the first visit: a BAM opened and a tool run, then a reload with the network off', async () => {
    const fresh = await openApp({ browser, context: await browser.newContext() });
    const { page, context } = fresh;
    try {
      await page.getByLabel('Notes').waitFor({ timeout: 120_000 });
      await page.getByLabel('Open files', { exact: true }).setInputFiles([join(FIXTURES, 'ex1.bam')]);
      await expect.poll(() => page.getByTestId('file-row').count()).toBe(1);
      expect(await runInConsole(page, 'samtools flagstat ex1.bam')).toMatch(/3307 \+ 0 in total/);
      // The header says when the tools are kept: every one of them, with the app, on the first install.
      await expect
        .poll(() => page.getByTestId('offline-status').innerText(), { timeout: 120_000 })
        .toMatch(/^Available offline \((\d+)\/\1 tool files\)$/);
      await context.setOffline(true);
      await page.reload();
      await expect.poll(() => page.getByTestId('file-row').count()).toBe(1);
      expect(await runInConsole(page, 'samtools idxstats ex1.bam')).toMatch(/seq1\t1575\t/);
      // A tool this visit never ran works too: it was stored with the app.
      expect(await runInConsole(page, 'bcftools --version')).toMatch(/bcftools 1\.16/);
    } finally {
      await context.setOffline(false);
      await fresh.close();
    }
    expect(fresh.offOrigin()).toEqual([]);
  });
});
