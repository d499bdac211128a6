// The app in a browser of its own, as the workbench tests drive it: downloads allowed, generous timeouts (the
// CI machine also compiles), files opened through the "Open files" input once the first session is ready.
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './browser';

export interface SessionPage {
  browser: Browser;
  app: AppPage;
}

export async function openSessionWith(paths: readonly string[]): Promise<SessionPage> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ acceptDownloads: true });
  context.setDefaultNavigationTimeout(120_000);
  context.setDefaultTimeout(60_000);
  const app = await openApp({ browser, context });
  // Files picked before the session has started would have nowhere to go: wait for it (its notes box).
  await app.page.getByLabel('Notes').waitFor({ timeout: 120_000 });
  if (paths.length > 0) await app.page.getByLabel('Open files', { exact: true }).setInputFiles([...paths]);
  return { browser, app };
}
