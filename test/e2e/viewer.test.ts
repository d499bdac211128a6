// The genome viewer as a person uses it: open the reference, reads, variants and an annotation, go to a locus,
// a gene and a variant row of the variant browser, see the reads drawn, export the view, reload and find the
// same view; no request leaves the origin.
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './support/browser';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const FILES = ['ex1.fa', 'ex1.fa.fai', 'ex1.bam', 'ex1.bam.bai', 'ex1.calls.vcf.gz', 'ex1.calls.vcf.gz.csi'].map(
  (name) => join(FIXTURES, name),
);
/** A tiny named annotation on the ex1 sequences, for the gene search. */
const GENES = {
  name: 'ex1.genes.bed',
  mimeType: 'text/plain',
  buffer: Buffer.from('seq1\t90\t210\tgeneA\nseq2\t500\t700\tgeneB\n'),
};
const FORBIDDEN_HOSTS = [
  'igv.org',
  's3.amazonaws',
  'googleapis',
  'broadinstitute',
  'githubusercontent',
  'ucsc.edu',
  'ncbi.nlm.nih.gov',
];

const viewerBox = (page: Page) => page.getByTestId('igv-container');

async function goto(page: Page, target: string): Promise<void> {
  const box = page.getByLabel('Locus or gene');
  await box.fill(target);
  await box.press('Enter');
}

/** igv.js track names shown in the view, in order. */
async function trackNames(page: Page): Promise<string[]> {
  return page.locator('[data-testid="igv-container"] .igv-track-label').allInnerTexts();
}

/** igv.js draws reads in this grey (coverage bars are darker, rgb(150, 150, 150)) and variant sites in dark blue. */
const READ_COLOR = [185, 185, 185];
const VARIANT_COLOR = [0, 0, 150];

const readPixels = (page: Page) => pixelsOf(page, READ_COLOR);

/** Pixels painted in one colour over all canvases of the view (igv.js keeps them in a shadow root). */
async function pixelsOf(page: Page, rgb: number[]): Promise<number> {
  return page.evaluate((color) => {
    const canvases: HTMLCanvasElement[] = [];
    const collect = (root: ParentNode) => {
      for (const element of root.querySelectorAll('*')) {
        if (element instanceof HTMLCanvasElement) canvases.push(element);
        if (element.shadowRoot) collect(element.shadowRoot);
      }
    };
    const host = document.querySelector('[data-testid="igv-container"]')!;
    collect(host.shadowRoot ?? host);
    let count = 0;
    for (const canvas of canvases) {
      if (canvas.width === 0 || canvas.height === 0) continue;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      if (!data) continue;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] === color[0] && data[i + 1] === color[1] && data[i + 2] === color[2] && data[i + 3] === 255)
          count += 1;
      }
    }
    return count;
  }, rgb);
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

describe('genome viewer', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    app = await openApp({ browser, context });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the reference, reads, variants and the annotation from the opened files', async () => {
    const { page } = app;
    // Files picked before the session has started would have nowhere to go: wait for it (its notes box).
    await page.getByLabel('Notes').waitFor({ timeout: 120_000 });
    await page.getByLabel('Open files', { exact: true }).setInputFiles(FILES);
    await expect.poll(() => page.getByTestId('file-row').count(), { timeout: 30_000 }).toBe(FILES.length);
    await page.getByLabel('Open files', { exact: true }).setInputFiles([GENES]);
    await expect.poll(() => viewerBox(page).getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
    await expect
      .poll(() => trackNames(page), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['ex1.bam', 'ex1.calls.vcf.gz', 'ex1.genes.bed']));
  });

  it('goes to a locus typed in the locus box and draws the reads there', async () => {
    const { page } = app;
    await goto(page, 'seq1:100-200');
    await expect.poll(() => viewerBox(page).getAttribute('data-locus')).toBe('seq1:100-200');
    await expect.poll(() => readPixels(page), { timeout: 30_000 }).toBeGreaterThan(500);
  });

  it('draws the variant calls from the bgzipped VCF with its CSI index', async () => {
    const { page } = app;
    await goto(page, 'seq1:520-580');
    await expect.poll(() => viewerBox(page).getAttribute('data-locus')).toBe('seq1:520-580');
    await expect.poll(() => pixelsOf(page, VARIANT_COLOR), { timeout: 30_000 }).toBeGreaterThan(20);
  });

  it('finds a gene by name in the annotation', async () => {
    const { page } = app;
    await goto(page, 'geneB');
    await expect.poll(() => viewerBox(page).getAttribute('data-locus')).toMatch(/^seq2:/);
    await goto(page, 'noSuchGene');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Nothing found for "noSuchGene"' }).count())
      .toBe(1);
  });

  it('opens at a variant from its row in the variant browser', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Variant browser', exact: true }).click();
    await page.getByLabel('VCF or BCF file').selectOption('ex1.calls.vcf.gz');
    await page.getByRole('button', { name: 'Show variants' }).click();
    await expect.poll(() => page.getByTestId('variant-count').innerText(), { timeout: 60_000 }).toBe('7 variants');
    await page.getByRole('button', { name: 'View seq1:498-598 in the genome viewer' }).click();
    await expect.poll(() => viewerBox(page).getAttribute('data-locus')).toBe('seq1:498-598');
    await expect.poll(() => pixelsOf(page, VARIANT_COLOR), { timeout: 30_000 }).toBeGreaterThan(20);
    await expect.poll(() => readPixels(page), { timeout: 30_000 }).toBeGreaterThan(500);
  });

  it('exports the view as SVG with the reads in it, as PNG, and as an IGV batch script', async () => {
    const { page } = app;
    await goto(page, 'seq1:100-200');
    await expect.poll(() => viewerBox(page).getAttribute('data-locus')).toBe('seq1:100-200');
    await expect.poll(() => readPixels(page), { timeout: 30_000 }).toBeGreaterThan(500);

    const svg = await download(page, 'SVG');
    expect(svg.name).toBe('lokus-seq1_100-200.svg');
    expect(svg.bytes.toString('utf8')).toMatch(/^<\?xml|^<svg/);
    expect(svg.bytes.toString('utf8').match(/rgb\(185, ?185, ?185\)/g)?.length ?? 0).toBeGreaterThan(10);

    const png = await download(page, 'PNG');
    expect(png.name).toBe('lokus-seq1_100-200.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const batch = await download(page, 'IGV batch file');
    const commands = batch.bytes
      .toString('utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(commands.slice(0, 2)).toEqual(['new', 'genome ex1.fa']);
    expect(commands.slice(2, 5).sort()).toEqual(['load ex1.bam', 'load ex1.calls.vcf.gz', 'load ex1.genes.bed']);
    expect(commands.slice(5)).toEqual(['expand ex1.bam', 'goto seq1:100-200']);
  });

  it('shows the bedGraph a console command writes as a coverage track', async () => {
    const { page } = app;
    const command = page.getByRole('textbox', { name: 'Command' });
    await command.fill('bedtools genomecov -ibam ex1.bam -bg > ex1.coverage.bedgraph');
    await command.press('Enter');
    await expect.poll(() => trackNames(page), { timeout: 60_000 }).toContain('ex1.coverage.bedgraph');
    expect(await viewerBox(page).getAttribute('data-status')).toBe('ready');
  });

  it('keeps the tracks, the locus and the options across a reload', async () => {
    const { page } = app;
    await page.getByRole('checkbox', { name: 'ex1.genes.bed' }).uncheck();
    await expect.poll(() => trackNames(page)).not.toContain('ex1.genes.bed');
    await page.getByLabel('Display').selectOption('SQUISHED');
    await expect.poll(() => viewerBox(page).getAttribute('data-saved')).toBe('true');
    await page.reload();
    await expect.poll(() => viewerBox(page).getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
    await expect.poll(() => viewerBox(page).getAttribute('data-locus')).toBe('seq1:100-200');
    await expect
      .poll(() => trackNames(page))
      .toEqual(expect.arrayContaining(['ex1.bam', 'ex1.calls.vcf.gz', 'ex1.coverage.bedgraph']));
    expect(await trackNames(page)).not.toContain('ex1.genes.bed');
    expect(await page.getByRole('checkbox', { name: 'ex1.genes.bed' }).isChecked()).toBe(false);
    expect(await page.getByLabel('Display').inputValue()).toBe('SQUISHED');
    await expect.poll(() => readPixels(page), { timeout: 30_000 }).toBeGreaterThan(100);
  });

  it('made no request outside the app origin, and none to a genome or annotation server', () => {
    expect(app.offOrigin()).toEqual([]);
    expect(app.requests.filter((url) => FORBIDDEN_HOSTS.some((host) => url.includes(host)))).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
