// Running a conformance case and recording / loading its result; shared by scripts/make-expected.mjs (native)
// and test/wasm/conformance.test.ts (wasm). See conformance-cases.mjs for the table and the comparison rules.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { canonical, INLINE_LIMIT } from './conformance-cases.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = join(repoRoot, 'test/fixtures');
export const expectedDir = join(fixturesDir, 'expected');

/** Fresh temp dir holding copies of the case's inputs (relative paths preserved). */
export function prepareDir(c) {
  // A fixed path per case (not mkdtemp): some writers record absolute paths (CRAM @SQ UR:), so the native and
  // the wasm runs must happen in the same directory.
  const dir = join(tmpdir(), 'lokus-conformance', c.id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const rel of c.inputs) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    copyFileSync(join(fixturesDir, rel), join(dir, rel));
  }
  return dir;
}

/** The case's standard input (a fixture's bytes), or null. */
export function stdinOf(c) {
  return c.stdin ? readFileSync(join(fixturesDir, c.stdin)) : null;
}

/** The native command line of a case: its own program, or e.g. `busybox head` for a busybox applet. */
export function nativeCommand(c) {
  const [command, ...prefix] = c.native ?? [c.program];
  return { command, args: [...prefix, ...c.args] };
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** Spawn a command, collecting stdout/stderr as Buffers. */
export function run(command, args, cwd, { timeoutMs = 300_000, stdin = null } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (stdin) child.stdin.end(stdin);
    const out = [];
    const err = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ status: code ?? (signal ? 128 : -1), signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    });
  });
}

let loader = null;
/**
 * Run a wasm program in this process through scripts/lib/wasm-node.mjs (one fresh instance per command, the
 * compiled module cached per program), with `cwd` as the tool's working directory. Same result shape as run().
 */
export async function runWasmInProcess(program, args, cwd, { stdin = null } = {}) {
  loader ??= await import(pathToFileURL(join(repoRoot, 'scripts/lib/wasm-node.mjs')).href);
  const r = await loader.runProgram(program, args, { cwd, ...(stdin ? { stdin } : {}) });
  // lokusRun returns exit()'s argument (e.g. -1 from bcftools); a process exit status is its low 8 bits (255)
  return { status: r.exitStatus & 0xff, signal: null, stdout: r.stdout, stderr: r.stderr, abortReason: r.abortReason };
}

const sha256 = (b) => createHash('sha256').update(b).digest('hex');

/**
 * Canonical form of one run: status, stdout, stderr (only if compared), output files.
 * Each stream is { kind, size, sha256, data? } where data (a Buffer) is present unless over INLINE_LIMIT.
 */
export function collect(c, dir, result) {
  const entry = (buf, kind) => {
    if (buf === null) return { kind, missing: true };
    let canon;
    try {
      canon = canonical(buf, kind);
    } catch (e) {
      // undecodable output (e.g. truncated BGZF): keep the raw bytes so the comparison still happens
      canon = Buffer.concat([Buffer.from(`<undecodable as ${kind}: ${e.message}>\n`), buf]);
    }
    return { kind, size: canon.length, sha256: sha256(canon), data: canon };
  };
  const files = {};
  for (const o of c.outputs ?? []) {
    const p = join(dir, o.path);
    files[o.path] = entry(existsSync(p) ? readFileSync(p) : null, o.kind);
  }
  return {
    status: result.status,
    stdout: entry(result.stdout, c.stdout ?? 'text'),
    stderr: c.stderr === 'exact' ? entry(result.stderr, 'text') : undefined,
    files,
  };
}

const safe = (p) => p.replace(/[^A-Za-z0-9._-]/g, '_');

/** Write test/fixtures/expected/<id>.json, <id>.stdout, <id>.stderr, <id>.files/<name>. */
export function saveExpected(c, got) {
  mkdirSync(expectedDir, { recursive: true });
  rmSync(join(expectedDir, `${c.id}.files`), { recursive: true, force: true });
  for (const ext of ['stdout', 'stderr']) rmSync(join(expectedDir, `${c.id}.${ext}`), { force: true });
  const meta = (e, file) => {
    if (!e) return undefined;
    if (e.missing) return { kind: e.kind, missing: true };
    const inline = e.data.length <= INLINE_LIMIT;
    if (inline) {
      mkdirSync(dirname(join(expectedDir, file)), { recursive: true });
      writeFileSync(join(expectedDir, file), e.data);
    }
    return { kind: e.kind, size: e.size, sha256: e.sha256, file: inline ? file : undefined };
  };
  const json = {
    id: c.id,
    command: [c.program, ...c.args],
    status: got.status,
    stdout: meta(got.stdout, `${c.id}.stdout`),
    stderr: meta(got.stderr, `${c.id}.stderr`),
    files: Object.fromEntries(Object.entries(got.files).map(([p, e]) => [p, meta(e, `${c.id}.files/${safe(p)}`)])),
  };
  writeFileSync(join(expectedDir, `${c.id}.json`), `${JSON.stringify(json, null, 2)}\n`);
}

/** Load the expected record in the same shape as collect() (data present where stored inline). */
export function loadExpected(c) {
  const p = join(expectedDir, `${c.id}.json`);
  if (!existsSync(p)) return null;
  const json = JSON.parse(readFileSync(p, 'utf8'));
  const load = (m) => (m && m.file ? { ...m, data: readFileSync(join(expectedDir, m.file)) } : m);
  return {
    command: json.command,
    status: json.status,
    stdout: load(json.stdout),
    stderr: load(json.stderr),
    files: Object.fromEntries(Object.entries(json.files).map(([k, m]) => [k, load(m)])),
  };
}
