// The pathogen workflow as a person runs it in Chromium: open generated reads (known spiked variants, a known
// region without reads) and the lambda phage reference, run one sample, check the calls are exactly the spiked
// variants and the consensus is the reference with them applied and N over the gap; then run two samples at once
// and read the summary table.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './support/browser';
import { downloadText, exportedTable } from './support/downloads';
import { expectedConsensus, PATHOGEN_FIXTURES, readTruth, variantKeys } from '../unit/core/analyses/pathogen-truth';

const FILES = [
  'lambda.fa',
  'lambda-a_R1.fastq.gz',
  'lambda-a_R2.fastq.gz',
  'lambda-b_R1.fastq.gz',
  'lambda-b_R2.fastq.gz',
];
const RUN_TIMEOUT = 240_000;

describe('pathogen consensus', () => {
  let browser: Browser;
  let app: AppPage;
  let panel: Locator;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ acceptDownloads: true });
    context.setDefaultNavigationTimeout(120_000);
    context.setDefaultTimeout(60_000);
    app = await openApp({ browser, context });
    panel = app.page.getByRole('region', { name: 'Pathogen consensus', exact: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const row = (sample: string) =>
    panel
      .getByRole('table', { name: 'Samples summary' })
      .getByRole('row')
      .filter({ has: app.page.getByRole('rowheader', { name: sample, exact: true }) });

  it('finds the two paired samples and the reference among the opened files', async () => {
    const { page } = app;
    await page.getByLabel('Notes').waitFor({ timeout: 120_000 });
    await page
      .getByLabel('Open files', { exact: true })
      .setInputFiles(FILES.map((name) => join(PATHOGEN_FIXTURES, name)));
    await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 30_000 }).toBe(FILES.length);
    await expect.poll(() => panel.getByRole('checkbox').count()).toBe(2);
    expect(await panel.getByLabel('Reference genome (FASTA)').inputValue()).toBe('lambda.fa');
    expect(await panel.getByText('lambda-a_R1.fastq.gz + lambda-a_R2.fastq.gz').count()).toBe(1);
  });

  it('calls exactly the spiked variants and builds the expected consensus for one sample', async () => {
    const { page } = app;
    await panel.getByRole('checkbox', { name: 'lambda-b' }).uncheck();
    await panel.getByRole('button', { name: 'Start 1 sample' }).click();
    await expect
      .poll(() => row('lambda-a').getByRole('cell').nth(5).innerText(), { timeout: RUN_TIMEOUT })
      .toBe('done');
    await panel.getByRole('button', { name: 'Result of lambda-a' }).click();
    const truth = readTruth('lambda-a');
    await panel.getByRole('heading', { name: /^Pathogen consensus: lambda-a_R1/ }).waitFor({ timeout: RUN_TIMEOUT });
    expect(await panel.locator('[data-metric="variants"] .value').innerText({ timeout: RUN_TIMEOUT })).toBe(
      String(truth.variants.length),
    );

    const fasta = await downloadText(page, panel.getByRole('button', { name: 'Consensus genome (FASTA)' }));
    expect(fasta.split('\n')[0]).toBe('>lambda-a consensus of NC_001416.1');
    expect(fasta.split('\n').slice(1).join('')).toBe(expectedConsensus(truth));

    const calls = (await exportedTable(page, panel, 'variants')).map((r) => ({
      pos: Number(r['position']),
      ref: r['ref']!,
      alt: r['alt']!,
    }));
    expect(variantKeys(calls)).toEqual(variantKeys(truth.variants));
  });

  it('adds the VCF to the session files, where the variant browser lists the calls', async () => {
    const { page } = app;
    await expect
      .poll(() => page.getByTestId('file-row').filter({ hasText: 'lambda-a.vcf.gz' }).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('run').filter({ hasText: 'samtools consensus' }).count()).toBeGreaterThan(0);
    // The sort wrote the BAM's index too (--write-index), listed among that run's outputs.
    const sortRun = page
      .getByTestId('run')
      .filter({ hasText: 'samtools sort --write-index' })
      .filter({ hasText: 'lambda-a.bam' });
    expect(await sortRun.locator('button', { hasText: /^Download lambda-a\.bam\.bai$/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Variant browser', exact: true }).click();
    await page.getByLabel('VCF or BCF file').selectOption('lambda-a.vcf.gz');
    await page.getByRole('button', { name: 'Show variants' }).click();
    await expect
      .poll(() => page.getByTestId('variant-count').innerText(), { timeout: 60_000 })
      .toBe(`${readTruth('lambda-a').variants.length} variants`);
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
  });

  it('runs two samples at once and summarises each', async () => {
    await panel.getByRole('checkbox', { name: 'lambda-b' }).check();
    await panel.getByRole('button', { name: 'Start 2 samples' }).click();
    for (const sample of ['lambda-a', 'lambda-b'] as const) {
      await expect.poll(() => row(sample).getByRole('cell').nth(5).innerText(), { timeout: RUN_TIMEOUT }).toBe('done');
      const truth = readTruth(sample);
      const cells = await row(sample).getByRole('cell').allInnerTexts();
      const gap = truth.gap.end - truth.gap.start + 1;
      expect(cells[0]).toBe((2 * truth.pairs).toLocaleString('en-US'));
      expect(cells[3]).toBe(String(truth.variants.length));
      expect(cells[4]).toMatch(new RegExp(`^${gap} \\(`));
    }
    await panel.getByRole('button', { name: 'Result of lambda-b' }).click();
    await panel.getByRole('heading', { name: /^Pathogen consensus: lambda-b_R1/ }).waitFor({ timeout: RUN_TIMEOUT });
    expect(await panel.locator('[data-metric="variants"] .value').innerText({ timeout: RUN_TIMEOUT })).toBe('3');
    expect(app.errors).toEqual([]);
  });

  it('shows the summary again after a reload', async () => {
    await app.page.reload();
    for (const sample of ['lambda-a', 'lambda-b'] as const) {
      await expect.poll(() => row(sample).getByRole('cell').nth(5).innerText(), { timeout: RUN_TIMEOUT }).toBe('done');
      expect(await row(sample).getByRole('cell').nth(3).innerText()).toBe(String(readTruth(sample).variants.length));
    }
  });
});
