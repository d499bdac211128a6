// Conformance of the wasm builds with the native tools: every case of conformance-cases.mjs is run as wasm in a
// directory holding copies of its fixtures, and its exit status,
// stdout, output files (and, for the failure cases, stderr) must equal what the native tool produced
// (test/fixtures/expected/, written by `node scripts/make-expected.mjs`).
//
// A program whose wasm build is missing makes its cases FAIL with a message saying so: nothing is skipped.
//
// By default the tools run in this process through scripts/lib/wasm-node.mjs (the compiled module is cached, so
// the suite stays fast); LOKUS_CONFORMANCE_RUNNER=cli runs every case as `node scripts/wasm-run.mjs <program>`
// in a child process instead (the command-line runner end to end).
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cases, programTools } from './conformance-cases.mjs';
import type { ConformanceCase } from './conformance-cases.mjs';
import { collect, loadExpected, prepareDir, removeDir, repoRoot, run, runWasmInProcess, stdinOf } from './conformance-harness.mjs';
import type { Collected, StreamRecord } from './conformance-harness.mjs';

const wasmRoot = join(repoRoot, 'public/wasm');
const runner = join(repoRoot, 'scripts/wasm-run.mjs');
const viaCli = process.env.LOKUS_CONFORMANCE_RUNNER === 'cli';

/** Path of the program's .js glue under public/wasm/<tool>/<version>/, or null. */
function findBuild(program: string): string | null {
  const toolDir = join(wasmRoot, programTools[program] ?? program);
  if (!existsSync(toolDir)) return null;
  for (const version of readdirSync(toolDir)) {
    const binary = programTools[program] === 'busybox' ? 'busybox' : program;
    const js = join(toolDir, version, `${binary}.js`);
    if (existsSync(js) && existsSync(join(toolDir, version, `${binary}.wasm`))) return js;
  }
  return null;
}

function describeMismatch(what: string, want: StreamRecord | undefined, got: StreamRecord | undefined, dump: string): string | null {
  if (!want && !got) return null;
  if (!want || !got) return `${what}: expected ${want ? 'a record' : 'nothing'}, got ${got ? 'a record' : 'nothing'}`;
  if (want.missing || got.missing) {
    return want.missing === got.missing ? null : `${what}: expected ${want.missing ? 'no file' : 'a file'}, got ${got.missing ? 'no file' : 'a file'}`;
  }
  if (want.sha256 === got.sha256) return null;
  writeFileSync(dump, got.data ?? Buffer.alloc(0));
  let detail = `${what} (${want.kind}) differs: expected ${want.size} bytes sha256 ${want.sha256.slice(0, 12)}, got ${got.size} bytes sha256 ${got.sha256.slice(0, 12)}; wasm output kept in ${dump}`;
  if (want.data && got.data && want.kind !== 'bytes' && want.kind !== 'bam' && want.kind !== 'bcf') {
    const a = want.data.toString('latin1').split('\n');
    const b = got.data.toString('latin1').split('\n');
    const i = a.findIndex((line, k) => line !== b[k]);
    const at = i < 0 ? Math.min(a.length, b.length) : i;
    detail += `\n  first difference at line ${at + 1}:\n  - native: ${JSON.stringify(a[at])}\n  + wasm:   ${JSON.stringify(b[at])}`;
  } else if (want.data && got.data) {
    const n = Math.min(want.data.length, got.data.length);
    let k = 0;
    while (k < n && want.data[k] === got.data[k]) k++;
    detail += `\n  first differing byte at offset ${k}`;
  }
  return detail;
}

const byProgram = new Map<string, ConformanceCase[]>();
for (const c of cases) byProgram.set(c.program, [...(byProgram.get(c.program) ?? []), c]);

for (const [program, group] of byProgram) {
  describe(`${program} (wasm vs native)`, () => {
    for (const c of group) {
      it(`${c.id}: ${program} ${c.args.join(' ')}`, async () => {
        const build = findBuild(program);
        if (!build) {
          throw new Error(`wasm build of ${program} not found: expected public/wasm/${programTools[program]}/<version>/${program}.{js,wasm} (run npm run wasm:build)`);
        }
        if (!existsSync(runner)) throw new Error('scripts/wasm-run.mjs is missing: the wasm runner has not been committed yet');
        const want = loadExpected(c);
        if (!want) throw new Error(`no expected output for ${c.id}: run node scripts/make-expected.mjs ${c.id}`);
        const dir = prepareDir(c);
        let got: Collected;
        try {
          const stdin = stdinOf(c);
          const result = viaCli
            ? await run(process.execPath, [runner, program, ...c.args], dir, { stdin })
            : await runWasmInProcess(program, c.args, dir, { stdin });
          got = collect(c, dir, result);
          const problems: string[] = [];
          if (got.status !== want.status) {
            problems.push(`exit status: native ${want.status}, wasm ${got.status}; wasm stderr: ${result.stderr.toString().slice(0, 2000)}`);
          }
          const out = describeMismatch('stdout', want.stdout, got.stdout, join(dir, '.wasm-stdout'));
          if (out) problems.push(out);
          if (c.stderr === 'exact') {
            const err = describeMismatch('stderr', want.stderr, got.stderr, join(dir, '.wasm-stderr'));
            if (err) problems.push(err);
          }
          for (const path of Object.keys(want.files)) {
            const f = describeMismatch(`file ${path}`, want.files[path], got.files[path], join(dir, `.wasm-file-${path.replace(/\//g, '_')}`));
            if (f) problems.push(f);
          }
          // keep the directory for inspection when something differs
          if (problems.length) throw new Error(`${c.id} differs from native:\n${problems.join('\n')}\n(run dir: ${dir})`);
          removeDir(dir);
        } catch (e) {
          if (e instanceof Error && !e.message.includes('differs from native')) removeDir(dir);
          throw e;
        }
        expect(got.status).toBe(want.status);
      });
    }
  });
}
