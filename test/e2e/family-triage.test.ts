// Family triage as a person runs it in the built app with the real wasm tools: open the teaching family (a
// synthetic trio), choose its PED, GFF3 and FASTA, run, and see the planted candidates per mode with their reasons,
// the compound het's two sides, the no-call de novo marked, dominant "not applicable", and the steps in History.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './support/browser';
import { tableRows } from './support/report';

interface Truth {
  mode: string;
  id: string;
  unconfirmed: boolean;
  ifFatherAffected: boolean;
}
const TRUTH = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'family', 'teaching.truth.json'), 'utf8')) as {
    truth: Truth[];
  }
).truth;
const planted = (mode: string) =>
  [...new Set(TRUTH.filter((t) => t.mode === mode && !t.ifFatherAffected).map((t) => t.id))].sort();
const shown = (rows: Record<string, string>[]) =>
  rows.map((r) => r['variant']!.split(':').slice(0, 2).join(':')).sort();

describe('family triage on the teaching family', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext();
    context.setDefaultNavigationTimeout(120_000);
    context.setDefaultTimeout(60_000);
    app = await openApp({ browser, context });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the teaching family, runs the triage and shows the planted candidates with reasons', async () => {
    const { page } = app;
    await page.getByLabel('Notes').waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Try the teaching family' }).click();
    await expect.poll(() => page.getByText('teaching.ped').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Family triage (rare disease)', exact: true }).click();
    const form = page.getByRole('form', { name: 'Family triage (rare disease) settings' });
    await form.getByLabel('Joint-called VCF/BCF').selectOption('teaching.vcf.gz');
    await form.getByLabel('Pedigree (PED)').selectOption('teaching.ped');
    await form.getByLabel('Genes (Ensembl GFF3)').selectOption('teaching.gff3');
    await form.getByLabel('Reference FASTA').selectOption('teaching.fa');
    await page.getByRole('button', { name: 'Run Family triage (rare disease)' }).click();
    await page.locator('[data-metric]').first().waitFor({ timeout: 180_000 });

    const denovo = await tableRows(page, 'De novo');
    expect(shown(denovo)).toEqual(planted('denovo'));
    const noCall = TRUTH.find((t) => t.unconfirmed)!.id;
    const marked = denovo.find((r) => r['variant']!.startsWith(`${noCall}:`))!;
    expect(marked['flag']).toContain('a parent is not called here: not confirmed');
    expect(marked['mother GT']).toBe('./.');
    const first = denovo.find((r) => !r['flag'])!;
    expect(first['why it passed']).toMatch(/father \(FATHER\): ALT reads ≤ 1: 0 ALT reads ✓/);
    expect(first['consequence']).toMatch(/^(missense|stop_gained) /);

    expect(shown(await tableRows(page, 'Autosomal recessive (homozygous)'))).toEqual(planted('recessive'));
    expect(shown(await tableRows(page, 'X-linked recessive'))).toEqual(planted('x-recessive'));
    const comphet = await tableRows(page, 'Compound heterozygous');
    expect(shown(comphet)).toEqual(planted('comphet'));
    expect(new Set(comphet.map((r) => r['origin']))).toEqual(new Set(['maternal', 'paternal', 'de novo']));
    // The candidate table filters by text and sorts by a column (ascending, then descending).
    const section = page
      .locator('section.shown-table')
      .filter({ has: page.getByRole('table', { name: 'Compound heterozygous' }) });
    const gene = comphet[0]!['gene']!;
    await section.getByLabel('Filter rows').fill(gene);
    await expect
      .poll(async () => (await tableRows(page, 'Compound heterozygous')).map((r) => r['gene']))
      .toEqual(comphet.filter((r) => r['gene'] === gene).map((r) => r['gene']));
    await section.getByLabel('Filter rows').fill('');
    const sortBy = section.getByRole('button', { name: 'variant', exact: true });
    const byPosition = (rows: Record<string, string>[]) => rows.map((r) => Number(r['variant']!.split(':')[1]));
    await sortBy.click();
    await sortBy.click();
    await expect
      .poll(async () => byPosition(await tableRows(page, 'Compound heterozygous')))
      .toEqual(byPosition(comphet).sort((a, b) => b - a));
    expect(await section.getByRole('columnheader', { name: 'variant' }).getAttribute('aria-sort')).toBe('descending');
    await expect
      .poll(() => page.locator('[data-metric="dominant"]').innerText())
      .toContain('not applicable, because no parent in the VCF is affected');

    const family = await tableRows(page, 'Family');
    expect(family.map((r) => [r['sample'], r['chrX sex']])).toEqual([
      ['CHILD', 'male'],
      ['MOTHER', 'female'],
      ['FATHER', 'male'],
    ]);
    await expect
      .poll(() => page.getByText('bcftools csq -f teaching.fa -g teaching.gff3 -p a -l').count())
      .toBeGreaterThan(0);
  }, 400_000);
});
