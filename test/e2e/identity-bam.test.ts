// Sample identity with a BAM first, as a person runs it in the built app with the real wasm tools: the synthetic
// HG00096 reads (scripts/gen-identity-bam.mjs) are genotyped at a VCF's sites and compared with it, and the shown
// figures must be what native bcftools printed (test/fixtures/expected/clinical/identity-bam-*).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AppPage } from './support/browser';
import { openSessionWith } from './support/session-page';
import { round2, tableRows } from './support/report';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const FILES = [
  'identity.HG00096.bam',
  'identity.HG00096.bam.bai',
  'identity.ref.fa.gz',
  'identity.ref.fa.gz.fai',
  'identity.ref.fa.gz.gzi',
  'identity.HG00096.b.vcf.gz',
  'identity.HG00096.b.vcf.gz.tbi',
  'identity.HG00097.vcf.gz',
  'identity.HG00097.vcf.gz.tbi',
];
/** The DC line of a native gtcheck case: query, genotyped, discordance, -log P(HWE), sites. */
const nativeDc = (name: string): string[] =>
  (
    JSON.parse(readFileSync(join(FIXTURES, 'expected', 'clinical', `${name}.json`), 'utf8')) as { stdout: string }
  ).stdout
    .split('\n')
    .find((l) => l.startsWith('DC\t'))!
    .split('\t')
    .slice(1);

describe('Sample identity: a BAM against a VCF', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    ({ browser, app } = await openSessionWith(FILES.map((name) => join(FIXTURES, name))));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the BAM, its index, the reference and the VCFs', async () => {
    await expect.poll(() => app.page.getByTestId('file-row').count(), { timeout: 60_000 }).toBe(FILES.length);
  });

  it('asks for the reference before it genotypes a BAM', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Sample identity', exact: true }).click();
    await page.getByLabel('First call set', { exact: false }).selectOption('identity.HG00096.bam');
    await page.getByLabel('Second call set', { exact: false }).selectOption('identity.HG00096.b.vcf.gz');
    // The session's only FASTA is offered for the BAM; without it the analysis cannot run.
    await expect
      .poll(() => page.getByLabel('Reference FASTA', { exact: false }).inputValue())
      .toBe('identity.ref.fa.gz');
    await page.getByLabel('Reference FASTA', { exact: false }).selectOption('');
    await expect.poll(() => page.locator('.problems').innerText()).toMatch(/open the FASTA it was aligned to/);
    expect(await page.getByRole('button', { name: 'Run Sample identity' }).isDisabled()).toBe(true);
  });

  it.each([
    ['identity.HG00096.b.vcf.gz', 'identity-bam-same-4-gtcheck', 'same person'],
    ['identity.HG00097.vcf.gz', 'identity-bam-different-4-gtcheck', 'different people'],
  ])(
    'genotypes the HG00096 reads at the sites of %s and gives native bcftools’ figures: %s',
    async (second, caseName, verdict) => {
      const { page } = app;
      if (await page.getByRole('button', { name: 'Close result' }).count())
        await page.getByRole('button', { name: 'Close result' }).click();
      await page.getByRole('button', { name: 'Sample identity', exact: true }).click();
      await page.getByLabel('First call set', { exact: false }).selectOption('identity.HG00096.bam');
      await page.getByLabel('Second call set', { exact: false }).selectOption(second);
      await page.getByLabel('Reference FASTA', { exact: false }).selectOption('identity.ref.fa.gz');
      await page.getByRole('button', { name: 'Run Sample identity' }).click();
      await expect
        .poll(() => page.locator('#result-heading').innerText(), { timeout: 30_000 })
        .toContain('identity.HG00096.bam');
      const [query, genotyped, discordance, , sites] = nativeDc(caseName);
      const rows = await tableRows(page, 'Identity verdict');
      expect(rows).toEqual([
        {
          'first sample': query,
          'second sample': genotyped,
          'sites compared': sites,
          mismatches: discordance,
          'discordance %': round2((100 * Number(discordance)) / Number(sites)),
          verdict,
        },
      ]);
      expect(await page.locator('[data-metric="discordancePct"]').innerText()).toContain(verdict);
      // The genotypes called from the BAM join the session's files.
      const calls = `identity.HG00096.bam.identity.${second.replace(/\.vcf\.gz$/, '')}.vcf.gz`;
      await expect
        .poll(() => page.getByTestId('file-row').filter({ hasText: calls }).count(), { timeout: 60_000 })
        .toBeGreaterThan(0);
    },
  );

  it('made no request outside the app origin and logged no error', () => {
    expect(app.offOrigin()).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
