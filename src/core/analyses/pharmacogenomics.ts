// Pharmacogenomics: star alleles and CPIC phenotypes for CYP2C19, CYP2C9, CYP2D6 (SNVs only), DPYD, NUDT15,
// SLCO1B1, TPMT and VKORC1 from a VCF/BCF (bcftools view at the defining positions) or a BAM/CRAM
// (bcftools mpileup | call at those positions, so an uncovered position is a no-call).
import { callPgx, type PgxCall } from '../pgx/call-genes';
import { PGX_DATA_COMPILED, targetList } from '../pgx/definitions';
import { outsideCalls } from '../pgx/outside-call';
import { geneRows, siteRows } from '../pgx/rows';
import type { AnalysisDefinition, AnalysisStep, Metric } from './analysis';
import { locusOfPosition } from '../viewer/locus';

export interface PharmacogenomicsResult extends PgxCall {
  input: string;
  route: 'variants' | 'alignments';
}

export const PGX_CAVEATS = [
  'For research and education only, not for clinical decisions. Confirm any result with a validated clinical test before it informs treatment.',
  'CYP2D6 is called from SNVs and small indels only: copy number, the whole-gene deletion (*5), duplications and CYP2D6/CYP2D7 hybrids are not assessed.',
  'A defining position absent from the input is reported as not called, never assumed to be reference; the alleles that depend on it stay possible. A VCF that lists only variant sites leaves most positions not called: use a gVCF or all-sites VCF, or the BAM/CRAM.',
  `Only the alleles in the bundled CPIC/PharmVar tables (compiled ${PGX_DATA_COMPILED}; sources in src/core/pgx/data) are recognised, at their defining positions listed below; a rarer allele shows as "no match", or as the allele it contains when what defines it lies elsewhere.`,
] as const;

export const pharmacogenomics: AnalysisDefinition<PharmacogenomicsResult> = {
  id: 'pharmacogenomics',
  title: 'Pharmacogenomics',
  summary:
    'Star alleles and CPIC phenotypes for CYP2C19, CYP2C9, CYP2D6 (SNVs only), DPYD, NUDT15, SLCO1B1, TPMT and VKORC1, from a VCF or a BAM.',
  inputs: [
    {
      key: 'variants',
      label: 'Variants (VCF/BCF)',
      formats: ['vcf', 'bcf'],
      optional: true,
      help: 'A VCF of one or more samples; a gVCF or all-sites VCF tells reference calls from no-calls.',
    },
    {
      key: 'alignments',
      label: 'Or alignments (BAM/CRAM)',
      formats: ['bam', 'cram'],
      optional: true,
      needsIndex: true,
      help: 'The defining positions are genotyped from the reads (bcftools mpileup | call).',
    },
    {
      key: 'reference',
      label: 'Reference FASTA (for BAM/CRAM)',
      formats: ['fasta'],
      optional: true,
      needsIndex: true,
      help: 'The reference the reads were aligned to.',
    },
  ],
  parameters: [
    {
      key: 'build',
      label: 'Reference build',
      default: 0,
      min: 0,
      max: 38,
      help: 'Detected from the ##contig lengths or ##reference line unless you choose.',
      choices: [
        { value: 0, label: 'Detect from the header' },
        { value: 37, label: 'GRCh37 / hg19' },
        { value: 38, label: 'GRCh38 / hg38' },
      ],
    },
    {
      key: 'sample',
      label: 'Sample number',
      default: 1,
      min: 1,
      max: 100_000,
      help: 'Which sample column of the VCF (1 = first).',
    },
    {
      key: 'minDepth',
      label: 'Minimum depth for a call',
      default: 10,
      min: 0,
      max: 10_000,
      help: 'Calls with a lower FORMAT/DP are not called (0: no limit; VCFs without DP are not checked).',
    },
    {
      key: 'useIndex',
      label: 'Reading the input',
      default: 0,
      min: 0,
      max: 1,
      help: 'Through the index (.tbi/.csi/.bai) jumps to the positions: fast on big files. Chosen when the VCF has an index; for a BAM/CRAM it also needs the build and contig naming.',
      followsIndexOf: 'variants',
      choices: [
        { value: 0, label: 'Read the whole file' },
        { value: 1, label: 'Through its index' },
      ],
    },
    {
      key: 'chrNames',
      label: 'Contig names (BAM/CRAM through the index)',
      default: 1,
      min: 0,
      max: 1,
      help: 'How the BAM names chromosomes; shown next to the file in Files.',
      choices: [
        { value: 1, label: 'chr10 (UCSC style)' },
        { value: 0, label: '10 (GRC/Ensembl style)' },
      ],
    },
  ],
  thresholds: [],
  check(inputs, formats) {
    const hasVariants = Boolean(inputs['variants']);
    const hasAlignments = Boolean(inputs['alignments']);
    if (!hasVariants && !hasAlignments)
      return 'Choose a VCF/BCF under "Variants (VCF/BCF)", or a BAM/CRAM under "Or alignments (BAM/CRAM)" with its reference FASTA.';
    if (hasVariants && hasAlignments)
      return 'Choose a VCF/BCF or a BAM/CRAM, not both: set one of them back to "— none —".';
    if (hasAlignments && !inputs['reference'])
      return 'Genotyping from a BAM/CRAM needs the reference FASTA it was aligned to: choose it under "Reference FASTA".';
    if (formats['variants'] && formats['variants'] !== 'vcf' && formats['variants'] !== 'bcf')
      return 'The variants input must be a VCF or BCF.';
    return undefined;
  },
  steps(inputs, params) {
    const vcf = inputs['variants'];
    if (vcf) {
      // bcftools view skips target contigs the file lacks, so one list covers both builds and namings.
      const where =
        params['useIndex'] === 1
          ? ['-r', targetList({ withRange: true })]
          : ['--targets-overlap', 'record', '-t', targetList({ withRange: false })];
      const step: AnalysisStep = {
        key: 'calls',
        job: {
          label: 'Pharmacogenomics: bcftools view at the defining positions',
          steps: [{ program: 'bcftools', argv: ['view', '--no-version', ...where, vcf] }],
          stdoutFile: `${vcf}.pgx.vcf`,
        },
      };
      return [step];
    }
    const bam = inputs['alignments']!;
    const ref = inputs['reference']!;
    // mpileup stops at a region on a contig the BAM lacks, so the index is used only with a known build and naming;
    // otherwise -t streams the file and piles up only at the targets.
    const build = params['build'] === 37 ? 'GRCh37' : params['build'] === 38 ? 'GRCh38' : undefined;
    const where =
      params['useIndex'] === 1 && build
        ? ['-r', targetList({ withRange: true, build, naming: params['chrNames'] === 0 ? 'plain' : 'chr' })]
        : ['-t', targetList({ withRange: false })];
    return [
      {
        key: 'calls',
        job: {
          label: 'Pharmacogenomics: bcftools mpileup | call at the defining positions',
          steps: [
            {
              program: 'bcftools',
              argv: ['mpileup', '--no-version', '-f', ref, '-a', 'FORMAT/AD,FORMAT/DP', ...where, '-Ou', bam],
            },
            { program: 'bcftools', argv: ['call', '--no-version', '-m', '-Ov', '-'] },
          ],
          stdoutFile: `${bam}.pgx.vcf`,
        },
      },
    ];
  },
  parse(texts, inputs, params) {
    const call = callPgx(texts['calls'] ?? '', {
      build: params['build'] ?? 0,
      sample: params['sample'] ?? 1,
      minDepth: params['minDepth'] ?? 10,
    });
    const route = inputs['variants'] ? 'variants' : 'alignments';
    return { ...call, input: inputs[route] ?? '', route };
  },
  metrics: pgxMetrics,
  charts: [],
  tables: (r) => ({ genes: geneRows(r), positions: siteRows(r) }),
  shownTables: [
    {
      key: 'genes',
      title: 'Pharmacogenomic calls',
      note: 'One row per gene: the diplotype(s) that fit the genotypes and the CPIC phenotype of each; several rows of diplotypes mean phase or missing positions leave them open.',
    },
    {
      key: 'positions',
      title: 'Genotypes at the defining positions',
      note: 'Alleles on the plus strand; "not called" means the input says nothing about the position.',
      locus: (row) => locusOfPosition(row['position']),
    },
  ],
  downloads: (r) => [
    {
      label: 'PharmCAT outside calls (TSV)',
      fileName: `${r.input}.outside-calls.tsv`,
      mimeType: 'text/tab-separated-values',
      text: outsideCalls(r, r.input),
    },
  ],
  caveats: PGX_CAVEATS,
};

function pgxMetrics(r: PharmacogenomicsResult): Metric[] {
  const count = (...statuses: string[]): number => r.genes.filter((g) => statuses.includes(g.status)).length;
  return [
    {
      key: 'called',
      label: 'Genes called',
      value: count('called'),
      format: 'count',
      note: `sample ${r.sample}; ${r.build} (${r.buildBasis})${r.buildConflict ? `. ${r.buildConflict}` : ''}`,
    },
    {
      key: 'open',
      label: 'Genes with several diplotypes',
      value: count('ambiguous', 'uncertain'),
      format: 'count',
      note: 'phase unknown or positions not called',
    },
    {
      key: 'unresolved',
      label: 'Genes not called or no match',
      value: count('not-called', 'no-match'),
      format: 'count',
    },
    {
      key: 'uncalledSites',
      label: 'Positions not called',
      value: r.sites.filter((s) => s.call.status === 'not-called').length,
      format: 'count',
      note: `of ${r.sites.length}`,
    },
  ];
}
