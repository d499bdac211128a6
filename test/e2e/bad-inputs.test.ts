// The bad-input corpus as a person meets it: every file in test/fixtures/bad/ opened in the app gets a
// message saying what is wrong and what to do; the console still runs commands afterwards; tools that fail
// on a bad file show their exit status and advice; and after a reload the session still lists every file.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './support/browser';
import { downloadText } from './support/downloads';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** The machine that runs CI is shared and also compiles: UI updates may take seconds. */
const SLOW = { timeout: 30_000 };
const BAD = join(FIXTURES, 'bad');

/** What each bad file must make the app say (in its file row, or in the session's warnings for pairs). */
const CASES: ReadonlyArray<[file: string, says: RegExp]> = [
  ['empty.vcf', /empty \(0 bytes\)\. Check you picked the right file/],
  ['garbage-named.vcf', /binary data .* name says VCF.*Check that this is the file you meant/],
  ['not-a-bam.bam', /text in a format Lokus does not recognise.*Check that this is the file/],
  ['plain-gzip.vcf.gz', /plain gzip, which tools cannot index\. Compress it with bgzip/],
  ['uncompressed.vcf.gz', /named as compressed but is plain text.*rename it to uncompressed\.vcf/],
  ['truncated.bam', /cut off.*Download or copy it again/],
  ['ex1.truncated.bam', /cut off.*Download or copy it again/],
  ['1kg_chr22.truncated.vcf.gz', /cut off.*Download or copy it again/],
  ['crlf.vcf', /Windows line endings \(CR LF\).*convert the file to Unix line endings/],
  ['bam-named.vcf', /named like VCF, but its content is BAM.*renaming it to bam-named\.bam/],
  ['bed-reversed.bed', /start is after its end \(seq1:400-300\).*swap the columns/],
  ['bed-one-based.bed', /1-based coordinates.*subtract 1 from each start/],
  ['vcf-malformed.vcf', /malformed records: .*POS "pos200".*Fix those lines/],
  [
    'vcf-many-bad-lines.vcf',
    /has 5 malformed records: line 6 has POS "0".*; line 7 has POS "pos300".*; line 8 has 1 tab-separated column.*; line 9 has 7 tab-separated columns.*; line 11 has POS "-700", not a positive whole number\. .*Fix those lines/,
  ],
  ['crc-damaged.bam', /damaged: its compressed block at byte 0 fails its CRC32 check.*Download or copy it again/],
  ['zeros.bam', /binary data that Lokus does not recognise\. The name says BAM.*Check that this is the file/],
  ['no-index.fa', /no index[\s\S]*Create index/],
  ['grch37-plain-names.vcf', /GRCh37/],
  ['grch38-chr-names.sam', /GRCh38/],
];

/**
 * Index files that do not fit their data file, opened together with it: the index's row and the data file's row
 * say so, the tools do not see the index (native samtools 1.16.1 on other.bam with its own index: idxstats
 * seq1 118 1, seq2 161 3; view -c empty-index.bam seq1:1-100: 3), and "Create the right index" replaces it.
 */
const INDEX_CASES: ReadonlyArray<
  [data: string, index: string, indexSays: RegExp, command: string, before: RegExp, after: string]
> = [
  [
    'other.bam',
    'other.bam.bai',
    /other\.bam\.bai belongs to another file, not other\.bam: .*Lokus does not use it/,
    'samtools idxstats other.bam',
    /^seq1\t1575\t118\t1\nseq2\t1584\t161\t3\n\*\t0\t0\t0$/m,
    'seq1\t1575\t118\t1\nseq2\t1584\t161\t3\n*\t0\t0\t0',
  ],
  [
    'empty-index.bam',
    'empty-index.bam.bai',
    /empty-index\.bam\.bai is empty \(0 bytes\), so Lokus does not use it as the index of empty-index\.bam/,
    'samtools view -c empty-index.bam seq1:1-100',
    /exit status [1-9]\d* — The file's index could not be used: it is missing, empty, damaged or belongs to another file/,
    '3',
  ],
];

/** Commands on bad files and the advice that names what failed (not "not open": every file here is open). */
const TOOL_ADVICE: ReadonlyArray<[line: string, advice: RegExp]> = [
  ['samtools view -c zeros.bam', /exit status [1-9]\d* — The tool does not recognise the file's format/],
  [
    'samtools view -c crc-damaged.bam',
    /exit status [1-9]\d* — The file is damaged: a compressed block fails its CRC32/,
  ],
];

const SESSION_WARNINGS: ReadonlyArray<[files: string[], says: RegExp]> = [
  [
    ['pair_R1.fastq', 'pair_R2.fastq'],
    /pair_R1\.fastq has 10 reads but pair_R2\.fastq has 8\. .*download or copy both again/,
  ],
  [
    ['wrong-reference.fa', 'wrong-reference.fa.fai'],
    /ex1\.bam and wrong-reference\.fa give different lengths .*different reference/,
  ],
  [
    ['grch37-plain-names.vcf', 'grch38-chr-names.sam'],
    /grch37-plain-names\.vcf is on GRCh37 but grch38-chr-names\.sam is on GRCh38.*lift one over/,
  ],
];

async function runInConsole(page: Page, line: string): Promise<void> {
  const command = page.getByRole('textbox', { name: 'Command' });
  await command.fill(line);
  await command.press('Enter');
  await page.getByRole('status').filter({ hasText: 'running' }).waitFor({ state: 'detached', timeout: 60_000 });
}

const consoleText = async (page: Page) => (await page.getByRole('log').innerText()).replace(/\r/g, '');
const fileRow = (page: Page, name: string) =>
  page.getByTestId('file-row').filter({ has: page.getByText(name, { exact: true }) });

/** The console still answers: a fresh command runs and prints its result. */
async function stillResponsive(page: Page): Promise<void> {
  const count = async () => (await consoleText(page)).match(/^3307$/gm)?.length ?? 0;
  const before = await count();
  await runInConsole(page, 'samtools view -c ex1.bam');
  expect(await count()).toBe(before + 1);
}

describe('bad inputs', () => {
  let browser: Browser;
  let app: AppPage;
  const opened: string[] = ['ex1.bam', 'ex1.bam.bai'];

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext();
    context.setDefaultTimeout(60_000);
    app = await openApp({ browser, context });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens good files first', async () => {
    await app.page
      .getByLabel('Open files', { exact: true })
      .setInputFiles([join(FIXTURES, 'ex1.bam'), join(FIXTURES, 'ex1.bam.bai')]);
    await expect.poll(() => app.page.getByTestId('file-row').count(), SLOW).toBe(2);
  });

  it('covers every file in test/fixtures/bad/', () => {
    const covered = new Set([
      ...CASES.map(([file]) => file),
      ...SESSION_WARNINGS.flatMap(([files]) => files),
      ...INDEX_CASES.flatMap(([data, index]) => [data, index]),
      'formula-id.vcf',
    ]);
    const corpus = readdirSync(BAD).filter((name) => !/\.(md|mjs)$/.test(name));
    expect(corpus.filter((name) => !covered.has(name))).toEqual([]);
  });

  it.each(CASES)('%s: says what is wrong and how to fix it; the console still runs', async (file, says) => {
    const { page } = app;
    await page.getByLabel('Open files', { exact: true }).setInputFiles(join(BAD, file));
    opened.push(file);
    await expect.poll(() => fileRow(page, file).innerText(), SLOW).toMatch(says);
    await stillResponsive(page);
  });

  it.each(SESSION_WARNINGS)('%s: the session warns about the pair', async (files, says) => {
    const { page } = app;
    await page.getByLabel('Open files', { exact: true }).setInputFiles(files.map((f) => join(BAD, f)));
    opened.push(...files.filter((f) => !opened.includes(f)));
    const warnings = page.getByRole('list', { name: "Warnings about the session's files" });
    await expect.poll(() => warnings.innerText(), SLOW).toMatch(says);
    await stillResponsive(page);
  });

  it('a 10 MB file with no line break: says so, and the app stays responsive', async () => {
    const { page } = app;
    const dir = mkdtempSync(join(tmpdir(), 'lokus-bad-'));
    const path = join(dir, 'one-line.vcf');
    writeFileSync(path, 'ACGT'.repeat(2.5 * 1024 * 1024));
    await page.getByLabel('Open files', { exact: true }).setInputFiles(path);
    opened.push('one-line.vcf');
    await expect
      .poll(() => fileRow(page, 'one-line.vcf').innerText(), SLOW)
      .toMatch(/no line break in its first 64 KB.*check the file and how it was exported/);
    await stillResponsive(page);
  });

  it.each([
    [
      'samtools view -c truncated.bam',
      /exit status [1-9]\d* — /,
      /The input looks damaged .*check that the file is complete/,
    ],
    ['samtools view -c not-a-bam.bam', /exit status [1-9]\d* — /, /The input looks damaged/],
    // wasm bcftools reports its exit(255) as -1; any non-zero status is a failure here.
    ['bcftools view vcf-malformed.vcf', /exit status -?[1-9]\d* — /, /The VCF has a malformed record/],
  ])('a tool run on a bad file fails with its exit status and advice: %s', async (line, status, advice) => {
    const { page } = app;
    await runInConsole(page, line);
    expect(await consoleText(page)).toMatch(new RegExp(status.source + advice.source));
    const run = page.getByTestId('run').filter({ hasText: line }).first();
    await expect.poll(() => run.getByTestId('run-status').innerText(), SLOW).toMatch(/failed/i);
    await run.locator('summary').click();
    await expect
      .poll(() => run.innerText(), SLOW)
      .toMatch(new RegExp(`${advice.source}[\\s\\S]*Exit status\\s+-?[1-9]`));
    await stillResponsive(page);
  });

  it.each(INDEX_CASES)(
    '%s with %s: the index is not used, both rows say why, and the right index replaces it',
    async (data, index, indexSays, command, before, after) => {
      const { page } = app;
      await page.getByLabel('Open files', { exact: true }).setInputFiles([join(BAD, data), join(BAD, index)]);
      opened.push(data);
      await expect.poll(() => fileRow(page, index).innerText(), SLOW).toMatch(indexSays);
      const row = fileRow(page, data);
      await expect.poll(() => row.innerText(), SLOW).toMatch(/no usable index: .* not used\. Create the right index/);
      expect(await row.innerText()).not.toMatch(/indexed by/);
      // The tools do not see the index: no answer from another file's counts, or an error naming the index.
      await runInConsole(page, command);
      expect((await consoleText(page)).split(`$ ${command}`).pop()).toMatch(before);
      await row.getByRole('button', { name: 'Create the right index' }).click();
      await expect.poll(() => row.innerText(), SLOW).toMatch(new RegExp(`indexed by ${index.replace(/\./g, '\\.')}`));
      // The row of that name is now the index the fix made (a file of the session, made by that run).
      expect(await fileRow(page, index).innerText()).toMatch(/Made by samtools index/);
      expect(await fileRow(page, index).innerText()).not.toMatch(indexSays);
      await runInConsole(page, command);
      expect((await consoleText(page)).split(`$ ${command}`).pop()!.trim()).toBe(after);
      await stillResponsive(page);
    },
  );

  it.each(TOOL_ADVICE)('%s: the advice says what failed', async (line, advice) => {
    const { page } = app;
    await runInConsole(page, line);
    expect((await consoleText(page)).split(`$ ${line}`).pop()).toMatch(advice);
    await stillResponsive(page);
  });

  it('exports a VCF ID a spreadsheet would run as a formula with a leading quote, and numbers as numbers', async () => {
    const { page } = app;
    await page.getByLabel('Open files', { exact: true }).setInputFiles(join(BAD, 'formula-id.vcf'));
    opened.push('formula-id.vcf');
    await page.getByRole('button', { name: 'Variant browser', exact: true }).click();
    await expect
      .poll(() => page.getByLabel('VCF or BCF file').locator('option').allInnerTexts(), SLOW)
      .toContain('formula-id.vcf');
    await page.getByLabel('VCF or BCF file').selectOption('formula-id.vcf');
    // INFO/SCORE is not among the columns shown by default: add it once the header has been read.
    await page.getByRole('checkbox', { name: 'SCORE', exact: true }).check();
    await page.getByRole('button', { name: 'Show variants' }).click();
    await expect.poll(() => page.getByTestId('variant-count').innerText(), SLOW).toBe('4 variants');
    await expect.poll(() => page.getByRole('columnheader', { name: 'SCORE' }).count(), SLOW).toBe(1);
    const tsv = await downloadText(page, page.getByRole('button', { name: 'Export TSV' }));
    // Native bcftools query prints the IDs as written; the guarded cells get a leading quote and nothing else.
    expect(tsv.trimEnd().split('\n')).toEqual([
      'CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tSCORE',
      `seq1\t100\t'=HYPERLINK("http://example.invalid/","click")\tA\tG\t50\tPASS\t-0.52`,
      "seq1\t200\t'@SUM(1+1)\tC\tT\t50\tPASS\t1.5",
      "seq1\t300\t'-2+3\tG\tA\t50\tPASS\t3",
      "seq1\t400\t'+cmd\tT\tC\t50\tPASS\t0",
    ]);
  });

  it('after a reload the session still lists every file opened before and after the bad ones, and failed runs keep their advice', async () => {
    const { page } = app;
    await page.reload();
    await expect.poll(() => page.getByTestId('file-row').count(), SLOW).toBe(opened.length);
    for (const name of opened) expect(await fileRow(page, name).count(), name).toBe(1);
    const failed = page.getByTestId('run').filter({ hasText: 'samtools view -c truncated.bam' }).first();
    await failed.locator('summary').click();
    expect(await failed.innerText()).toMatch(/The input looks damaged[\s\S]*Exit status\s+1/);
    await stillResponsive(page);
  });

  it('made no request outside the app origin and threw no page error', () => {
    expect(app.offOrigin()).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
