#!/usr/bin/env node
// Runs every conformance case (test/wasm/conformance-cases.mjs) with the NATIVE tools and records the canonical
// output in test/fixtures/expected/. Usage: node scripts/make-expected.mjs [case-id-substring ...]
// Each case is run twice; a case whose two native runs differ is reported (the expected output must be
// deterministic).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cases } from '../test/wasm/conformance-cases.mjs';
import {
  collect,
  expectedDir,
  nativeCommand,
  prepareDir,
  removeDir,
  run,
  saveExpected,
  stdinOf,
} from '../test/wasm/conformance-harness.mjs';

const filters = process.argv.slice(2);
const selected = filters.length ? cases.filter((c) => filters.some((f) => c.id.includes(f))) : cases;

const versions = {};
for (const p of ['samtools', 'bcftools', 'bgzip', 'minimap2', 'bedtools']) {
  try {
    versions[p] = execFileSync(p, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split(
      '\n',
    )[0];
  } catch (e) {
    versions[p] = `unavailable (${e.message.split('\n')[0]})`;
  }
}
// seqtk has no --version; its usage text (stderr, exit 1) names the version
const seqtkUsage = (() => {
  try {
    execFileSync('seqtk', [], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (e) {
    return String(e.stderr ?? '');
  }
})();
versions.seqtk = (seqtkUsage.match(/Version: *(\S+)/) ?? [null, 'unknown'])[1];
console.log('native tools:', versions);
mkdirSync(expectedDir, { recursive: true });
writeFileSync(join(expectedDir, 'native-versions.json'), `${JSON.stringify(versions, null, 2)}\n`);

const same = (a, b) =>
  a.status === b.status &&
  a.stdout.sha256 === b.stdout.sha256 &&
  a.stderr?.sha256 === b.stderr?.sha256 &&
  Object.keys(a.files).every((k) => a.files[k].sha256 === b.files[k].sha256);

let problems = 0;
for (const c of selected) {
  const results = [];
  for (let i = 0; i < 2; i++) {
    const dir = prepareDir(c);
    try {
      const { command, args } = nativeCommand(c);
      const r = await run(command, args, dir, { stdin: stdinOf(c) });
      results.push(collect(c, dir, r));
    } finally {
      removeDir(dir);
    }
  }
  const [got, again] = results;
  if (!same(got, again)) {
    problems++;
    console.error(`NONDETERMINISTIC ${c.id}`);
  }
  const failing = c.stderr === 'exact';
  if (failing ? got.status === 0 : got.status !== 0) {
    problems++;
    console.error(`UNEXPECTED STATUS ${c.id}: ${got.status}${got.stderr ? ` ${got.stderr.data}` : ''}`);
  }
  for (const [p, f] of Object.entries(got.files)) if (f.missing) console.error(`MISSING OUTPUT ${c.id}: ${p}`);
  // a wall-clock date left after normalisation would make the expected output stale tomorrow
  const dated =
    /(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d+ \d\d:\d\d:\d\d \d{4}/;
  for (const [what, e] of [['stdout', got.stdout], ['stderr', got.stderr], ...Object.entries(got.files)]) {
    if (e?.data && e.kind !== 'bytes' && dated.test(e.data.toString('latin1'))) {
      problems++;
      console.error(`DATE IN OUTPUT ${c.id}: ${what} still contains a wall-clock date after normalisation`);
    }
  }
  saveExpected(c, got);
  console.log(
    `${c.id.padEnd(44)} status=${got.status} stdout=${got.stdout.size}B${Object.keys(got.files).length ? ` files=${Object.keys(got.files).join(',')}` : ''}`,
  );
}
console.log(`${selected.length} cases written to test/fixtures/expected/${problems ? `, ${problems} problem(s)` : ''}`);
process.exitCode = problems ? 1 : 0;
