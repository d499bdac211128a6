// The pathogen workflow's steps (the app's own argv, in its order) run through our wasm builds in Node on the
// fixture reads must produce what the native tools produced (test/fixtures/tool-output/pathogen, written by
// `npm run bench:pathogen -- --native-only --runs 1 --reads test/fixtures/pathogen/lambda-a --keep DIR`):
// the same flagstat, depth, variant records and consensus — and those are the spiked truth.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveParameters } from '../../src/core/analyses/analysis';
import { pathogenConsensus, pathogenSteps } from '../../src/core/analyses/pathogen-consensus';
import { runAnalysis } from '../../src/core/analyses/run-analysis';
import { repoRoot } from './conformance-harness.mjs';
import { expectedConsensus, PATHOGEN_FIXTURES, readTruth, variantKeys } from '../unit/core/analyses/pathogen-truth';

interface WasmRun {
  exitStatus: number;
  stdout: Buffer;
  stderr: Buffer;
}
type RunProgram = (program: string, argv: readonly string[], opts: { cwd: string; stdin?: Uint8Array }) => Promise<WasmRun>;

const native = (name: string) => readFileSync(join(repoRoot, 'test/fixtures/tool-output/pathogen', name));
const INPUTS = { reads1: 'lambda-a_R1.fastq.gz', reads2: 'lambda-a_R2.fastq.gz', reference: 'lambda.fa' };
const params = resolveParameters(pathogenConsensus);

describe('pathogen workflow: wasm equals native', () => {
  let dir: string;
  let runProgram: RunProgram;
  const texts: Record<string, string> = {};

  beforeAll(async () => {
    runProgram = ((await import(pathToFileURL(join(repoRoot, 'scripts/lib/wasm-node.mjs')).href)) as { runProgram: RunProgram }).runProgram;
    dir = mkdtempSync(join(tmpdir(), 'lokus-pathogen-wasm-'));
    for (const name of Object.values(INPUTS)) cpSync(join(PATHOGEN_FIXTURES, name), join(dir, name));
    // Steps run one after another here; the pipes of a step pass stdout on as the next command's stdin.
    const outcome = await runAnalysis(pathogenConsensus, INPUTS, params, {
      async run(step) {
        let stdin: Uint8Array | undefined;
        let last: WasmRun | undefined;
        for (const command of step.job.steps) {
          last = await runProgram(command.program, command.argv, { cwd: dir, ...(stdin ? { stdin } : {}) });
          if (last.exitStatus !== 0) return { succeeded: false, message: `${command.program} ${command.argv.join(' ')}: ${last.stderr.toString()}` };
          stdin = last.stdout;
        }
        const stdout = last!.stdout;
        if (step.job.stdoutFile) writeFileSync(join(dir, step.job.stdoutFile), stdout);
        return { succeeded: true, text: stdout.toString('utf8') };
      },
    });
    if (!outcome.ok) throw new Error(`${outcome.step}: ${outcome.message}`);
    for (const step of pathogenSteps(INPUTS, params)) texts[step.key] = step.job.stdoutFile ? readFileSync(join(dir, step.job.stdoutFile), 'utf8') : '';
    texts['flagstat'] = (await runProgram('samtools', ['flagstat', 'lambda-a.bam'], { cwd: dir })).stdout.toString();
    texts['variants'] = (await runProgram('bcftools', ['view', '-H', 'lambda-a.vcf.gz'], { cwd: dir })).stdout.toString();
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the same flagstat and depth as native samtools', () => {
    expect(texts['flagstat']).toBe(native('samtools-flagstat.lambda-a.bam.txt').toString());
    expect(texts['depth']).toBe(gunzipSync(native('samtools-depth.lambda-a.bam.txt.gz')).toString());
  });

  it('writes the same VCF records as native bcftools, and they are the spiked variants', () => {
    const records = texts['variants']!;
    expect(records).toBe(native('bcftools-view-records.lambda-a.vcf.txt').toString());
    const calls = records.trim().split('\n').map((line) => line.split('\t')).map((f) => ({ pos: Number(f[1]), ref: f[3]!, alt: f[4]! }));
    expect(variantKeys(calls)).toEqual(variantKeys(readTruth('lambda-a').variants));
  });

  it('writes the same consensus as native samtools consensus, the reference with the variants and N over the gap', () => {
    expect(texts['consensus']).toBe(gunzipSync(native('samtools-consensus.lambda-a.bam.fa.gz')).toString());
    expect(texts['consensus']!.split('\n').slice(1).join('')).toBe(expectedConsensus(readTruth('lambda-a')));
  });
});

describe('pathogen workflow with a primer BED: wasm equals native', () => {
  // Native: minimap2 -a -x sr lambda.fa R1 R2 | samtools sort -l 1 -o lambda-a.unclipped.bam -, then
  // samtools ampliconclip -b lambda.primers.bed lambda-a.unclipped.bam | samtools sort -l 1 -o lambda-a.bam -;
  // `samtools view lambda-a.bam | sha256sum`, and 29 records with a soft clip.
  const NATIVE_VIEW_SHA256 = '5e15213b7a85719c80375db839e381f6c75f338556b537df3373cc89908758ab';
  let dir: string;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('soft-clips the primers exactly as native samtools ampliconclip', async () => {
    const runProgram = ((await import(pathToFileURL(join(repoRoot, 'scripts/lib/wasm-node.mjs')).href)) as { runProgram: RunProgram }).runProgram;
    dir = mkdtempSync(join(tmpdir(), 'lokus-pathogen-primers-'));
    const inputs = { ...INPUTS, primers: 'lambda.primers.bed' };
    for (const name of Object.values(inputs)) cpSync(join(PATHOGEN_FIXTURES, name), join(dir, name));
    for (const step of pathogenSteps(inputs, params).filter((s) => s.key === 'align' || s.key === 'clip')) {
      let stdin: Uint8Array | undefined;
      for (const command of step.job.steps) {
        const r = await runProgram(command.program, command.argv, { cwd: dir, ...(stdin ? { stdin } : {}) });
        expect(r.exitStatus, r.stderr.toString()).toBe(0);
        stdin = r.stdout;
      }
    }
    const view = (await runProgram('samtools', ['view', 'lambda-a.bam'], { cwd: dir })).stdout;
    expect(createHash('sha256').update(view).digest('hex')).toBe(NATIVE_VIEW_SHA256);
    expect(view.toString().split('\n').filter((line) => /^(?:[^\t]*\t){5}[^\t]*S/.test(line))).toHaveLength(29);
  }, 300_000);
});
