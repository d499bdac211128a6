// Numbers and charts that do not mislead, as a person reads them in the built app with the real wasm tools: a call
// set without SNPs draws its all-zero charts as "none"; the het/hom-alt median of an even number of samples is the
// mean of the middle two (from native bcftools stats); the variant browser says which AC/AN/AF it shows when
// samples are ticked, and a bad expression shows bcftools' whole expression with the previous table gone.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AppPage } from './support/browser';
import { openSessionWith } from './support/session-page';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const FOUR = '1kg_phase1_chr22_4samples.vcf.gz';
const VCF = '1kg_phase1_chr22_5samples.vcf.gz';

/** Native bcftools stats: per sample het / hom-alt (PSC columns 6 and 5). */
function nativeRatios(file: string): number[] {
  return execFileSync('bcftools', ['stats', '-s', '-', file], { cwd: FIXTURES })
    .toString()
    .split('\n')
    .filter((l) => l.startsWith('PSC\t'))
    .map((l) => l.split('\t'))
    .map((f) => Number(f[5]) / Number(f[4]));
}

async function summarise(page: Page, file: string): Promise<void> {
  if (await page.getByRole('button', { name: 'Close result' }).count())
    await page.getByRole('button', { name: 'Close result' }).click();
  await page.getByRole('button', { name: 'Variant summary', exact: true }).click();
  await page.getByLabel('Variants').selectOption(file);
  await page.getByRole('button', { name: 'Run Variant summary' }).click();
  await expect.poll(() => page.locator('#result-heading').innerText()).toContain(file);
  await page.locator('[data-metric]').first().waitFor({ timeout: 120_000 });
}

describe('numbers and charts that do not mislead', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    ({ browser, app } = await openSessionWith(
      ['structural.vcf', FOUR, VCF, `${VCF}.tbi`].map((name) => join(FIXTURES, name)),
    ));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a call set without SNPs: zero charts read "none", no bars are drawn', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 60_000 }).toBe(4);
    await summarise(page, 'structural.vcf');
    expect(await page.locator('[data-metric="records"] .value').innerText()).toBe('5');
    expect(await page.locator('[data-metric="snps"] .value').innerText()).toBe('0');
    for (const chart of ['substitutions', 'per-sample']) {
      await expect.poll(() => page.locator(`[data-empty-chart="${chart}"]`).innerText()).toMatch(/^None: /);
      expect(await page.locator(`[data-chart="${chart}"]`).count()).toBe(0);
    }
    // The chart with data is drawn, with no "0.000000" tick anywhere.
    await expect.poll(() => page.locator('[data-chart="types"] svg').count()).toBe(1);
    expect(await page.locator('.print-report svg').allInnerTexts()).not.toContainEqual(
      expect.stringContaining('0.000000'),
    );
  });

  it('the het/hom-alt median of four samples is the mean of the middle two', async () => {
    const { page } = app;
    await summarise(page, FOUR);
    const ratios = nativeRatios(FOUR).sort((a, b) => a - b);
    expect(ratios).toHaveLength(4);
    const median = (ratios[1]! + ratios[2]!) / 2;
    expect(median.toFixed(2)).not.toBe(ratios[2]!.toFixed(2));
    expect(await page.locator('[data-metric="hetHom"] .value').innerText()).toBe(median.toFixed(2));
  });

  it('the variant browser says which allele counts it shows, and a bad expression replaces the table', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Variant browser', exact: true }).click();
    await page.getByLabel('VCF or BCF file').selectOption(VCF);
    await page.getByRole('textbox', { name: 'Region' }).fill('22:50300000-50310000');
    await page.getByRole('checkbox', { name: 'HG00097' }).check();
    await expect.poll(() => page.getByTestId('count-note').innerText()).toContain("the file's own values");
    await page.getByRole('combobox', { name: 'Genotype', exact: true }).selectOption('alt');
    await expect
      .poll(() => page.getByTestId('count-note').innerText())
      .toContain('AC and AN recounted by bcftools view -s over the ticked samples (HG00097) only');
    await page.getByRole('button', { name: 'Show variants' }).click();
    await expect.poll(() => page.getByTestId('variant-count').innerText(), { timeout: 120_000 }).toMatch(/ variants$/);
    await page.getByRole('combobox', { name: 'Genotype', exact: true }).selectOption('het');
    await page.getByLabel('Expression', { exact: true }).fill('INFO/AF<<0.05');
    await page.getByRole('button', { name: 'Show variants' }).click();
    await expect
      .poll(() => page.getByRole('alert').allInnerTexts(), { timeout: 120_000 })
      .toContainEqual(expect.stringContaining('the expression "(INFO/AF<<0.05) && GT="het""'));
    expect(await page.getByTestId('variant-count').count()).toBe(0);
  });
});
