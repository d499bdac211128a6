#!/usr/bin/env node
// Verify public/wasm against wasm/tools.json: every listed file exists with the recorded sha256 and size,
// Exits 1 with one line per problem; unlisted .js/.wasm files under public/wasm are reported as warnings.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'wasm', 'tools.json'), 'utf8'));
const problems = [];
const warnings = []; // unlisted files (e.g. a developer's scratch module): reported, not fatal
const listed = new Set();
let checked = 0;

for (const tool of manifest.tools) {
  for (const prog of tool.programs || []) {
    for (const kind of ['js', 'wasm']) {
      const entry = prog[kind];
      if (!entry || !entry.path) {
        problems.push(`${tool.name}/${prog.name}: no ${kind} entry in tools.json`);
        continue;
      }
      listed.add(path.normalize(entry.path));
      const abs = path.join(repo, entry.path);
      if (!fs.existsSync(abs)) {
        problems.push(`${entry.path}: listed in tools.json but missing (run npm run wasm:build)`);
        continue;
      }
      const bytes = fs.readFileSync(abs);
      const sha = crypto.createHash('sha256').update(bytes).digest('hex');
      if (bytes.length !== entry.size) problems.push(`${entry.path}: size ${bytes.length} != tools.json ${entry.size}`);
      if (sha !== entry.sha256) problems.push(`${entry.path}: sha256 ${sha} != tools.json ${entry.sha256}`);
      checked++;
    }
  }
}

function walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(js|wasm)$/.test(e.name)) {
      const rel = path.relative(repo, p);
      if (!listed.has(path.normalize(rel)))
        warnings.push(`${rel}: present under public/wasm but not listed in tools.json`);
    }
  }
}
walk(path.join(repo, 'public', 'wasm'));

for (const w of warnings) console.error('warning: ' + w);
if (problems.length) {
  console.error(`wasm manifest check FAILED (${problems.length} problem${problems.length > 1 ? 's' : ''}):`);
  for (const p of problems) console.error('  ' + p);
  process.exit(1);
}
console.log(`wasm manifest OK: ${checked} files match wasm/tools.json`);
