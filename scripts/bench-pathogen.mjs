#!/usr/bin/env node
// Times the whole pathogen workflow (reads + reference -> BAM, VCF, consensus) natively and in headless Chromium
// in one run, with the same argv on both sides: the steps come from src/core/analyses/pathogen-consensus.ts and
// are scheduled by the app's own runAnalysis (independent steps together, `after` respected). Native steps run
// as bash pipelines of /usr/bin tools; browser steps run on the real tool engine (engine-harness.html).
//
// Data: 100,000 read pairs (2 x 150 bp) from scripts/gen-pathogen-reads.mjs against the lambda phage genome
// (48.5 kb, test/fixtures/pathogen/lambda.fa), generated into bench-data/pathogen/ when missing.
// Usage: npm run bench:pathogen -- [--runs 3] [--pairs 100000] [--native-only] [--keep DIR] [--json out.json]
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const value = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const runs = Number(value('runs', 3));
const pairs = Number(value('pairs', 100_000));
const nativeOnly = args.includes('--native-only');
const keep = value('keep', '');
const prefix = value('reads', '');
const data = join(root, 'bench-data', 'pathogen');
const REF = 'lambda.fa';

// ------------------------------------------------------------------------------------------------ data
mkdirSync(data, { recursive: true });
copyFileSync(join(root, 'test/fixtures/pathogen', REF), join(data, REF));
const sample = prefix ? prefix.split('/').at(-1) : `lambda-${pairs}`;
const readsDir = prefix ? dirname(resolve(prefix)) : data;
const reads = [`${sample}_R1.fastq.gz`, `${sample}_R2.fastq.gz`];
if (!prefix && !existsSync(join(data, reads[1]))) {
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'scripts/gen-pathogen-reads.mjs'),
      join(data, REF),
      join(data, sample),
      '--pairs',
      String(pairs),
      '--seed',
      '2024',
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('gen-pathogen-reads failed');
}
const inputs = { reads1: reads[0], reads2: reads[1], reference: REF };
const inputPaths = {
  [REF]: join(data, REF),
  [reads[0]]: join(readsDir, reads[0]),
  [reads[1]]: join(readsDir, reads[1]),
};

// The app's own modules (TypeScript) through Vite's SSR loader: one source of truth for the argv.
const { createServer, build, preview } = await import('vite');
const loader = await createServer({
  root,
  server: { middlewareMode: true, hmr: false },
  appType: 'custom',
  logLevel: 'warn',
});
const { pathogenConsensus } = await loader.ssrLoadModule('/src/core/analyses/pathogen-consensus.ts');
const { runAnalysis, commandsOf } = await loader.ssrLoadModule('/src/core/analyses/run-analysis.ts');
const { formatJob } = await loader.ssrLoadModule('/src/core/tools/job.ts');
await loader.close();
const params = { minDepth: 10, preset: 0 };
const commands = commandsOf(pathogenConsensus, inputs, params);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs every step natively in a fresh folder holding links to the inputs; returns the texts and step times. */
async function runNative(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, path] of Object.entries(inputPaths)) symlinkSync(path, join(dir, name));
  const stepMs = {};
  const runner = {
    async run(step) {
      const t0 = performance.now();
      const line = formatJob(step.job);
      const child = await new Promise((done) => {
        const p = spawn('bash', ['-c', `set -o pipefail; ${line}`], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        p.stdout.on('data', (b) => out.push(b));
        p.stderr.on('data', (b) => err.push(b));
        p.on('close', (code) =>
          done({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
        );
      });
      stepMs[step.key] = performance.now() - t0;
      if (child.code !== 0)
        return { succeeded: false, message: `${line}: exit ${child.code}: ${child.stderr.trim().split('\n').pop()}` };
      return {
        succeeded: true,
        text: step.job.stdoutFile ? readFileSync(join(dir, step.job.stdoutFile), 'utf8') : child.stdout,
      };
    },
  };
  const t0 = performance.now();
  const outcome = await runAnalysis(pathogenConsensus, inputs, params, runner);
  const totalMs = performance.now() - t0;
  if (!outcome.ok) throw new Error(`native workflow failed at ${outcome.step}: ${outcome.message}`);
  return { totalMs, stepMs, result: outcome.result };
}

function summary(result) {
  const seq = result.consensus.map((r) => r.sequence).join('');
  return {
    variants: result.variants.map((v) => `${v.contig}:${v.pos}${v.ref}>${v.alt}`).join(' '),
    consensusLength: seq.length,
    ns: (seq.match(/N/g) ?? []).length,
  };
}

console.log(
  `Pathogen workflow: ${reads.join(' + ')} vs ${REF} (${pairs} pairs unless --reads given); ${runs} run(s) per side.`,
);
for (const c of commands) console.log(`  ${c}`);
const nativeDir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'lokus-pathogen-native-'));

// ------------------------------------------------------------------------------------------------ browser set-up
let page;
let browser;
let server;
if (!nativeOnly) {
  const outDir = join(root, 'dist-bench-pathogen');
  await build({ root, mode: 'harness', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ root, build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const { port } = server.httpServer.address();
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/engine-harness.html`);
  await page.waitForSelector('body[data-ready]');
}

async function runBrowser() {
  await page.evaluate(() => window.lokusHarness.clear());
  await page.setInputFiles('#files', Object.values(inputPaths));
  await page.evaluate(() => window.lokusHarness.mountPicked());
  const stepMs = {};
  const runner = {
    async run(step) {
      const t0 = performance.now();
      const r = await page.evaluate((spec) => window.lokusHarness.run(spec), step.job);
      stepMs[step.key] = performance.now() - t0;
      if (r.status !== 'succeeded')
        return {
          succeeded: false,
          message: `${formatJob(step.job)}: ${r.status} ${r.exitStatus}: ${r.stderr.trim().split('\n').pop()}`,
        };
      const text = step.job.stdoutFile
        ? await page.evaluate((name) => window.lokusHarness.readText(name), step.job.stdoutFile)
        : r.stdout;
      return { succeeded: true, text };
    },
  };
  const t0 = performance.now();
  const outcome = await runAnalysis(pathogenConsensus, inputs, params, runner);
  const totalMs = performance.now() - t0;
  if (!outcome.ok) throw new Error(`browser workflow failed at ${outcome.step}: ${outcome.message}`);
  return { totalMs, stepMs, result: outcome.result };
}

// ------------------------------------------------------------------------------------------------ runs (alternating)
const native = [];
const inBrowser = [];
for (let i = 0; i < runs; i++) {
  native.push(await runNative(nativeDir));
  console.log(`run ${i + 1}: native ${(native.at(-1).totalMs / 1000).toFixed(2)} s`);
  if (page) {
    inBrowser.push(await runBrowser());
    console.log(`run ${i + 1}: browser ${(inBrowser.at(-1).totalMs / 1000).toFixed(2)} s`);
  }
}
await browser?.close();
await server?.close();
if (!keep) rmSync(nativeDir, { recursive: true, force: true });

// ------------------------------------------------------------------------------------------------ report
const secs = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '-');
const n = summary(native[0].result);
console.log(
  `\nNative result: ${n.variants.split(' ').length} variants, consensus ${n.consensusLength} bp with ${n.ns} N.`,
);
const truthFile = join(readsDir, `${sample}.truth.json`);
if (existsSync(truthFile)) {
  // The expected answer: the spiked variants, and the reference with them applied and N over the gap.
  const truth = JSON.parse(readFileSync(truthFile, 'utf8'));
  const bases = [...readFileSync(join(data, REF), 'utf8').split('\n').slice(1).join('').trim()];
  for (let i = truth.gap.start - 1; i < truth.gap.end; i++) bases[i] = 'N';
  for (const v of [...truth.variants].sort((a, b) => b.pos - a.pos)) bases.splice(v.pos - 1, v.ref.length, ...v.alt);
  const calls = native[0].result.variants.map((v) => `${v.pos}${v.ref}>${v.alt}`).join(' ');
  const spiked = truth.variants.map((v) => `${v.pos}${v.ref}>${v.alt}`).join(' ');
  const consensusOk = native[0].result.consensus.map((r) => r.sequence).join('') === bases.join('');
  console.log(
    `Against the spiked truth: calls ${calls === spiked ? 'exactly the spiked variants' : `DIFFER (${calls} vs ${spiked})`}; consensus ${consensusOk ? 'as expected' : 'DIFFERS'}.`,
  );
}
if (inBrowser.length) {
  const b = summary(inBrowser[0].result);
  const same =
    JSON.stringify(b) === JSON.stringify(n) &&
    inBrowser[0].result.consensus.map((r) => r.sequence).join('') ===
      native[0].result.consensus.map((r) => r.sequence).join('');
  console.log(`Browser result ${same ? 'is identical (variants, consensus)' : `DIFFERS: ${JSON.stringify(b)}`}.`);
}
console.log(
  `\nMedian wall time of ${runs} run(s), seconds (steps overlap where the workflow allows, so they do not add up):`,
);
console.log(`${'step'.padEnd(12)} ${'native'.padStart(8)} ${'browser'.padStart(8)} ${'ratio'.padStart(6)}`);
const rows = [];
for (const key of [...Object.keys(native[0].stepMs), 'TOTAL']) {
  const pick = (xs) => median(xs.map((x) => (key === 'TOTAL' ? x.totalMs : x.stepMs[key])));
  const nm = pick(native);
  const bm = inBrowser.length ? pick(inBrowser) : NaN;
  rows.push({ step: key, nativeMs: nm, browserMs: bm, ratio: bm / nm });
  console.log(
    `${key.padEnd(12)} ${secs(nm).padStart(8)} ${secs(bm).padStart(8)} ${(Number.isFinite(bm / nm) ? (bm / nm).toFixed(2) : '-').padStart(6)}`,
  );
}
const json = value('json', '');
if (json) writeFileSync(json, `${JSON.stringify({ pairs, runs, commands, rows }, null, 2)}\n`);
