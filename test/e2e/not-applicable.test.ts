// Checks that cannot answer say so, as a person meets them in the built app with the real wasm tools: somatic
// hotspots on a non-human BAM, sample sex on a call set without chrX, and a variant-browser region in the other
// contig naming ("chr22" on a file whose contig is "22"), which is offered in the file's naming.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AppPage } from './support/browser';
import { openSessionWith } from './support/session-page';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const VCF = '1kg_phase1_chr22_5samples.vcf.gz';

async function runAnalysis(page: Page, title: string, inputs: Record<string, string>): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  for (const [label, file] of Object.entries(inputs)) await page.getByLabel(label).selectOption(file);
  await page.getByRole('button', { name: `Run ${title}` }).click();
  await expect.poll(() => page.locator('#result-heading').innerText()).toContain(`${title}: `);
}

/** The "Not applicable" notice of the open result, once the run has ended. */
async function notApplicable(page: Page): Promise<string> {
  const notice = page.locator('[data-outcome="not-applicable"]');
  await notice.waitFor({ timeout: 120_000 });
  return notice.innerText();
}

describe('a check that cannot answer says so', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    ({ browser, app } = await openSessionWith(
      ['ex1.bam', 'ex1.bam.bai', VCF, `${VCF}.tbi`].map((name) => join(FIXTURES, name)),
    ));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('somatic hotspots on a non-human BAM: not applicable, with the contigs and what to do', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 60_000 }).toBe(4);
    await runAnalysis(page, 'Somatic hotspots', { 'Tumour alignments': 'ex1.bam' });
    const text = await notApplicable(page);
    expect(text).toContain('Not applicable');
    expect(text).toContain('(seq1, seq2) are not those of the human genome');
    expect(text).toContain('What to do:');
    // Not "done, 0 found": no summary cards, no hotspot table, and the run list says so.
    expect(await page.locator('[data-metric]').count()).toBe(0);
    expect(await page.getByText('Hotspots detected').count()).toBe(0);
    expect(await page.locator('.print-report').getByRole('heading', { name: 'Hotspots', exact: true }).count()).toBe(0);
    const row = page.getByRole('list', { name: 'Analysis runs' }).getByRole('listitem').first();
    await expect.poll(() => row.innerText()).toContain('not applicable');
  });

  it('sample sex on a call set without chrX says there are no chrX records', async () => {
    const { page } = app;
    // The four opened files, and the files the hotspot run made.
    await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
    // Both slots are optional: the alignments may have been filled in; the call set is the one to read.
    await page.getByRole('button', { name: 'Sample sex', exact: true }).click();
    await page.getByLabel('Alignments (BAM/CRAM)').selectOption('');
    await runAnalysis(page, 'Sample sex', { 'Call set (VCF/BCF)': VCF });
    const text = await notApplicable(page);
    expect(text).toContain('the call set has no chrX records');
    expect(await page.locator('[data-metric]').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Inferred sex' }).count()).toBe(0);
  });

  it('the variant browser says the region is in the other naming and offers the file’s', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Variant browser', exact: true }).click();
    await expect.poll(() => page.getByLabel('VCF or BCF file').locator('option').allInnerTexts()).toContain(VCF);
    await page.getByLabel('VCF or BCF file').selectOption(VCF);
    await page.getByRole('textbox', { name: 'Region' }).fill('chr22:50300000-50400000');
    await page.getByText('This file has no contig "chr22": it names its contigs 22.').waitFor();
    expect(await page.getByRole('button', { name: 'Show variants' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Use 22:50300000-50400000' }).click();
    expect(await page.getByRole('textbox', { name: 'Region' }).inputValue()).toBe('22:50300000-50400000');
    await page.getByRole('button', { name: 'Show variants' }).click();
    // native bcftools counts the records of the region in the file's naming
    const native = execFileSync('bcftools', ['view', '-H', '-r', '22:50300000-50400000', VCF], { cwd: FIXTURES })
      .toString()
      .split('\n')
      .filter(Boolean).length;
    expect(native).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('variant-count').innerText(), { timeout: 120_000 })
      .toBe(`${native.toLocaleString('en-US')} variants`);
  });
});
