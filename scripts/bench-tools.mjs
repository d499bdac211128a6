#!/usr/bin/env node
// Native vs WebAssembly timings of the real tools on generated data (bench-data/, see scripts/gen-bench-data.mjs,
// which this runs first; generation is cached).
//
// Each command runs natively (the binary on PATH) and as wasm (`node scripts/wasm-run.mjs <program> ...`, i.e.
// including Node start-up and wasm compilation, as a user of the runner pays it) in the same run, alternating
// native/wasm (and which goes first) on every round; large outputs go to files in bench-data/out/, never into
// memory. Reported: median wall time of N runs per side, wasm/native ratio, whether the two outputs are
// identical (ignoring @PG / ##bcftools_*Command lines), and the median ratio over the BGZF-bound commands and over minimap2.
//
// Usage: npm run bench:tools -- [--runs 5] [--only <substring>[,<substring>...]] [--no-gen] [--json out.json]
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createGunzip } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchLabel, selectBenchCommands } from './lib/bench-commands.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'bench-data');
const outDir = join(data, 'out');
const runner = join(root, 'scripts/wasm-run.mjs');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const runs = Number(value('runs', 5));
const only = value('only', '').split(',').filter(Boolean);
const jsonOut = value('json', '');
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');

const programTools = {
  samtools: 'samtools',
  bcftools: 'bcftools',
  bgzip: 'htslib',
  tabix: 'htslib',
  htsfile: 'htslib',
  minimap2: 'minimap2',
  seqtk: 'seqtk',
  bedtools: 'bedtools',
};

const commands = selectBenchCommands(only);

// ------------------------------------------------------------------------------------------------ availability
function nativePath(program) {
  const r = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}
function wasmBuild(program) {
  const dir = join(root, 'public/wasm', programTools[program] ?? program);
  if (!existsSync(dir)) return null;
  for (const v of readdirSync(dir))
    if (existsSync(join(dir, v, `${program}.js`)) && existsSync(join(dir, v, `${program}.wasm`)))
      return join(dir, v, `${program}.js`);
  return null;
}
const programs = [...new Set(commands.map((c) => c.program))];
const native = Object.fromEntries(programs.map((p) => [p, nativePath(p)]));
const wasm = Object.fromEntries(programs.map((p) => [p, existsSync(runner) ? wasmBuild(p) : null]));
for (const p of programs) {
  if (!native[p]) console.log(`NATIVE BINARY MISSING: ${p} is not on PATH; its native column will be empty`);
  if (!wasm[p])
    console.log(
      `WASM BUILD MISSING: ${existsSync(runner) ? `public/wasm/${programTools[p]}/<version>/${p}.{js,wasm}` : 'scripts/wasm-run.mjs'} not found; ${p}'s wasm column will be empty`,
    );
}

// ------------------------------------------------------------------------------------------------ data
if (!flag('no-gen')) {
  const g = spawnSync(process.execPath, [join(root, 'scripts/gen-bench-data.mjs')], { stdio: 'inherit' });
  if (g.status !== 0) throw new Error('bench data generation failed');
}
mkdirSync(outDir, { recursive: true });

// ------------------------------------------------------------------------------------------------ running
// Runs the command under bash so that `times` reports the CPU time (user + sys) of the command and all its
// threads/children: on a shared machine wall time includes waiting for a core, CPU time does not.
const TIMED = '"$@"; s=$?; times >&3; exit $s';
function timeCommand(cmd, args, stdoutFile) {
  return new Promise((res) => {
    const outFd = openSync(stdoutFile ?? '/dev/null', 'w');
    const errFile = join(outDir, '.stderr');
    const errFd = openSync(errFile, 'w');
    const t = process.hrtime.bigint();
    const child = spawn('bash', ['-c', TIMED, 'bench', cmd, ...args], {
      cwd: data,
      stdio: ['ignore', outFd, errFd, 'pipe'],
    });
    let times = '';
    child.stdio[3].on('data', (d) => (times += d));
    const finish = (status, err) => {
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      closeSync(outFd);
      closeSync(errFd);
      // second line of `times`: children's user and sys, e.g. "0m1.234s 0m0.056s"
      const m = times.split('\n')[1]?.match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/);
      const cpuMs = m ? (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000 : NaN;
      res({ ms, cpuMs, status, err });
    };
    child.on('error', (e) => finish(-1, e.message));
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : -1), signal ?? undefined));
  });
}

// Digest of an output with the run-specific lines left out (the same rules as the conformance test: @PG,
// ##bcftools*Version/Command with its Date, stats "command line" lines); gzip/BGZF/BAM is decompressed first.
const RUN_SPECIFIC =
  /^(@PG\t|##bcftools(_[\w-]+)?(Version|Command)=|# The command line was:|# This file was produced by)/;
function sha256File(path) {
  return new Promise((res) => {
    if (!existsSync(path)) return res(null);
    const h = createHash('sha256');
    let rest = '';
    const feed = (text) => {
      const lines = (rest + text).split('\n');
      rest = lines.pop();
      for (const l of lines) if (!RUN_SPECIFIC.test(l)) h.update(`${l}\n`);
    };
    const head = Buffer.alloc(2);
    const fd = openSync(path, 'r');
    readSync(fd, head, 0, 2, 0);
    closeSync(fd);
    let stream = createReadStream(path);
    if (head[0] === 0x1f && head[1] === 0x8b) stream = stream.pipe(createGunzip());
    stream
      .on('data', (d) => feed(d.toString('latin1')))
      .on('end', () => {
        if (rest && !RUN_SPECIFIC.test(rest)) h.update(rest);
        res(h.digest('hex'));
      })
      .on('error', () => res(null));
  });
}

const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const results = [];
for (const c of commands) {
  const label = benchLabel(c);
  const sides = {
    native: { ms: [], cpu: [], fail: null, digest: null },
    wasm: { ms: [], cpu: [], fail: null, digest: null },
  };
  const stdoutOf = (side) => (c.stdout ? join(outDir, `${side}.${c.stdout}`) : null);
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['native', 'wasm'] : ['wasm', 'native'];
    for (const side of order) {
      const s = sides[side];
      if (s.fail) continue;
      if (side === 'native' && !native[c.program]) continue;
      if (side === 'wasm' && !wasm[c.program]) continue;
      for (const f of c.out ?? []) rmSync(join(data, f), { force: true });
      const r =
        side === 'native'
          ? await timeCommand(c.program, c.args, stdoutOf(side))
          : await timeCommand(process.execPath, [runner, c.program, ...c.args], stdoutOf(side));
      if (r.status !== 0) {
        s.fail = `exit ${r.status}${r.err ? ` ${r.err}` : ''}`;
        continue;
      }
      s.ms.push(r.ms);
      s.cpu.push(r.cpuMs);
      if (i === runs - 1) {
        // digest of the last run's output (stdout file or first written file), before the other side overwrites it
        const p = c.stdout ? stdoutOf(side) : join(data, c.out[0]);
        s.digest = await sha256File(p);
      }
    }
    if (process.stdout.isTTY) process.stdout.write(`\r${label.slice(0, 70).padEnd(70)} run ${i + 1}/${runs}`);
  }
  if (process.stdout.isTTY) process.stdout.write('\r'.padEnd(90) + '\r');
  const n = median(sides.native.ms);
  const w = median(sides.wasm.ms);
  const nc = median(sides.native.cpu);
  const wc = median(sides.wasm.cpu);
  const row = {
    group: c.group,
    command: label,
    nativeMs: n,
    wasmMs: w,
    ratio: w / n,
    nativeCpuMs: nc,
    wasmCpuMs: wc,
    cpuRatio: wc / nc,
    nativeNote: !native[c.program] ? 'native binary missing' : sides.native.fail,
    wasmNote: !wasm[c.program] ? 'wasm build missing' : sides.wasm.fail,
    sameOutput: sides.native.digest && sides.wasm.digest ? sides.native.digest === sides.wasm.digest : null,
  };
  results.push(row);
  const fmt = (ms, note) => (note ? note : `${(ms / 1000).toFixed(2)} s`);
  console.log(
    `${label.slice(0, 80).padEnd(80)} wall: native ${fmt(n, row.nativeNote)}, wasm ${fmt(w, row.wasmNote)}, ratio ${Number.isFinite(row.ratio) ? row.ratio.toFixed(2) : '-'}; ` +
      `cpu: native ${fmt(nc, row.nativeNote)}, wasm ${fmt(wc, row.wasmNote)}, ratio ${Number.isFinite(row.cpuRatio) ? row.cpuRatio.toFixed(2) : '-'}; same output: ${row.sameOutput}`,
  );
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ runs, partial: true, results }, null, 2)}\n`);
}

// ------------------------------------------------------------------------------------------------ report
const secs = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '-');
console.log(
  `\nMedian of ${runs} run(s) per side, seconds (wasm = node scripts/wasm-run.mjs, incl. Node start-up and compilation).`,
);
console.log(
  'wall = elapsed time; cpu = user+sys CPU time of the process and its threads (robust on a busy machine).\n',
);
const ok = (r) => !r.nativeNote && !r.wasmNote;
const head = [
  'command',
  'native wall',
  'wasm wall',
  'wall ratio',
  'native cpu',
  'wasm cpu',
  'cpu ratio',
  'same output',
];
const rows = results.map((r) => [
  r.command,
  r.nativeNote ?? secs(r.nativeMs),
  r.wasmNote ?? secs(r.wasmMs),
  Number.isFinite(r.ratio) && ok(r) ? r.ratio.toFixed(2) : '-',
  r.nativeNote ? '-' : secs(r.nativeCpuMs),
  r.wasmNote ? '-' : secs(r.wasmCpuMs),
  Number.isFinite(r.cpuRatio) && ok(r) ? r.cpuRatio.toFixed(2) : '-',
  r.sameOutput === null ? '-' : r.sameOutput ? 'yes' : 'NO',
]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of rows) console.log(line(r));
const groupMedian = (g, key) =>
  median(results.filter((r) => (g === 'all' || r.group === g) && Number.isFinite(r[key]) && ok(r)).map((r) => r[key]));
const summary = {};
for (const g of ['bgzf', 'minimap2', 'all'])
  summary[g] = { wall: groupMedian(g, 'ratio'), cpu: groupMedian(g, 'cpuRatio') };
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '-');
console.log(
  `\nmedian wasm/native ratio, BGZF-bound (samtools view -c, flagstat, stats; bcftools stats, view): wall ${f2(summary.bgzf.wall)}, cpu ${f2(summary.bgzf.cpu)}`,
);
console.log(
  `median wasm/native ratio, minimap2 (sr, map-ont): wall ${f2(summary.minimap2.wall)}, cpu ${f2(summary.minimap2.cpu)}`,
);
console.log(`median wasm/native ratio, all commands: wall ${f2(summary.all.wall)}, cpu ${f2(summary.all.cpu)}`);
if (jsonOut)
  writeFileSync(jsonOut, `${JSON.stringify({ runs, date: new Date().toISOString(), results, summary }, null, 2)}\n`);
