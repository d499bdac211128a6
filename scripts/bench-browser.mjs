#!/usr/bin/env node
// The bench:tools commands run in headless Chromium through the real tool engine (engine-harness.html), next
// to their native and Node-wasm timings from scripts/bench-tools.mjs: browser / Node-wasm / native ratios.
//
// Inputs are opened the way a user opens them: real Files picked in a file input (read from disk in place).
// Browser time is the job's own duration as the engine reports it (queue to result; the first run of a program
// in a worker includes fetching and compiling its .wasm). stdout goes to a file in the work area (`>`).
//
// Usage: npm run bench:browser -- [--runs 3] [--only <substring>[,...]] [--tools-json file] [--no-node] [--out-dir dist] [--json out.json] [--chromium-arg <flag>]...
//   --tools-json  reuse a bench:tools --json result instead of running bench:tools here
//   --no-node     browser only
//   --out-dir     build folder (default dist)
//   --chromium-arg  one extra browser flag per use, for diagnosis (e.g. --js-flags=--no-wasm-bounds-checks)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { benchLabel, selectBenchCommands } from './lib/bench-commands.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'bench-data');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const runs = Number(value('runs', 3));
const only = value('only', '').split(',').filter(Boolean);

// `out/` paths become plain names: the browser work area is flat.
const commands = selectBenchCommands(only);
const chromiumArgs = argv.flatMap((a, i) => (argv[i - 1] === '--chromium-arg' ? [a] : []));

const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ------------------------------------------------------------------------------------------------ native and Node-wasm
let toolsRows = [];
if (!flag('no-node')) {
  let file = value('tools-json', '');
  if (!file) {
    file = join(mkdtempSync(join(tmpdir(), 'lokus-bench-')), 'tools.json');
    const onlyArgs = only.length ? ['--only', only.join(',')] : [];
    const r = spawnSync(
      process.execPath,
      [join(root, 'scripts/bench-tools.mjs'), '--runs', String(runs), '--json', file, ...onlyArgs],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) throw new Error('bench:tools failed');
  }
  toolsRows = JSON.parse(readFileSync(file, 'utf8')).results;
} else if (!existsSync(join(data, 'reads.bam'))) {
  spawnSync(process.execPath, [join(root, 'scripts/gen-bench-data.mjs')], { stdio: 'inherit' });
}

// ------------------------------------------------------------------------------------------------ browser
// --out-dir: build somewhere other than dist/, so a benchmark does not replace the build another run is serving.
const outDir = value('out-dir', 'dist');
// Mode 'harness' adds engine-harness.html (left out of the production build).
await build({ root, mode: 'harness', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({ root, build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const { port } = server.httpServer.address();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // --chromium-arg <flag> (repeatable): extra browser flags for diagnosis, e.g. --js-flags=--no-wasm-bounds-checks.
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    ...chromiumArgs,
  ],
});
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/engine-harness.html`);
await page.waitForSelector('body[data-ready]');
const installed = new Set((await page.evaluate(() => window.lokusHarness.programs())).map((p) => p.program));

const results = [];
for (const c of commands) {
  const label = benchLabel(c);
  const args = c.args.map((a) => a.replace(/^out\//, ''));
  // Inputs are the arguments that name bench-data files (not `out/` targets), with their index files.
  const named = c.args.filter((a) => !a.startsWith('out/') && existsSync(join(data, a)));
  const inputs = [
    ...new Set(named.flatMap((a) => [a, ...['.bai', '.csi', '.tbi', '.fai'].map((ext) => a + ext)])),
  ].filter((a) => existsSync(join(data, a)));
  const row = { group: c.group, command: label, browserMs: NaN, browserNote: null, peakMemoryMiB: NaN };
  if (!installed.has(c.program)) row.browserNote = 'wasm build missing';
  const times = [];
  for (let i = 0; i < runs && !row.browserNote; i++) {
    await page.evaluate(() => window.lokusHarness.clear());
    await page.setInputFiles(
      '#files',
      inputs.map((name) => join(data, name)),
    );
    await page.evaluate(() => window.lokusHarness.mountPicked());
    const result = await page.evaluate((spec) => window.lokusHarness.run(spec), {
      steps: [{ program: c.program, argv: args }],
      ...(c.stdout ? { stdoutFile: 'stdout.out' } : {}),
    });
    if (result.status !== 'succeeded')
      row.browserNote = `${result.status} ${result.exitStatus}: ${result.stderr.trim().split('\n').pop()}`;
    else times.push(result.durationMs);
    row.peakMemoryMiB = Math.max(
      Number.isNaN(row.peakMemoryMiB) ? 0 : row.peakMemoryMiB,
      (result.peakMemoryBytes ?? 0) / 2 ** 20,
    );
  }
  row.browserMs = median(times);
  const tools = toolsRows.find((r) => r.command === label);
  Object.assign(row, { nativeMs: tools?.nativeMs ?? NaN, wasmMs: tools?.wasmMs ?? NaN });
  results.push(row);
  console.log(
    `${label.slice(0, 80).padEnd(80)} browser ${row.browserNote ?? `${(row.browserMs / 1000).toFixed(2)} s`}`,
  );
}
await browser.close();
await server.close();

// ------------------------------------------------------------------------------------------------ report
const secs = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '-');
const ratio = (a, b) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '-');
console.log(
  `\nMedian of ${runs} run(s), wall time in seconds. browser = job duration in the engine (headless Chromium);`,
);
console.log('node-wasm = node scripts/wasm-run.mjs (incl. Node start-up); native = the binary on PATH.\n');
const head = ['command', 'browser', 'node-wasm', 'native', 'browser/node-wasm', 'browser/native', 'wasm heap MiB'];
const rows = results.map((r) => [
  r.command,
  r.browserNote?.slice(0, 40) ?? secs(r.browserMs),
  secs(r.wasmMs),
  secs(r.nativeMs),
  ratio(r.browserMs, r.wasmMs),
  ratio(r.browserMs, r.nativeMs),
  Number.isFinite(r.peakMemoryMiB) ? String(Math.round(r.peakMemoryMiB)) : '-',
]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of rows) console.log(line(r));
const groupMedian = (g, key) =>
  median(
    results
      .filter((r) => (!g || r.group === g) && Number.isFinite(r.browserMs / r[key]))
      .map((r) => r.browserMs / r[key]),
  );
for (const [name, g] of [
  ['BGZF-bound', 'bgzf'],
  ['minimap2', 'minimap2'],
  ['all commands', undefined],
]) {
  console.log(
    `median browser/native ratio, ${name}: ${secsRatio(groupMedian(g, 'nativeMs'))}; browser/node-wasm: ${secsRatio(groupMedian(g, 'wasmMs'))}`,
  );
}
function secsRatio(x) {
  return Number.isFinite(x) ? x.toFixed(2) : '-';
}
const jsonOut = value('json', '');
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ runs, date: new Date().toISOString(), results }, null, 2)}\n`);
