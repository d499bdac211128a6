// Workflow export against independent references: the steps of Alignment QC and Variant summary run with the wasm
// builds (as the browser runs them) are exported; the Snakefile and run.sh then run with Debian's native tools, and
// every output must equal the wasm output by MANIFEST.tsv (raw, or after the conformance normalisation).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveParameters } from '../../src/core/analyses/analysis';
import { alignmentQc } from '../../src/core/analyses/alignment-qc';
import { variantSummary } from '../../src/core/analyses/variant-summary';
import { workflowFiles } from '../../src/core/export/bundle';
import { hashOutputs } from '../../src/core/export/manifest';
import { buildModel, type ExportModel } from '../../src/core/export/model';
import { canonical } from './conformance-cases.mjs';
import { fixturesDir, repoRoot } from './conformance-harness.mjs';
import { recordRuns, sessionFiles } from './support/recorded-runs';

const NAMES = ['ex1.bam', 'ex1.bam.bai', 'ex1.calls.vcf.gz', 'ex1.calls.vcf.gz.csi'];
const FORMATS = { 'ex1.bam': 'bam', 'ex1.bam.bai': 'bai', 'ex1.calls.vcf.gz': 'vcf', 'ex1.calls.vcf.gz.csi': 'csi' };

interface ManifestRow {
  kind: string;
  sample: string;
  name: string;
  sha256: string;
  compare: Parameters<typeof canonical>[1];
}

function manifestRows(dir: string): ManifestRow[] {
  const [head, ...lines] = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
  const cols = head!.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])) as unknown as ManifestRow);
}

function sh(cwd: string, command: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe('workflow export run with native tools', () => {
  let work: string;
  let model: ExportModel;
  let files: Record<string, string | Uint8Array>;
  const exports: string[] = [];

  /** A fresh copy of the export with the session's inputs in data/. */
  function unpack(): string {
    const dir = mkdtempSync(join(tmpdir(), 'lokus-export-'));
    exports.push(dir);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    chmodSync(join(dir, 'run.sh'), 0o755);
    for (const name of NAMES) copyFileSync(join(fixturesDir, name), join(dir, 'data', name));
    return dir;
  }

  /** Every output in the manifest equals the wasm output (conformance normalisation, independent of verify.py). */
  function expectSameAsWasm(dir: string): void {
    const outputs = manifestRows(dir).filter((r) => r.kind === 'output');
    expect(outputs.length).toBeGreaterThan(5);
    for (const row of outputs) {
      const native = readFileSync(join(dir, 'results', row.sample, row.name));
      const wasm = readFileSync(join(work, row.name));
      expect(canonical(native, row.compare).equals(canonical(wasm, row.compare)), row.name).toBe(true);
    }
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'lokus-export-work-'));
    for (const name of NAMES) copyFileSync(join(fixturesDir, name), join(work, name));
    const session = await sessionFiles(work, NAMES, FORMATS);
    const steps = [
      ...alignmentQc.steps({ alignments: 'ex1.bam' }, resolveParameters(alignmentQc)),
      ...variantSummary.steps({ variants: 'ex1.calls.vcf.gz' }, resolveParameters(variantSummary)),
    ];
    const runs = await recordRuns(work, steps, session);
    model = buildModel({ title: 'Alignment QC and Variant summary', runs, files: session, browserOnly: ['the QC verdicts'] });
    const hashes = await hashOutputs(model, async (step, name, from) => {
      if (from === 'file') return readFileSync(join(work, name));
      // What the browser shows of a stdout; kept in the work dir under the workflow's name for the comparison.
      const text = runs.find((r) => r.id === step.runId)!.stdout;
      writeFileSync(join(work, name), text);
      return new TextEncoder().encode(text);
    });
    files = workflowFiles(model, hashes, '2026-12-03');
  }, 300_000);
  afterAll(() => {
    for (const dir of [work, ...exports]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the Snakefile with snakemake --cores 2 and reproduces every wasm output', () => {
    const dir = unpack();
    const run = sh(dir, 'snakemake', ['--cores', '2', '--printshellcmds']);
    expect(run.status, run.out).toBe(0);
    expectSameAsWasm(dir);
    const verify = sh(dir, 'python3', ['verify.py']);
    expect(verify.status, verify.out).toBe(0);
    expect(verify.out).toContain('all identical');
  });

  it('is the example committed under examples/workflow-export (regenerate: LOKUS_WRITE_EXAMPLE=1)', () => {
    const example = join(repoRoot, 'examples/workflow-export');
    for (const [path, content] of Object.entries(files)) {
      if (process.env['LOKUS_WRITE_EXAMPLE']) {
        mkdirSync(dirname(join(example, path)), { recursive: true });
        writeFileSync(join(example, path), content);
      }
      expect(readFileSync(join(example, path), 'utf8'), path).toBe(typeof content === 'string' ? content : new TextDecoder().decode(content));
    }
  });

  it('runs run.sh and reproduces every wasm output', () => {
    const dir = unpack();
    const run = sh(dir, 'bash', ['run.sh']);
    expect(run.status, run.out).toBe(0);
    expectSameAsWasm(dir);
    expect(sh(dir, 'python3', ['verify.py']).status).toBe(0);
  });
});

describe('workflow export with an awkward file name, over a three-sample samplesheet', () => {
  const ODD = `my "odd" ö's $file.bam`;
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('runs Snakemake and run.sh on every sample; the first is the browser’s, the others equal it', async () => {
    const work = mkdtempSync(join(tmpdir(), 'lokus-export-odd-'));
    const dir = mkdtempSync(join(tmpdir(), 'lokus-export-odd-out-'));
    dirs.push(work, dir);
    copyFileSync(join(fixturesDir, 'ex1.bam'), join(work, ODD));
    copyFileSync(join(fixturesDir, 'ex1.bam.bai'), join(work, `${ODD}.bai`));
    const session = await sessionFiles(work, [ODD, `${ODD}.bai`], { [ODD]: 'bam', [`${ODD}.bai`]: 'bai' });
    const runs = await recordRuns(work, alignmentQc.steps({ alignments: ODD }, resolveParameters(alignmentQc)), session);
    const model = buildModel({ title: 'Alignment QC', runs, files: session, keys: { [ODD]: 'alignments' } });
    expect(model.sample).toBe(`my "odd" ö's $file`);
    const hashes = await hashOutputs(model, async (step, name, from) => {
      if (from === 'file') return readFileSync(join(work, name));
      const text = runs.find((r) => r.id === step.runId)!.stdout;
      writeFileSync(join(work, name), text);
      return new TextEncoder().encode(text);
    });
    for (const [path, content] of Object.entries(workflowFiles(model, hashes, 'now'))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    copyFileSync(join(work, ODD), join(dir, 'data', ODD));
    copyFileSync(join(work, `${ODD}.bai`), join(dir, 'data', `${ODD}.bai`));
    // Two more samples: one with spaces and unicode in its id and path.
    const others = [`s2`, `s 3 ü`];
    for (const id of others) {
      copyFileSync(join(fixturesDir, 'ex1.bam'), join(dir, 'data', `${id} in.bam`));
      copyFileSync(join(fixturesDir, 'ex1.bam.bai'), join(dir, 'data', `${id} in.bam.bai`));
      appendFileSync(join(dir, 'samples.tsv'), `${id}\tdata/${id} in.bam\tdata/${id} in.bam.bai\n`);
    }
    const snake = sh(dir, 'snakemake', ['--cores', '2', '--printshellcmds']);
    expect(snake.status, snake.out).toBe(0);
    const verify = sh(dir, 'python3', ['verify.py']);
    expect(verify.status, verify.out).toBe(0);
    const outputs = manifestRows(dir).filter((r) => r.kind === 'output');
    for (const row of outputs) {
      const first = readFileSync(join(dir, 'results', model.sample, row.name));
      expect(canonical(first, row.compare).equals(canonical(readFileSync(join(work, row.name)), row.compare)), row.name).toBe(true);
      for (const id of others) {
        const name = row.name.startsWith(model.sample) ? id + row.name.slice(model.sample.length) : row.name;
        expect(canonical(readFileSync(join(dir, 'results', id, name)), row.compare).equals(canonical(first, row.compare)), `${id}/${name}`).toBe(true);
      }
    }
    // run.sh for the third sample, by its environment variables.
    const env = { ...process.env, SAMPLE: 's 3 ü', ALIGNMENTS: 'data/s 3 ü in.bam', ALIGNMENTS_INDEX: 'data/s 3 ü in.bam.bai' };
    rmSync(join(dir, 'results', 's 3 ü'), { recursive: true });
    const bash = spawnSync('bash', ['run.sh'], { cwd: dir, env, encoding: 'utf8' });
    expect(bash.status, bash.stderr).toBe(0);
    expect(readFileSync(join(dir, 'results', 's 3 ü', 's 3 ü.bam.stats.txt'), 'utf8')).toContain('SN\traw total sequences:');
  }, 300_000);
});
