// Pathogen consensus: reads (single or paired, Illumina or Nanopore) + a reference -> minimap2 alignment, sorted
// BAM, optional primer clipping, haploid variant calls (bcftools mpileup | call | norm) and a consensus genome
// (samtools consensus, N where depth < the minimum), with mapping rate, depth and coverage.
import { parseFlagstat, type Flagstat } from '../parsers/samtools-flagstat';
import { choosePreset, PRESET_CHOICES, sampleName, sampleOutputs, type ReadPreset } from '../pathogen/naming';
import {
  consensusFasta,
  countN,
  parseDepth,
  parseFasta,
  parseVariantLines,
  VARIANT_QUERY_FORMAT,
  type CalledVariant,
  type DepthProfile,
  type FastaRecord,
} from '../pathogen/outputs';
import {
  percent,
  type AnalysisDefinition,
  type AnalysisStep,
  type InputNames,
  type Metric,
  type ParameterValues,
} from './analysis';

export interface PathogenResult {
  sample: string;
  reference: string;
  preset: ReadPreset;
  minDepth: number;
  flagstat: Flagstat;
  depth: DepthProfile;
  variants: CalledVariant[];
  consensus: FastaRecord[];
  /** Output files in the work area: the VCF is also added to the session's files for the variant browser. */
  files: { bam: string; vcf: string; consensus: string };
}

/** Keeps argv and the native benchmark identical: BGZF level 1 for the intermediate BAM (it is re-read at once). */
export const SORT_LEVEL = '1';

/**
 * The sort that writes the sample's final BAM also writes its .bai (`--write-index`, htslib's `##idx##` name
 * syntax): the same bytes as a separate `samtools index`, without reading the BAM once more.
 */
const sortIndexed = (bam: string): string[] => [
  'sort',
  '--write-index',
  '-l',
  SORT_LEVEL,
  '-o',
  `${bam}##idx##${bam}.bai`,
  '-',
];

function presetOf(inputs: InputNames, params: ParameterValues): ReadPreset {
  return choosePreset(params['preset'] ?? 0, { paired: inputs['reads2'] !== undefined, file: inputs['reads1'] ?? '' });
}

export function pathogenSteps(inputs: InputNames, params: ParameterValues): AnalysisStep[] {
  const r1 = inputs['reads1']!;
  const r2 = inputs['reads2'];
  const ref = inputs['reference']!;
  const primers = inputs['primers'];
  const sample = sampleName(r1);
  const out = sampleOutputs(sample);
  const minDepth = String(params['minDepth'] ?? 10);
  const label = (what: string) => `Pathogen ${sample}: ${what}`;
  const align: AnalysisStep = {
    key: 'align',
    job: {
      label: label('minimap2 | samtools sort'),
      steps: [
        { program: 'minimap2', argv: ['-a', '-x', presetOf(inputs, params), ref, r1, ...(r2 ? [r2] : [])] },
        {
          program: 'samtools',
          argv: primers ? ['sort', '-l', SORT_LEVEL, '-o', out.unclipped, '-'] : sortIndexed(out.bam),
        },
      ],
    },
  };
  const clip: AnalysisStep[] = primers
    ? [
        {
          key: 'clip',
          after: ['align'],
          job: {
            label: label('samtools ampliconclip | samtools sort'),
            steps: [
              { program: 'samtools', argv: ['ampliconclip', '-b', primers, out.unclipped] },
              { program: 'samtools', argv: sortIndexed(out.bam) },
            ],
          },
        },
      ]
    : [];
  const bamReady = primers ? 'clip' : 'align';
  return [
    { key: 'faidx', job: { label: label('samtools faidx'), steps: [{ program: 'samtools', argv: ['faidx', ref] }] } },
    align,
    ...clip,
    // Neither mpileup nor consensus reads through the index (no regions): they start as soon as the BAM is written,
    // the longest first, so the engine's workers take them before the short steps.
    {
      key: 'call',
      after: ['faidx', bamReady],
      job: {
        label: label('bcftools mpileup | call | norm | view'),
        steps: [
          // Short reads: base quality 20 (as iVar); BAQ lowers bases misaligned next to an indel, so they drop out
          // at depth. Nanopore: bcftools' own ONT profile (-X ont: -B -Q5 --max-BQ 30 -I), no indel calls, since
          // homopolymer errors make them unreliable (simulated 7%-error reads: a false 1 bp deletion otherwise).
          {
            program: 'bcftools',
            argv: [
              'mpileup',
              ...(presetOf(inputs, params) === 'map-ont' ? ['-X', 'ont'] : ['-Q', '20']),
              '-f',
              ref,
              '-a',
              'AD,DP',
              '-Ou',
              out.bam,
            ],
          },
          { program: 'bcftools', argv: ['call', '-m', '--ploidy', '1', '-v', '-Ou'] },
          { program: 'bcftools', argv: ['norm', '-f', ref, '-Ou'] },
          { program: 'bcftools', argv: ['view', '-e', `QUAL<${params['minQual'] ?? 20}`, '-Oz', '-o', out.vcf] },
        ],
      },
    },
    {
      key: 'consensus',
      after: [bamReady],
      job: {
        label: label('samtools consensus'),
        steps: [
          {
            program: 'samtools',
            argv: ['consensus', '-a', '-m', 'simple', '-d', minDepth, '--show-del', 'no', '--show-ins', 'yes', out.bam],
          },
        ],
        stdoutFile: out.consensus,
      },
    },
    {
      key: 'depth',
      after: [bamReady],
      job: {
        label: label('samtools depth'),
        steps: [{ program: 'samtools', argv: ['depth', '-aa', '-J', out.bam] }],
        stdoutFile: out.depth,
      },
    },
    {
      key: 'flagstat',
      after: [bamReady],
      job: { label: label('samtools flagstat'), steps: [{ program: 'samtools', argv: ['flagstat', out.bam] }] },
    },
    {
      key: 'vcfIndex',
      after: ['call'],
      job: { label: label('bcftools index'), steps: [{ program: 'bcftools', argv: ['index', '-f', out.vcf] }] },
    },
    {
      key: 'variants',
      after: ['call'],
      job: {
        label: label('bcftools query'),
        steps: [{ program: 'bcftools', argv: ['query', '-f', VARIANT_QUERY_FORMAT, out.vcf] }],
      },
    },
  ];
}

export const pathogenConsensus: AnalysisDefinition<PathogenResult> = {
  id: 'pathogen-consensus',
  title: 'Pathogen consensus',
  summary: 'Reads + reference -> alignment, haploid variant calls and a consensus genome with N where coverage is low.',
  inputs: [
    { key: 'reads1', label: 'Reads (R1 or single)', formats: ['fastq'] },
    {
      key: 'reads2',
      label: 'Mates (R2)',
      formats: ['fastq'],
      optional: true,
      help: 'For paired-end reads: the second file of the pair.',
    },
    {
      key: 'reference',
      label: 'Reference genome (FASTA)',
      formats: ['fasta'],
      help: 'Plain or bgzip FASTA; its .fai index is made by the first step.',
    },
    {
      key: 'primers',
      label: 'Primer BED (amplicons)',
      formats: ['bed'],
      optional: true,
      help: 'Primer positions of an amplicon scheme: samtools ampliconclip soft-clips them before calling.',
    },
  ],
  parameters: [
    {
      key: 'minDepth',
      label: 'Minimum depth',
      default: 10,
      min: 1,
      max: 100_000,
      help: 'Consensus bases need at least this many reads; below it they are N (samtools consensus -d).',
    },
    {
      key: 'minQual',
      label: 'Minimum variant quality',
      default: 20,
      min: 0,
      max: 1000,
      help: 'Calls with a lower QUAL are left out of the VCF (bcftools view -e QUAL<N).',
    },
    {
      key: 'preset',
      label: 'Read type (minimap2 preset)',
      default: 0,
      min: 0,
      max: 2,
      help: 'auto: short reads for a pair; a single file by its read length (Pathogen panel) or its name (ont, nanopore).',
      choices: PRESET_CHOICES,
    },
  ],
  thresholds: [
    { key: 'mappedPct', label: 'Mapped reads', better: 'higher', pass: 90, warn: 70, unit: '%' },
    {
      key: 'coveragePct',
      label: 'Genome at or above the minimum depth',
      better: 'higher',
      pass: 95,
      warn: 80,
      unit: '%',
    },
    { key: 'nPct', label: 'N in the consensus', better: 'lower', pass: 5, warn: 20, unit: '%' },
  ],
  check(inputs) {
    if (inputs['reads2'] && inputs['reads2'] === inputs['reads1']) return 'Choose two different files for R1 and R2.';
    return undefined;
  },
  complete(inputs, names): Record<string, string> {
    const mate = inputs['reads1']?.replace(/([._-]R?)1((?:[._-]001)?\.(?:fq|fastq)(?:\.gz)?)$/i, '$12$2');
    return mate && mate !== inputs['reads1'] && names.includes(mate) ? { reads2: mate } : {};
  },
  steps: pathogenSteps,
  parse(texts, inputs, params) {
    const sample = sampleName(inputs['reads1'] ?? '');
    const out = sampleOutputs(sample);
    const minDepth = params['minDepth'] ?? 10;
    return {
      sample,
      reference: inputs['reference'] ?? '',
      preset: presetOf(inputs, params),
      minDepth,
      flagstat: parseFlagstat(texts['flagstat'] ?? ''),
      depth: parseDepth(texts['depth'] ?? '', minDepth),
      variants: parseVariantLines(texts['variants'] ?? ''),
      consensus: parseFasta(texts['consensus'] ?? ''),
      files: { bam: out.bam, vcf: out.vcf, consensus: out.consensus },
    };
  },
  metrics: pathogenMetrics,
  charts: [
    {
      id: 'depth',
      title: 'Depth along the genome',
      good: 'Depth well above the minimum everywhere; dips to zero are drop-outs (often one amplicon) and become N in the consensus.',
      mark: 'line',
      x: { field: 'position', label: 'Genome position (bp)' },
      y: { field: 'depth', label: 'Mean depth in bin' },
      empty: 'No depth: no read mapped to the reference.',
      rows: (r) => r.depth.bins.map((b) => ({ position: b.genomePosition, depth: b.meanDepth })),
    },
  ],
  tables: (r) => ({
    summary: pathogenMetrics(r).map(({ key, label, value }) => ({ key, label, value })),
    variants: r.variants.map((v) => ({
      contig: v.contig,
      position: v.pos,
      ref: v.ref,
      alt: v.alt,
      type: v.kind,
      quality: v.qual,
      depth: v.depth,
      altReads: v.altReads,
    })),
    depth: r.depth.bins.map((b) => ({
      contig: b.contig,
      start: b.start,
      end: b.end,
      meanDepth: Number(b.meanDepth.toFixed(2)),
      minDepth: b.minDepth,
    })),
  }),
  shownTables: [
    {
      key: 'variants',
      title: 'Variants',
      note: 'Haploid calls against the reference (bcftools call -m --ploidy 1, normalised). The VCF is added to Files: open it in the Variant browser.',
    },
  ],
  sessionOutputs: (inputs) => {
    const vcf = sampleOutputs(sampleName(inputs['reads1'] ?? '')).vcf;
    return [vcf, `${vcf}.csi`];
  },
  downloads: (r) => [
    {
      label: 'Consensus genome (FASTA)',
      fileName: r.files.consensus,
      mimeType: 'text/x-fasta',
      text: consensusFasta(r.sample, r.consensus),
    },
  ],
  caveats: [
    'For research and education, not for clinical decisions.',
    'The consensus is a simple majority (samtools consensus -m simple: 75% of reads must agree); mixed positions and positions below the minimum depth are N.',
    'Calls are haploid: a mixed infection or a minority variant is not reported as such.',
    'Nanopore reads: variants are called with bcftools’ ONT profile, which calls no indels (homopolymer errors make them unreliable); the consensus still carries indels that most reads agree on.',
  ],
};

export function genomeStats(r: PathogenResult): {
  length: number;
  covered: number;
  meanDepth: number;
  consensusLength: number;
  ns: number;
} {
  const length = r.depth.contigs.reduce((s, c) => s + c.length, 0);
  const covered = r.depth.contigs.reduce((s, c) => s + c.covered, 0);
  const depthSum = r.depth.contigs.reduce((s, c) => s + c.depthSum, 0);
  const consensusLength = r.consensus.reduce((s, c) => s + c.sequence.length, 0);
  return {
    length,
    covered,
    meanDepth: length === 0 ? Number.NaN : depthSum / length,
    consensusLength,
    ns: r.consensus.reduce((s, c) => s + countN(c.sequence), 0),
  };
}

export function pathogenMetrics(r: PathogenResult): Metric[] {
  const f = r.flagstat;
  const reads = (f.primary ?? f.total).passed;
  const mapped = (f.primaryMapped ?? f.mapped).passed;
  const g = genomeStats(r);
  return [
    { key: 'reads', label: 'Reads', value: reads, format: 'count', note: `${r.preset} preset` },
    {
      key: 'mappedPct',
      label: 'Mapped',
      value: percent(mapped, reads),
      format: 'percent',
      threshold: 'mappedPct',
      note: `${mapped} reads`,
    },
    { key: 'meanDepth', label: 'Mean depth', value: g.meanDepth, format: 'depth', note: `over ${g.length} bp` },
    {
      key: 'coveragePct',
      label: `Genome ≥ ${r.minDepth}×`,
      value: percent(g.covered, g.length),
      format: 'percent',
      threshold: 'coveragePct',
      note: `${g.covered} of ${g.length} bp`,
    },
    {
      key: 'variants',
      label: 'Variants',
      value: r.variants.length,
      format: 'count',
      note: `${r.variants.filter((v) => v.kind === 'SNV').length} SNVs`,
    },
    {
      key: 'nPct',
      label: 'N in consensus',
      value: percent(g.ns, g.consensusLength),
      format: 'percent',
      threshold: 'nPct',
      note: `${g.ns} of ${g.consensusLength} bases`,
    },
  ];
}
