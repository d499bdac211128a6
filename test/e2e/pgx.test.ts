// Pharmacogenomics as a person runs it in the built app with the real wasm bcftools: open a VCF, run the
// analysis, read the diplotype/phenotype table and the caveats, and download the PharmCAT outside-call file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './support/browser';
import { reportViolations, tableRows } from './support/report';

const PGX = join(import.meta.dirname, '..', 'fixtures', 'pgx');

/** Runs the analysis on these inputs; returns the console commands the form showed for it. */
async function runPgx(page: Page, inputs: Record<string, string>): Promise<string> {
  if (await page.getByRole('button', { name: 'Close result' }).count())
    await page.getByRole('button', { name: 'Close result' }).click();
  await page.getByRole('button', { name: 'Pharmacogenomics', exact: true }).click();
  for (const [label, file] of Object.entries(inputs)) await page.getByLabel(label, { exact: false }).selectOption(file);
  const commands =
    (await page.getByRole('form', { name: 'Pharmacogenomics settings' }).locator('pre').textContent()) ?? '';
  await page.getByRole('button', { name: 'Run Pharmacogenomics' }).click();
  await expect
    .poll(() => page.locator('#result-heading').innerText(), { timeout: 30_000 })
    .toContain(Object.values(inputs)[0]!);
  await page.locator('[data-metric], .result [role="alert"]').first().waitFor({ timeout: 120_000 });
  const alert = page.locator('.result [role="alert"]');
  if (await alert.count()) throw new Error(`The analysis failed: ${await alert.innerText()}`);
  return commands;
}

describe('pharmacogenomics', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    // axe-core is injected as an inline script, which the app's own CSP rightly forbids.
    const context = await browser.newContext({ acceptDownloads: true, bypassCSP: true });
    context.setDefaultNavigationTimeout(120_000);
    context.setDefaultTimeout(60_000);
    app = await openApp({ browser, context });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the PGx VCFs', async () => {
    const { page } = app;
    await page.getByLabel('Notes').waitFor({ timeout: 120_000 });
    const files = ['pgx-grch37-allsites.vcf', 'pgx-grch38-variants.vcf.gz', 'pgx-grch38-variants.vcf.gz.tbi'];
    await page.getByLabel('Open files', { exact: true }).setInputFiles(files.map((name) => join(PGX, name)));
    await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 60_000 }).toBe(files.length);
  });

  it('calls diplotypes and CPIC phenotypes from an all-sites GRCh37 VCF and says what it cannot do', async () => {
    const { page } = app;
    const commands = await runPgx(page, { 'Variants (VCF/BCF)': 'pgx-grch37-allsites.vcf' });
    expect(commands).toMatch(/^bcftools view --no-version --targets-overlap record -t 1:\d+,/); // no index: streamed
    const genes = await tableRows(page, 'Pharmacogenomic calls');
    const byGene = Object.fromEntries(genes.map((g) => [g['Gene'] ?? g['gene'], g]));
    const cell = (gene: string, column: string) => byGene[gene]![column] ?? byGene[gene]![column.toLowerCase()];
    expect(cell('CYP2C19', 'Diplotype')).toBe('*2/*2');
    expect(cell('CYP2C19', 'Phenotype')).toBe('Poor Metabolizer');
    expect(cell('CYP2C9', 'Diplotype')).toBe('*1/*3');
    expect(cell('CYP2C9', 'Phenotype')).toBe('Intermediate Metabolizer');
    expect(cell('TPMT', 'Diplotype')).toBe('*1/*3A');
    expect(cell('NUDT15', 'Phenotype')).toBe('Intermediate Metabolizer');
    // CPIC/PharmVar *4 is 1846G>A alone (PharmCAT CYP2D6_translation.json 2024-11-06: R at 100C>T); the fixture is
    // het at 1846 and reference at 100, so *1/*4, activity 0 + 1 (PharmCAT phenotype/cpic/CYP2D6.json: 1.0 IM).
    expect(cell('CYP2D6', 'Diplotype')).toBe('*1/*4');
    expect(cell('CYP2D6', 'Phenotype')).toBe('Intermediate Metabolizer');
    expect(cell('CYP2D6', 'Activity score')).toBe('1');
    const positions = await tableRows(page, 'Genotypes at the defining positions');
    expect(positions.length).toBe(38);
    const rs16947 = Object.values(positions.find((p) => Object.values(p).includes('rs16947'))!).join(' ');
    expect(rs16947).toMatch(/GRCh37 carries A/);
    const report = await page.locator('.print-report').innerText();
    expect(report).toMatch(/For research and education only, not for clinical decisions/);
    expect(report).toMatch(
      /CYP2D6 is called from SNVs and small indels only: copy number, the whole-gene deletion \(\*5\), duplications and CYP2D6\/CYP2D7 hybrids are not assessed/,
    );
    expect(await reportViolations(page)).toEqual([]);
  });

  it('downloads the PharmCAT outside-call file', async () => {
    const { page } = app;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PharmCAT outside calls (TSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('pgx-grch37-allsites.vcf.outside-calls.tsv');
    const lines = readFileSync((await file.path())!, 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(
      /^# PharmCAT outside calls from Lokus \(pgx-grch37-allsites\.vcf, sample PGX_SAMPLE, GRCh37\)/,
    );
    for (const call of [
      'CYP2C19\t*2/*2',
      'CYP2C9\t*1/*3',
      'CYP2D6\t*1/*4',
      'TPMT\t*1/*3A',
      'NUDT15\t*1/*3',
      'SLCO1B1\t*1/*1',
      'DPYD\tReference/Reference',
    ])
      expect(lines).toContain(call);
  });

  it('reports positions absent from a variant-only VCF as not called', async () => {
    const { page } = app;
    const commands = await runPgx(page, { 'Variants (VCF/BCF)': 'pgx-grch38-variants.vcf.gz' });
    expect(commands).toMatch(/^bcftools view --no-version -r 1:\d+-\d+,/); // its .tbi is open: through the index
    const genes = await tableRows(page, 'Pharmacogenomic calls');
    const nudt15 = genes.find((g) => Object.values(g).includes('NUDT15'))!;
    expect(Object.values(nudt15)).toContain('not called');
    const positions = await tableRows(page, 'Genotypes at the defining positions');
    const rs12248560 = positions.find((p) => Object.values(p).includes('rs12248560'))!;
    expect(Object.values(rs12248560)).toContain('not called');
    expect(Object.values(rs12248560).join(' ')).toMatch(/absent from the input/);
    // A note about the GRCh37 reference never shows on a GRCh38 run.
    expect(positions.map((p) => Object.values(p).join(' ')).join('\n')).not.toMatch(/GRCh37/);
  });

  it('genotypes the defining positions from a BAM: covered reference, heterozygous, homozygous and uncovered', async () => {
    const { page } = app;
    const files = [
      'pgx-chr10.bam',
      'pgx-chr10.bam.bai',
      'pgx-chr10.fa.gz',
      'pgx-chr10.fa.gz.fai',
      'pgx-chr10.fa.gz.gzi',
    ];
    const before = await page.getByTestId('file-row').count();
    await page.getByLabel('Open files', { exact: true }).setInputFiles(files.map((name) => join(PGX, name)));
    await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 60_000 }).toBe(before + files.length);
    await runPgx(page, {
      'Or alignments (BAM/CRAM)': 'pgx-chr10.bam',
      'Reference FASTA (for BAM/CRAM)': 'pgx-chr10.fa.gz',
    });
    const positions = await tableRows(page, 'Genotypes at the defining positions');
    const at = (rsid: string) => Object.values(positions.find((p) => Object.values(p).includes(rsid))!);
    expect(at('rs12248560')).toEqual(expect.arrayContaining(['C/C', 'reference']));
    expect(at('rs4244285')).toEqual(expect.arrayContaining(['G/A', 'heterozygous']));
    expect(at('rs3758581')).toEqual(expect.arrayContaining(['G/G', 'homozygous variant']));
    expect(at('rs4986893')).toEqual(expect.arrayContaining(['not called']));
    const genes = await tableRows(page, 'Pharmacogenomic calls');
    expect(Object.values(genes.find((g) => Object.values(g).includes('CYP2C9'))!)).toEqual(
      expect.arrayContaining(['*1/*3', 'Intermediate Metabolizer']),
    );
    expect(Object.values(genes.find((g) => Object.values(g).includes('CYP2C19'))!)).toEqual(
      expect.arrayContaining(['*1/*2 or *2/*3']),
    );
  });
});
