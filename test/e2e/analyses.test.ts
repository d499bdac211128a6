// Analyses as a person runs them: open the fixtures, run Alignment QC on ex1.bam and Variant summary on the
// 1000 Genomes VCF with the real wasm tools, and check the numbers shown against native samtools/bcftools.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './support/browser';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const expected = (name: string) => readFileSync(join(FIXTURES, 'expected', name), 'utf8');

/** "3144 + 0 properly paired (95.07% : N/A)" -> the count and percentage native samtools printed. */
function flagstatLine(label: string): { count: number; percent?: string } {
  const line = expected('samtools-flagstat.stdout')
    .split('\n')
    .find((l) => new RegExp(`^\\d+ \\+ \\d+ ${label}( \\(|$)`).test(l))!;
  return { count: Number(line.split(' ')[0]), percent: /\(([\d.]+)%/.exec(line)?.[1] };
}

/** The value after "<key>:" on a stats SN line (samtools: SN, key, value, comment; bcftools: SN, id, key, value). */
function statsValue(text: string, prefix: string, key: string): string {
  const fields = text
    .split('\n')
    .find((l) => l.startsWith(`${prefix}\t`) && l.includes(`\t${key}:\t`))!
    .split('\t');
  return fields[fields.indexOf(`${key}:`) + 1]!;
}

const metricValue = (page: Page, key: string) => page.locator(`[data-metric="${key}"] .value`).innerText();

async function runAnalysis(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  await page.getByRole('button', { name: `Run ${title}` }).click();
  await page.locator('[data-metric]').first().waitFor({ timeout: 120_000 });
}

describe('analyses', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ acceptDownloads: true });
    // The machine that runs CI also compiles; page loads and tool runs can be slow there.
    context.setDefaultNavigationTimeout(120_000);
    context.setDefaultTimeout(60_000);
    app = await openApp({ browser, context });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the fixtures through the file input', async () => {
    const { page } = app;
    // Files picked before the session has started would have nowhere to go: wait for it (its notes box).
    await page.getByLabel('Notes').waitFor({ timeout: 120_000 });
    await page
      .getByLabel('Open files', { exact: true })
      .setInputFiles(
        ['ex1.bam', 'ex1.bam.bai', '1kg_phase1_chr22_5samples.vcf.gz', '1kg_phase1_chr22_5samples.vcf.gz.tbi'].map(
          (name) => join(FIXTURES, name),
        ),
      );
    await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 30_000 }).toBe(4);
  });

  it('runs Alignment QC on ex1.bam and shows what native samtools reports', async () => {
    const { page } = app;
    await runAnalysis(page, 'Alignment QC');
    expect(await metricValue(page, 'reads')).toBe(flagstatLine('in total').count.toLocaleString('en-US'));
    expect(await metricValue(page, 'mappedPct')).toBe(`${flagstatLine('mapped').percent}%`);
    expect(await metricValue(page, 'properlyPairedPct')).toBe(`${flagstatLine('properly paired').percent}%`);
    const stats = expected('samtools-stats.stdout');
    expect(await metricValue(page, 'errorRatePct')).toBe(
      `${(100 * Number(statsValue(stats, 'SN', 'error rate'))).toFixed(2)}%`,
    );
    expect(await page.locator('[data-metric="mappedPct"]').innerText()).toMatch(/pass/i);
    for (const chart of [
      'coverage',
      'insert-sizes',
      'mapq',
      'quality-by-cycle',
      'gc-depth',
      'indels-per-cycle',
      'reads-per-contig',
    ]) {
      await expect
        .poll(() => page.locator(`[data-chart="${chart}"] svg`).count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
    }
    await expect.poll(() => page.getByTestId('run').count()).toBeGreaterThanOrEqual(7);
  });

  it('applies a changed threshold at once', async () => {
    const { page } = app;
    await page.getByText('Thresholds').click();
    await page.getByLabel('Mean coverage: pass threshold').fill('1000');
    await page.getByLabel('Mean coverage: warn threshold').fill('500');
    await page.getByLabel('Mean coverage: warn threshold').press('Tab');
    await expect.poll(() => page.locator('[data-metric="meanCoverage"]').innerText()).toMatch(/fail/i);
  });

  it('exports a chart as SVG and PNG, and a table as TSV', async () => {
    const { page } = app;
    const save = async (name: string) => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name }).first().click();
      return readFileSync((await (await download).path())!);
    };
    const svg = (await save('Save Coverage distribution as SVG')).toString('utf8');
    expect(svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>$/);
    const png = await save('Save Coverage distribution as PNG');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const download = page.waitForEvent('download');
    await page.locator('.table-export').filter({ hasText: 'contigs' }).getByRole('button', { name: 'TSV' }).click();
    const tsv = readFileSync((await (await download).path())!, 'utf8');
    expect(tsv.split('\n').slice(0, 3)).toEqual([
      'name\tlength\tmapped\tunmapped',
      ...expected('samtools-idxstats.stdout').split('\n').slice(0, 2),
    ]);
  });

  it('runs Variant summary on the 1000 Genomes VCF and shows what native bcftools reports', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Close result' }).click();
    await runAnalysis(page, 'Variant summary');
    const stats = expected('bcftools-stats.stdout');
    expect(await metricValue(page, 'records')).toBe(
      Number(statsValue(stats, 'SN', 'number of records')).toLocaleString('en-US'),
    );
    expect(await metricValue(page, 'snps')).toBe(
      Number(statsValue(stats, 'SN', 'number of SNPs')).toLocaleString('en-US'),
    );
    expect(await metricValue(page, 'indels')).toBe(
      Number(statsValue(stats, 'SN', 'number of indels')).toLocaleString('en-US'),
    );
    const tstv = stats
      .split('\n')
      .find((l) => l.startsWith('TSTV\t'))!
      .split('\t');
    expect(await metricValue(page, 'tstv')).toBe(tstv[4]);
    for (const chart of ['types', 'substitutions', 'indel-lengths', 'quality', 'per-sample', 'het-hom']) {
      await expect
        .poll(() => page.locator(`[data-chart="${chart}"] svg`).count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
    }
  });

  it('browses variants of a region and explains a mistyped expression', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Variant browser', exact: true }).click();
    await page.getByLabel('VCF or BCF file').selectOption('1kg_phase1_chr22_5samples.vcf.gz');
    await page.getByLabel('Region').fill('22:50300000-50310000');
    await page.getByRole('button', { name: 'Show variants' }).click();
    const native = readFileSync(
      join(FIXTURES, 'tool-output', 'bcftools-query.1kg_phase1_chr22_5samples.vcf.gz.region.txt'),
      'utf8',
    )
      .trimEnd()
      .split('\n');
    await expect
      .poll(() => page.getByTestId('variant-count').innerText(), { timeout: 60_000 })
      .toBe(`${native.length} variants`);
    const firstRow = await page
      .getByRole('region', { name: 'Variants' })
      .locator('tbody tr:not(.spacer)')
      .first()
      .locator('td')
      .allInnerTexts();
    expect(firstRow.slice(0, 7)).toEqual(native[0]!.split('\t').slice(0, 7));
    // Virtualised: only the rows in view are in the page; scrolling to the end shows the last one.
    const table = page.getByRole('region', { name: 'Variants' });
    expect(await table.locator('tbody tr:not(.spacer)').count()).toBeLessThan(60);
    await table.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect
      .poll(() => table.locator('tbody tr:not(.spacer)').last().locator('td').nth(1).innerText())
      .toBe(native.at(-1)!.split('\t')[1]);
    // The filtered set as VCF (bcftools view with the same filters) holds the same records.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export VCF' }).click();
    const vcf = gunzipSync(readFileSync((await (await download).path())!)).toString('utf8');
    expect(vcf.split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toHaveLength(native.length);
    await page.getByLabel('Expression', { exact: true }).fill('XYZ>1');
    await page.getByRole('button', { name: 'Show variants' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'XYZ' }).innerText(), { timeout: 60_000 })
      .toMatch(/which this file does not define/);
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
  });

  it('finds the analysis runs again after a reload', async () => {
    const { page } = app;
    await page.reload();
    const runs = page.getByRole('list', { name: 'Analysis runs' }).getByRole('button');
    await expect.poll(() => runs.count(), { timeout: 30_000 }).toBe(2);
    await runs.filter({ hasText: 'Alignment QC' }).click();
    await page.locator('[data-metric="reads"]').waitFor({ timeout: 30_000 });
    expect(await metricValue(page, 'reads')).toBe(flagstatLine('in total').count.toLocaleString('en-US'));
  });

  it('runs FASTQ QC on a read pair and shows what native seqtk reports', async () => {
    const { page } = app;
    await page
      .getByLabel('Open files', { exact: true })
      .setInputFiles(['ex1_R1.fastq.gz', 'ex1_R2.fastq.gz'].map((name) => join(FIXTURES, name)));
    await page.getByRole('button', { name: 'FASTQ QC', exact: true }).click();
    await expect.poll(() => page.getByLabel('Mates (R2) (optional)').inputValue()).toBe('ex1_R2.fastq.gz');
    await page.getByRole('button', { name: 'Run FASTQ QC' }).click();
    await page.locator('[data-metric="reads.R1"]').waitFor({ timeout: 120_000 });
    for (const read of ['R1', 'R2']) {
      const comp = readFileSync(join(FIXTURES, 'tool-output', `seqtk-comp.ex1_${read}.fastq.gz.txt`), 'utf8')
        .trimEnd()
        .split('\n');
      const all = readFileSync(join(FIXTURES, 'tool-output', `seqtk-fqchk.ex1_${read}.fastq.gz.txt`), 'utf8')
        .split('\n')
        .find((l) => l.startsWith('ALL\t'))!
        .split('\t');
      expect(await metricValue(page, `reads.${read}`)).toBe(comp.length.toLocaleString('en-US'));
      expect(await metricValue(page, `meanQuality.${read}`)).toBe(`Q${all[7]}`);
    }
    await expect.poll(() => page.locator('[data-chart="quality-by-position"] svg').count()).toBeGreaterThan(0);
  });

  it('runs Alignment QC on the CRAM copy with its reference and gets the BAM’s numbers', async () => {
    const { page } = app;
    await page
      .getByLabel('Open files', { exact: true })
      .setInputFiles(['ex1.cram', 'ex1.cram.crai', 'ex1.fa'].map((name) => join(FIXTURES, name)));
    await page.getByRole('button', { name: 'Alignment QC', exact: true }).click();
    await page.getByLabel('Alignments').selectOption('ex1.cram');
    await expect.poll(() => page.getByText('A CRAM file is read with the reference').count()).toBe(1);
    await page.getByLabel('Reference FASTA (optional)').selectOption('ex1.fa');
    await page.getByRole('button', { name: 'Run Alignment QC' }).click();
    await expect.poll(() => page.locator('#result-heading').innerText(), { timeout: 30_000 }).toContain('ex1.cram');
    await page.locator('[data-metric="mappedPct"]').waitFor({ timeout: 120_000 });
    expect(await metricValue(page, 'reads')).toBe(flagstatLine('in total').count.toLocaleString('en-US'));
    expect(await metricValue(page, 'mappedPct')).toBe(`${flagstatLine('mapped').percent}%`);
  });

  it('made no request outside the app origin', () => {
    expect(app.offOrigin()).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
