// What a run writes is a file of the session, as issue #17 reproduced it: `samtools sort --write-index -o ce.bam`
// in the console gives ce.bam in Files (BAM, indexed, made by that run) which Alignment QC and the viewer use; the
// bgzip-and-index fix of a plain ex2.vcf gives ex2.vcf.gz, which the variant analyses offer, and its button goes;
// a failing step says what the tool said where the user looks. Numbers are compared with native samtools/bcftools.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { AppPage } from './support/browser';
import { openSessionWith } from './support/session-page';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const SAM = join(FIXTURES, 'ce#1000.sam');
const native = (program: string, args: string[]) => execFileSync(program, args, { encoding: 'utf8' });

/** "1000 + 0 in total (…)" → 1000, from native samtools flagstat of the unsorted SAM (sorting keeps every read). */
function flagstatCount(text: string, what: string): number {
  return Number(
    text
      .split('\n')
      .find((line) => line.includes(` ${what}`))!
      .split(' + ')[0],
  );
}

async function runInConsole(page: Page, line: string): Promise<void> {
  const command = page.getByRole('textbox', { name: 'Command' });
  await command.fill(line);
  await command.press('Enter');
  await page.getByRole('status').filter({ hasText: 'running' }).waitFor({ state: 'detached', timeout: 120_000 });
}

const fileRow = (page: Page, name: string): Locator =>
  page.getByTestId('file-row').filter({ has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) });
const metricValue = (page: Page, key: string) => page.locator(`[data-metric="${key}"] .value`).innerText();

async function runAnalysis(page: Page, title: string, label: string, file: string): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  const select = page.getByRole('form', { name: `${title} settings` }).getByLabel(label);
  await expect.poll(() => select.locator('option').allInnerTexts()).toContain(file);
  await select.selectOption(file);
  await page.getByRole('button', { name: `Run ${title}` }).click();
  await expect.poll(() => page.locator('#result-heading').innerText(), { timeout: 120_000 }).toContain(file);
  await page.locator('[data-metric]').first().waitFor({ timeout: 120_000 });
}

describe('outputs are files', () => {
  let browser: Browser;
  let app: AppPage;
  const dir = mkdtempSync(join(tmpdir(), 'lokus-outputs-'));
  // A plain VCF as a user has one: the ex1 calls, decompressed by native bgzip.
  const ex2 = join(dir, 'ex2.vcf');
  writeFileSync(ex2, native('bgzip', ['-dc', join(FIXTURES, 'ex1.calls.vcf.gz')]));
  // The same records last-first: bgzip takes it, tabix refuses it (unsorted positions).
  const lines = native('bgzip', ['-dc', join(FIXTURES, 'ex1.calls.vcf.gz')])
    .trimEnd()
    .split('\n');
  const unsorted = join(dir, 'unsorted.vcf');
  writeFileSync(
    unsorted,
    [...lines.filter((l) => l.startsWith('#')), ...lines.filter((l) => !l.startsWith('#')).reverse()].join('\n') + '\n',
  );

  beforeAll(async () => {
    ({ browser, app } = await openSessionWith([SAM, join(FIXTURES, 'ce.fa'), join(FIXTURES, 'ce.fa.fai')]));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a BAM sorted in the console is in Files with its format, index and the run that made it', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 60_000 }).toBe(3);
    await runInConsole(page, 'samtools sort --write-index -o ce.bam ce#1000.sam');
    const row = fileRow(page, 'ce.bam');
    await expect.poll(() => row.innerText(), { timeout: 30_000 }).toMatch(/BAM[\s\S]*indexed by ce\.bam\.csi/);
    expect(await row.getByTestId('file-origin').innerText()).toContain(
      'samtools sort --write-index -o ce.bam ce#1000.sam',
    );
    // The origin links to that run in the history, which opens.
    await row.getByTestId('file-origin').getByRole('link').click();
    const run = page.getByTestId('run').filter({ hasText: 'samtools sort --write-index' });
    await expect.poll(() => run.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
    expect(await fileRow(page, 'ce.bam.csi').innerText()).toContain('CSI');
  });

  it('Alignment QC offers ce.bam at once and reports what native samtools reports', async () => {
    const { page } = app;
    const flagstat = native('samtools', ['flagstat', SAM]);
    await runAnalysis(page, 'Alignment QC', 'Alignments', 'ce.bam');
    expect(await metricValue(page, 'reads')).toBe(flagstatCount(flagstat, 'in total').toLocaleString('en-US'));
    const mapped = flagstat.split('\n').find((line) => line.includes(' mapped ('))!;
    expect(await metricValue(page, 'mappedPct')).toBe(`${/\(([\d.]+)%/.exec(mapped)![1]}%`);
  });

  it('the viewer shows ce.bam on ce.fa and draws its reads', async () => {
    const { page } = app;
    const viewer = page.getByTestId('igv-container');
    await expect.poll(() => viewer.getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
    await expect
      .poll(() => page.locator('[data-testid="igv-container"] .igv-track-label').allInnerTexts(), { timeout: 30_000 })
      .toContain('ce.bam');
    expect(await page.getByText('create it (Files panel').count()).toBe(0);
    const box = page.getByLabel('Locus or gene');
    await box.fill('CHROMOSOME_I:1-200');
    await box.press('Enter');
    await expect.poll(() => viewer.getAttribute('data-locus')).toBe('CHROMOSOME_I:1-200');
  });

  it('is kept with the session after a reload, and leaves only when the user removes it', async () => {
    const { page } = app;
    await page.reload();
    await expect
      .poll(() => fileRow(page, 'ce.bam').innerText(), { timeout: 60_000 })
      .toMatch(/BAM[\s\S]*indexed by ce\.bam\.csi[\s\S]*Made by/);
    await page.getByRole('button', { name: 'Remove ce.bam from the session' }).click();
    await expect.poll(() => fileRow(page, 'ce.bam').count()).toBe(0);
    await page.reload();
    await expect.poll(() => fileRow(page, 'ce.bam.csi').count(), { timeout: 60_000 }).toBe(1);
    expect(await fileRow(page, 'ce.bam').count()).toBe(0);
    // The run keeps what it wrote: the history still offers it for download.
    const run = page.getByTestId('run').filter({ hasText: 'samtools sort --write-index' });
    await run.locator('summary').click();
    expect(await run.getByRole('button', { name: 'Download ce.bam', exact: true }).count()).toBe(1);
  });

  it('bgzip and index of a plain VCF: ex2.vcf.gz joins Files, the button goes, Variant summary offers it', async () => {
    const { page } = app;
    await page.getByLabel('Open files', { exact: true }).setInputFiles([ex2]);
    const plain = fileRow(page, 'ex2.vcf');
    await plain.getByRole('button', { name: 'Compress with bgzip and index' }).click();
    await expect
      .poll(() => fileRow(page, 'ex2.vcf.gz').innerText(), { timeout: 60_000 })
      .toMatch(/VCF[\s\S]*indexed by ex2\.vcf\.gz\.tbi[\s\S]*Made by/);
    await expect.poll(() => plain.innerText()).toContain('Compressed and indexed as ex2.vcf.gz');
    expect(await plain.getByRole('button', { name: 'Compress with bgzip and index' }).count()).toBe(0);
    const stats = native('bcftools', ['stats', join(FIXTURES, 'ex1.calls.vcf.gz')]);
    const sn = (key: string) =>
      stats
        .split('\n')
        .find((line) => line.startsWith('SN\t') && line.includes(`\t${key}:\t`))!
        .split('\t')[3]!;
    await runAnalysis(page, 'Variant summary', 'Variants', 'ex2.vcf.gz');
    expect(await metricValue(page, 'records')).toBe(Number(sn('number of records')).toLocaleString('en-US'));
    expect(await metricValue(page, 'snps')).toBe(Number(sn('number of SNPs')).toLocaleString('en-US'));
    expect(await metricValue(page, 'indels')).toBe(Number(sn('number of indels')).toLocaleString('en-US'));
  });

  it('a step that fails says what the tool said, in the notice at the top', async () => {
    const { page } = app;
    await page.getByLabel('Open files', { exact: true }).setInputFiles([unsorted]);
    await fileRow(page, 'unsorted.vcf').getByRole('button', { name: 'Compress with bgzip and index' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'tabix -p vcf unsorted.vcf.gz failed' });
    await expect.poll(() => alert.innerText(), { timeout: 60_000 }).toContain('Unsorted positions');
    // bgzip's part worked: the compressed copy is a file (without an index), and the fix is offered again.
    await expect.poll(() => fileRow(page, 'unsorted.vcf.gz').count()).toBe(1);
  });
});
