// Node host for the Lokus WebAssembly tool builds (see wasm/CONTRACT.md).
//
//   import { runProgram } from './lib/wasm-node.mjs';
//   const { exitStatus } = await runProgram('samtools', ['flagstat', 'x.bam'], { onStdout, onStderr });
//
// One fresh instance per command; the compiled WebAssembly.Module is cached per program, so an instance
// costs milliseconds. Host directories are mounted with NODEFS at their own paths, so relative and absolute
// host paths both work, and the tool's cwd is the given (or current) directory.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';

const require = createRequire(import.meta.url);
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MANIFEST_PATH = path.join(REPO_ROOT, 'wasm', 'tools.json');

let manifestCache = null;

/** Parsed wasm/tools.json. */
export function loadManifest({ reload = false } = {}) {
  if (!manifestCache || reload) manifestCache = JSON.parse(fs.readFileSync(MANIFEST_PATH, 'utf8'));
  return manifestCache;
}

/** All built programs: [{ program, tool, version, jsPath, wasmPath, wasmSha256 }] (absolute paths). */
export function listPrograms() {
  const out = [];
  for (const tool of loadManifest().tools) {
    for (const p of tool.programs || []) {
      // A multi-call build (busybox) is also listed under each applet name; argv[0] picks the applet.
      for (const name of [p.name, ...(p.applets || [])]) {
        out.push({
          program: name,
          tool: tool.name,
          version: tool.version,
          jsPath: path.join(REPO_ROOT, p.js.path),
          wasmPath: path.join(REPO_ROOT, p.wasm.path),
          wasmSha256: p.wasm.sha256,
        });
      }
    }
  }
  return out;
}

/** Look a program up by name ("samtools", "bgzip", ...). Throws if it is not built. */
export function findProgram(name) {
  const hit = listPrograms().find((p) => p.program === name);
  if (!hit) {
    const known =
      listPrograms()
        .map((p) => p.program)
        .join(', ') || '(none built)';
    throw new Error(`unknown wasm program "${name}"; built programs: ${known}`);
  }
  return hit;
}

const factories = new Map(); // .js path -> factory
const modules = new Map(); // .wasm path -> Promise<WebAssembly.Module>

function getFactory(info) {
  let f = factories.get(info.jsPath);
  if (!f) {
    // The .js is a classic (CommonJS-style) script; public/wasm/package.json marks it "type": "commonjs".
    f = require(info.jsPath);
    factories.set(info.jsPath, f);
  }
  return f;
}

/** Compiled module, cached for the life of the process. verify=true checks the sha256 against tools.json. */
export function getCompiledModule(info, { verify = false } = {}) {
  let p = modules.get(info.wasmPath);
  if (!p) {
    p = (async () => {
      const bytes = await fs.promises.readFile(info.wasmPath);
      if (verify) {
        const sha = crypto.createHash('sha256').update(bytes).digest('hex');
        if (sha !== info.wasmSha256)
          throw new Error(`${info.wasmPath}: sha256 ${sha} != tools.json ${info.wasmSha256}`);
      }
      return WebAssembly.compile(bytes);
    })();
    modules.set(info.wasmPath, p);
    p.catch(() => modules.delete(info.program));
  }
  return p;
}

/** Top-level host directories to mount at their own path (skips the emulated /dev and /proc). */
function hostTopDirs() {
  const skip = new Set(['dev', 'proc', 'sys']);
  const dirs = [];
  for (const name of fs.readdirSync('/')) {
    if (skip.has(name)) continue;
    try {
      if (fs.statSync('/' + name).isDirectory()) dirs.push('/' + name);
    } catch {
      /* dangling link, permission */
    }
  }
  return dirs;
}

/** st_blksize reported for host files. htslib sizes its write buffer from it (reads stay clamped to 32 KiB):
 * the disk's 4 KiB meant one JS->fs.writeSync crossing per 4 KiB of output (96,000 for a 393 MB VCF). The
 * browser engine does the same for its files (src/engine/worker-fs.ts). Output bytes do not change. */
export const HOST_BLKSIZE = 1 << 20;

/** Mount the host file system into an instance and chdir (usable as lokusSetup). */
export function mountHost(FS, NODEFS, cwd) {
  const getattr = NODEFS.node_ops.getattr;
  NODEFS.node_ops.getattr = (node) => ({ ...getattr(node), blksize: HOST_BLKSIZE });
  for (const dir of hostTopDirs()) {
    try {
      FS.mkdir(dir);
    } catch {
      /* exists (e.g. /tmp, /home) */
    }
    FS.mount(NODEFS, { root: dir }, dir);
  }
  FS.chdir(cwd);
}

/**
 * Run one command in a fresh instance.
 * @param {string} program   e.g. 'samtools'
 * @param {string[]} argv    arguments after the program name
 * @param {object} [opts]
 * @param {string} [opts.cwd]                  working directory inside the tool (default process.cwd())
 * @param {Uint8Array|((buf: Uint8Array)=>number)} [opts.stdin]  bytes, or a synchronous pull reader
 * @param {(chunk: Uint8Array)=>void} [opts.onStdout]  raw bytes (copy if kept); default: collected
 * @param {(chunk: Uint8Array)=>void} [opts.onStderr]
 * @param {(FS, module)=>void} [opts.setup]    extra setup after mounting, before main
 * @param {boolean} [opts.mountHost=true]      mount host dirs with NODEFS
 * @returns {Promise<{exitStatus:number, abortReason:string|null, stdout?:Buffer, stderr?:Buffer,
 *           heapBytes:number, instantiateMs:number, runMs:number}>}
 */
export async function runProgram(program, argv, opts = {}) {
  const info = findProgram(program);
  const factory = getFactory(info);
  const compiled = await getCompiledModule(info);
  const cwd = path.resolve(opts.cwd || process.cwd());
  const outChunks = opts.onStdout ? null : [];
  const errChunks = opts.onStderr ? null : [];
  const t0 = performance.now();
  const m = await factory({
    thisProgram: program,
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled));
      return {};
    },
    lokusStdout: opts.onStdout || ((c) => outChunks.push(Buffer.from(c))),
    lokusStderr: opts.onStderr || ((c) => errChunks.push(Buffer.from(c))),
    lokusStdin: opts.stdin,
    lokusSetup(FS, mod) {
      if (opts.mountHost !== false) mountHost(FS, mod.NODEFS, cwd);
      if (opts.setup) opts.setup(FS, mod);
    },
  });
  const t1 = performance.now();
  const exitStatus = m.lokusRun(argv);
  const t2 = performance.now();
  const result = {
    exitStatus,
    abortReason: m.lokusAbortReason,
    heapBytes: m.HEAPU8 ? m.HEAPU8.length : 0,
    instantiateMs: t1 - t0,
    runMs: t2 - t1,
  };
  if (outChunks) result.stdout = Buffer.concat(outChunks);
  if (errChunks) result.stderr = Buffer.concat(errChunks);
  return result;
}

/** Synchronous writer for a host fd that tolerates non-blocking pipes (EAGAIN). */
export function fdWriter(fd) {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  return (chunk) => {
    let off = 0;
    while (off < chunk.length) {
      try {
        off += fs.writeSync(fd, chunk, off, chunk.length - off);
      } catch (e) {
        if (e.code === 'EAGAIN') Atomics.wait(sleeper, 0, 0, 2);
        else if (e.code === 'EPIPE') return;
        else throw e;
      }
    }
  };
}

/** Synchronous pull reader for a host fd (stdin), for opts.stdin. */
export function fdReader(fd) {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  let eof = false;
  return (buf) => {
    if (eof) return 0;
    for (;;) {
      try {
        const n = fs.readSync(fd, buf, 0, buf.length, null);
        if (n === 0) eof = true;
        return n;
      } catch (e) {
        if (e.code === 'EAGAIN') Atomics.wait(sleeper, 0, 0, 2);
        else if (e.code === 'EOF') return 0;
        else throw e;
      }
    }
  };
}
