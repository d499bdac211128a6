// Gene-panel coverage for BAM/CRAM with the user's panel BED: per region and per gene the mean depth and the
// share of bases at or above three depths (samtools bedcov -j -d, one run per depth), and the merged stretches
// below the lowest depth (samtools depth -aa -b: zero depth included, contigs without reads too). Both tools use
// the same read filters.
import { parseBedcov } from '../parsers/samtools-bedcov';
import { lowDepthIntervals } from '../parsers/samtools-depth';
import {
  annotateLow,
  geneCoverage,
  pct,
  regionCoverage,
  withUnreported,
  type GeneCoverage,
  type LowCoverage,
  type RegionCoverage,
} from '../clinical/panel-summary';
import type { AnalysisDefinition, ChartRow, Metric, ParameterValues } from './analysis';
import { RESEARCH_ONLY } from '../clinical/caveats';
import { locusOfInterval } from '../viewer/locus';

export interface PanelCoverageResult {
  alignments: string;
  panel: string;
  thresholds: number[];
  minMapq: number;
  regions: RegionCoverage[];
  genes: GeneCoverage[];
  low: LowCoverage[];
  /** Positions samtools depth reported (each panel base once); any it left out are in `low` at depth 0. */
  positions: number;
}

/** The three depths, ascending and without repeats. */
export function depthThresholds(params: ParameterValues): number[] {
  return [...new Set([params['depth1'] ?? 10, params['depth2'] ?? 20, params['depth3'] ?? 30])].sort((a, b) => a - b);
}

const SHOWN_LOW_ROWS = 500;

export const panelCoverage: AnalysisDefinition<PanelCoverageResult> = {
  id: 'panel-coverage',
  title: 'Gene-panel coverage',
  summary:
    'Is every gene of my panel covered? Mean depth and bases at 10×/20×/30× per region and gene, and the low-coverage stretches.',
  inputs: [
    { key: 'alignments', label: 'Alignments', formats: ['bam', 'cram'], needsIndex: true },
    {
      key: 'panel',
      label: 'Panel BED',
      formats: ['bed'],
      help: 'Your panel’s regions; the 4th column (name) is taken as the gene.',
    },
    {
      key: 'reference',
      label: 'Reference FASTA',
      formats: ['fasta'],
      optional: true,
      help: 'Needed for CRAM: the reference it was compressed against.',
    },
  ],
  parameters: [
    {
      key: 'depth1',
      label: 'Depth threshold 1',
      default: 10,
      min: 1,
      max: 100_000,
      help: 'Bases at or above this depth are counted; the lowest threshold also marks the low-coverage stretches.',
    },
    { key: 'depth2', label: 'Depth threshold 2', default: 20, min: 1, max: 100_000, help: 'A second depth to report.' },
    { key: 'depth3', label: 'Depth threshold 3', default: 30, min: 1, max: 100_000, help: 'A third depth to report.' },
    {
      key: 'minMapq',
      label: 'Minimum mapping quality',
      default: 0,
      min: 0,
      max: 255,
      help: 'samtools -Q: reads below it are not counted (0 counts all).',
    },
  ],
  thresholds: [
    { key: 'pctLowest', label: 'Panel bases at the lowest depth', better: 'higher', pass: 99, warn: 95, unit: '%' },
    {
      key: 'genesComplete',
      label: 'Genes fully at the lowest depth',
      better: 'higher',
      pass: 100,
      warn: 90,
      unit: '%',
    },
  ],
  check(inputs, formats) {
    if (formats['alignments'] === 'cram' && !inputs['reference'])
      return 'A CRAM file is read with the reference it was made against: open that FASTA and choose it as "Reference FASTA".';
    return undefined;
  },
  steps(inputs, params) {
    const bam = inputs['alignments']!;
    const bed = inputs['panel']!;
    const ref = inputs['reference'];
    const common = [
      ...(params['minMapq'] ? ['-Q', String(params['minMapq'])] : []),
      ...(ref ? ['--reference', ref] : []),
    ];
    const thresholds = depthThresholds(params);
    return [
      ...thresholds.map((depth, k) => ({
        key: `bedcov${k}`,
        job: {
          label: `Panel coverage: samtools bedcov ≥${depth}×`,
          steps: [
            {
              program: 'samtools',
              argv: ['bedcov', '-j', ...(k === 0 ? ['-c'] : []), '-d', String(depth), ...common, bed, bam],
            },
          ],
        },
      })),
      {
        key: 'depth',
        job: {
          label: 'Panel coverage: samtools depth',
          // -aa, not -a: -a prints nothing for a contig without reads (a chrY gene in a female sample).
          steps: [{ program: 'samtools', argv: ['depth', '-aa', '-b', bed, ...common, bam] }],
          stdoutFile: `${bam}.panel-depth.tsv`,
        },
      },
    ];
  },
  parse(texts, inputs, params) {
    const thresholds = depthThresholds(params);
    const runs = thresholds.map((_, k) => parseBedcov(texts[`bedcov${k}`] ?? '', k === 0 ? 3 : 2));
    const regions = regionCoverage(runs, thresholds);
    const scan = lowDepthIntervals(texts['depth'] ?? '', thresholds[0]!);
    return {
      alignments: inputs['alignments'] ?? '',
      panel: inputs['panel'] ?? '',
      thresholds,
      minMapq: params['minMapq'] ?? 0,
      regions,
      genes: geneCoverage(regions),
      low: annotateLow(withUnreported(scan.low, regions, scan.reported), regions),
      positions: scan.positions,
    };
  },
  metrics: panelMetrics,
  charts: [
    {
      id: 'gene-coverage',
      title: 'Bases at or above the lowest depth threshold, per gene',
      good: 'Every gene at 100%; a gene below it has stretches listed under low-coverage intervals (the tables give every threshold).',
      mark: 'bar',
      x: { field: 'gene', label: 'Gene', scale: 'band' },
      y: { field: 'percent', label: '% of bases at or above the lowest threshold' },
      empty: 'The panel has no regions.',
      rows: (r) => r.genes.map((g) => ({ gene: g.gene, percent: pct(g.atLeast[0]!, g.length) })),
    },
    {
      id: 'gene-depth',
      title: 'Mean depth per gene',
      good: 'All genes well above the lowest threshold; a gene near or under it is at risk of missed variants.',
      mark: 'bar',
      x: { field: 'gene', label: 'Gene', scale: 'band' },
      y: { field: 'meanDepth', label: 'Mean depth' },
      empty: 'The panel has no regions.',
      rows: (r) => r.genes.map((g) => ({ gene: g.gene, meanDepth: g.depthSum / g.length })),
    },
  ],
  tables: (r) => ({ genes: geneRows(r), regions: regionRows(r), 'low-coverage': lowRows(r, Infinity) }),
  shownTables: [
    {
      key: 'genes',
      title: 'Coverage per gene',
      note: 'Totals over each gene’s regions (BED name column); a region without a name is its own gene.',
    },
    {
      key: 'regions',
      title: 'Coverage per region',
      note: 'Start is 0-based as in the BED file; mean depth = sum of per-base depth / region length.',
      locus: (row) => locusOfInterval(row['chrom'], row['start'], row['end']),
    },
    {
      key: 'low-coverage',
      title: 'Low-coverage intervals',
      note: `Merged stretches below the lowest depth threshold (BED coordinates); at most ${SHOWN_LOW_ROWS} are shown here, the TSV has all.`,
      locus: (row) => locusOfInterval(row['chrom'], row['start'], row['end']),
    },
  ],
  caveats: [
    RESEARCH_ONLY,
    'Reads are counted as samtools counts them by default: unmapped, secondary, QC-failed and duplicate reads (flags UNMAP, SECONDARY, QCFAIL, DUP) are left out; supplementary reads count; no base-quality filter; mapping quality at least the chosen minimum.',
    'Deleted bases (D) and reference skips (N) are not counted as covered (samtools bedcov -j, samtools depth without -J); both mates of an overlapping pair are counted.',
    'Gene figures add up the gene’s regions, so bases in overlapping regions of one gene count twice; merge overlapping regions in the BED to avoid that.',
  ],
};

function geneRows(r: PanelCoverageResult): ChartRow[] {
  return r.genes.map((g) => ({
    gene: g.gene,
    regions: g.regions,
    bases: g.length,
    'mean depth': round(g.depthSum / g.length),
    ...pctColumns(r, g),
  }));
}

function regionRows(r: PanelCoverageResult): ChartRow[] {
  return r.regions.map((g) => ({
    gene: g.gene,
    chrom: g.chrom,
    start: g.start,
    end: g.end,
    bases: g.length,
    reads: g.reads,
    'mean depth': round(g.depthSum / g.length),
    ...pctColumns(r, g),
  }));
}

export function lowRows(r: PanelCoverageResult, max = SHOWN_LOW_ROWS): ChartRow[] {
  return r.low.slice(0, max).map((l) => ({
    chrom: l.chrom,
    start: l.start,
    end: l.end,
    bases: l.end - l.start,
    'min depth': l.minDepth,
    'mean depth': round(l.meanDepth),
    genes: l.genes.join(', '),
  }));
}

function pctColumns(r: PanelCoverageResult, g: { length: number; atLeast: number[] }): Record<string, number> {
  return Object.fromEntries(r.thresholds.map((t, k) => [`% ≥${t}×`, round(pct(g.atLeast[k]!, g.length))]));
}

const round = (value: number): number => (Number.isFinite(value) ? Math.round(value * 100) / 100 : value);

export function panelMetrics(r: PanelCoverageResult): Metric[] {
  const length = r.regions.reduce((s, g) => s + g.length, 0);
  const sum = r.regions.reduce((s, g) => s + g.depthSum, 0);
  const lowest = r.thresholds[0]!;
  const complete = r.genes.filter((g) => g.atLeast[0] === g.length).length;
  const lowBases = r.low.reduce((s, l) => s + l.end - l.start, 0);
  return [
    {
      key: 'meanDepth',
      label: 'Mean depth',
      value: length === 0 ? Number.NaN : sum / length,
      format: 'depth',
      note: `${length} panel bases in ${r.regions.length} regions`,
    },
    ...r.thresholds.map((t, k) => {
      const at = r.regions.reduce((s, g) => s + g.atLeast[k]!, 0);
      return {
        key: `pct${k + 1}`,
        label: `Bases ≥${t}×`,
        value: pct(at, length),
        format: 'percent' as const,
        ...(k === 0 ? { threshold: 'pctLowest' } : {}),
        note: `${at} of ${length}`,
      };
    }),
    {
      key: 'genesComplete',
      label: `Genes fully ≥${lowest}×`,
      value: pct(complete, r.genes.length),
      format: 'percent',
      threshold: 'genesComplete',
      note: `${complete} of ${r.genes.length} genes`,
    },
    {
      key: 'lowIntervals',
      label: `Stretches <${lowest}×`,
      value: r.low.length,
      format: 'count',
      note: `${lowBases} bases`,
    },
  ];
}
