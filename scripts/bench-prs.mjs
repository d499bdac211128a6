#!/usr/bin/env node
// bench:prs — a polygenic score in the real app (headless Chromium, files opened through the file input, the
// analysis run by clicks) against native plink2 --score on the same VCF and the same matched variants, in one run.
// Data: node scripts/gen-prs-data.mjs --variants N --out bench-data/prs (made here when missing).
// Browser time: click to the score on screen (reading the files, matching, scoring, drawing). Native time: plink2
// importing the VCF and scoring (it does not match; the app's exported matched list is its input).
// Usage: npm run bench:prs -- [--runs 3] [--variants 1000000]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const value = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const runs = Number(value('runs', 3));
const variants = Number(value('variants', 1_000_000));
const data = join(root, 'bench-data', 'prs');
const SCORING = `PGS_LOKUS_BENCH_${variants}.txt`;
const VCF = 'SYNTH01.vcf';
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

if (!existsSync(join(data, SCORING)))
  spawnSync(process.execPath, [join(root, 'scripts/gen-prs-data.mjs'), '--variants', String(variants), '--out', data], {
    stdio: 'inherit',
  });

await build({ root, logLevel: 'warn' });
const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
const page = await context.newPage();
page.setDefaultTimeout(30 * 60_000);
await page.goto(`http://127.0.0.1:${server.httpServer.address().port}/`);
await page.getByLabel('Notes').waitFor();
await page.getByLabel('Open files', { exact: true }).setInputFiles([SCORING, VCF].map((n) => join(data, n)));
await page.getByTestId('file-row').filter({ hasText: VCF }).first().waitFor();
await page.getByRole('button', { name: 'Polygenic score', exact: true }).click();
await page.getByLabel('Scoring file', { exact: false }).selectOption(SCORING);
await page.getByLabel('Genotypes (VCF/BCF)', { exact: false }).selectOption(VCF);

const browserMs = [];
for (let i = 0; i < runs; i++) {
  if (await page.getByRole('button', { name: 'Close result' }).count())
    await page.getByRole('button', { name: 'Close result' }).click();
  const started = performance.now();
  await page.getByRole('button', { name: 'Run Polygenic score' }).click();
  await page.locator('[data-metric="score"], .result [role="alert"]').first().waitFor();
  browserMs.push(performance.now() - started);
}
const download = page.waitForEvent('download');
await page.getByRole('button', { name: 'Matched variants for plink2 --score (TSV)' }).click();
const matched = join(mkdtempSync(join(tmpdir(), 'lokus-bench-prs-')), 'matched.tsv');
await (await download).saveAs(matched);
await browser.close();
await server.close();

const nativeMs = [];
for (let i = 0; i < runs; i++) {
  const out = join(tmpdir(), `lokus-bench-prs-plink-${i}`);
  const started = performance.now();
  const result = spawnSync('plink2', [
    '--vcf',
    join(data, VCF),
    '--set-all-var-ids',
    '@:#:$r:$a',
    '--threads',
    '1',
    '--score',
    matched,
    '1',
    '2',
    '3',
    'header',
    'cols=+scoresums',
    'no-mean-imputation',
    '--out',
    out,
  ]);
  nativeMs.push(performance.now() - started);
  if (result.status !== 0) throw new Error(`plink2 failed: ${result.stderr}`);
}
const b = median(browserMs) / 1000;
const n = median(nativeMs) / 1000;
const line = `bench:prs ${new Date().toISOString()} ${variants} scoring rows: browser ${b.toFixed(2)} s, native plink2 (1 thread) ${n.toFixed(2)} s, ratio ${(b / n).toFixed(2)} (medians of ${runs})`;
console.log(line);
writeFileSync(join(root, 'bench-data', 'bench-prs.txt'), `${line}\n`);
