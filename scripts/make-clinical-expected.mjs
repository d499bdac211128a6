#!/usr/bin/env node
// Writes what the native tools print for the clinical quick checks' commands (panel coverage, somatic hotspots,
// sample identity and sex) on the fixtures, into test/fixtures/expected/clinical/<case>.json. The wasm test
// (test/wasm/clinical.test.ts) checks each analysis still asks for exactly this command, runs it as wasm and
// compares; the unit tests read the analyses' figures off these native outputs. Run from the repository root.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const F = 'test/fixtures';
const OUT = join(F, 'expected', 'clinical');

/** The hotspot positions the analysis feeds to mpileup on stdin (as src/core/clinical/hotspots.ts pileupPositions). */
function hotspotPositions() {
  const lines = new Set();
  for (const h of JSON.parse(readFileSync('src/core/clinical/hotspots.json', 'utf8')).hotspots) {
    for (const [start, end] of [[h.grch37, h.end37 ?? h.grch37], [h.grch38, h.end38 ?? h.grch38]]) {
      const first = h.kind === 'deletion' ? start - 1 : start;
      for (const name of [h.chrom, `chr${h.chrom}`]) for (let p = first; p <= end; p++) lines.add(`${name}\t${p}`);
    }
  }
  return [...lines].join('\n') + '\n';
}

/** name -> [program, argv, stdin?]; argv names fixtures relative to test/fixtures, as the analyses name session files. */
export const CLINICAL_CASES = {
  'panel-bedcov-10': ['samtools', ['bedcov', '-j', '-c', '-d', '10', 'ex1.panel.bed', 'ex1.bam']],
  'panel-bedcov-20': ['samtools', ['bedcov', '-j', '-d', '20', 'ex1.panel.bed', 'ex1.bam']],
  'panel-bedcov-30': ['samtools', ['bedcov', '-j', '-d', '30', 'ex1.panel.bed', 'ex1.bam']],
  'panel-depth': ['samtools', ['depth', '-a', '-b', 'ex1.panel.bed', 'ex1.bam']],
  'hotspots-header': ['samtools', ['view', '-H', '--no-PG', 'hotspots.grch38.bam']],
  'identity-same': ['bcftools', ['gtcheck', '-u', 'GT,GT', '-e', '0', '-g', 'identity.HG00096.b.vcf.gz', 'identity.HG00096.a.vcf.gz']],
  'identity-different': ['bcftools', ['gtcheck', '-u', 'GT,GT', '-e', '0', '-g', 'identity.HG00097.vcf.gz', 'identity.HG00096.a.vcf.gz']],
  'sex-idxstats-female': ['samtools', ['idxstats', 'sex.female.bam']],
  'sex-idxstats-male': ['samtools', ['idxstats', 'sex.male.bam']],
  'sex-vcf-header': ['bcftools', ['view', '-h', '--no-version', 'sex.chrX.vcf.gz']],
  'sex-vcf-chrX': ['bcftools', ['query', '-H', '-r', 'X,chrX', '-f', '%CHROM\\t%POS[\\t%GT]\\n', 'sex.chrX.vcf.gz']],
  'hotspots-pileup': ['samtools', ['mpileup', '-a', '-B', '-d', '0', '-Q', '20', '-q', '20', '-l', '/dev/stdin', 'hotspots.grch38.bam'], hotspotPositions()],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(OUT, { recursive: true });
  for (const [name, [program, argv, stdin]] of Object.entries(CLINICAL_CASES)) {
    // stdin from a real file: samtools opens /dev/stdin, which a Node pipe (a socket) does not allow.
    const stdinPath = join(tmpdir(), `lokus-${name}.stdin`);
    writeFileSync(stdinPath, stdin ?? '');
    const fd = openSync(stdinPath, 'r');
    const stdout = execFileSync(program, argv, { cwd: F, encoding: 'utf8', maxBuffer: 1 << 28, stdio: [fd, 'pipe', 'pipe'] });
    closeSync(fd);
    const version = execFileSync(program, ['--version'], { encoding: 'utf8' }).split('\n')[0];
    writeFileSync(join(OUT, `${name}.json`), JSON.stringify({ program, argv, ...(stdin ? { stdin } : {}), native: version, stdout }, null, 1) + '\n');
    console.log(`${name}: ${stdout.length} bytes`);
  }
}
