#!/usr/bin/env node
// Writes what the native tools print for the clinical quick checks' commands (panel coverage, somatic hotspots,
// sample identity and sex) on the fixtures, into test/fixtures/expected/clinical/<case>.json. The wasm test
// (test/wasm/clinical.test.ts) checks each analysis still asks for exactly this command, runs it as wasm and
// compares; the unit tests read the analyses' figures off these native outputs. Run from the repository root.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const F = 'test/fixtures';
const OUT = join(F, 'expected', 'clinical');

/** name -> [program, argv]; argv names fixtures relative to test/fixtures, as the analyses name session files. */
export const CLINICAL_CASES = {
  'panel-bedcov-10': ['samtools', ['bedcov', '-j', '-c', '-d', '10', 'ex1.panel.bed', 'ex1.bam']],
  'panel-bedcov-20': ['samtools', ['bedcov', '-j', '-d', '20', 'ex1.panel.bed', 'ex1.bam']],
  'panel-bedcov-30': ['samtools', ['bedcov', '-j', '-d', '30', 'ex1.panel.bed', 'ex1.bam']],
  'panel-depth': ['samtools', ['depth', '-a', '-b', 'ex1.panel.bed', 'ex1.bam']],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(OUT, { recursive: true });
  for (const [name, [program, argv]] of Object.entries(CLINICAL_CASES)) {
    const stdout = execFileSync(program, argv, { cwd: F, encoding: 'utf8', maxBuffer: 1 << 28 });
    writeFileSync(join(OUT, `${name}.json`), JSON.stringify({ program, argv, native: execFileSync(program, ['--version'], { encoding: 'utf8' }).split('\n')[0], stdout }, null, 1) + '\n');
    console.log(`${name}: ${stdout.length} bytes`);
  }
}
