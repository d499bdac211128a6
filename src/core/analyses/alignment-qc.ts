// Alignment QC for BAM/CRAM: samtools flagstat, idxstats and stats, plus read counts above MAPQ cut-offs
// (samtools 1.16 stats has no MAPQ histogram); CRAM is read with the user's reference.
import { parseFlagstat, type Flagstat } from '../parsers/samtools-flagstat';
import { parseIdxstats, type IdxstatsRow } from '../parsers/samtools-idxstats';
import { parseSamtoolsStats, qualityByCycle, type SamtoolsStats } from '../parsers/samtools-stats';
import { percent, type AnalysisDefinition, type ChartRow, type Metric } from './analysis';

export interface AlignmentQcResult {
  input: string;
  flagstat: Flagstat;
  idxstats: IdxstatsRow[];
  stats: SamtoolsStats;
  /** Primary mapped reads with MAPQ at or above each cut-off (0 is every primary mapped read). */
  mapqAtLeast: { mapq: number; reads: number }[];
}

export const MAPQ_CUTOFFS = [1, 20, 30, 60] as const;
const MAX_CONTIGS_SHOWN = 40;

export const alignmentQc: AnalysisDefinition<AlignmentQcResult> = {
  id: 'alignment-qc',
  title: 'Alignment QC',
  summary: 'Is this BAM/CRAM fine? Mapping rate, pairing, duplicates, coverage, error rate and where reads went.',
  inputs: [
    { key: 'alignments', label: 'Alignments', formats: ['bam', 'cram'], needsIndex: true },
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
      key: 'maxInsert',
      label: 'Largest insert size counted',
      default: 8000,
      min: 100,
      max: 1_000_000,
      help: 'samtools stats -i: pairs with longer inserts are left out of the insert-size chart.',
    },
    {
      key: 'maxCoverage',
      label: 'Coverage chart up to depth',
      default: 1000,
      min: 10,
      max: 100_000,
      help: 'samtools stats -c 1,N,1: deeper bases are counted in the last bin.',
    },
  ],
  thresholds: [
    { key: 'mappedPct', label: 'Mapped reads', better: 'higher', pass: 95, warn: 80, unit: '%' },
    { key: 'properlyPairedPct', label: 'Properly paired', better: 'higher', pass: 90, warn: 70, unit: '%' },
    { key: 'duplicatePct', label: 'Duplicates', better: 'lower', pass: 10, warn: 30, unit: '%' },
    { key: 'meanCoverage', label: 'Mean coverage', better: 'higher', pass: 30, warn: 10, unit: '×' },
    { key: 'errorRatePct', label: 'Error rate', better: 'lower', pass: 1, warn: 2, unit: '%' },
    { key: 'mq0Pct', label: 'Mapped with MAPQ 0', better: 'lower', pass: 5, warn: 15, unit: '%' },
  ],
  check(inputs, formats) {
    if (formats['alignments'] === 'cram' && !inputs['reference'])
      return 'A CRAM file is read with the reference it was made against: open that FASTA and choose it as "Reference FASTA".';
    return undefined;
  },
  steps(inputs, params) {
    const bam = inputs['alignments']!;
    const ref = inputs['reference'];
    const refArgs = ref ? ['--reference', ref] : [];
    return [
      {
        key: 'flagstat',
        job: {
          label: 'Alignment QC: samtools flagstat',
          steps: [
            {
              program: 'samtools',
              argv: ['flagstat', ...(ref ? ['--input-fmt-option', `reference=${ref}`] : []), bam],
            },
          ],
        },
      },
      {
        key: 'idxstats',
        job: { label: 'Alignment QC: samtools idxstats', steps: [{ program: 'samtools', argv: ['idxstats', bam] }] },
      },
      {
        key: 'stats',
        job: {
          label: 'Alignment QC: samtools stats',
          steps: [
            {
              program: 'samtools',
              argv: ['stats', '-i', String(params['maxInsert']), '-c', `1,${params['maxCoverage']},1`, ...refArgs, bam],
            },
          ],
          stdoutFile: `${bam}.stats.txt`,
        },
      },
      ...MAPQ_CUTOFFS.map((q) => ({
        key: `mapq${q}`,
        job: {
          label: `Alignment QC: reads with MAPQ ≥ ${q}`,
          steps: [{ program: 'samtools', argv: ['view', '-c', '-F', '0x904', '-q', String(q), ...refArgs, bam] }],
        },
      })),
    ];
  },
  parse(texts, inputs) {
    const flagstat = parseFlagstat(texts['flagstat'] ?? '');
    const mapqAtLeast = [{ mapq: 0, reads: (flagstat.primaryMapped ?? flagstat.mapped).passed }];
    for (const q of MAPQ_CUTOFFS) {
      const reads = Number((texts[`mapq${q}`] ?? '').trim());
      mapqAtLeast.push({ mapq: q, reads: Number.isInteger(reads) ? reads : Number.NaN });
    }
    return {
      input: inputs['alignments'] ?? '',
      flagstat,
      idxstats: parseIdxstats(texts['idxstats'] ?? ''),
      stats: parseSamtoolsStats(texts['stats'] ?? ''),
      mapqAtLeast,
    };
  },
  metrics: alignmentMetrics,
  charts: [
    {
      id: 'coverage',
      title: 'Coverage distribution',
      good: 'One clear peak near the mean depth and few bases at depth 1–2; a long flat tail or a peak at low depth means uneven coverage.',
      mark: 'area',
      x: { field: 'depth', label: 'Depth' },
      y: { field: 'bases', label: 'Bases' },
      empty: 'No base is covered.',
      rows: (r) => r.stats.coverage.map(({ depth, bases }) => ({ depth, bases })),
    },
    {
      id: 'insert-sizes',
      title: 'Insert sizes',
      good: 'A single narrow peak at the library’s fragment size; a second peak or a wide spread points to a library or mapping problem.',
      mark: 'area',
      x: { field: 'size', label: 'Insert size (bp)' },
      y: { field: 'pairs', label: 'Pairs' },
      empty: 'No pairs: the reads are single-end or unpaired.',
      rows: (r) =>
        trimTail(
          r.stats.insertSizes.map(({ size, total }) => ({ size, pairs: total })),
          'pairs',
          0.995,
        ),
    },
    {
      id: 'mapq',
      title: 'Mapping quality',
      good: 'Most reads in the top band (MAPQ ≥ 60 for bwa, ≥ 30 for most aligners); many reads at MAPQ 0 mean repeats or a wrong reference.',
      mark: 'bar',
      x: { field: 'band', label: 'MAPQ', scale: 'band' },
      y: { field: 'reads', label: 'Primary mapped reads' },
      empty: 'No mapped reads.',
      rows: mapqBands,
    },
    {
      id: 'quality-by-cycle',
      title: 'Base quality by cycle',
      good: 'Median quality above Q30 (Q20 at worst) along the whole read, dropping only a little towards the end.',
      mark: 'band',
      x: { field: 'cycle', label: 'Cycle' },
      y: { field: 'median', label: 'Base quality (median, quartiles)' },
      series: 'fragment',
      band: { lower: 'p25', upper: 'p75' },
      empty: 'The file has no base qualities.',
      rows: (r) => [
        ...qualityByCycle(r.stats.firstQualities).map((row) => ({ fragment: 'first', ...row })),
        ...qualityByCycle(r.stats.lastQualities).map((row) => ({ fragment: 'last', ...row })),
      ],
    },
    {
      id: 'gc-depth',
      title: 'GC-depth',
      good: 'Depth flat across GC content; depth falling at high or low GC points to PCR bias in the library.',
      mark: 'band',
      x: { field: 'gc', label: 'GC (%)' },
      y: { field: 'p50', label: 'Depth (median, 25th–75th percentile)' },
      band: { lower: 'p25', upper: 'p75' },
      empty: 'No GC-depth data.',
      rows: (r) => r.stats.gcDepth.map(({ gc, p25, p50, p75 }) => ({ gc, p25, p50, p75 })),
    },
    {
      id: 'indels-per-cycle',
      title: 'Indels per cycle',
      good: 'Low and flat along the read; a spike at some cycles is a sequencing artefact, not real indels.',
      mark: 'line',
      x: { field: 'cycle', label: 'Cycle' },
      y: { field: 'count', label: 'Indels' },
      series: 'kind',
      empty: 'No indels in the alignments.',
      rows: (r) =>
        r.stats.indelsPerCycle.flatMap(({ cycle, insFwd, insRev, delFwd, delRev }) => [
          { cycle, kind: 'insertions', count: insFwd + insRev },
          { cycle, kind: 'deletions', count: delFwd + delRev },
        ]),
    },
    {
      id: 'reads-per-contig',
      title: 'Reads per contig',
      good: 'Reads in proportion to contig length; a contig far above or below its share (other than chrY, chrM) deserves a look.',
      mark: 'bar',
      x: { field: 'contig', label: 'Contig', scale: 'band' },
      y: { field: 'readsPerKb', label: 'Mapped reads per kb' },
      empty: 'The index lists no contigs.',
      rows: (r) =>
        [...r.idxstats]
          .filter((row) => row.name !== '*' && row.length > 0)
          .sort((a, b) => b.length - a.length)
          .slice(0, MAX_CONTIGS_SHOWN)
          .map((row) => ({ contig: row.name, readsPerKb: (1000 * row.mapped) / row.length, mapped: row.mapped })),
    },
  ],
  tables: (r) => ({
    summary: alignmentMetrics(r).map(({ key, label, value }) => ({ key, label, value })),
    contigs: r.idxstats.map((row) => ({ ...row })),
    coverage: r.stats.coverage.map((row) => ({ ...row })),
    'insert-sizes': r.stats.insertSizes.map((row) => ({ ...row })),
    'quality-by-cycle': alignmentQc.charts.find((c) => c.id === 'quality-by-cycle')!.rows(r),
    'gc-depth': r.stats.gcDepth.map((row) => ({ ...row })),
    'indels-per-cycle': r.stats.indelsPerCycle.map((row) => ({ ...row })),
    mapq: mapqBands(r),
  }),
};

export function alignmentMetrics(r: AlignmentQcResult): Metric[] {
  const f = r.flagstat;
  const s = r.stats.summary;
  const genome = r.idxstats.reduce((sum, row) => sum + row.length, 0);
  const paired = f.pairedInSequencing.passed > 0;
  return [
    {
      key: 'reads',
      label: 'Reads',
      value: f.total.passed + f.total.failed,
      format: 'count',
      note: `${f.total.failed} failed QC`,
    },
    {
      key: 'mappedPct',
      label: 'Mapped',
      value: percent(f.mapped.passed, f.total.passed),
      format: 'percent',
      threshold: 'mappedPct',
      note: `${f.mapped.passed} reads`,
    },
    {
      key: 'properlyPairedPct',
      label: 'Properly paired',
      value: paired ? percent(f.properlyPaired.passed, f.pairedInSequencing.passed) : Number.NaN,
      format: 'percent',
      threshold: 'properlyPairedPct',
      note: paired ? `${f.properlyPaired.passed} reads` : 'single-end reads',
    },
    {
      key: 'duplicatePct',
      label: 'Duplicates',
      value: percent(f.duplicates.passed, f.total.passed),
      format: 'percent',
      threshold: 'duplicatePct',
      note: f.duplicates.passed === 0 ? 'none marked (samtools markdup marks them)' : `${f.duplicates.passed} reads`,
    },
    {
      key: 'meanCoverage',
      label: 'Mean coverage',
      value: genome === 0 ? Number.NaN : s.basesMappedCigar / genome,
      format: 'depth',
      threshold: 'meanCoverage',
      note: `${s.basesMappedCigar} bases over ${genome} bp`,
    },
    {
      key: 'errorRatePct',
      label: 'Error rate',
      value: 100 * s.errorRate,
      format: 'percent',
      threshold: 'errorRatePct',
      note: 'mismatches per mapped base (NM)',
    },
    {
      key: 'mq0Pct',
      label: 'MAPQ 0',
      value: percent(s.readsMq0, s.readsMapped),
      format: 'percent',
      threshold: 'mq0Pct',
      note: `${s.readsMq0} mapped reads`,
    },
    {
      key: 'insertSize',
      label: 'Insert size',
      value: s.insertSizeAverage,
      format: 'count',
      note: `bp, ± ${s.insertSizeSd} (standard deviation)`,
    },
  ];
}

function mapqBands(r: AlignmentQcResult): ChartRow[] {
  const cuts = r.mapqAtLeast;
  return cuts.map((cut, i) => {
    const next = cuts[i + 1];
    const band = next ? (next.mapq - 1 === cut.mapq ? `${cut.mapq}` : `${cut.mapq}–${next.mapq - 1}`) : `≥${cut.mapq}`;
    return { band, reads: next ? cut.reads - next.reads : cut.reads };
  });
}

/** Rows up to where `fraction` of the total of `field` is reached, without trailing zero rows. */
export function trimTail<T extends Record<string, number>>(rows: readonly T[], field: keyof T, fraction: number): T[] {
  const total = rows.reduce((sum, row) => sum + row[field]!, 0);
  let seen = 0;
  let end = rows.length;
  for (let i = 0; i < rows.length; i++) {
    seen += rows[i]![field]!;
    if (seen >= fraction * total) {
      end = i + 1;
      break;
    }
  }
  const kept = rows.slice(0, end);
  const first = kept.findIndex((row) => row[field] !== 0);
  return first < 0 ? [] : kept.slice(first);
}
