// FASTQ QC for single or paired reads (plain or gzip): seqtk fqchk (per-position quality and base
// composition) and seqtk comp (per-read length, GC and N, folded into distributions).
import { parseFqchk, type Fqchk } from '../parsers/seqtk-fqchk';
import { parseSeqtkComp, type SeqtkComp } from '../parsers/seqtk-comp';
import { percent, type AnalysisDefinition, type AnalysisStep, type InputNames, type Metric } from './analysis';

export interface ReadFileQc {
  /** "R1"/"R2" for a pair, "reads" for a single file. */
  label: string;
  file: string;
  fqchk: Fqchk;
  comp: SeqtkComp;
}

export interface FastqQcResult {
  qualityThreshold: number;
  files: ReadFileQc[];
}

function readFiles(inputs: InputNames): { label: string; file: string }[] {
  const r1 = inputs['reads1'];
  const r2 = inputs['reads2'];
  if (!r1) return [];
  return r2
    ? [
        { label: 'R1', file: r1 },
        { label: 'R2', file: r2 },
      ]
    : [{ label: 'reads', file: r1 }];
}

const BASES = ['a', 'c', 'g', 't', 'n'] as const;

export const fastqQc: AnalysisDefinition<FastqQcResult> = {
  id: 'fastq-qc',
  title: 'FASTQ QC',
  summary: 'Are these reads worth aligning? Quality along the read, base composition, GC, lengths and N content.',
  inputs: [
    { key: 'reads1', label: 'Reads (R1 or single)', formats: ['fastq'] },
    {
      key: 'reads2',
      label: 'Mates (R2)',
      formats: ['fastq'],
      optional: true,
      help: 'For paired-end reads: the second file of the pair.',
    },
  ],
  parameters: [
    {
      key: 'quality',
      label: 'Quality threshold (Phred)',
      default: 20,
      min: 1,
      max: 60,
      help: 'seqtk fqchk -q: bases at or above it count as high quality.',
    },
  ],
  thresholds: [
    { key: 'meanQuality', label: 'Mean base quality', better: 'higher', pass: 30, warn: 20, unit: 'Q' },
    {
      key: 'highQualityPct',
      label: 'Bases at or above the quality threshold',
      better: 'higher',
      pass: 90,
      warn: 75,
      unit: '%',
    },
    {
      key: 'worstPositionQuality',
      label: 'Lowest mean quality at a position',
      better: 'higher',
      pass: 25,
      warn: 15,
      unit: 'Q',
    },
    { key: 'nPct', label: 'N bases', better: 'lower', pass: 0.1, warn: 1, unit: '%' },
    { key: 'pairDifference', label: 'Reads without a mate', better: 'lower', pass: 0, warn: 0, unit: '' },
  ],
  check(inputs) {
    if (inputs['reads2'] && inputs['reads2'] === inputs['reads1']) return 'Choose two different files for R1 and R2.';
    return undefined;
  },
  complete(inputs, names): Record<string, string> {
    const mate = inputs['reads1']?.replace(/([._]R?)1(\.(?:fq|fastq)(?:\.gz)?)$/i, '$12$2');
    return mate && mate !== inputs['reads1'] && names.includes(mate) ? { reads2: mate } : {};
  },
  steps(inputs, params) {
    return readFiles(inputs).flatMap(({ label, file }): AnalysisStep[] => [
      {
        key: `fqchk:${label}`,
        job: {
          label: `FASTQ QC: seqtk fqchk ${label}`,
          steps: [{ program: 'seqtk', argv: ['fqchk', '-q', String(params['quality']), file] }],
          stdoutFile: `${file}.fqchk.txt`,
        },
      },
      {
        key: `comp:${label}`,
        job: {
          label: `FASTQ QC: seqtk comp ${label}`,
          steps: [{ program: 'seqtk', argv: ['comp', file] }],
          stdoutFile: `${file}.comp.txt`,
        },
      },
    ]);
  },
  parse(texts, inputs, params) {
    return {
      qualityThreshold: params['quality'] ?? 20,
      files: readFiles(inputs).map(({ label, file }) => ({
        label,
        file,
        fqchk: parseFqchk(texts[`fqchk:${label}`] ?? ''),
        comp: parseSeqtkComp(texts[`comp:${label}`] ?? ''),
      })),
    };
  },
  metrics: fastqMetrics,
  charts: [
    {
      id: 'quality-by-position',
      title: 'Mean quality by position',
      good: 'Above Q30 along most of the read and not falling below Q20 at the end; a steep late drop calls for trimming.',
      mark: 'line',
      x: { field: 'position', label: 'Position in read' },
      y: { field: 'quality', label: 'Mean base quality' },
      series: 'reads',
      empty: 'No positions.',
      rows: (r) =>
        r.files.flatMap((f) =>
          f.fqchk.positions.map((p) => ({ reads: f.label, position: p.position, quality: p.averageQuality })),
        ),
    },
    {
      id: 'base-composition',
      title: 'Base composition by position',
      good: 'Four flat, nearly parallel lines after the first few positions; waves or a drift mean adapters, bias or a bad cycle.',
      mark: 'line',
      x: { field: 'position', label: 'Position in read' },
      y: { field: 'percent', label: 'Bases (%)' },
      series: 'base',
      empty: 'No positions.',
      rows: (r) =>
        r.files.flatMap((f) =>
          f.fqchk.positions.flatMap((p) =>
            BASES.map((b) => ({
              base: r.files.length > 1 ? `${b.toUpperCase()} ${f.label}` : b.toUpperCase(),
              position: p.position,
              percent: p[b],
            })),
          ),
        ),
    },
    {
      id: 'gc-distribution',
      title: 'GC content per read',
      good: 'One smooth peak at the organism’s GC (about 41% for human); a second peak suggests contamination or adapter dimers.',
      mark: 'line',
      x: { field: 'gc', label: 'GC (%)' },
      y: { field: 'reads', label: 'Reads' },
      series: 'file',
      empty: 'No reads.',
      rows: (r) => r.files.flatMap((f) => gcBins(f.comp).map(({ gc, reads }) => ({ file: f.label, gc, reads }))),
    },
    {
      id: 'length-distribution',
      title: 'Read lengths',
      good: 'For short reads, nearly all at the sequenced length; for long reads, a broad spread with few very short reads.',
      mark: 'line',
      x: { field: 'length', label: 'Read length (bp)' },
      y: { field: 'reads', label: 'Reads' },
      series: 'file',
      empty: 'No reads.',
      rows: (r) =>
        r.files.flatMap((f) => f.comp.lengths.map(({ length, reads }) => ({ file: f.label, length, reads }))),
    },
    {
      id: 'n-content',
      title: 'N content by position',
      good: 'Zero or close to it everywhere; a bump at some positions marks cycles where the sequencer could not call a base.',
      mark: 'line',
      x: { field: 'position', label: 'Position in read' },
      y: { field: 'n', label: 'N (%)' },
      series: 'reads',
      empty: 'No positions.',
      rows: (r) =>
        r.files.flatMap((f) => f.fqchk.positions.map((p) => ({ reads: f.label, position: p.position, n: p.n }))),
    },
  ],
  tables: (r) => ({
    summary: fastqMetrics(r).map(({ key, label, value }) => ({ key, label, value })),
    positions: r.files.flatMap((f) => f.fqchk.positions.map((p) => ({ reads: f.label, ...p }))),
    'gc-distribution': r.files.flatMap((f) => f.comp.gc.map((row) => ({ file: f.label, ...row }))),
    lengths: r.files.flatMap((f) => f.comp.lengths.map((row) => ({ file: f.label, ...row }))),
  }),
};

export function fastqMetrics(r: FastqQcResult): Metric[] {
  const paired = r.files.length > 1;
  const metrics = r.files.flatMap((f): Metric[] => {
    const tag = paired ? ` ${f.label}` : '';
    const worst = f.fqchk.positions.reduce((min, p) => Math.min(min, p.averageQuality), Number.POSITIVE_INFINITY);
    return [
      { key: `reads.${f.label}`, label: `Reads${tag}`, value: f.comp.reads, format: 'count', note: f.file },
      {
        key: `length.${f.label}`,
        label: `Mean length${tag}`,
        value: f.comp.reads === 0 ? Number.NaN : f.comp.bases / f.comp.reads,
        format: 'count',
        note: `${f.fqchk.minLength}–${f.fqchk.maxLength} bp`,
      },
      { key: `gc.${f.label}`, label: `GC${tag}`, value: f.comp.gcPercent, format: 'percent', note: 'of A/C/G/T bases' },
      {
        key: `meanQuality.${f.label}`,
        label: `Mean quality${tag}`,
        value: f.fqchk.all.averageQuality,
        format: 'quality',
        threshold: 'meanQuality',
      },
      {
        key: `highQualityPct.${f.label}`,
        label: `Bases ≥ Q${r.qualityThreshold}${tag}`,
        value: f.fqchk.all.highPercent,
        format: 'percent',
        threshold: 'highQualityPct',
      },
      {
        key: `worstPositionQuality.${f.label}`,
        label: `Worst position${tag}`,
        value: Number.isFinite(worst) ? worst : Number.NaN,
        format: 'quality',
        threshold: 'worstPositionQuality',
        note: 'lowest mean quality at a position',
      },
      {
        key: `nPct.${f.label}`,
        label: `N bases${tag}`,
        value: percent(f.comp.nBases, f.comp.bases),
        format: 'percent',
        threshold: 'nPct',
        note: `${f.comp.readsWithN} reads with N`,
      },
    ];
  });
  if (paired) {
    const [a, b] = r.files;
    metrics.push({
      key: 'pairDifference',
      label: 'Reads without a mate',
      value: Math.abs(a!.comp.reads - b!.comp.reads),
      format: 'count',
      threshold: 'pairDifference',
      note: 'R1 and R2 should hold the same number of reads',
    });
  }
  return metrics;
}

/**
 * Reads per GC bin, with bins wide enough that short reads (whose GC takes few distinct values) give a
 * smooth curve rather than a comb: about two bases' worth of GC per bin. `gc` is the bin's centre.
 */
export function gcBins(comp: SeqtkComp): { gc: number; reads: number }[] {
  const meanLength = comp.reads === 0 ? 100 : comp.bases / comp.reads;
  const width = Math.max(1, Math.ceil(200 / meanLength));
  const bins = new Map<number, number>();
  for (const { gc, reads } of comp.gc) {
    const start = Math.min(100, Math.floor(gc / width) * width);
    bins.set(start, (bins.get(start) ?? 0) + reads);
  }
  return [...bins].map(([start, reads]) => ({ gc: Math.min(100, start + width / 2), reads }));
}
