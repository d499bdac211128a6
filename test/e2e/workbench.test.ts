// The workbench as a person uses it: open files, run a command in the console, reload and find it all again,
// export and import a session, and delete all local data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './support/browser';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const expectedFlagstat = readFileSync(join(FIXTURES, 'expected', 'samtools-flagstat.stdout'), 'utf8');

async function runInConsole(page: Page, line: string): Promise<void> {
  const command = page.getByRole('textbox', { name: 'Command' });
  await command.fill(line);
  await command.press('Enter');
  await page.getByRole('status').filter({ hasText: 'running' }).waitFor({ state: 'detached', timeout: 60_000 });
}

async function consoleText(page: Page): Promise<string> {
  return (await page.getByRole('log').innerText()).replace(/\r/g, '');
}

async function ourDatabases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
}

describe('workbench', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ acceptDownloads: true });
    app = await openApp({ browser, context });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens files with the file input and detects their formats and index', async () => {
    const { page } = app;
    await page
      .getByLabel('Open files', { exact: true })
      .setInputFiles([join(FIXTURES, 'ex1.bam'), join(FIXTURES, 'ex1.bam.bai'), join(FIXTURES, 'ex1.fa')]);
    const rows = page.getByTestId('file-row');
    await expect.poll(() => rows.count()).toBe(3);
    const bamRow = rows.filter({ hasText: 'ex1.bam' }).first();
    await expect.poll(() => bamRow.innerText()).toMatch(/BAM[\s\S]*indexed by ex1\.bam\.bai/);
    await expect.poll(() => rows.filter({ hasText: 'ex1.fa' }).innerText()).toMatch(/no index[\s\S]*Create index/);
  });

  it('runs samtools flagstat from the console and prints what native samtools prints', async () => {
    const { page } = app;
    await runInConsole(page, 'samtools flagstat ex1.bam');
    const text = await consoleText(page);
    expect(text).toContain('$ samtools flagstat ex1.bam');
    expect(text).toContain(expectedFlagstat.trimEnd());
    await expect.poll(() => page.getByTestId('run-status').first().textContent()).toBe('succeeded');
  });

  it('creates a missing FASTA index in the browser', async () => {
    const { page } = app;
    await page
      .getByTestId('file-row')
      .filter({ hasText: 'ex1.fa' })
      .getByRole('button', { name: 'Create index' })
      .click();
    await expect
      .poll(() => page.getByTestId('file-row').filter({ hasText: 'ex1.fa' }).first().innerText(), { timeout: 30_000 })
      .toMatch(/indexed by ex1\.fa\.fai/);
    await runInConsole(page, 'cat ex1.fa.fai');
    expect(await consoleText(page)).toContain(readFileSync(join(FIXTURES, 'ex1.fa.fai'), 'utf8').trimEnd());
  });

  it('reports a failing command with its exit status and the tool message', async () => {
    const { page } = app;
    await runInConsole(page, 'samtools view no-such-file.bam');
    const text = await consoleText(page);
    expect(text).toMatch(/no-such-file\.bam/);
    expect(text).toMatch(/exit status [1-9]/);
  });

  it('keeps files, runs, notes and console history across a reload', async () => {
    const { page } = app;
    await page.getByLabel('Notes').fill('Sample 17, first look');
    await expect.poll(() => page.locator('label.notes').getAttribute('data-saved')).toBe('true');
    await page.reload();
    const rows = page.getByTestId('file-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByTestId('run').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('run').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('samtools flagstat ex1.bam')]),
    );
    // Each run comes back with the status it ended with, never as interrupted (`cat` is a program, so a run too).
    expect((await page.getByTestId('run-status').allTextContents()).sort()).toEqual([
      'failed',
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
    expect(await page.getByLabel('Notes').inputValue()).toBe('Sample 17, first look');
    const command = page.getByRole('textbox', { name: 'Command' });
    await command.focus();
    await command.press('ArrowUp');
    await command.press('ArrowUp');
    expect(await command.inputValue()).toBe('cat ex1.fa.fai');
    // Files kept as copies are usable straight away after the reload.
    await runInConsole(page, 'samtools flagstat ex1.bam');
    expect(await consoleText(page)).toContain(expectedFlagstat.trimEnd());
  });

  it('exports the session, deletes all local data, and imports the session back', async () => {
    const { page } = app;
    await page.getByText('Storage and export').click();
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export session', exact: true }).click();
    const download = await downloadPromise;
    const archivePath = await download.path();
    expect(archivePath).toBeTruthy();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete all local data' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'All local data was deleted' }).count()).toBe(1);
    expect(await ourDatabases(page)).toEqual([]);
    await page.reload();
    await expect.poll(() => page.getByTestId('file-row').count()).toBe(0);

    await page.getByText('Storage and export').click();
    await page.getByLabel('Import session').setInputFiles(archivePath!);
    await expect.poll(() => page.getByTestId('file-row').count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByTestId('run').count()).toBeGreaterThanOrEqual(3);
    await runInConsole(page, 'samtools flagstat ex1.bam');
    expect(await consoleText(page)).toContain(expectedFlagstat.trimEnd());
  });

  it('made no request outside the app origin', () => {
    expect(app.offOrigin()).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
