// Variant summary for VCF/BCF: bcftools stats with per-sample counts (-s -), optionally only sites at or
// above a QUAL: counts by type, Ts/Tv, indel lengths, quality and depth, per-sample genotypes.
import { hetHomRatio, parseBcftoolsStats, type BcftoolsStats } from '../parsers/bcftools-stats';
import { median, percent, type AnalysisDefinition, type Metric } from './analysis';

export interface VariantSummaryResult {
  input: string;
  minQual: number;
  stats: BcftoolsStats;
}

export const variantSummary: AnalysisDefinition<VariantSummaryResult> = {
  id: 'variant-summary',
  title: 'Variant summary',
  summary: 'What is in this VCF/BCF? Counts by type, Ts/Tv, indel lengths, quality, depth and each sample’s genotypes.',
  inputs: [{ key: 'variants', label: 'Variants', formats: ['vcf', 'bcf'] }],
  parameters: [
    {
      key: 'minQual',
      label: 'Only sites with QUAL at least',
      default: 0,
      min: 0,
      max: 100_000,
      help: 'bcftools stats -i "QUAL>=N"; 0 counts every site.',
    },
  ],
  thresholds: [
    { key: 'tstv', label: 'Ts/Tv', better: 'higher', pass: 2, warn: 1.5, unit: '' },
    { key: 'missingPct', label: 'Missing genotypes (worst sample)', better: 'lower', pass: 2, warn: 10, unit: '%' },
  ],
  steps(inputs, params) {
    const file = inputs['variants']!;
    const minQual = params['minQual'] ?? 0;
    return [
      {
        key: 'stats',
        job: {
          label: 'Variant summary: bcftools stats',
          steps: [
            {
              program: 'bcftools',
              argv: ['stats', '-s', '-', ...(minQual > 0 ? ['-i', `QUAL>=${minQual}`] : []), file],
            },
          ],
          stdoutFile: `${file}.stats.txt`,
        },
      },
    ];
  },
  parse: (texts, inputs, params) => ({
    input: inputs['variants'] ?? '',
    minQual: params['minQual'] ?? 0,
    stats: parseBcftoolsStats(texts['stats'] ?? ''),
  }),
  metrics: variantMetrics,
  charts: [
    {
      id: 'types',
      title: 'Variants by type',
      good: 'Mostly SNPs, with indels around a tenth of them for a germline call set; many “others” suggests symbolic or complex alleles.',
      mark: 'bar',
      x: { field: 'type', label: 'Type', scale: 'band' },
      y: { field: 'count', label: 'Records' },
      empty: 'No records.',
      rows: (r) => {
        const s = r.stats.summary;
        return [
          { type: 'SNPs', count: s.snps },
          { type: 'indels', count: s.indels },
          { type: 'MNPs', count: s.mnps },
          { type: 'others', count: s.others },
          { type: 'no ALT', count: s.noAlts },
        ];
      },
    },
    {
      id: 'substitutions',
      title: 'Substitution types',
      good: 'Transitions (A>G, G>A, C>T, T>C) clearly above the transversions, and each pair about as common as its complement.',
      mark: 'bar',
      x: { field: 'type', label: 'Substitution', scale: 'band' },
      y: { field: 'count', label: 'SNPs' },
      empty: 'No SNPs.',
      rows: (r) => r.stats.substitutions.map((row) => ({ ...row })),
    },
    {
      id: 'indel-lengths',
      title: 'Indel lengths',
      good: 'Counts falling fast with length, short indels most common; in coding regions, multiples of 3 stand out.',
      mark: 'bar',
      x: { field: 'length', label: 'Length (deletions negative)', scale: 'band' },
      y: { field: 'sites', label: 'Sites' },
      empty: 'No indels.',
      rows: (r) => r.stats.indelLengths.map(({ length, sites }) => ({ length, sites })),
    },
    {
      id: 'quality',
      title: 'Site quality (QUAL)',
      good: 'Most sites at high QUAL, with a small low-quality tail that filtering can remove.',
      mark: 'area',
      x: { field: 'quality', label: 'QUAL' },
      y: { field: 'sites', label: 'Sites' },
      empty: 'The sites have no QUAL values.',
      rows: (r) =>
        r.stats.quality
          .filter((row) => row.quality !== null)
          .map((row) => ({ quality: row.quality!, sites: row.snps + row.indels })),
    },
    {
      id: 'depth',
      title: 'Depth (DP)',
      good: 'One peak near the sequencing depth; sites at far higher depth are often in collapsed repeats.',
      mark: 'area',
      x: { field: 'depth', label: 'Depth' },
      y: { field: 'sites', label: 'Sites' },
      empty: 'The file has no DP values.',
      rows: (r) => r.stats.depth.map(({ depth, sites }) => ({ depth, sites })),
    },
    {
      id: 'per-sample',
      title: 'Genotypes per sample',
      good: 'Similar counts across samples of the same population; a sample far off may be contaminated, low quality or of other ancestry.',
      mark: 'bar',
      x: { field: 'sample', label: 'Sample', scale: 'band' },
      y: { field: 'count', label: 'SNP genotypes' },
      series: 'genotype',
      empty: 'No samples (a sites-only file).',
      rows: (r) =>
        r.stats.samples.flatMap((s) => [
          { sample: s.sample, genotype: 'heterozygous', count: s.het },
          { sample: s.sample, genotype: 'homozygous alt', count: s.nonRefHom },
        ]),
    },
    {
      id: 'het-hom',
      title: 'Heterozygous / homozygous-alt ratio',
      good: 'About 1.5–2 for whole genomes of outbred humans (lower for exomes); well above it suggests contamination, well below it inbreeding or poor calls.',
      mark: 'bar',
      x: { field: 'sample', label: 'Sample', scale: 'band' },
      y: { field: 'ratio', label: 'Het / hom-alt' },
      empty: 'No samples with homozygous-alt genotypes.',
      rows: (r) =>
        r.stats.samples.filter((s) => s.nonRefHom > 0).map((s) => ({ sample: s.sample, ratio: hetHomRatio(s) })),
    },
  ],
  tables: (r) => ({
    summary: variantMetrics(r).map(({ key, label, value }) => ({ key, label, value })),
    samples: r.stats.samples.map((s) => ({ ...s, hetHomRatio: hetHomRatio(s) })),
    'indel-lengths': r.stats.indelLengths.map((row) => ({ ...row })),
    quality: r.stats.quality.map((row) => ({ ...row, quality: row.quality ?? '.' })),
    depth: r.stats.depth.map((row) => ({ ...row })),
    substitutions: r.stats.substitutions.map((row) => ({ ...row })),
  }),
};

export function variantMetrics(r: VariantSummaryResult): Metric[] {
  const s = r.stats.summary;
  const ratio = median(r.stats.samples.map(hetHomRatio));
  const missing = r.stats.samples.map((sample) => percent(sample.missing, s.records)).filter(Number.isFinite);
  return [
    {
      key: 'records',
      label: 'Records',
      value: s.records,
      format: 'count',
      note: r.minQual > 0 ? `with QUAL ≥ ${r.minQual}` : undefined,
    },
    { key: 'snps', label: 'SNPs', value: s.snps, format: 'count' },
    { key: 'indels', label: 'Indels', value: s.indels, format: 'count' },
    { key: 'other', label: 'MNPs and others', value: s.mnps + s.others, format: 'count' },
    { key: 'multiallelic', label: 'Multiallelic sites', value: s.multiallelicSites, format: 'count' },
    {
      key: 'tstv',
      label: 'Ts/Tv',
      value: r.stats.tstv.tv === 0 ? Number.NaN : r.stats.tstv.ts / r.stats.tstv.tv,
      format: 'ratio',
      threshold: 'tstv',
      note: 'about 2.0–2.1 genome-wide, 3 in exomes',
    },
    { key: 'samples', label: 'Samples', value: s.samples, format: 'count' },
    {
      key: 'hetHom',
      label: 'Het/hom-alt (median)',
      value: ratio,
      format: 'ratio',
      note: 'over samples',
    },
    {
      key: 'missingPct',
      label: 'Missing genotypes',
      value: missing.length === 0 ? Number.NaN : Math.max(...missing),
      format: 'percent',
      threshold: 'missingPct',
      note: 'worst sample',
    },
  ].map((m) => (m.note === undefined ? { ...m, note: undefined } : m)) as Metric[];
}
