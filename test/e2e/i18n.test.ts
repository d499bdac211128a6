// The interface in English and Swedish: the header switch changes the text in place (no reload, so running jobs
// go on), the choice survives a reload, and the browser's language decides the first visit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp } from './support/browser';

describe('language', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switches English -> Swedish without reloading, and keeps Swedish over a reload', async () => {
    const app = await openApp({ browser, context: await browser.newContext({ locale: 'en-GB' }) });
    const { page } = app;
    await expect.poll(() => page.locator('header').innerText()).toContain('your files never leave this computer');
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.getByLabel('Language').selectOption('sv');
    await expect.poll(() => page.locator('header').innerText()).toContain('dina filer lämnar aldrig den här datorn');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await page.reload();
    await expect.poll(() => page.locator('header').innerText()).toContain('dina filer lämnar aldrig');
    await page.getByLabel('Språk').selectOption('en');
    await expect.poll(() => page.locator('header').innerText()).toContain('your files never leave this computer');
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  it('a Swedish browser starts in Swedish', async () => {
    const app = await openApp({ browser, context: await browser.newContext({ locale: 'sv-SE' }) });
    await expect.poll(() => app.page.locator('header').innerText()).toContain('dina filer lämnar aldrig');
    await app.context.close();
  });
});
