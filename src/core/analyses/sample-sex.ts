// Sample sex: inferred from an alignment file's chrX/chrY read share (samtools idxstats) or a call set's chrX
// heterozygosity outside the pseudoautosomal regions (bcftools query), and compared with the sex entered.
import { parseIdxstats } from '../parsers/samtools-idxstats';
import { buildLabel, detectBuild, parseVcfHeaderContigs } from '../files/contigs';
import { sexFromChrX, sexFromIdxstats, type InferredSex } from '../clinical/sex-inference';
import { RESEARCH_ONLY } from '../clinical/caveats';
import { coverageSexApplicability, genotypeSexApplicability } from './applicability';
import type { AnalysisDefinition, ChartRow, Metric } from './analysis';

export interface SexCall {
  sample: string;
  sex: InferredSex;
  /** What the number behind the call is, and its value. */
  evidence: string;
  agrees?: boolean;
}

export interface SampleSexResult {
  input: string;
  method: 'coverage' | 'genotypes';
  entered: 'female' | 'male' | undefined;
  build: string;
  calls: SexCall[];
  /** The coverage ratios or per-sample genotype counts behind the calls. */
  rows: ChartRow[];
  /** The contigs of the input (idxstats, or the VCF header's ##contig lines), and the chrX records read. */
  contigs: string[];
  xRecords: number;
}

const ENTERED = [
  { value: 0, label: 'Not given' },
  { value: 1, label: 'Female' },
  { value: 2, label: 'Male' },
] as const;

export const sampleSex: AnalysisDefinition<SampleSexResult> = {
  id: 'sample-sex',
  title: 'Sample sex',
  summary:
    'Does the data’s sex match what was recorded? chrX/chrY read share (BAM/CRAM) or chrX heterozygosity (VCF/BCF).',
  inputs: [
    {
      key: 'alignments',
      label: 'Alignments (BAM/CRAM)',
      formats: ['bam', 'cram'],
      needsIndex: true,
      optional: true,
      help: 'Choose this or a call set.',
    },
    {
      key: 'variants',
      label: 'Call set (VCF/BCF)',
      formats: ['vcf', 'bcf'],
      needsIndex: true,
      optional: true,
      help: 'Choose this or alignments; every sample in it is checked.',
    },
  ],
  parameters: [
    {
      key: 'entered',
      label: 'Sex as recorded',
      default: 0,
      min: 0,
      max: 2,
      help: 'Flagged when the data disagrees.',
      choices: ENTERED,
    },
    {
      key: 'build',
      label: 'Reference build (call sets)',
      default: 0,
      min: 0,
      max: 38,
      help: 'Where the pseudoautosomal regions are.',
      choices: [
        { value: 0, label: 'Detect from the header' },
        { value: 37, label: 'GRCh37 / hg19' },
        { value: 38, label: 'GRCh38 / hg38' },
      ],
    },
  ],
  thresholds: [
    { key: 'agrees', label: 'Agrees with the recorded sex', better: 'higher', pass: 100, warn: 100, unit: '%' },
  ],
  check(inputs) {
    const chosen = ['alignments', 'variants'].filter((k) => inputs[k] !== undefined);
    if (chosen.length !== 1)
      return 'Choose either alignments (BAM/CRAM) or a call set (VCF/BCF), not both and not neither.';
    return undefined;
  },
  steps(inputs) {
    const bam = inputs['alignments'];
    if (bam !== undefined)
      return [
        {
          key: 'idxstats',
          job: { label: 'Sample sex: samtools idxstats', steps: [{ program: 'samtools', argv: ['idxstats', bam] }] },
        },
      ];
    const vcf = inputs['variants']!;
    return [
      {
        key: 'header',
        job: {
          label: 'Sample sex: bcftools view -h',
          steps: [{ program: 'bcftools', argv: ['view', '-h', '--no-version', vcf] }],
        },
      },
      // Both namings: a contig the file lacks is skipped by bcftools.
      {
        key: 'chrX',
        job: {
          label: 'Sample sex: chrX genotypes',
          steps: [
            { program: 'bcftools', argv: ['query', '-H', '-r', 'X,chrX', '-f', '%CHROM\\t%POS[\\t%GT]\\n', vcf] },
          ],
          stdoutFile: `${vcf}.chrX-gt.tsv`,
        },
      },
    ];
  },
  parse(texts, inputs, params) {
    const entered = params['entered'] === 1 ? 'female' : params['entered'] === 2 ? 'male' : undefined;
    const agrees = (sex: InferredSex) =>
      entered === undefined || (sex !== 'female' && sex !== 'male') ? undefined : sex === entered;
    if (inputs['alignments'] !== undefined) {
      const idxstats = parseIdxstats(texts['idxstats'] ?? '');
      const c = sexFromIdxstats(idxstats);
      const call: SexCall = {
        sample: inputs['alignments'],
        sex: c.sex,
        evidence: `chrX ${c.xRatio.toFixed(2)}, chrY ${c.yRatio.toFixed(2)} of autosomal density`,
      };
      const a = agrees(c.sex);
      return {
        input: inputs['alignments'],
        method: 'coverage',
        entered,
        build: '',
        calls: [a === undefined ? call : { ...call, agrees: a }],
        rows: [
          {
            sample: call.sample,
            'chrX ratio': round(c.xRatio),
            'chrY ratio': round(c.yRatio),
            'autosomal reads': c.autosomeReads,
            'inferred sex': c.sex,
            recorded: entered ?? 'not given',
          },
        ],
        contigs: idxstats.map((row) => row.name).filter((name) => name !== '*'),
        xRecords: 0,
      };
    }
    const headerContigs = parseVcfHeaderContigs(texts['header'] ?? '');
    const guess = detectBuild(headerContigs);
    const build = params['build'] === 37 ? 'GRCh37' : params['build'] === 38 ? 'GRCh38' : guess.build;
    const samples = sexFromChrX(texts['chrX'] ?? '', build);
    return {
      input: inputs['variants'] ?? '',
      method: 'genotypes',
      entered,
      build:
        build === 'unknown'
          ? 'unknown (both builds’ PARs left out)'
          : params['build']
            ? `${build} (chosen)`
            : buildLabel(guess),
      calls: samples.map((s) => {
        const a = agrees(s.sex);
        const call: SexCall = {
          sample: s.sample,
          sex: s.sex,
          evidence: `${s.het} het of ${s.het + s.homAlt} non-ref chrX calls outside PAR`,
        };
        return a === undefined ? call : { ...call, agrees: a };
      }),
      rows: samples.map((s) => ({
        sample: s.sample,
        het: s.het,
        'hom-alt': s.homAlt,
        haploid: s.haploid,
        'het share': round(s.hetShare),
        'inferred sex': s.sex,
        recorded: entered ?? 'not given',
      })),
      contigs: headerContigs.map((c) => c.name),
      xRecords: (texts['chrX'] ?? '').split('\n').filter((l) => l !== '' && !l.startsWith('#')).length,
    };
  },
  applies: (r) =>
    r.method === 'coverage'
      ? coverageSexApplicability(r.contigs)
      : genotypeSexApplicability(r.calls.length, r.xRecords, r.contigs),
  metrics: sexMetrics,
  charts: [],
  tables: (r) => ({ sex: r.rows }),
  shownTables: [
    {
      key: 'sex',
      title: 'Inferred sex',
      note: 'Alignments: reads per base on chrX and chrY divided by that of the autosomes (XX ≈ 1 and 0, XY ≈ 0.5 and > 0.1). Calls: het share of non-ref chrX genotypes outside the PARs (XX well above 0.15, XY near 0).',
    },
  ],
  caveats: [
    RESEARCH_ONLY,
    'What the data shows is chromosomal (XX/XY-like) sex; it cannot say gender, and sex-chromosome aneuploidy (XXY, X0), mosaicism or a bone-marrow transplant give "unclear" or misleading calls.',
    'Coverage ratios assume whole-genome or exome data with reads on all chromosomes; a targeted panel without chrX/chrY targets gives "not enough data" or nonsense.',
    'Call sets need enough chrX variants outside the pseudoautosomal regions (at least 50 non-ref calls per sample).',
  ],
};

const round = (value: number): number => (Number.isFinite(value) ? Math.round(value * 1000) / 1000 : value);

export function sexMetrics(r: SampleSexResult): Metric[] {
  const disagreeing = r.calls.filter((c) => c.agrees === false);
  const judged = r.calls.filter((c) => c.agrees !== undefined);
  return [
    {
      key: 'inferred',
      label: 'Samples checked',
      value: r.calls.length,
      format: 'count',
      note: r.calls.map((c) => `${c.sample}: ${c.sex}`).join('; ') || 'no samples',
    },
    {
      key: 'agrees',
      label: 'Agrees with the recorded sex',
      value: judged.length === 0 ? Number.NaN : (100 * (judged.length - disagreeing.length)) / judged.length,
      format: 'percent',
      threshold: 'agrees',
      note:
        r.entered === undefined
          ? 'no sex recorded'
          : disagreeing.length > 0
            ? `disagrees: ${disagreeing.map((c) => c.sample).join(', ')} (recorded ${r.entered})`
            : `recorded ${r.entered}`,
    },
  ];
}
