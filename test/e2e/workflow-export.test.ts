// Workflow export as a person uses it: analyses run in the app with the wasm tools, "Export as workflow" on a
// result and on the session, the downloaded zip unpacked and run with Debian's native snakemake and tools and
// with run.sh; every output must equal what the app produced (byte for byte, or after the manifest's documented
// normalisation of version/command header lines), verify.py must agree, and a three-sample samplesheet runs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonical } from '../wasm/conformance-cases.mjs';
import { openSessionWith } from './support/session-page';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const INPUTS = ['ex1.bam', 'ex1.bam.bai', 'ex1.calls.vcf.gz', 'ex1.calls.vcf.gz.csi', 'ex1.panel.bed'];
const dirs: string[] = [];

interface ManifestRow {
  kind: string;
  sample: string;
  step: string;
  name: string;
  sha256: string;
  compare: Parameters<typeof canonical>[1];
}

function sh(cwd: string, command: string, args: string[], env?: NodeJS.ProcessEnv) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000, ...(env ? { env } : {}) });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

/** Unpacks a zip as `unzip` would (Python's zipfile, Unix modes kept) and returns its one top folder. */
function unpack(zip: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lokus-e2e-export-'));
  dirs.push(dir);
  const script =
    'import os, sys, zipfile\nfor i in zipfile.ZipFile(sys.argv[1]).infolist():\n' +
    '    p = zipfile.ZipFile(sys.argv[1]).extract(i, sys.argv[2])\n    os.chmod(p, (i.external_attr >> 16) & 0o777)\n';
  const r = spawnSync('python3', ['-c', script, zip, dir], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const [top] = readdirSync(dir);
  const folder = join(dir, top!);
  for (const name of INPUTS) copyFileSync(join(FIXTURES, name), join(folder, 'data', name));
  return folder;
}

function manifestRows(dir: string): ManifestRow[] {
  const [head, ...lines] = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
  const cols = head!.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])) as unknown as ManifestRow);
}

async function runAnalysis(page: Page, title: string, inputs: Record<string, string>): Promise<void> {
  if (await page.getByRole('button', { name: 'Close result' }).count())
    await page.getByRole('button', { name: 'Close result' }).click();
  await page.getByRole('button', { name: title, exact: true }).click();
  for (const [label, file] of Object.entries(inputs)) await page.getByLabel(label, { exact: false }).selectOption(file);
  await page.getByRole('button', { name: `Run ${title}` }).click();
  await expect.poll(() => page.locator('#result-heading').innerText(), { timeout: 30_000 }).toContain(title);
  await page.locator('[data-metric]').first().waitFor({ timeout: 120_000 });
}

/** Opens the export dialog with `button`, reads its steps (id -> command), downloads the zip and unpacks it. */
async function exportZip(page: Page, button: Locator): Promise<{ dir: string; steps: Map<string, string> }> {
  await button.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('export-steps').waitFor();
  const steps = new Map<string, string>();
  for (const item of await dialog.getByTestId('export-steps').locator('li').all())
    steps.set(await item.locator('code.id').innerText(), (await item.locator('pre').textContent())!);
  const pending = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download zip' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toMatch(/^lokus-workflow-[a-z0-9-]+\.zip$/);
  await expect.poll(() => dialog.isVisible()).toBe(false);
  return { dir: unpack((await download.path())!), steps };
}

/** What the app produced: a run's output file (History download) or its standard output, by the step's command. */
async function appOutput(page: Page, row: ManifestRow, steps: Map<string, string>): Promise<Buffer> {
  await page.evaluate(() =>
    document.querySelectorAll('details[data-testid="run"]').forEach((d) => d.setAttribute('open', '')),
  );
  const command = steps.get(row.step)!;
  if (row.name === `${row.step}.stdout.txt`) {
    const shown = command.replace(/ > \S+$/, '');
    const run = page.getByTestId('run').filter({ has: page.locator('code.command', { hasText: shown }) });
    const matching = [];
    for (const candidate of await run.all())
      if ((await candidate.locator('code.command').textContent()) === shown) matching.push(candidate);
    expect(matching.length, shown).toBeGreaterThan(0);
    return Buffer.from((await matching[0]!.locator('pre[aria-label="Standard output"]').textContent()) ?? '');
  }
  const pending = page.waitForEvent('download');
  await page
    .getByRole('button', { name: `Download ${row.name}`, exact: true })
    .first()
    .click();
  return readFileSync((await (await pending).path())!);
}

/** Every output of the first sample equals the app's; returns how many were identical without normalisation. */
async function expectSameAsApp(page: Page, dir: string, steps: Map<string, string>): Promise<number> {
  const outputs = manifestRows(dir).filter((r) => r.kind === 'output' && r.sample === manifestRows(dir)[0]!.sample);
  expect(outputs.length).toBeGreaterThan(0);
  let raw = 0;
  for (const row of outputs) {
    const native = readFileSync(join(dir, 'results', row.sample, row.name));
    const app = await appOutput(page, row, steps);
    if (native.equals(app)) raw++;
    else expect(row.compare, `${row.name} differs before normalisation`).not.toBe('bytes');
    expect(canonical(native, row.compare).equals(canonical(app, row.compare)), row.name).toBe(true);
  }
  console.log(`${raw} of ${outputs.length} outputs identical to the app's before normalisation`);
  return raw;
}

describe('workflow export from the app, run with native snakemake and run.sh', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const opened = await openSessionWith(INPUTS.map((name) => join(FIXTURES, name)));
    browser = opened.browser;
    page = opened.app.page;
    await page
      .getByTestId('file-row')
      .nth(INPUTS.length - 1)
      .waitFor({ timeout: 30_000 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('exports Alignment QC from its result; snakemake, run.sh and verify.py reproduce the app', async () => {
    await runAnalysis(page, 'Alignment QC', { Alignments: 'ex1.bam' });
    const result = page.locator('article.result');
    const { dir, steps } = await exportZip(page, result.getByRole('button', { name: 'Export as workflow' }));
    expect([...steps.values()]).toContain('samtools flagstat ex1.bam > s01_samtools_flagstat.stdout.txt');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(/Alignment QC \(ex1.bam\): the result Lokus shows/);
    const snake = sh(dir, 'snakemake', ['--cores', '2']);
    expect(snake.status, snake.out).toBe(0);
    const verify = sh(dir, 'python3', ['verify.py']);
    expect(verify.status, verify.out).toBe(0);
    expect(verify.out).toContain('all identical');
    await expectSameAsApp(page, dir, steps);

    rmSync(join(dir, 'results'), { recursive: true });
    expect(statSync(join(dir, 'run.sh')).mode & 0o111).not.toBe(0);
    const bash = sh(dir, './run.sh', []);
    expect(bash.status, bash.out).toBe(0);
    expect(sh(dir, 'python3', ['verify.py']).status).toBe(0);
    await expectSameAsApp(page, dir, steps);
  }, 600_000);

  it('exports the whole session (three analyses) and runs it over a three-sample samplesheet', async () => {
    await runAnalysis(page, 'Variant summary', { Variants: 'ex1.calls.vcf.gz' });
    await runAnalysis(page, 'Gene-panel coverage', { Alignments: 'ex1.bam', 'Panel BED': 'ex1.panel.bed' });
    await page.getByText('Storage and export').click();
    const { dir, steps } = await exportZip(
      page,
      page.getByRole('button', { name: 'Export as workflow (whole session)' }),
    );
    const runCount = await page.getByTestId('run').count();
    expect(steps.size).toBe(runCount);
    expect(readFileSync(join(dir, 'config.yaml'), 'utf8')).toContain('ex1.panel.bed');
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const title of ['Alignment QC', 'Variant summary', 'Gene-panel coverage'])
      expect(readme).toContain(`${title} (`);

    // Two more samples: copies of the inputs under other names, one with a space and unicode.
    const sheet = readFileSync(join(dir, 'samples.tsv'), 'utf8').trimEnd().split('\n');
    const others = ['s2', 'prov 3 ö'];
    for (const id of others) {
      const row = sheet[1]!.split('\t').map((cell, i) => {
        if (i === 0) return id;
        const source = join(dir, cell);
        const renamed = cell.replace(/^data\/ex1/, `data/${id}`);
        copyFileSync(source, join(dir, renamed));
        return renamed;
      });
      sheet.push(row.join('\t'));
    }
    writeFileSync(join(dir, 'samples.tsv'), `${sheet.join('\n')}\n`);
    const snake = sh(dir, 'snakemake', ['--cores', '2']);
    expect(snake.status, snake.out).toBe(0);
    const verify = sh(dir, 'python3', ['verify.py']);
    expect(verify.status, verify.out).toBe(0);
    await expectSameAsApp(page, dir, steps);
    // Each other sample gives the first sample's outputs, up to its own file names inside them (bcftools stats ID).
    for (const row of manifestRows(dir).filter((r) => r.kind === 'output'))
      for (const id of others) {
        const name = row.name.startsWith('ex1') ? id + row.name.slice(3) : row.name;
        const first = canonical(readFileSync(join(dir, 'results', 'ex1', row.name)), row.compare);
        const other = canonical(readFileSync(join(dir, 'results', id, name)), row.compare);
        const text = (b: Buffer) => b.toString('latin1');
        if (row.compare === 'bam' || row.compare === 'bcf') expect(other.equals(first), `${id}/${name}`).toBe(true);
        else
          expect(Buffer.from(text(other), 'latin1').toString('utf8').replaceAll(id, 'ex1'), `${id}/${name}`).toBe(
            first.toString('utf8'),
          );
      }
  }, 600_000);

  it('runs Alignment QC over two samples as a batch and exports it: every row of the samplesheet reproduces', async () => {
    const extra = mkdtempSync(join(tmpdir(), 'lokus-e2e-s2-'));
    dirs.push(extra);
    for (const suffix of ['.bam', '.bam.bai']) copyFileSync(join(FIXTURES, `ex1${suffix}`), join(extra, `s2${suffix}`));
    const count = await page.getByTestId('file-row').count();
    await page
      .getByLabel('Open files', { exact: true })
      .setInputFiles([join(extra, 's2.bam'), join(extra, 's2.bam.bai')]);
    await page
      .getByTestId('file-row')
      .nth(count + 1)
      .waitFor({ timeout: 30_000 });
    if (await page.getByRole('button', { name: 'Close result' }).count())
      await page.getByRole('button', { name: 'Close result' }).click();
    await page.getByRole('button', { name: 'Alignment QC', exact: true }).click();
    await page.getByText('Batch over samples').click();
    await page.getByLabel('One file per sample').selectOption(['ex1.bam', 's2.bam']);
    await page.getByRole('button', { name: 'Run Alignment QC on 2 samples' }).click();
    const statuses = page.getByTestId('batch-status');
    await expect.poll(() => statuses.allTextContents(), { timeout: 180_000 }).toEqual(['done', 'done']);
    const { dir, steps } = await exportZip(page, page.getByRole('button', { name: 'Export batch as workflow' }));
    for (const suffix of ['.bam', '.bam.bai'])
      copyFileSync(join(extra, `s2${suffix}`), join(dir, 'data', `s2${suffix}`));
    expect(
      readFileSync(join(dir, 'samples.tsv'), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[0]),
    ).toEqual(['sample', 'ex1', 's2']);
    const rows = manifestRows(dir).filter((r) => r.kind === 'output');
    expect(rows.filter((r) => r.sample === 's2').length).toBe(rows.filter((r) => r.sample === 'ex1').length);
    const snake = sh(dir, 'snakemake', ['--cores', '2']);
    expect(snake.status, snake.out).toBe(0);
    // verify.py checks both samples' outputs against the sha256 of what the browser produced for each.
    const verify = sh(dir, 'python3', ['verify.py']);
    expect(verify.status, verify.out).toBe(0);
    expect(verify.out).toContain('identical results/s2/s2.bam.stats.txt');
    expect(verify.out).toContain('all identical');
    await expectSameAsApp(page, dir, steps);
  }, 600_000);

  it('refuses a failed run with a message, and writes nothing', async () => {
    await page.getByLabel('Command').fill('samtools flagstat missing.bam');
    await page.getByLabel('Command').press('Enter');
    const failed = page.getByTestId('run').filter({ hasText: 'samtools flagstat missing.bam' }).first();
    await expect.poll(() => failed.getByTestId('run-status').textContent(), { timeout: 60_000 }).toBe('failed');
    await failed.locator('summary').click();
    await failed.getByRole('button', { name: 'Export as workflow' }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.getByRole('alert').innerText())
      .toMatch(/"samtools flagstat missing.bam" failed: only runs that succeeded can be exported\. Run it again/);
    expect(await dialog.getByRole('button', { name: 'Download zip' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  }, 120_000);
});
