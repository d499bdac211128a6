// The PGx reference data as typed values: allele definitions (data/allele-definitions.json) and allele
// functions with diplotype-to-phenotype rules (data/phenotypes.json), and the genome positions they cover.
import type { BuildName } from '../files/reference-builds';
import alleleData from './data/allele-definitions.json';
import phenotypeData from './data/phenotypes.json';

export interface PositionDef {
  gene: string;
  chromosome: string;
  rsid: string;
  /** HGVS-style change on the gene ("c.681G>A"). */
  change: string;
  /** Allele of the gene's reference haplotype and the defining variant, VCF-style on the plus strand. */
  ref: string;
  alt: string;
  /** Further variant alleles at the same position (TPMT c.719A>C next to c.719A>G). */
  otherAlts?: readonly string[];
  GRCh38: BuildPosition;
  GRCh37: BuildPosition;
  /** Why a call here is expected and not a finding, in every build (rs3758581). */
  note?: string;
}

export interface BuildPosition {
  pos: number;
  /** The assembly's base(s) here, which can be a variant allele (CYP2D6 rs16947 on GRCh37). */
  genomeRef: string;
  /** What only this build's users need to know (its reference carries a variant allele here). */
  note?: string;
}

export interface AlleleDef {
  name: string;
  /** rsid -> required allele where it differs from the reference haplotype; "any" = not defining here. */
  bases: Readonly<Record<string, string>>;
}

export interface GeneDef {
  gene: string;
  chromosome: string;
  referenceAllele: string;
  positions: readonly PositionDef[];
  alleles: readonly AlleleDef[];
}

export interface AlleleFunction {
  function: string;
  activity?: number;
}

export interface PhenotypeDef {
  method: 'function' | 'activity' | 'genotype';
  alleles: Readonly<Record<string, AlleleFunction>>;
  rules?: readonly { functions: readonly string[]; phenotype: string }[];
  ranges?: readonly { min: number; max: number; phenotype: string }[];
}

interface RawGene {
  gene: string;
  chromosome: string;
  referenceAllele: string;
  positions: Omit<PositionDef, 'gene' | 'chromosome'>[];
  alleles: AlleleDef[];
}

export const PGX_GENES: readonly GeneDef[] = (alleleData.genes as RawGene[]).map((g) => ({
  ...g,
  positions: g.positions.map((p) => ({ ...p, gene: g.gene, chromosome: g.chromosome })),
}));

export const PHENOTYPES: Readonly<Record<string, PhenotypeDef>> = phenotypeData.genes as Record<string, PhenotypeDef>;

/** When the bundled allele and phenotype tables were compiled (printed in the report). */
export const PGX_DATA_COMPILED: string = alleleData.compiled;

export function allPositions(): PositionDef[] {
  return PGX_GENES.flatMap((g) => [...g.positions]);
}

/** Every variant allele the definitions know at a position. */
export function variantAlleles(p: PositionDef): string[] {
  return [p.alt, ...(p.otherAlts ?? [])];
}

/** The notes that apply to a position in one build: the general one, then the build's own. */
export function positionNote(p: PositionDef, build: BuildName): string | undefined {
  const notes = [p.note, p[build].note].filter((n): n is string => Boolean(n));
  return notes.length > 0 ? notes.join(' ') : undefined;
}

export interface TargetOptions {
  /** "chr:pos-pos" (regions, -r) instead of "chr:pos" (targets, -t). */
  withRange: boolean;
  /** Only this build's positions; both when absent. */
  build?: BuildName;
  /** Only this naming style; both when absent. */
  naming?: 'chr' | 'plain';
}

/** Every position as a comma-separated bcftools region/target list, sorted. */
export function targetList(options: TargetOptions): string {
  const builds: BuildName[] = options.build ? [options.build] : ['GRCh37', 'GRCh38'];
  const entries: { chrom: string; pos: number }[] = [];
  for (const p of allPositions()) {
    for (const build of builds) {
      const names =
        options.naming === 'chr'
          ? [`chr${p.chromosome}`]
          : options.naming === 'plain'
            ? [p.chromosome]
            : [`chr${p.chromosome}`, p.chromosome];
      for (const chrom of names) entries.push({ chrom, pos: p[build].pos });
    }
  }
  const unique = new Map(entries.map((e) => [`${e.chrom}:${e.pos}`, e]));
  return [...unique.values()]
    .sort((a, b) => (a.chrom === b.chrom ? a.pos - b.pos : a.chrom < b.chrom ? -1 : 1))
    .map((e) => (options.withRange ? `${e.chrom}:${e.pos}-${e.pos}` : `${e.chrom}:${e.pos}`))
    .join(',');
}
