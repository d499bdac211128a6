#!/usr/bin/env node
// bench:triage — family triage in the real app (headless Chromium, files opened through the file input, the
// analysis run by clicks) against the same pipeline natively in one run: the very commands the app shows (read from
// the page), run with Debian's bcftools, their records streamed into the same triage code (src/core/family, bundled
// for Node). Data: a genome-scale synthetic trio from scripts/gen-triage-bench-data.mjs (made here when missing).
// Browser time: click to the candidate cards on screen. Native time: both commands started to the triage finished.
// Usage: npm run bench:triage -- [--runs 3] [--records 5000000]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { median, shellWords } from './lib/bench-native.mjs';

const root = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const value = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const runs = Number(value('runs', 3));
const records = Number(value('records', 5_000_000));
const data = join(root, 'bench-data', `triage-${records}`);
const FILES = ['trio.vcf.gz', 'trio.vcf.gz.tbi', 'trio.ped', 'genes.gff3', 'ref.fa', 'ref.fa.fai'];
const CLINVAR = ['clinvar.vcf.gz', 'clinvar.vcf.gz.tbi'];

if (!existsSync(join(data, 'params.json')))
  spawnSync(process.execPath, [join(root, 'scripts/gen-triage-bench-data.mjs'), '--records', String(records)], {
    stdio: 'inherit',
  });

// The triage code as the app runs it, bundled for Node.
const bundle = mkdtempSync(join(tmpdir(), 'lokus-bench-triage-'));
await build({
  root,
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: join(root, 'src/core/family/run.ts'),
    outDir: bundle,
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'run.mjs' } },
  },
});
const { TriageBuilder } = await import(pathToFileURL(join(bundle, 'run.mjs')).href);

await build({ root, logLevel: 'warn' });
const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.setDefaultTimeout(60 * 60_000);
await page.goto(`http://127.0.0.1:${server.httpServer.address().port}/`);
await page.getByLabel('Notes').waitFor();
await page.getByLabel('Open files', { exact: true }).setInputFiles([...FILES, ...CLINVAR].map((n) => join(data, n)));
for (const name of ['trio.vcf.gz', 'clinvar.vcf.gz', 'ref.fa', 'genes.gff3', 'trio.ped'])
  await page.getByTestId('file-row').filter({ hasText: name }).first().waitFor();
await page.getByRole('button', { name: 'Family triage (rare disease)', exact: true }).click();
const form = page.getByRole('form', { name: 'Family triage (rare disease) settings' });
await form.getByLabel('Joint-called VCF/BCF').selectOption('trio.vcf.gz');
await form.getByLabel('Pedigree (PED)').selectOption('trio.ped');
await form.getByLabel('Genes (Ensembl GFF3)').selectOption('genes.gff3');
await form.getByLabel('Reference FASTA').selectOption('ref.fa');
await form.getByLabel('ClinVar VCF').selectOption('clinvar.vcf.gz');

const browserMs = [];
let commands = [];
let shown = {};
for (let i = 0; i < runs; i++) {
  if (await page.getByRole('button', { name: 'Close result' }).count())
    await page.getByRole('button', { name: 'Close result' }).click();
  const started = performance.now();
  await page.getByRole('button', { name: 'Run Family triage (rare disease)' }).click();
  await page.locator('[data-metric="denovo"], .result [role="alert"]').first().waitFor();
  browserMs.push(performance.now() - started);
  if (!(await page.locator('[data-metric="denovo"]').count()))
    throw new Error(`The app's triage failed: ${await page.locator('.result [role="alert"]').first().innerText()}`);
  commands = (await page.locator('.result .commands pre').textContent()).trim().split('\n');
  shown = Object.fromEntries(
    await page
      .locator('[data-metric]')
      .evaluateAll((cards) => cards.map((c) => [c.getAttribute('data-metric'), c.innerText.replace(/\s+/g, ' ')])),
  );
  console.log(`browser run ${i + 1}: ${(browserMs.at(-1) / 1000).toFixed(1)} s`);
}
await browser.close();
await server.close();

/** A shown command as processes joined by pipes (no shell); `> file` is dropped: the last stdout is returned. */
function spawnPipeline(command) {
  const words = shellWords(command);
  const redirect = words.indexOf('>');
  const stages = [[]];
  for (const word of redirect >= 0 ? words.slice(0, redirect) : words) {
    if (word === '|') stages.push([]);
    else stages.at(-1).push(word);
  }
  const procs = stages.map(([program, ...args], i) =>
    spawn(program, args, { cwd: data, stdio: [i === 0 ? 'ignore' : 'pipe', 'pipe', 'pipe'] }),
  );
  for (let i = 0; i + 1 < procs.length; i++) procs[i].stdout.pipe(procs[i + 1].stdin);
  const exited = Promise.all(
    procs.map(
      (proc, i) =>
        new Promise((ok, fail) => {
          let stderr = '';
          proc.stderr.on('data', (chunk) => (stderr += chunk));
          proc.on('close', (status) =>
            status === 0 ? ok() : fail(new Error(`${stages[i].join(' ')} exited ${status}: ${stderr}`)),
          );
        }),
    ),
  );
  return { stdout: procs.at(-1).stdout, exited };
}

const [headerCommand, recordsCommand] = [
  commands.find((c) => c.startsWith('bcftools view -h')),
  commands.find((c) => c.includes('bcftools query')),
];
const inputs = {
  variants: 'trio.vcf.gz',
  pedigree: 'trio.ped',
  gff: 'genes.gff3',
  reference: 'ref.fa',
  clinvar: 'clinvar.vcf.gz',
};
const nativeMs = [];
let nativeResult;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const header = spawnPipeline(headerCommand);
  const recordsRun = spawnPipeline(recordsCommand);
  let headerText = '';
  header.stdout.on('data', (chunk) => (headerText += chunk));
  await header.exited;
  const texts = { header: headerText, 'input:pedigree': readFileSync(join(data, 'trio.ped'), 'utf8') };
  const builder = new TriageBuilder(texts, inputs, {});
  for await (const line of createInterface({ input: recordsRun.stdout, crlfDelay: Infinity })) builder.line(line);
  await recordsRun.exited;
  nativeResult = builder.finish();
  nativeMs.push(performance.now() - started);
  console.log(`native run ${i + 1}: ${(nativeMs.at(-1) / 1000).toFixed(1)} s`);
}

const counts = Object.fromEntries(
  nativeResult.modes.map((m) => [m.group, m.notApplicable ? 'not applicable' : `${m.count} candidates`]),
);
const agree = Object.entries(counts).every(([group, n]) => (shown[group] ?? '').includes(n));
const b = median(browserMs) / 1000;
const n = median(nativeMs) / 1000;
const line = `bench:triage ${new Date().toISOString()} ${nativeResult.records} records (trio): browser ${b.toFixed(2)} s, native bcftools + Node triage ${n.toFixed(2)} s, ratio ${(b / n).toFixed(2)} (medians of ${runs}); candidates ${JSON.stringify(counts)} ${agree ? 'equal in both' : `DIFFER: browser shows ${JSON.stringify(shown)}`}`;
console.log(line);
console.log(`native commands:\n  ${headerCommand}\n  ${recordsCommand}`);
writeFileSync(join(root, 'bench-data', 'bench-triage.txt'), `${line}\n`);
if (!agree) process.exitCode = 1;
