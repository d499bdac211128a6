#!/usr/bin/env node
// Writes what the native tools print for the clinical quick checks' commands (panel coverage, somatic hotspots,
// sample identity and sex) on the fixtures, into test/fixtures/expected/clinical/<case>.json. The wasm test
// (test/wasm/clinical.test.ts) checks each analysis still asks for exactly this command, runs it as wasm and
// compares; the unit tests read the analyses' figures off these native outputs. Run from the repository root.
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const F = 'test/fixtures';
const OUT = join(F, 'expected', 'clinical');

/** The hotspot positions the analysis feeds to bedtools sort on stdin (as src/core/clinical/hotspots.ts hotspotBed). */
function hotspotBed() {
  const lines = new Set();
  for (const h of JSON.parse(readFileSync('src/core/clinical/hotspots.json', 'utf8')).hotspots) {
    for (const [start, end] of [
      [h.grch37, h.end37 ?? h.grch37],
      [h.grch38, h.end38 ?? h.grch38],
    ]) {
      const first = h.kind === 'deletion' ? start - 1 : start;
      for (const name of [h.chrom, `chr${h.chrom}`]) lines.add(`${name}\t${first - 1}\t${end}`);
    }
  }
  return [...lines].join('\n') + '\n';
}

/** Sample identity with a BAM first (as src/core/analyses/sample-identity.ts): sites, genotypes there, index, gtcheck. */
function identityBamCases(name, second) {
  const stem = second.replace(/\.vcf\.gz$/, '');
  const sites = `${stem}.identity-sites.tsv`;
  const calls = `identity.HG00096.bam.identity.${stem}.vcf.gz`;
  return {
    [`identity-bam-${name}-1-sites`]: {
      steps: [['bcftools', ['query', '-f', '%CHROM\\t%POS\\t%REF,%ALT\\n', second]]],
      stdoutFile: sites,
    },
    [`identity-bam-${name}-2-genotype`]: {
      steps: [
        [
          'bcftools',
          ['mpileup', '-f', 'identity.ref.fa.gz', '-T', sites, '-a', 'AD,DP', '-Ou', 'identity.HG00096.bam'],
        ],
        ['bcftools', ['call', '-m', '-A', '-C', 'alleles', '-T', sites, '-Oz', '-o', calls]],
      ],
    },
    [`identity-bam-${name}-3-index`]: { steps: [['bcftools', ['index', '-f', calls]]] },
    [`identity-bam-${name}-4-gtcheck`]: {
      steps: [['bcftools', ['gtcheck', '-u', 'GT,GT', '-e', '0', '-g', second, calls]]],
    },
  };
}

/**
 * name -> { steps: [program, argv][] (a pipeline), stdin?, stdoutFile? }; argv names fixtures relative to
 * test/fixtures, as the analyses name session files. Cases run in name order in one work directory, so a
 * case's stdoutFile is there for later cases (as in the app's shared work area).
 */
export const CLINICAL_CASES = {
  'panel-bedcov-10': { steps: [['samtools', ['bedcov', '-j', '-c', '-d', '10', 'ex1.panel.bed', 'ex1.bam']]] },
  'panel-bedcov-20': { steps: [['samtools', ['bedcov', '-j', '-d', '20', 'ex1.panel.bed', 'ex1.bam']]] },
  'panel-bedcov-30': { steps: [['samtools', ['bedcov', '-j', '-d', '30', 'ex1.panel.bed', 'ex1.bam']]] },
  'panel-depth': { steps: [['samtools', ['depth', '-aa', '-b', 'ex1.panel.bed', 'ex1.bam']]] },
  // A female sample's panel with genes on chrY and chrM, contigs in the header without a single read.
  'panel-female-bedcov-1': {
    steps: [['samtools', ['bedcov', '-j', '-c', '-d', '1', 'sex.panel.bed', 'sex.female.bam']]],
  },
  'panel-female-bedcov-20': { steps: [['samtools', ['bedcov', '-j', '-d', '20', 'sex.panel.bed', 'sex.female.bam']]] },
  'panel-female-bedcov-30': { steps: [['samtools', ['bedcov', '-j', '-d', '30', 'sex.panel.bed', 'sex.female.bam']]] },
  'panel-female-depth': { steps: [['samtools', ['depth', '-aa', '-b', 'sex.panel.bed', 'sex.female.bam']]] },
  'hotspots-1-header': { steps: [['samtools', ['view', '-H', '--no-PG', 'hotspots.grch38.bam']]] },
  'hotspots-2-positions': {
    steps: [['bedtools', ['sort', '-i', '/dev/stdin']]],
    stdin: hotspotBed(),
    stdoutFile: 'somatic-hotspots.bed',
  },
  'hotspots-3-pileup': {
    steps: [
      ['samtools', ['view', '-u', '-M', '-L', 'somatic-hotspots.bed', 'hotspots.grch38.bam']],
      ['samtools', ['mpileup', '-B', '-d', '0', '-Q', '20', '-q', '20', '-l', 'somatic-hotspots.bed', '-']],
    ],
  },
  ...identityBamCases('same', 'identity.HG00096.b.vcf.gz'),
  ...identityBamCases('different', 'identity.HG00097.vcf.gz'),
  // Sites on chrX, where the BAM has no reads (as with "chr22" reads and "22" sites): nothing is compared.
  ...identityBamCases('nosites', 'sex.chrX.vcf.gz'),
  'identity-same': {
    steps: [
      [
        'bcftools',
        ['gtcheck', '-u', 'GT,GT', '-e', '0', '-g', 'identity.HG00096.b.vcf.gz', 'identity.HG00096.a.vcf.gz'],
      ],
    ],
  },
  'identity-different': {
    steps: [
      ['bcftools', ['gtcheck', '-u', 'GT,GT', '-e', '0', '-g', 'identity.HG00097.vcf.gz', 'identity.HG00096.a.vcf.gz']],
    ],
  },
  'sex-idxstats-female': { steps: [['samtools', ['idxstats', 'sex.female.bam']]] },
  'sex-idxstats-male': { steps: [['samtools', ['idxstats', 'sex.male.bam']]] },
  'sex-vcf-header': { steps: [['bcftools', ['view', '-h', '--no-version', 'sex.chrX.vcf.gz']]] },
  'sex-vcf-chrX': {
    steps: [['bcftools', ['query', '-H', '-r', 'X,chrX', '-f', '%CHROM\\t%POS[\\t%GT]\\n', 'sex.chrX.vcf.gz']]],
  },
};

/** A work directory with links to every fixture. */
function workDir() {
  const dir = mkdtempSync(join(tmpdir(), 'lokus-clinical-'));
  for (const name of readdirSync(F))
    if (statSync(join(F, name)).isFile()) symlinkSync(resolve(F, name), join(dir, name));
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Optional arguments: substrings of the case names to rewrite (cases that need an earlier case's file need it too).
  const only = process.argv.slice(2);
  const chosen = (name) => only.length === 0 || only.some((part) => name.includes(part));
  mkdirSync(OUT, { recursive: true });
  for (const name of readdirSync(OUT)) if (name.endsWith('.json') && chosen(name)) rmSync(join(OUT, name));
  const dir = workDir();
  for (const name of Object.keys(CLINICAL_CASES).sort().filter(chosen)) {
    const { steps, stdin, stdoutFile } = CLINICAL_CASES[name];
    // The first step reads stdin from a real file: samtools and bedtools open /dev/stdin, which a Node pipe (a socket) does not allow.
    const stdinPath = join(dir, `.${name}.stdin`);
    writeFileSync(stdinPath, stdin ?? '');
    let data;
    for (const [i, [program, argv]] of steps.entries()) {
      const fd = i === 0 ? openSync(stdinPath, 'r') : undefined;
      data = execFileSync(program, argv, {
        cwd: dir,
        maxBuffer: 1 << 28,
        ...(i === 0 ? { stdio: [fd, 'pipe', 'pipe'] } : { input: data, stdio: ['pipe', 'pipe', 'pipe'] }),
      });
      if (fd !== undefined) closeSync(fd);
    }
    if (stdoutFile) writeFileSync(join(dir, stdoutFile), data);
    // bcftools prints its working directory in a comment: the temporary one is replaced by "." so reruns are identical.
    const native = [
      ...new Set(steps.map(([program]) => execFileSync(program, ['--version'], { encoding: 'utf8' }).split('\n')[0])),
    ];
    const record = {
      steps: steps.map(([program, argv]) => ({ program, argv })),
      ...(stdin ? { stdin } : {}),
      ...(stdoutFile ? { stdoutFile } : {}),
      native,
      stdout: data.toString('utf8').replaceAll(dir, '.'),
    };
    writeFileSync(join(OUT, `${name}.json`), JSON.stringify(record, null, 1) + '\n');
    console.log(`${name}: ${data.length} bytes`);
  }
  rmSync(dir, { recursive: true });
}
