// One case per definition or function that the 2026-12-03 audit changed (issue 15), each on an all-sites VCF
// of both builds: the same bases written against GRCh38 (chr names) and GRCh37 (plain names, where the
// assembly carries *2 bases at CYP2D6 rs16947/rs1135840 and the *1 base at CYP2C19 rs3758581). Sources:
// DEF = CPIC allele definition table as carried by PharmCAT (definition/alleles/<GENE>_translation.json,
// 2024-11-06); FN = CPIC allele functionality and diplotype-phenotype data as carried by PharmCAT
// (phenotype/cpic/<GENE>.json).
import { describe, expect, it } from 'vitest';
import { callPgx, type GeneResult } from '../../../../src/core/pgx/call-genes';
import type { BuildName } from '../../../../src/core/files/reference-builds';
import { siteRows } from '../../../../src/core/pgx/rows';
import { makeVcf } from './make-vcf';

/** Bases that make the reference haplotype on both builds (GRCh37's own bases differ here). */
const D6 = { rs16947: 'G/G', rs1135840: 'C/C' } as const;
const C19 = { rs3758581: 'G/G' } as const;

interface Case {
  name: string;
  source: string;
  gene: string;
  genotypes: Record<string, string>;
  diplotypes: string[];
  phenotypes: string[];
  scores?: number[];
  status?: GeneResult['status'];
}

const CASES: Case[] = [
  {
    name: 'CYP2D6 *4 is 1846G>A alone: het 1846, reference at 100C>T',
    source: 'DEF CYP2D6 *4: T at rs3892097, R at rs1065852; FN *1/*4 = 1.0 Intermediate Metabolizer',
    gene: 'CYP2D6',
    genotypes: { ...D6, rs3892097: 'C/T' },
    diplotypes: ['*1/*4'],
    phenotypes: ['Intermediate Metabolizer'],
    scores: [1],
  },
  {
    name: 'CYP2D6 100C>T without 4180G>C fits no allele (it was *10)',
    source: 'DEF CYP2D6 *10: A at rs1065852 and G at rs1135840; *1 has the reference at both',
    gene: 'CYP2D6',
    genotypes: { ...D6, rs1065852: 'G/A' },
    diplotypes: [],
    phenotypes: [],
    status: 'no-match',
  },
  {
    name: 'CYP2D6 *1/*10 needs 4180G>C with 100C>T',
    source: 'DEF CYP2D6 *10; FN *10 = 0.25, *1/*10 = 1.25 Normal Metabolizer',
    gene: 'CYP2D6',
    genotypes: { ...D6, rs1065852: 'G/A', rs1135840: 'C/G' },
    diplotypes: ['*1/*10'],
    phenotypes: ['Normal Metabolizer'],
    scores: [1.25],
  },
  {
    name: 'CYP2D6 2850C>T alone is *34 (it was *2)',
    source: 'DEF CYP2D6 *2: A at rs16947 and G at rs1135840; *34: A at rs16947 only; FN *34 = 1.0',
    gene: 'CYP2D6',
    genotypes: { ...D6, rs16947: 'G/A' },
    diplotypes: ['*1/*34'],
    phenotypes: ['Normal Metabolizer'],
    scores: [2],
  },
  {
    name: 'CYP2D6 4180G>C alone is *39',
    source: 'DEF CYP2D6 *39: G at rs1135840 only; FN *39 = 1.0',
    gene: 'CYP2D6',
    genotypes: { ...D6, rs1135840: 'C/G' },
    diplotypes: ['*1/*39'],
    phenotypes: ['Normal Metabolizer'],
    scores: [2],
  },
  {
    name: 'CYP2D6 *41 counts 0.25',
    source: 'DEF CYP2D6 *41: rs28371725 T, rs16947 A, rs1135840 G; FN *41 = 0.25 (was 0.5)',
    gene: 'CYP2D6',
    genotypes: { rs16947: 'A/A', rs1135840: 'G/G', rs28371725: 'C/T' },
    diplotypes: ['*2/*41'],
    phenotypes: ['Normal Metabolizer'],
    scores: [1.25],
  },
  {
    name: 'CYP2D6 *9 counts 0.25: *4/*9 is Intermediate',
    source: 'DEF CYP2D6 *9: rs5030656 deletion; FN *9 = 0.25 (was 0.5), *1/*9 = 1.25',
    gene: 'CYP2D6',
    genotypes: { ...D6, rs5030656: 'CCTT/C', rs3892097: 'C/T' },
    diplotypes: ['*4/*9'],
    phenotypes: ['Intermediate Metabolizer'],
    scores: [0.25],
  },
  {
    name: 'CYP2D6 *17 needs 2850C>T and 4180G>C with 1023C>T',
    source: 'DEF CYP2D6 *17: rs28371706 A, rs16947 A, rs1135840 G; FN *17 = 0.5, *1/*17 = 1.5',
    gene: 'CYP2D6',
    genotypes: { rs16947: 'G|A', rs1135840: 'C|G', rs28371706: 'G|A' },
    diplotypes: ['*1/*17'],
    phenotypes: ['Normal Metabolizer'],
    scores: [1.5],
  },
  {
    name: 'SLCO1B1 *5 is no function: *1/*5 Decreased, *5/*5 Poor',
    source: 'FN SLCO1B1 *5 = No function (was Decreased); *1/*5 Decreased Function; *5/*5 Poor Function',
    gene: 'SLCO1B1',
    genotypes: { rs4149056: 'C/C' },
    diplotypes: ['*5/*5'],
    phenotypes: ['Poor Function'],
  },
  {
    name: 'SLCO1B1 *15 is no function: *15/*37 Decreased',
    source: 'FN SLCO1B1 *15 = No function (was Decreased); *15/*37 Decreased Function',
    gene: 'SLCO1B1',
    genotypes: { rs2306283: 'G/G', rs4149056: 'T/C' },
    diplotypes: ['*15/*37'],
    phenotypes: ['Decreased Function'],
  },
  {
    name: 'SLCO1B1 *14/*14 from c.388A>G with c.463C>A (it was *37/*37)',
    source: 'DEF SLCO1B1 *14: rs2306283 G, rs11045819 A; FN *14 = Increased, *14/*14 Increased Function',
    gene: 'SLCO1B1',
    genotypes: { rs2306283: 'G/G', rs11045819: 'A/A' },
    diplotypes: ['*14/*14'],
    phenotypes: ['Increased Function'],
  },
  {
    name: 'SLCO1B1 *1/*14 phased',
    source: 'FN SLCO1B1 *1/*14 Normal Function',
    gene: 'SLCO1B1',
    genotypes: { rs2306283: 'A|G', rs11045819: 'C|A' },
    diplotypes: ['*1/*14'],
    phenotypes: ['Normal Function'],
  },
  {
    name: 'SLCO1B1 c.388 and c.463 het, phase unknown: *1/*14 or *4/*37',
    source: 'DEF SLCO1B1 *4: rs11045819 A alone; FN *4 Uncertain, *4/*37 Indeterminate',
    gene: 'SLCO1B1',
    genotypes: { rs2306283: 'A/G', rs11045819: 'C/A' },
    diplotypes: ['*1/*14', '*4/*37'],
    phenotypes: ['Normal Function', 'Indeterminate'],
    status: 'ambiguous',
  },
  {
    name: 'SLCO1B1 *14/*15 is Decreased',
    source: 'FN SLCO1B1 *14/*15 Decreased Function',
    gene: 'SLCO1B1',
    genotypes: { rs2306283: 'G/G', rs11045819: 'C|A', rs4149056: 'C|T' },
    diplotypes: ['*14/*15'],
    phenotypes: ['Decreased Function'],
  },
  {
    name: 'SLCO1B1 *20/*20 from c.388A>G with c.1929A>C',
    source: 'DEF SLCO1B1 *20: rs2306283 G, rs34671512 C; FN *20 Increased, *14/*20 and *20/*20 Increased Function',
    gene: 'SLCO1B1',
    genotypes: { rs2306283: 'G/G', rs34671512: 'C/C' },
    diplotypes: ['*20/*20'],
    phenotypes: ['Increased Function'],
  },
  {
    name: 'TPMT *41 (c.719A>C) next to *3C (c.719A>G)',
    source: 'DEF TPMT *41: G at rs1142345 (alts C and G); FN *41 No function, *3C/*41 Poor Metabolizer',
    gene: 'TPMT',
    genotypes: { rs1142345: 'C/G' },
    diplotypes: ['*3C/*41'],
    phenotypes: ['Poor Metabolizer'],
  },
  {
    name: 'TPMT *1/*41',
    source: 'FN TPMT *1/*41 Intermediate Metabolizer',
    gene: 'TPMT',
    genotypes: { rs1142345: 'T/G' },
    diplotypes: ['*1/*41'],
    phenotypes: ['Intermediate Metabolizer'],
  },
  {
    name: 'CYP2C19 *35 is c.332-23A>G alone (it was *1)',
    source: 'DEF CYP2C19 *35: rs12769205 G, rs3758581 G; FN *35 No function, *1/*35 Intermediate Metabolizer',
    gene: 'CYP2C19',
    genotypes: { ...C19, rs12769205: 'A/G' },
    diplotypes: ['*1/*35'],
    phenotypes: ['Intermediate Metabolizer'],
  },
  {
    name: 'DPYD c.1129-5923C>G without c.1236G>A',
    source: 'DEF/FN DPYD "c.1129-5923C>G" apart from HapB3, activity 0.5; Reference/c.1129-5923C>G 1.5 Intermediate',
    gene: 'DPYD',
    genotypes: { rs75017182: 'G/C' },
    diplotypes: ['Reference/c.1129-5923C>G'],
    phenotypes: ['Intermediate Metabolizer'],
    scores: [1.5],
  },
];

const BUILDS: { build: BuildName; naming: 'chr' | 'plain' }[] = [
  { build: 'GRCh38', naming: 'chr' },
  { build: 'GRCh37', naming: 'plain' },
];

describe.each(BUILDS)('published definitions on $build', ({ build, naming }) => {
  it.each(CASES)('$name ($source)', (c) => {
    const vcf = makeVcf({ build, naming, genotypes: { ...D6, ...C19, ...c.genotypes }, othersRef: true });
    const result = callPgx(vcf, { build: 0, sample: 1, minDepth: 0 });
    expect(result.build).toBe(build);
    const gene = result.genes.find((g) => g.gene === c.gene)!;
    expect(gene.diplotypes.map((d) => d.diplotype)).toEqual(c.diplotypes);
    expect(gene.diplotypes.map((d) => d.phenotype)).toEqual(c.phenotypes);
    if (c.scores) expect(gene.diplotypes.map((d) => d.activityScore)).toEqual(c.scores);
    expect(gene.status).toBe(c.status ?? 'called');
  });

  it('shows a build’s own note only on that build', () => {
    const vcf = makeVcf({ build, naming, genotypes: { ...D6, ...C19 }, othersRef: true });
    const rows = siteRows(callPgx(vcf, { build: 0, sample: 1, minDepth: 0 }));
    const note = (rsid: string) => String(rows.find((r) => r['rsid'] === rsid)!['note']);
    for (const rsid of ['rs16947', 'rs1135840']) {
      if (build === 'GRCh37') expect(note(rsid)).toMatch(/^GRCh37 carries/);
      else expect(note(rsid)).not.toMatch(/GRCh37/);
    }
    if (build === 'GRCh38') expect(note('rs3758581')).toMatch(/GRCh38 carries A/);
    else expect(note('rs3758581')).not.toMatch(/GRCh38/);
  });
});
