// The Pharmacogenomics analysis' commands through our wasm bcftools on the PGx fixtures (test/fixtures/pgx,
// written with scripts/gen-pgx-fixtures.mjs): the argv must be the analysis' own, the output must equal what
// native bcftools 1.16 printed (expected/*.json), and the caller must read the right genotypes from it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveParameters } from '../../src/core/analyses/analysis';
import { pharmacogenomics } from '../../src/core/analyses/pharmacogenomics';
import { fixturesDir, repoRoot } from './conformance-harness.mjs';

interface WasmNode {
  runProgram(program: string, argv: string[], opts: { cwd: string; stdin?: Uint8Array }): Promise<{ exitStatus: number; stdout: Buffer; stderr: Buffer }>;
}
const loader = (await import(pathToFileURL(join(repoRoot, 'scripts/lib/wasm-node.mjs')).href)) as WasmNode;

interface Case {
  name: string;
  params: Record<string, number>;
  inputs: Record<string, string>;
  steps: { program: string; argv: string[] }[];
  stdout: string;
}
const dir = join(fixturesDir, 'pgx');
const cases: Case[] = readdirSync(join(dir, 'expected'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(dir, 'expected', f), 'utf8')) as Omit<Case, 'name'>) }));

async function runWasm(steps: Case['steps']): Promise<string> {
  let data: Uint8Array | undefined;
  for (const step of steps) {
    const r = await loader.runProgram(step.program, step.argv, { cwd: dir, ...(data ? { stdin: data } : {}) });
    expect(r.exitStatus, r.stderr.toString()).toBe(0);
    data = new Uint8Array(r.stdout);
  }
  return Buffer.from(data ?? new Uint8Array()).toString('utf8');
}

const parse = (c: Case, text: string) => pharmacogenomics.parse({ calls: text }, c.inputs, resolveParameters(pharmacogenomics, { ...c.params, minDepth: 10 }));
type Result = ReturnType<typeof parse>;
const gene = (r: Result, name: string) => r.genes.find((g) => g.gene === name)!;
const site = (r: Result, rsid: string) => r.sites.find((s) => s.rsid === rsid)!.call;

const CHECKS: Record<string, (r: Result) => void> = {
  'vcf-grch38-stream': checkVariantOnly,
  'vcf-grch38-index': checkVariantOnly,
  'vcf-grch37-stream': (r) => {
    expect(r.build).toBe('GRCh37');
    expect(gene(r, 'CYP2C19').diplotypes).toEqual([{ diplotype: '*2/*2', phenotype: 'Poor Metabolizer' }]);
    expect(gene(r, 'CYP2C9').diplotypes).toEqual([{ diplotype: '*1/*3', phenotype: 'Intermediate Metabolizer', activityScore: 1 }]);
    // CPIC/PharmVar *4 is 1846G>A alone (PharmCAT CYP2D6_translation.json: R at 100C>T): het 1846, reference at 100.
    expect(site(r, 'rs1065852')).toMatchObject({ status: 'called', alleles: ['G', 'G'] });
    expect(gene(r, 'CYP2D6').diplotypes).toEqual([{ diplotype: '*1/*4', phenotype: 'Intermediate Metabolizer', activityScore: 1 }]);
    expect(gene(r, 'TPMT').diplotypes).toEqual([{ diplotype: '*1/*3A', phenotype: 'Intermediate Metabolizer' }]);
    expect(gene(r, 'NUDT15').diplotypes).toEqual([{ diplotype: '*1/*3', phenotype: 'Intermediate Metabolizer' }]);
    expect(r.genes.every((g) => g.status === 'called')).toBe(true);
  },
  'bam-stream': checkBam,
  'bam-index': checkBam,
};

function checkVariantOnly(r: Result): void {
  expect(r.build).toBe('GRCh38');
  expect(site(r, 'rs4244285')).toMatchObject({ status: 'called', alleles: ['G', 'A'] });
  expect(site(r, 'rs12248560')).toEqual({ rsid: 'rs12248560', status: 'not-called', reason: 'absent from the input' });
  expect(gene(r, 'CYP2C19')).toMatchObject({ status: 'uncertain' });
  expect(gene(r, 'CYP2C19').diplotypes.map((d) => d.diplotype)).toContain('*1/*2');
  expect(gene(r, 'DPYD').diplotypes.map((d) => d.diplotype)).toContain('c.2846A>T/c.2846A>T');
  expect(gene(r, 'NUDT15').status).toBe('not-called');
}

function checkBam(r: Result): void {
  expect(r.build).toBe('GRCh38');
  expect(r.sample).toBe('PGX_SAMPLE');
  expect(site(r, 'rs12248560')).toMatchObject({ status: 'called', alleles: ['C', 'C'], depth: 30 }); // covered reference
  expect(site(r, 'rs4244285')).toMatchObject({ status: 'called', alleles: ['G', 'A'] }); // heterozygous
  expect(site(r, 'rs12769205')).toMatchObject({ status: 'called', alleles: ['A', 'G'] }); // c.332-23A>G, on CPIC *2 and *35
  expect(site(r, 'rs3758581')).toMatchObject({ status: 'called', alleles: ['G', 'G'] }); // homozygous variant
  expect(site(r, 'rs4986893')).toMatchObject({ status: 'not-called', reason: 'absent from the input' }); // no reads
  expect(site(r, 'rs9332131')).toMatchObject({ status: 'called', alleles: ['GA', 'GA'], via: 'covered, no indel record' });
  expect(gene(r, 'CYP2C19').diplotypes.map((d) => d.diplotype)).toEqual(['*1/*2', '*2/*3']);
  expect(gene(r, 'CYP2C9').diplotypes).toEqual([{ diplotype: '*1/*3', phenotype: 'Intermediate Metabolizer', activityScore: 1 }]);
  expect(gene(r, 'TPMT').status).toBe('not-called');
}

describe('Pharmacogenomics through wasm bcftools', () => {
  it('has the VCF and BAM cases', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(CHECKS).sort());
  });

  it.each(cases)('$name: the analysis argv, native output, and the calls read from it', async (c) => {
    const steps = pharmacogenomics.steps(c.inputs, resolveParameters(pharmacogenomics, c.params));
    expect(steps[0]!.job.steps.map((s) => ({ program: s.program, argv: [...s.argv] }))).toEqual(c.steps);
    const text = await runWasm(c.steps);
    expect(text).toBe(c.stdout);
    CHECKS[c.name]!(parse(c, text));
  });
});
