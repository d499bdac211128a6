// Diplotypes and phenotypes called from VCFs built for each allele combination that matters. Expected
// values are read off the CPIC diplotype-phenotype tables (files.cpicpgx.org/data/report/current/
// diplotype_phenotype/<GENE>_Diplotype_Phenotype_Table.xlsx) and, for activity-score genes, the CPIC
// allele functionality tables (<GENE>_allele_functionality_reference.xlsx) summed per diplotype.
import { describe, expect, it } from 'vitest';
import { callPgx, type GeneResult } from '../../../../src/core/pgx/call-genes';
import { makeVcf, type VcfSpec } from './make-vcf';

const STAR1 = { rs3758581: 'G/G' } as const; // CYP2C19: G at c.991 is on *1 (GRCh38 carries A, the *38 allele)

function call(spec: VcfSpec, gene: string): GeneResult {
  const result = callPgx(makeVcf(spec), { build: 0, sample: 1, minDepth: 0 });
  return result.genes.find((g) => g.gene === gene)!;
}

interface Case {
  name: string;
  gene: string;
  genotypes: Record<string, string>;
  diplotypes: string[];
  phenotypes: string[];
  scores?: number[];
  status?: GeneResult['status'];
}

const CASES: Case[] = [
  // CYP2C19_Diplotype_Phenotype_Table (CPIC 2022)
  {
    name: 'CYP2C19 *1/*1',
    gene: 'CYP2C19',
    genotypes: { ...STAR1 },
    diplotypes: ['*1/*1'],
    phenotypes: ['Normal Metabolizer'],
  },
  {
    name: 'CYP2C19 *38/*38 (GRCh38 reference at rs3758581)',
    gene: 'CYP2C19',
    genotypes: { rs3758581: 'A/A' },
    diplotypes: ['*38/*38'],
    phenotypes: ['Normal Metabolizer'],
  },
  {
    name: 'CYP2C19 *1/*38',
    gene: 'CYP2C19',
    genotypes: { rs3758581: 'A/G' },
    diplotypes: ['*38/*1'],
    phenotypes: ['Normal Metabolizer'],
  },
  {
    name: 'CYP2C19 *1/*2',
    gene: 'CYP2C19',
    genotypes: { ...STAR1, rs12769205: 'A/G', rs4244285: 'G/A' },
    diplotypes: ['*1/*2'],
    phenotypes: ['Intermediate Metabolizer'],
  },
  {
    name: 'CYP2C19 *2/*2 (homozygous)',
    gene: 'CYP2C19',
    genotypes: { ...STAR1, rs12769205: 'G/G', rs4244285: 'A/A' },
    diplotypes: ['*2/*2'],
    phenotypes: ['Poor Metabolizer'],
  },
  {
    name: 'CYP2C19 *2/*3',
    gene: 'CYP2C19',
    genotypes: { ...STAR1, rs12769205: 'A/G', rs4244285: 'G/A', rs4986893: 'G/A' },
    diplotypes: ['*2/*3'],
    phenotypes: ['Poor Metabolizer'],
  },
  {
    name: 'CYP2C19 *1/*17',
    gene: 'CYP2C19',
    genotypes: { ...STAR1, rs12248560: 'C/T' },
    diplotypes: ['*1/*17'],
    phenotypes: ['Rapid Metabolizer'],
  },
  {
    name: 'CYP2C19 *17/*17',
    gene: 'CYP2C19',
    genotypes: { ...STAR1, rs12248560: 'T/T' },
    diplotypes: ['*17/*17'],
    phenotypes: ['Ultrarapid Metabolizer'],
  },
  {
    name: 'CYP2C19 *2/*17',
    gene: 'CYP2C19',
    genotypes: { ...STAR1, rs12248560: 'C/T', rs12769205: 'A/G', rs4244285: 'G/A' },
    diplotypes: ['*2/*17'],
    phenotypes: ['Intermediate Metabolizer'],
  },
  {
    name: 'CYP2C19 *1/*4',
    gene: 'CYP2C19',
    genotypes: { ...STAR1, rs28399504: 'A/G' },
    diplotypes: ['*1/*4'],
    phenotypes: ['Intermediate Metabolizer'],
  },
  // CYP2C9: activity values *1 1, *2 0.5, *3 0, *8 0.5, *11 0.5; AS 2 NM, 1-1.5 IM, 0-0.5 PM (CPIC 2020)
  {
    name: 'CYP2C9 *1/*1',
    gene: 'CYP2C9',
    genotypes: {},
    diplotypes: ['*1/*1'],
    phenotypes: ['Normal Metabolizer'],
    scores: [2],
  },
  {
    name: 'CYP2C9 *1/*2',
    gene: 'CYP2C9',
    genotypes: { rs1799853: 'C/T' },
    diplotypes: ['*1/*2'],
    phenotypes: ['Intermediate Metabolizer'],
    scores: [1.5],
  },
  {
    name: 'CYP2C9 *1/*3',
    gene: 'CYP2C9',
    genotypes: { rs1057910: 'A/C' },
    diplotypes: ['*1/*3'],
    phenotypes: ['Intermediate Metabolizer'],
    scores: [1],
  },
  {
    name: 'CYP2C9 *2/*3',
    gene: 'CYP2C9',
    genotypes: { rs1799853: 'C/T', rs1057910: 'A/C' },
    diplotypes: ['*2/*3'],
    phenotypes: ['Poor Metabolizer'],
    scores: [0.5],
  },
  {
    name: 'CYP2C9 *3/*3',
    gene: 'CYP2C9',
    genotypes: { rs1057910: 'C/C' },
    diplotypes: ['*3/*3'],
    phenotypes: ['Poor Metabolizer'],
    scores: [0],
  },
  {
    name: 'CYP2C9 *1/*6 (deletion)',
    gene: 'CYP2C9',
    genotypes: { rs9332131: 'GA/G' },
    diplotypes: ['*1/*6'],
    phenotypes: ['Intermediate Metabolizer'],
    scores: [1],
  },
  // CYP2D6: activity values (CPIC allele functionality via PharmCAT phenotype/cpic/CYP2D6.json): *1/*2 1, *10 0.25,
  // *41 0.25, *4 0; 0 PM, 0.25-1 IM, 1.25-2.25 NM. *2, *10 and *41 carry 4180G>C (rs1135840, CPIC definition table).
  {
    name: 'CYP2D6 *1/*1',
    gene: 'CYP2D6',
    genotypes: {},
    diplotypes: ['*1/*1'],
    phenotypes: ['Normal Metabolizer'],
    scores: [2],
  },
  {
    name: 'CYP2D6 *1/*4',
    gene: 'CYP2D6',
    genotypes: { rs1065852: 'G/A', rs3892097: 'C/T' },
    diplotypes: ['*1/*4'],
    phenotypes: ['Intermediate Metabolizer'],
    scores: [1],
  },
  {
    name: 'CYP2D6 *4/*4',
    gene: 'CYP2D6',
    genotypes: { rs1065852: 'A/A', rs3892097: 'T/T' },
    diplotypes: ['*4/*4'],
    phenotypes: ['Poor Metabolizer'],
    scores: [0],
  },
  {
    name: 'CYP2D6 *1/*10',
    gene: 'CYP2D6',
    genotypes: { rs1065852: 'G/A', rs1135840: 'C/G' },
    diplotypes: ['*1/*10'],
    phenotypes: ['Normal Metabolizer'],
    scores: [1.25],
  },
  {
    name: 'CYP2D6 *10/*10',
    gene: 'CYP2D6',
    genotypes: { rs1065852: 'A/A', rs1135840: 'G/G' },
    diplotypes: ['*10/*10'],
    phenotypes: ['Intermediate Metabolizer'],
    scores: [0.5],
  },
  {
    name: 'CYP2D6 *1/*41',
    gene: 'CYP2D6',
    genotypes: { rs16947: 'G/A', rs28371725: 'C/T', rs1135840: 'C/G' },
    diplotypes: ['*1/*41'],
    phenotypes: ['Normal Metabolizer'],
    scores: [1.25],
  },
  {
    name: 'CYP2D6 *2/*41',
    gene: 'CYP2D6',
    genotypes: { rs16947: 'A/A', rs28371725: 'C/T', rs1135840: 'G/G' },
    diplotypes: ['*2/*41'],
    phenotypes: ['Normal Metabolizer'],
    scores: [1.25],
  },
  {
    name: 'CYP2D6 *3/*4',
    gene: 'CYP2D6',
    genotypes: { rs35742686: 'CT/C', rs1065852: 'G/A', rs3892097: 'C/T' },
    diplotypes: ['*3/*4'],
    phenotypes: ['Poor Metabolizer'],
    scores: [0],
  },
  // DPYD: activity values Reference 1, c.1905+1G>A 0, c.2846A>T 0.5, HapB3 0.5; 2 NM, 1-1.5 IM, 0-0.5 PM (CPIC 2018)
  {
    name: 'DPYD Reference/Reference',
    gene: 'DPYD',
    genotypes: {},
    diplotypes: ['Reference/Reference'],
    phenotypes: ['Normal Metabolizer'],
    scores: [2],
  },
  {
    name: 'DPYD *2A heterozygous',
    gene: 'DPYD',
    genotypes: { rs3918290: 'C/T' },
    diplotypes: ['Reference/c.1905+1G>A (*2A)'],
    phenotypes: ['Intermediate Metabolizer'],
    scores: [1],
  },
  {
    name: 'DPYD c.2846A>T homozygous',
    gene: 'DPYD',
    genotypes: { rs67376798: 'A/A' },
    diplotypes: ['c.2846A>T/c.2846A>T'],
    phenotypes: ['Intermediate Metabolizer'],
    scores: [1],
  },
  {
    name: 'DPYD *2A + c.2846A>T',
    gene: 'DPYD',
    genotypes: { rs3918290: 'C/T', rs67376798: 'T/A' },
    diplotypes: ['c.1905+1G>A (*2A)/c.2846A>T'],
    phenotypes: ['Poor Metabolizer'],
    scores: [0.5],
  },
  {
    name: 'DPYD HapB3 heterozygous',
    gene: 'DPYD',
    genotypes: { rs75017182: 'G/C', rs56038477: 'C/T' },
    diplotypes: ['Reference/c.1129-5923C>G, c.1236G>A (HapB3)'],
    phenotypes: ['Intermediate Metabolizer'],
    scores: [1.5],
  },
  {
    name: 'DPYD *13 homozygous',
    gene: 'DPYD',
    genotypes: { rs55886062: 'C/C' },
    diplotypes: ['c.1679T>G (*13)/c.1679T>G (*13)'],
    phenotypes: ['Poor Metabolizer'],
    scores: [0],
  },
  // TPMT / NUDT15 (CPIC 2018 thiopurines): normal+no function IM, no+no PM
  {
    name: 'TPMT *1/*2',
    gene: 'TPMT',
    genotypes: { rs1800462: 'C/G' },
    diplotypes: ['*1/*2'],
    phenotypes: ['Intermediate Metabolizer'],
  },
  {
    name: 'TPMT *3A phase unknown',
    gene: 'TPMT',
    genotypes: { rs1800460: 'C/T', rs1142345: 'T/C' },
    diplotypes: ['*1/*3A', '*3B/*3C'],
    phenotypes: ['Intermediate Metabolizer', 'Poor Metabolizer'],
    status: 'ambiguous',
  },
  {
    name: 'TPMT *3A in cis (phased)',
    gene: 'TPMT',
    genotypes: { rs1800460: 'C|T', rs1142345: 'T|C' },
    diplotypes: ['*1/*3A'],
    phenotypes: ['Intermediate Metabolizer'],
  },
  {
    name: 'TPMT *3B/*3C in trans (phased)',
    gene: 'TPMT',
    genotypes: { rs1800460: 'C|T', rs1142345: 'C|T' },
    diplotypes: ['*3B/*3C'],
    phenotypes: ['Poor Metabolizer'],
  },
  {
    name: 'TPMT *3A/*3A',
    gene: 'TPMT',
    genotypes: { rs1800460: 'T/T', rs1142345: 'C/C' },
    diplotypes: ['*3A/*3A'],
    phenotypes: ['Poor Metabolizer'],
  },
  {
    name: 'NUDT15 *1/*3',
    gene: 'NUDT15',
    genotypes: { rs116855232: 'C/T' },
    diplotypes: ['*1/*3'],
    phenotypes: ['Intermediate Metabolizer'],
  },
  {
    name: 'NUDT15 *3/*3',
    gene: 'NUDT15',
    genotypes: { rs116855232: 'T/T' },
    diplotypes: ['*3/*3'],
    phenotypes: ['Poor Metabolizer'],
  },
  // SLCO1B1 (CPIC allele functionality via PharmCAT phenotype/cpic/SLCO1B1.json): *5, *15 no function; *37
  // (c.388A>G alone) normal; normal + no function Decreased Function, no + no Poor Function
  {
    name: 'SLCO1B1 *1/*5',
    gene: 'SLCO1B1',
    genotypes: { rs4149056: 'T/C' },
    diplotypes: ['*1/*5'],
    phenotypes: ['Decreased Function'],
  },
  {
    name: 'SLCO1B1 *15/*15',
    gene: 'SLCO1B1',
    genotypes: { rs4149056: 'C/C', rs2306283: 'G/G' },
    diplotypes: ['*15/*15'],
    phenotypes: ['Poor Function'],
  },
  {
    name: 'SLCO1B1 c.388 and c.521 het, phase unknown',
    gene: 'SLCO1B1',
    genotypes: { rs4149056: 'T/C', rs2306283: 'A/G' },
    diplotypes: ['*1/*15', '*5/*37'],
    phenotypes: ['Decreased Function', 'Decreased Function'],
    status: 'ambiguous',
  },
  // VKORC1 (CPIC 2017 warfarin): the -1639G>A genotype
  {
    name: 'VKORC1 -1639 GA',
    gene: 'VKORC1',
    genotypes: { rs9923231: 'C/T' },
    diplotypes: ['rs9923231 reference (C)/rs9923231 variant (T)'],
    phenotypes: ['-1639 GA: increased warfarin sensitivity (dose by the CPIC algorithm)'],
  },
];

describe('PGx diplotypes on all-sites GRCh38 VCFs', () => {
  it.each(CASES)('$name', (c) => {
    const gene = call({ build: 'GRCh38', genotypes: c.genotypes, othersRef: true }, c.gene);
    expect(gene.diplotypes.map((d) => d.diplotype)).toEqual(c.diplotypes);
    expect(gene.diplotypes.map((d) => d.phenotype)).toEqual(c.phenotypes);
    if (c.scores) expect(gene.diplotypes.map((d) => d.activityScore)).toEqual(c.scores);
    expect(gene.status).toBe(c.status ?? 'called');
    expect(gene.uncalled).toEqual([]);
  });
});

describe('PGx on GRCh37', () => {
  it.each<{ name: string; gene: string; genotypes: Record<string, string>; diplotype: string }>([
    {
      name: 'CYP2C19 *1/*2 with plain names',
      gene: 'CYP2C19',
      genotypes: { rs12769205: 'A/G', rs4244285: 'G/A' },
      diplotype: '*1/*2',
    },
    {
      name: 'CYP2C19 *1/*1: GRCh37 carries G at rs3758581, so 0/0 there is *1',
      gene: 'CYP2C19',
      genotypes: {},
      diplotype: '*1/*1',
    },
    {
      name: 'CYP2D6 *1/*1: GRCh37 carries the *2 bases at rs16947 and rs1135840, so 1/1 there is *1',
      gene: 'CYP2D6',
      genotypes: { rs16947: 'G/G', rs1135840: 'C/C' },
      diplotype: '*1/*1',
    },
    {
      name: 'CYP2D6 *2/*2: the GRCh37 reference bases at rs16947 and rs1135840',
      gene: 'CYP2D6',
      genotypes: {},
      diplotype: '*2/*2',
    },
    {
      name: 'TPMT *1/*3A phased',
      gene: 'TPMT',
      genotypes: { rs16947: 'G/G', rs1800460: 'T|C', rs1142345: 'C|T' },
      diplotype: '*1/*3A',
    },
  ])('$name', (c) => {
    const gene = call({ build: 'GRCh37', naming: 'plain', genotypes: c.genotypes, othersRef: true }, c.gene);
    expect(gene.diplotypes.map((d) => d.diplotype)).toEqual([c.diplotype]);
  });
});
