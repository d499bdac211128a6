#!/usr/bin/env node
// Times the Variant summary and a variant-browser filter in the real app (headless Chromium, files opened
// through the file input, clicks as a user makes them) on bench-data/variants.vcf.gz (2M records), against
// native bcftools running the very commands the app shows (read from the page, so there is one source of truth).
// When the browser splits its query into parts run at once (one line each, `-r <part> --regions-overlap pos`),
// native runs the one query those parts add up to: the first line without its `-r` part.
//
// Browser time: from the click to the answer on screen (cards, or the variant count), so it includes
// parsing and drawing. Native time: the command's wall time with output to a file.
//
// Usage: npm run bench:analyses -- [--runs 3] [--expression 'QUAL>500 && INFO/AF>0.1'] [--json out.json]
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { shellWords } from './lib/bench-native.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'bench-data');
const argv = process.argv.slice(2);
const value = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const runs = Number(value('runs', 3));
const expression = value('expression', 'QUAL>500 && INFO/AF>0.1');
const VCF = 'variants.vcf.gz';
const TIMEOUT = 30 * 60_000;

if (!existsSync(join(data, VCF)))
  spawnSync(process.execPath, [join(root, 'scripts/gen-bench-data.mjs')], { stdio: 'inherit' });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs an app command natively in bench-data and returns its wall time in ms: a pipeline (`a | b`) runs as
 * processes joined by pipes, `> file` is honoured, `-o name` writes to the temp dir. No shell is involved.
 */
async function native(command) {
  const words = shellWords(command);
  const redirect = words.indexOf('>');
  const body = redirect >= 0 ? words.slice(0, redirect) : words;
  const stages = [[]];
  for (const word of body) {
    if (word === '|') stages.push([]);
    else stages.at(-1).push(word);
  }
  const out = join(mkdtempSync(join(tmpdir(), 'lokus-bench-')), 'stdout.txt');
  const started = performance.now();
  const procs = stages.map(([program, ...args], i) =>
    spawn(
      program,
      args.map((a, k) => (args[k - 1] === '-o' ? join(tmpdir(), a) : a)),
      { cwd: data, stdio: [i === 0 ? 'ignore' : 'pipe', 'pipe', 'pipe'] },
    ),
  );
  for (let i = 0; i + 1 < procs.length; i++) procs[i].stdout.pipe(procs[i + 1].stdin);
  procs.at(-1).stdout.pipe(createWriteStream(out));
  const results = await Promise.all(
    procs.map(
      (proc, i) =>
        new Promise((resolveExit, reject) => {
          let stderr = '';
          proc.stderr.on('data', (chunk) => (stderr += chunk));
          proc.on('error', reject);
          proc.on('close', (status) => resolveExit({ status, stderr, stage: stages[i].join(' ') }));
        }),
    ),
  );
  const ms = performance.now() - started;
  const failed = results.find((r) => r.status !== 0);
  if (failed) throw new Error(`${command}: step "${failed.stage}" exited ${failed.status}: ${failed.stderr}`);
  return ms;
}

/** Median native time of `runs` sequential runs. */
async function nativeMedian(command) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await native(command));
  return median(times);
}

await build({ root, logLevel: 'warn' });
const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.setDefaultTimeout(TIMEOUT);
await page.goto(`http://127.0.0.1:${server.httpServer.address().port}/`);
// Files picked before the session has started would have nowhere to go: wait for it (its notes box).
await page.getByLabel('Notes').waitFor();
await page.getByLabel('Open files', { exact: true }).setInputFiles([VCF, `${VCF}.tbi`].map((n) => join(data, n)));
await page.getByTestId('file-row').filter({ hasText: VCF }).first().waitFor();

const rows = [];
/** The newest runs' duration as the history shows it (the longest of `n` parts run at once): the tools' time in the engine. */
const toolMs = async (n = 1) => {
  const durations = await page.getByTestId('run').locator('.duration').allInnerTexts();
  return Math.max(...durations.slice(0, n).map((d) => 1000 * Number.parseFloat(d)));
};
/** The single command of a split query: its first part without the part's region. */
const singleCommand = (shown) =>
  shown
    .split('\n')[0]
    .replace(/ -r \S+ --regions-overlap pos/, '')
    .replace(/ > \S+\.part1\.tsv$/, '');

// Variant summary: click "Run", wait for the cards.
await page.getByRole('button', { name: 'Variant summary', exact: true }).click();
const summaryTimes = [];
const summaryTool = [];
let summaryCommand = '';
for (let i = 0; i < runs; i++) {
  if (await page.getByRole('button', { name: 'Close result' }).count())
    await page.getByRole('button', { name: 'Close result' }).click();
  const started = Date.now();
  await page.getByRole('button', { name: 'Run Variant summary' }).click();
  await page.locator('[data-metric="records"]').waitFor();
  summaryTimes.push(Date.now() - started);
  summaryTool.push(await toolMs());
  summaryCommand = (await page.locator('.result .commands pre').textContent()).trim();
}
rows.push({
  what: 'Variant summary',
  command: summaryCommand,
  browserMs: median(summaryTimes),
  toolMs: median(summaryTool),
  nativeMs: await nativeMedian(summaryCommand),
});

// Variant browser: choose the file, type the expression, "Show variants", wait for the count.
await page.getByRole('button', { name: 'Variant browser', exact: true }).click();
await page.getByLabel('VCF or BCF file').selectOption(VCF);
await page.getByLabel('Expression', { exact: true }).fill(expression);
const filterTimes = [];
const filterTool = [];
let filterCommand = '';
let shown = '';
for (let i = 0; i < runs; i++) {
  const before = await page.getByTestId('run').count();
  const started = Date.now();
  await page.getByRole('button', { name: 'Show variants' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="run"]').length > n, before);
  await page.getByRole('status').filter({ hasText: 'Working' }).waitFor({ state: 'detached' });
  shown = await page.getByTestId('variant-count').innerText();
  filterTimes.push(Date.now() - started);
  filterCommand = (await page.locator('pre.command').textContent()).trim();
  filterTool.push(await toolMs(filterCommand.split('\n').length));
}
const parts = filterCommand.split('\n').length;
rows.push({
  what: `Variant browser filter (${shown}${parts > 1 ? `, ${parts} parts at once` : ''})`,
  command: parts > 1 ? `${filterCommand}\n  native: ${singleCommand(filterCommand)}` : filterCommand,
  browserMs: median(filterTimes),
  toolMs: median(filterTool),
  nativeMs: await nativeMedian(singleCommand(filterCommand)),
});

await browser.close();
await server.close();

const secs = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '-');
console.log(
  `\n${VCF}: median of ${runs} run(s), seconds. browser = click to answer on screen; tool = the run's time in the`,
);
console.log(
  'engine as the history shows it (the rest is saving the output, parsing and drawing); native = same command on PATH.\n',
);
console.log(
  '| analysis | browser | tool in browser | native | browser/native | tool/native |\n|---|--:|--:|--:|--:|--:|',
);
for (const r of rows)
  console.log(
    `| ${r.what} | ${secs(r.browserMs)} | ${secs(r.toolMs)} | ${secs(r.nativeMs)} | ${(r.browserMs / r.nativeMs).toFixed(2)} | ${(r.toolMs / r.nativeMs).toFixed(2)} |`,
  );
for (const r of rows) console.log(`\n${r.what}:\n  ${r.command}`);
const jsonOut = value('json', '');
if (jsonOut)
  writeFileSync(jsonOut, `${JSON.stringify({ runs, date: new Date().toISOString(), expression, rows }, null, 2)}\n`);
