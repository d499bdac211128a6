#!/usr/bin/env node
// Runs the pathogen workflow with the NATIVE tools (/usr/bin samtools, bcftools, minimap2) on the fixture cases
// the end-to-end tests run in the app (Nanopore reads; Illumina pairs with a primer BED), with the app's own argv
// (steps from src/core/analyses/pathogen-consensus.ts, the parameters the Pathogen panel resolves), and writes
// what the app must match to test/fixtures/expected/pathogen/<case>.json: the commands, the variant lines
// (bcftools query), the consensus FASTA, the flagstat and the binned depth table (the app's own binning of native
// samtools depth). Tests compare with these files and need no native tools.
// Usage: node scripts/make-pathogen-expected.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const F = join(root, 'test/fixtures/pathogen');
const OUT = join(root, 'test/fixtures/expected/pathogen');

// params: what the Pathogen panel passes (auto preset resolved: 2 = map-ont for long reads; pairs stay auto = sr).
export const CASES = {
  'lambda-long': {
    inputs: { reads1: 'lambda-long.fastq.gz', reference: 'lambda.fa' },
    params: { minDepth: 10, minQual: 20, preset: 2 },
  },
  'lambda-a-primers': {
    inputs: {
      reads1: 'lambda-a_R1.fastq.gz',
      reads2: 'lambda-a_R2.fastq.gz',
      reference: 'lambda.fa',
      primers: 'lambda.primers.bed',
    },
    params: { minDepth: 10, minQual: 20, preset: 0 },
  },
};

const { createServer } = await import('vite');
const loader = await createServer({
  root,
  server: { middlewareMode: true, hmr: false },
  appType: 'custom',
  logLevel: 'warn',
});
const { pathogenConsensus } = await loader.ssrLoadModule('/src/core/analyses/pathogen-consensus.ts');
const { runAnalysis, commandsOf } = await loader.ssrLoadModule('/src/core/analyses/run-analysis.ts');
const { formatJob } = await loader.ssrLoadModule('/src/core/tools/job.ts');
await loader.close();

const versions = Object.fromEntries(
  [
    ['samtools', ['--version']],
    ['bcftools', ['--version']],
    ['minimap2', ['--version']],
  ].map(([tool, argv]) => [tool, spawnSync(tool, argv, { encoding: 'utf8' }).stdout.split('\n')[0].trim()]),
);
mkdirSync(OUT, { recursive: true });
for (const [name, { inputs, params }] of Object.entries(CASES)) {
  const dir = mkdtempSync(join(tmpdir(), `lokus-pathogen-expected-${name}-`));
  for (const file of Object.values(inputs)) symlinkSync(join(F, file), join(dir, file));
  const texts = {};
  const outcome = await runAnalysis(pathogenConsensus, inputs, params, {
    async run(step) {
      const line = formatJob(step.job);
      const r = spawnSync('bash', ['-c', `set -o pipefail; ${line}`], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      if (r.status !== 0)
        return { succeeded: false, message: `${line}: exit ${r.status}: ${r.stderr.trim().split('\n').pop()}` };
      texts[step.key] = step.job.stdoutFile ? readFileSync(join(dir, step.job.stdoutFile), 'utf8') : r.stdout;
      return { succeeded: true, text: texts[step.key] };
    },
  });
  if (!outcome.ok) throw new Error(`${name}: native workflow failed at ${outcome.step}: ${outcome.message}`);
  // The depth table's rows as "contig start end meanDepth minDepth" lines (tab-separated), one string.
  const depthTable = pathogenConsensus
    .tables(outcome.result)
    .depth.map((r) => [r.contig, r.start, r.end, r.meanDepth, r.minDepth].join('\t'))
    .join('\n');
  const expected = {
    inputs,
    params,
    native: versions,
    commands: commandsOf(pathogenConsensus, inputs, params),
    variants: texts['variants'],
    consensus: texts['consensus'],
    flagstat: texts['flagstat'],
    depthTable,
  };
  writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify(expected, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `${name}: ${outcome.result.variants.length} variants: ${outcome.result.variants.map((v) => `${v.pos} ${v.ref}>${v.alt}`).join(', ')}`,
  );
}
