// Copy built programs from wasm/.build/out/<tool>/ to public/wasm/<tool>/<version>/ and rewrite
// wasm/tools.json (programs with path, sha256 and size of each .js and .wasm, and the applet names of a
// multi-call program).
//   node wasm/shared/install.mjs [tool...]   (default: every tool with outputs)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const wasmDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(wasmDir, '..');
const manifestPath = path.join(wasmDir, 'tools.json');
const outDir = path.join(process.env.LOKUS_BUILD || path.join(wasmDir, '.build'), 'out');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const only = process.argv.slice(2);

function describe(file) {
  const bytes = fs.readFileSync(path.join(repo, file));
  return { path: file, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}

for (const tool of manifest.tools) {
  if (only.length && !only.includes(tool.name)) continue;
  const src = path.join(outDir, tool.name);
  if (!fs.existsSync(src)) {
    console.error(`[install] ${tool.name}: no build output, left as is`);
    continue;
  }
  const programs = fs
    .readdirSync(src)
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3))
    .sort();
  const dest = path.join('public', 'wasm', tool.name, tool.version);
  fs.rmSync(path.join(repo, dest), { recursive: true, force: true });
  fs.mkdirSync(path.join(repo, dest), { recursive: true });
  tool.programs = programs.map((name) => {
    for (const ext of ['js', 'wasm']) fs.copyFileSync(path.join(src, `${name}.${ext}`), path.join(repo, dest, `${name}.${ext}`));
    // A multi-call program (busybox) answers to the names in applets.txt, chosen by argv[0].
    const appletsFile = path.join(src, 'applets.txt');
    const applets = fs.existsSync(appletsFile) ? fs.readFileSync(appletsFile, 'utf8').split('\n').filter(Boolean) : [];
    const entry = { name, js: describe(`${dest}/${name}.js`), wasm: describe(`${dest}/${name}.wasm`) };
    return applets.length ? { ...entry, applets } : entry;
  });
  console.error(`[install] ${tool.name} ${tool.version}: ${programs.join(', ')}`);
}
fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
