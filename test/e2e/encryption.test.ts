// Encryption at rest in real Chromium with the product's 600,000 PBKDF2 iterations: turned on, the raw IndexedDB
// rows hold no file name, command or note in the clear; after a reload nothing shows until the passphrase is given,
// a wrong one is refused, the right one restores files, runs and notes; Lock now and auto-lock hide everything;
// a changed passphrase replaces the old one; a forgotten one leaves "Delete all local data".
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './support/browser';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const PASSPHRASE = 'lokus test passphrase';
const NOTE = 'Biopsy 42: recheck the insert sizes';
/** Text a person put into the session: none of it may be in IndexedDB in the clear once encryption is on. */
const SECRETS = ['ex1.bam', 'flagstat', 'Biopsy 42', 'My session'];
const SLOW = { timeout: 60_000 };

async function runInConsole(page: Page, line: string): Promise<void> {
  const command = page.getByRole('textbox', { name: 'Command' });
  await command.fill(line);
  await command.press('Enter');
  await page.getByRole('status').filter({ hasText: 'running' }).waitFor({ state: 'detached', timeout: 120_000 });
}

/** Every row of every object store of the app's database, as text: strings, bytes (latin1) and Blob contents. */
function rawIndexedDb(page: Page): Promise<{ text: string; sealedRows: number; plainRows: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('lokus');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const parts: string[] = [];
    let sealedRows = 0;
    let plainRows = 0;
    const flatten = async (value: unknown): Promise<void> => {
      if (value instanceof Blob) parts.push(new TextDecoder('latin1').decode(await value.arrayBuffer()));
      else if (value instanceof Uint8Array) parts.push(new TextDecoder('latin1').decode(value));
      else if (Array.isArray(value)) for (const item of value) await flatten(item);
      else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
          parts.push(key);
          await flatten(item);
        }
      } else parts.push(String(value));
    };
    for (const name of [...db.objectStoreNames]) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
      for (const row of rows) {
        await flatten(row);
        if (name === 'settings' || name === 'vault') continue;
        if (row && typeof row === 'object' && 'payload' in row) sealedRows++;
        else plainRows++;
      }
    }
    db.close();
    return { text: parts.join('\n'), sealedRows, plainRows };
  });
}

const unlockScreen = (page: Page) => page.getByTestId('unlock-screen');
const fileRows = (page: Page) => page.getByTestId('file-row');

async function unlock(page: Page, passphrase: string): Promise<void> {
  await unlockScreen(page).getByLabel('Passphrase').fill(passphrase);
  await unlockScreen(page).getByRole('button', { name: 'Unlock' }).click();
}

async function openEncryptionMenu(page: Page): Promise<void> {
  const details = page.locator('details.encryption');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open)))
    await page.getByTestId('encryption-status').click();
}

describe('encryption at rest', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp({ browser, context: await browser.newContext() });
    app.context.setDefaultTimeout(60_000);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a session with a file, a run and notes is stored in the clear while encryption is off', async () => {
    const { page } = app;
    await page
      .getByLabel('Open files', { exact: true })
      .setInputFiles([join(FIXTURES, 'ex1.bam'), join(FIXTURES, 'ex1.bam.bai')]);
    await expect.poll(() => fileRows(page).count(), SLOW).toBe(2);
    await runInConsole(page, 'samtools flagstat ex1.bam');
    await expect.poll(() => page.getByTestId('run-status').first().textContent(), SLOW).toBe('succeeded');
    await page.getByRole('textbox', { name: 'Notes' }).fill(NOTE);
    await expect.poll(async () => (await rawIndexedDb(page)).text.includes(NOTE), SLOW).toBe(true);
    const raw = await rawIndexedDb(page);
    expect(SECRETS.filter((secret) => raw.text.includes(secret))).toEqual(SECRETS);
  });

  it('turning encryption on leaves no file name, command or note readable in IndexedDB', async () => {
    const { page } = app;
    await openEncryptionMenu(page);
    await page.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Repeat the new passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Turn on encryption' }).click();
    await expect.poll(() => page.getByTestId('encryption-status').textContent(), SLOW).toBe('Encrypted (unlocked)');
    expect(await page.getByTestId('encryption-message').textContent()).toMatch(/Encryption is on/);
    const raw = await rawIndexedDb(page);
    expect(SECRETS.filter((secret) => raw.text.includes(secret))).toEqual([]);
    expect(raw.plainRows).toBe(0);
    expect(raw.sealedRows).toBeGreaterThanOrEqual(6);
    // The open session keeps working: a new command runs and its row is stored sealed.
    await runInConsole(page, 'samtools view -c ex1.bam');
    expect(await page.getByRole('log').innerText()).toMatch(/^3307$/m);
    const after = await rawIndexedDb(page);
    expect(SECRETS.filter((secret) => after.text.includes(secret))).toEqual([]);
    expect(after.text).not.toContain('view -c');
  });

  it('after a reload nothing shows before the passphrase; a wrong one is refused and the right one restores all', async () => {
    const { page } = app;
    await page.reload();
    await unlockScreen(page).waitFor(SLOW);
    expect(await fileRows(page).count()).toBe(0);
    expect(await page.getByTestId('run').count()).toBe(0);
    await unlock(page, 'not the passphrase');
    await expect
      .poll(() => page.getByTestId('unlock-error').textContent(), SLOW)
      .toMatch(/That passphrase is not the one your Lokus data was locked with/);
    expect(await unlockScreen(page).isVisible()).toBe(true);
    await unlock(page, PASSPHRASE);
    await unlockScreen(page).waitFor({ state: 'detached', ...SLOW });
    await expect
      .poll(async () => (await fileRows(page).locator('.name').allInnerTexts()).sort(), SLOW)
      .toEqual(['ex1.bam', 'ex1.bam.bai']);
    await expect.poll(() => page.getByTestId('run').count(), SLOW).toBe(2);
    expect(
      await page
        .getByTestId('run')
        .filter({ hasText: 'samtools flagstat ex1.bam' })
        .getByTestId('run-status')
        .textContent(),
    ).toBe('succeeded');
    expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe(NOTE);
    // The file copy was decrypted back to the same bytes: the tools read it.
    await runInConsole(page, 'samtools view -c ex1.bam');
    expect(await page.getByRole('log').innerText()).toMatch(/^3307$/m);
  });

  it('Lock now hides the session until the passphrase is given again', async () => {
    const { page } = app;
    await openEncryptionMenu(page);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await unlockScreen(page).waitFor(SLOW);
    expect(await fileRows(page).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Notes' }).count()).toBe(0);
    await unlock(page, PASSPHRASE);
    await expect.poll(() => fileRows(page).count(), SLOW).toBe(2);
  });

  it('auto-locks after the idle time set', async () => {
    const { page } = app;
    await openEncryptionMenu(page);
    const minutes = page.getByLabel('Lock after this many minutes without use (0 = never)');
    await minutes.fill('0.05');
    await minutes.press('Tab');
    // 3 seconds without keyboard or pointer use; the poll does neither.
    await unlockScreen(page).waitFor(SLOW);
    expect(await fileRows(page).count()).toBe(0);
    expect(await unlockScreen(page).getByRole('status').textContent()).toBe('Locked after 0.05 minutes without use.');
  });

  it('a changed passphrase replaces the old one', async () => {
    const { page } = app;
    await unlock(page, PASSPHRASE);
    await expect.poll(() => fileRows(page).count(), SLOW).toBe(2);
    await openEncryptionMenu(page);
    await page.getByLabel('Lock after this many minutes without use (0 = never)').fill('0');
    await page.getByLabel('Lock after this many minutes without use (0 = never)').press('Tab');
    await page.locator('summary', { hasText: 'Change passphrase' }).click();
    await page.getByLabel('Current passphrase').fill(PASSPHRASE);
    await page.getByLabel('New passphrase', { exact: true }).fill('second passphrase');
    await page.getByLabel('Repeat the new passphrase').fill('second passphrase');
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await expect
      .poll(() => page.getByTestId('encryption-message').textContent(), SLOW)
      .toMatch(/passphrase was changed/);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await unlock(page, PASSPHRASE);
    await expect.poll(() => page.getByTestId('unlock-error').textContent(), SLOW).toMatch(/not the one/);
    await unlock(page, 'second passphrase');
    await expect.poll(() => fileRows(page).count(), SLOW).toBe(2);
  });

  it('a forgotten passphrase: "Delete all local data" from the unlock screen starts afresh', async () => {
    const { page } = app;
    await openEncryptionMenu(page);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await unlockScreen(page).getByText('Forgot your passphrase?').click();
    expect(await unlockScreen(page).innerText()).toMatch(/cannot be recovered without it/);
    page.once('dialog', (dialog) => void dialog.accept());
    await unlockScreen(page).getByRole('button', { name: 'Delete all local data' }).click();
    await unlockScreen(page).waitFor({ state: 'detached', ...SLOW });
    await page.getByRole('button', { name: 'Start a new session' }).waitFor(SLOW);
    expect(await page.getByTestId('encryption-status').textContent()).toBe('Encryption off');
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).not.toContain('lokus');
    expect(app.errors).toEqual([]);
  });
});
