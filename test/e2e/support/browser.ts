// Launches Debian's Chromium through playwright-core and records every request a page makes.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface AppPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** Requests whose origin is not the app's own (should always be empty). */
  offOrigin(): string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/** Pages open now, for the screenshot a failing test leaves (see failure-screenshots.ts). */
export const openPages = new Set<Page>();

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Opens the app in a fresh context (fresh IndexedDB) unless a context is given. */
export async function openApp(
  options: { browser?: Browser; context?: BrowserContext; path?: string } = {},
): Promise<AppPage> {
  const baseUrl = inject('baseUrl');
  const browser = options.browser ?? (await launchBrowser());
  const context = options.context ?? (await browser.newContext({ acceptDownloads: true }));
  const page = await context.newPage();
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  const requests: string[] = [];
  const errors: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(new URL(options.path ?? '', baseUrl).href);
  return {
    browser,
    context,
    page,
    baseUrl,
    requests,
    errors,
    offOrigin: () =>
      requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin),
    close: async () => {
      if (!options.context) await context.close();
      if (!options.browser) await browser.close();
    },
  };
}
