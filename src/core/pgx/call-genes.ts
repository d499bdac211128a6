// The PGx caller: VCF text (a VCF's defining positions, or the calls made from a BAM) -> build, the
// sample's genotype at each position, and per gene the diplotypes that fit with their CPIC phenotypes.
import type { BuildName } from '../files/reference-builds';
import { decideBuild } from './build';
import { PGX_GENES, positionNote, variantAlleles, type GeneDef } from './definitions';
import { fitDiplotypes } from './diplotypes';
import { phenotypeOf } from './phenotype';
import { callSite, type SiteCall } from './site-calls';
import { parseVcfText } from './vcf-text';

export interface DiplotypeCall {
  diplotype: string;
  phenotype: string;
  activityScore?: number;
}

export interface GeneResult {
  gene: string;
  /** called: one diplotype; ambiguous: phase unknown; uncertain: depends on positions not called. */
  status: 'called' | 'ambiguous' | 'uncertain' | 'not-called' | 'no-match';
  diplotypes: DiplotypeCall[];
  uncalled: { rsid: string; reason: string; alleles: string[] }[];
  notes: string[];
}

export interface SiteRow {
  gene: string;
  rsid: string;
  change: string;
  position: string;
  ref: string;
  /** The variant allele(s) the definitions know here, comma-separated. */
  alt: string;
  call: SiteCall;
  note?: string;
}

export interface PgxCall {
  build: BuildName;
  buildBasis: string;
  buildConflict?: string;
  sample: string;
  samples: string[];
  genes: GeneResult[];
  sites: SiteRow[];
}

export interface PgxOptions {
  /** 0 = detect, 37, 38. */
  build: number;
  /** 1-based sample number. */
  sample: number;
  minDepth: number;
}

export class PgxInputError extends Error {
  override name = 'PgxInputError';
}

const GENE_NOTES: Record<string, string> = {
  CYP2D6:
    'SNVs and small indels only: copy number, the gene deletion (*5), duplications and CYP2D6/CYP2D7 hybrids (*13, *36, *68) are NOT assessed, so this call can be wrong in either direction.',
  NUDT15:
    'c.415C>T is reported as *3; *2 carries it too (with an insertion not assessed here). Both are no-function alleles.',
  DPYD: 'Only the four variants CPIC recommends testing are assessed; other rare no-function variants are not.',
  SLCO1B1:
    'Four positions are assessed (c.388A>G, c.463C>A, c.521T>C, c.1929A>C); a rarer allele defined elsewhere reads as the allele it contains (e.g. *31, no function, as *37).',
};

export function callPgx(vcfText: string, options: PgxOptions): PgxCall {
  const vcf = parseVcfText(vcfText);
  const decision = decideBuild(vcf, options.build);
  if (!decision.build)
    throw new PgxInputError(
      `The reference build could not be detected (${decision.basis}). Choose GRCh37 or GRCh38 under "Reference build" and run again.`,
    );
  if (vcf.samples.length === 0)
    throw new PgxInputError(
      'The VCF has no sample columns (a sites-only file), so there are no genotypes to read. Use a VCF with the sample’s genotypes.',
    );
  if (options.sample < 1 || options.sample > vcf.samples.length)
    throw new PgxInputError(
      `Sample number ${options.sample} does not exist: the file has ${vcf.samples.length} sample(s) (${vcf.samples.slice(0, 5).join(', ')}).`,
    );
  const build = decision.build;
  const callOptions = { build, sample: options.sample - 1, minDepth: options.minDepth };
  const sites: SiteRow[] = [];
  const genes = PGX_GENES.map((gene) => {
    const calls = gene.positions.map((p) => callSite(p, vcf.records, callOptions));
    gene.positions.forEach((p, i) => {
      const note = positionNote(p, build);
      sites.push({
        gene: gene.gene,
        rsid: p.rsid,
        change: p.change,
        position: `${gene.chromosome}:${p[build].pos}`,
        ref: p.ref,
        alt: variantAlleles(p).join(','),
        call: calls[i]!,
        ...(note ? { note } : {}),
      });
    });
    return geneResult(gene, calls);
  });
  return {
    build,
    buildBasis: decision.basis,
    ...(decision.conflict ? { buildConflict: decision.conflict } : {}),
    sample: vcf.samples[options.sample - 1]!,
    samples: vcf.samples,
    genes,
    sites,
  };
}

export function geneResult(gene: GeneDef, calls: readonly SiteCall[]): GeneResult {
  const uncalled = calls.flatMap((c) =>
    c.status === 'not-called'
      ? [
          {
            rsid: c.rsid,
            reason: c.reason,
            alleles: gene.alleles.filter((a) => (a.bases[c.rsid] ?? 'any') !== 'any').map((a) => a.name),
          },
        ]
      : [],
  );
  const notes = GENE_NOTES[gene.gene] ? [GENE_NOTES[gene.gene]!] : [];
  if (uncalled.length === calls.length)
    return {
      gene: gene.gene,
      status: 'not-called',
      diplotypes: [],
      uncalled,
      notes: ['No defining position of this gene was called.', ...notes],
    };
  const fits = fitDiplotypes(gene, calls);
  if (fits.length === 0) {
    return {
      gene: gene.gene,
      status: 'no-match',
      diplotypes: [],
      uncalled,
      notes: [
        'The genotypes fit no pair of the alleles defined here: a rarer allele, an unusual combination or a calling error.',
        ...notes,
      ],
    };
  }
  const diplotypes = fits.map((pair) => {
    const p = phenotypeOf(gene.gene, pair);
    return {
      diplotype: pair.join('/'),
      phenotype: p.phenotype,
      ...(p.activityScore === undefined ? {} : { activityScore: p.activityScore }),
    };
  });
  let status: GeneResult['status'] = 'called';
  if (fits.length > 1) status = uncalled.length > 0 ? 'uncertain' : 'ambiguous';
  if (status === 'ambiguous')
    notes.unshift(
      'Phase unknown: the heterozygous variants could be on the same or on different chromosomes, and these diplotypes all fit.',
    );
  if (status === 'uncertain') notes.unshift('Positions not called leave several diplotypes possible.');
  return { gene: gene.gene, status, diplotypes, uncalled, notes };
}
