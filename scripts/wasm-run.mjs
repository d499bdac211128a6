#!/usr/bin/env node
// Run a committed WebAssembly tool build in Node on the host's files:
//   node scripts/wasm-run.mjs <program> [args...]
// stdout/stderr are the tool's raw bytes; stdin is passed through when it is not a terminal;
// the process exits with the tool's own exit status (134 if the tool aborts).
import fs from 'node:fs';
import { runProgram, fdWriter, fdReader, listPrograms } from './lib/wasm-node.mjs';

const [program, ...argv] = process.argv.slice(2);
if (!program || program === '--help' || program === '-h') {
  const names = listPrograms().map((p) => `${p.program} (${p.tool} ${p.version})`);
  process.stderr.write(`usage: node scripts/wasm-run.mjs <program> [args...]\nprograms: ${names.join(', ')}\n`);
  process.exit(program ? 0 : 2);
}

const writeOut = fdWriter(1);
const writeErr = fdWriter(2);
// Coalesce small stdout writes (musl flushes every 1 KiB); flush before any stderr output to keep order.
const BUF = 1 << 16;
let pending = Buffer.allocUnsafe(BUF);
let used = 0;
function flushOut() {
  if (used) {
    writeOut(pending.subarray(0, used));
    used = 0;
  }
}
function onStdout(chunk) {
  if (chunk.length >= BUF) {
    flushOut();
    writeOut(chunk);
    return;
  }
  if (used + chunk.length > BUF) flushOut();
  pending.set(chunk, used);
  used += chunk.length;
}
function onStderr(chunk) {
  flushOut();
  writeErr(chunk);
}

let stdin;
try {
  if (!process.stdin.isTTY && fs.fstatSync(0)) stdin = fdReader(0);
} catch {
  stdin = undefined;
}

let res;
try {
  res = await runProgram(program, argv, { onStdout, onStderr, stdin });
} catch (e) {
  flushOut();
  process.stderr.write(`wasm-run: ${e.message}\n`);
  process.exit(127);
}
flushOut();
if (res.exitStatus === 134 && res.abortReason && process.env.LOKUS_WASM_DEBUG) {
  process.stderr.write(`wasm-run: ${program} aborted: ${res.abortReason}\n`);
}
process.exitCode = res.exitStatus;
