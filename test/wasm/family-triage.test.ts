// Family triage on a larger simulated trio generated here (scripts/lib/family-sim.mjs): the analysis' own steps run
// with the wasm bcftools, and Lokus must return exactly the planted candidates per mode; the steps' output equals
// native bcftools' (csq consequences, ClinVar annotate); GT-only de novo calls agree with native
// `bcftools +mendelian` (chrX once male calls are made haploid with +fixploidy) and `+trio-dnm2 --use-NAIVE`; a chr-named copy bridged with --rename-chrs gives the same.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { familyTriage } from '../../src/core/analyses/family-triage';
import { resolveParameters, type InputNames } from '../../src/core/analyses/analysis';
import { parseTexts } from '../../src/core/analyses/run-analysis';
import type { FamilyTriageResult } from '../../src/core/family/run';
import type { JobSpec } from '../../src/core/tools/job';
import { repoRoot } from './conformance-harness.mjs';

interface Truth {
  mode: string;
  id: string;
  unconfirmed: boolean;
  ifFatherAffected: boolean;
}
type RunProgram = (program: string, argv: readonly string[], opts: { cwd: string; stdin?: Uint8Array }) => Promise<{ exitStatus: number; stdout: Buffer; stderr: Buffer }>;
let runProgram: RunProgram;
let dir: string;
let truth: Truth[];

function native(program: string, argv: readonly string[], stdin?: Buffer | string): Buffer {
  const r = spawnSync(program, argv, { cwd: dir, input: stdin, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`native ${program} ${argv.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout;
}

/** A job's pipeline with the wasm tools: each step's stdout is the next one's stdin. */
async function wasmJob(job: JobSpec): Promise<string> {
  let input: Uint8Array | undefined = job.stdin === undefined ? undefined : Buffer.from(job.stdin);
  for (const step of job.steps) {
    const r = await runProgram(step.program, step.argv, { cwd: dir, ...(input ? { stdin: input } : {}) });
    if (r.exitStatus !== 0) throw new Error(`wasm ${step.program} ${step.argv.join(' ')}: ${r.stderr.toString()}`);
    input = r.stdout;
  }
  return Buffer.from(input!).toString();
}

function nativeJob(job: JobSpec): string {
  let input: Buffer | string | undefined = job.stdin === undefined ? undefined : Buffer.from(job.stdin);
  for (const step of job.steps) input = native(step.program, step.argv, input);
  return input!.toString();
}

async function analyse(inputs: InputNames, given: Record<string, number> = {}) {
  const params = resolveParameters(familyTriage, given);
  const texts: Record<string, string> = {};
  const jobs: Record<string, JobSpec> = {};
  for (const step of familyTriage.steps(inputs, params)) {
    texts[step.key] = await wasmJob(step.job);
    jobs[step.key] = step.job;
  }
  if (inputs['pedigree']) texts['input:pedigree'] = native('cat', [inputs['pedigree']]).toString();
  const outcome = parseTexts<FamilyTriageResult>(familyTriage, texts, inputs, params);
  if (!outcome.ok) throw new Error(outcome.message);
  return { result: outcome.result, texts, jobs };
}

const ids = (r: FamilyTriageResult, group: string, unconfirmed?: boolean) =>
  r.modes
    .find((m) => m.group === group)!
    .rows.filter((row) => unconfirmed === undefined || (String(row['flag']).includes('not confirmed') === unconfirmed))
    .map((row) => String(row['variant']).split(':').slice(0, 2).join(':'))
    .sort();
const planted = (mode: string, fatherAffected = false) =>
  [...new Set(truth.filter((t) => t.mode === mode && (fatherAffected || !t.ifFatherAffected)).map((t) => t.id))].sort();

const FILES = { variants: 'trio.vcf.gz', pedigree: 'trio.ped', gff: 'trio.gff3', reference: 'trio.fa' };
/** Every quality, balance and frequency gate off: only the genotype patterns remain (what native tools judge). */
const GT_ONLY = { minGQ: 0, minDepth: 0, hetMinAB: 0, hetMaxAB: 1, homAltMinAB: 0.5, denovoMaxParentAlt: 20, denovoMaxAF: 1 };

describe('family triage on a simulated trio (wasm bcftools, native references)', () => {
  beforeAll(async () => {
    ({ runProgram } = (await import(pathToFileURL(join(repoRoot, 'scripts/lib/wasm-node.mjs')).href)) as { runProgram: RunProgram });
    const { simulateTrio, TEACHING } = (await import(pathToFileURL(join(repoRoot, 'scripts/lib/family-sim.mjs')).href)) as {
      simulateTrio: (o: object) => { vcf: string; fasta: string; fai: string; gff: string; ped: string; truth: Truth[] };
      TEACHING: { autosomal: string[] };
    };
    const sim = simulateTrio({ seed: 4242, autosomal: Array.from({ length: 5 }, () => TEACHING.autosomal).flat(), x: ['xlr', 'xdenovo', 'par'], background: 2500 });
    truth = sim.truth;
    dir = mkdtempSync(join(tmpdir(), 'lokus-family-'));
    writeFileSync(join(dir, 'trio.fa'), sim.fasta);
    writeFileSync(join(dir, 'trio.fa.fai'), sim.fai);
    writeFileSync(join(dir, 'trio.gff3'), sim.gff);
    writeFileSync(join(dir, 'trio.ped'), sim.ped);
    writeFileSync(join(dir, 'trio.vcf'), sim.vcf);
    native('bgzip', ['-f', 'trio.vcf']);
    native('tabix', ['-p', 'vcf', 'trio.vcf.gz']);
  }, 60_000);

  it('returns exactly the planted candidates per mode, the no-call de novo marked', async () => {
    const { result } = await analyse(FILES);
    expect(ids(result, 'denovo', false)).toEqual(planted('denovo').filter((id) => !truth.some((t) => t.id === id && t.unconfirmed)));
    expect(ids(result, 'denovo', true)).toEqual([...new Set(truth.filter((t) => t.unconfirmed).map((t) => t.id))].sort());
    expect(ids(result, 'recessive')).toEqual(planted('recessive'));
    expect(ids(result, 'x-recessive')).toEqual(planted('x-recessive'));
    expect(ids(result, 'comphet')).toEqual(planted('comphet'));
    expect(result.modes.find((m) => m.group === 'dominant')!.notApplicable).toBe('no parent in the VCF is affected');
    expect(planted('x-recessive')).toHaveLength(1);
    expect(planted('denovo').filter((id) => id.startsWith('X:'))).toHaveLength(1);
    expect(result.familyRows.map((r) => [r['sample'], r['chrX sex']])).toEqual([
      ['CHILD', 'male'],
      ['MOTHER', 'female'],
      ['FATHER', 'male'],
    ]);
  }, 120_000);

  it('with the father affected (the form), dominant returns the planted paternal hets', async () => {
    const { result } = await analyse({ ...FILES, pedigree: undefined } as unknown as InputNames, { proband: 1, father: 2, mother: 3, probandSex: 2, affectedParents: 2 });
    expect(ids(result, 'dominant')).toEqual(planted('dominant', true));
    expect(planted('dominant', true).length).toBeGreaterThan(5);
  }, 120_000);

  it('the steps print what native bcftools prints (annotate ClinVar | norm -m -any | csq -p a -l | query)', async () => {
    const clinvar = ['##fileformat=VCFv4.2', '##contig=<ID=1>', '##INFO=<ID=CLNSIG,Number=.,Type=String,Description="sig">', '##INFO=<ID=CLNREVSTAT,Number=.,Type=String,Description="rev">', '##INFO=<ID=CLNDN,Number=.,Type=String,Description="dn">', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO'];
    const hit = truth.find((t) => t.mode === 'recessive')!;
    const [chrom, pos] = hit.id.split(':');
    const ref = native('bcftools', ['view', '-H', '-r', `${chrom}:${pos}`, 'trio.vcf.gz']).toString().split('\t');
    clinvar.push([chrom, pos, '1', ref[3], ref[4], '.', '.', 'CLNSIG=Pathogenic;CLNREVSTAT=criteria_provided,_single_submitter;CLNDN=Synthetic_disease'].join('\t'));
    writeFileSync(join(dir, 'clinvar.vcf'), clinvar.join('\n') + '\n');
    native('bgzip', ['-f', 'clinvar.vcf']);
    native('tabix', ['-f', '-p', 'vcf', 'clinvar.vcf.gz']);
    const { result, texts, jobs } = await analyse({ ...FILES, clinvar: 'clinvar.vcf.gz' });
    expect(texts['records']).toBe(nativeJob(jobs['records']!));
    expect(texts['records']!.match(/BCSQ=/g)!.length).toBeGreaterThan(1000);
    const row = result.modes.find((m) => m.group === 'recessive')!.rows.find((r) => String(r['variant']).startsWith(`${hit.id}:`))!;
    expect(row['ClinVar']).toBe('Pathogenic / criteria_provided,_single_submitter');
    expect(String(row['consequence'])).toMatch(/^(missense|stop_gained) \d+[A-Z*]>\d+[A-Z*] \d+[ACGT]>[ACGT]$/);
  }, 120_000);

  it('GT-only de novo calls equal native +mendelian (autosomes) and +trio-dnm2 --use-NAIVE', async () => {
    const { result } = await analyse(FILES, GT_ONLY);
    const lokus = ids(result, 'denovo', false);
    // +mendelian: -t is mother,father,child; -p reads the PED. Diploid-coded male chrX calls are not comparable there.
    const mendelian = native('bcftools', ['+mendelian', 'trio.vcf.gz', '-p', 'trio.ped', '-m', 'x'])
      .toString()
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split('\t').slice(0, 2).join(':'));
    expect(lokus.filter((id) => id.startsWith('1:'))).toEqual(mendelian.filter((id) => id.startsWith('1:')).sort());
    // +trio-dnm2: -p is proband,father,mother ("1X:" = male proband); DNM=1 marks a de novo call.
    const dnm = native('bcftools', ['query', '-i', 'FMT/DNM[0]=1', '-f', '%CHROM:%POS\\n'], native('bcftools', ['+trio-dnm2', '-p', '1X:CHILD,FATHER,MOTHER', '--use-NAIVE', 'trio.vcf.gz']))
      .toString()
      .split('\n')
      .filter(Boolean)
      .sort();
    expect(lokus).toEqual(dnm);
    expect(dnm.length).toBeGreaterThan(10);
  }, 120_000);

  it('chrX: +mendelian agrees once male calls outside the PARs are haploid (+fixploidy, PAR-aware rules)', async () => {
    const lokus = ids(await analyse(FILES, GT_ONLY).then((a) => a.result), 'denovo', false).filter((id) => id.startsWith('X:'));
    const xErrors = (file: string, rules: string[]) =>
      native('bcftools', ['+mendelian', file, '-p', 'trio.ped', ...rules, '-m', 'x'])
        .toString()
        .split('\n')
        .filter((l) => l.startsWith('X\t') && Number(l.split('\t')[1]) <= 10_000)
        .map((l) => l.split('\t').slice(0, 2).join(':'))
        .sort();
    // The contigs match no build, so Lokus leaves out both builds' PARs: X:1-10,000 is X-specific.
    writeFileSync(join(dir, 'ploidy.txt'), 'X 1 10000 M 1\nX 1 10000 F 2\n* * * M 2\n* * * F 2\n');
    writeFileSync(join(dir, 'sexes.txt'), 'CHILD M\nFATHER M\nMOTHER F\n');
    writeFileSync(join(dir, 'rules.txt'), 'X:1-10000 M/M + F > M\nX:1-10000 M/M + F > M/F\n');
    native('bcftools', ['+fixploidy', 'trio.vcf.gz', '-Oz', '-o', 'haploid.vcf.gz', '--', '-p', 'ploidy.txt', '-s', 'sexes.txt']);
    expect(lokus).toEqual(xErrors('haploid.vcf.gz', ['-R', 'rules.txt']));
    expect(lokus).toHaveLength(1);
    // As called (male X coded 1/1 or 0/0), +mendelian's diploid rules call every son without his father's allele an error.
    expect(xErrors('trio.vcf.gz', []).length).toBeGreaterThan(5);
  }, 120_000);

  it('a chr-named VCF bridged with --rename-chrs gives the same candidates', async () => {
    native('bash', ['-c', "printf '1 chr1\\nX chrX\\n' > up.txt && bcftools annotate --rename-chrs up.txt -Oz -o chr.vcf.gz trio.vcf.gz && tabix -p vcf chr.vcf.gz"]);
    const plain = (await analyse(FILES)).result;
    const bridged = (await analyse({ ...FILES, variants: 'chr.vcf.gz' }, { renameChrs: 2 })).result;
    for (const group of ['denovo', 'recessive', 'x-recessive', 'comphet']) expect(ids(bridged, group)).toEqual(ids(plain, group));
    // Without the bridge csq stops on the first record (its FASTA has no "chr1"); the run fails with that message.
    await expect(analyse({ ...FILES, variants: 'chr.vcf.gz' })).rejects.toThrow(/the chromosome "chr1" is not present in trio.fa/);
  }, 180_000);
});
