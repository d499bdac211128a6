// `samtools stats` -> the summary numbers and the sections the alignment QC views use (qualities per
// cycle, GC, base content, insert sizes, read lengths, indels, coverage, GC-depth, MAPQ when present).
import { FieldReader, numberedLines, type NumberedLine } from './parse-error';

export interface SamtoolsSummary {
  rawTotalSequences: number;
  filteredSequences: number;
  readsMapped: number;
  readsUnmapped: number;
  readsPaired: number;
  readsProperlyPaired: number;
  readsDuplicated: number;
  readsMq0: number;
  readsQcFailed: number;
  totalLength: number;
  basesMappedCigar: number;
  mismatches: number;
  errorRate: number;
  averageLength: number;
  maximumLength: number;
  averageQuality: number;
  insertSizeAverage: number;
  insertSizeSd: number;
}

const SUMMARY_KEYS: Record<string, keyof SamtoolsSummary> = {
  'raw total sequences': 'rawTotalSequences',
  'filtered sequences': 'filteredSequences',
  'reads mapped': 'readsMapped',
  'reads unmapped': 'readsUnmapped',
  'reads paired': 'readsPaired',
  'reads properly paired': 'readsProperlyPaired',
  'reads duplicated': 'readsDuplicated',
  'reads MQ0': 'readsMq0',
  'reads QC failed': 'readsQcFailed',
  'total length': 'totalLength',
  'bases mapped (cigar)': 'basesMappedCigar',
  mismatches: 'mismatches',
  'error rate': 'errorRate',
  'average length': 'averageLength',
  'maximum length': 'maximumLength',
  'average quality': 'averageQuality',
  'insert size average': 'insertSizeAverage',
  'insert size standard deviation': 'insertSizeSd',
};

/** Reads per quality value (index = Phred quality) at one cycle. */
export interface CycleQualities {
  cycle: number;
  counts: number[];
}

export interface SamtoolsStats {
  summary: SamtoolsSummary;
  /** Every SN line, by its label without the colon. */
  allSummary: Record<string, number>;
  firstQualities: CycleQualities[];
  lastQualities: CycleQualities[];
  gcFirst: { gc: number; count: number }[];
  gcLast: { gc: number; count: number }[];
  baseContent: { cycle: number; a: number; c: number; g: number; t: number; n: number }[];
  insertSizes: { size: number; total: number; inward: number; outward: number; other: number }[];
  readLengths: { length: number; count: number }[];
  indels: { length: number; insertions: number; deletions: number }[];
  indelsPerCycle: { cycle: number; insFwd: number; insRev: number; delFwd: number; delRev: number }[];
  /** Bases at each depth; `range` is samtools' label ("[1-1]", "[1000<]"). */
  coverage: { range: string; depth: number; bases: number }[];
  gcDepth: { gc: number; uniquePercentile: number; p10: number; p25: number; p50: number; p75: number; p90: number }[];
  /** Only some samtools versions print a MAPQ section. */
  mapq: { mapq: number; count: number }[];
}

export function parseSamtoolsStats(text: string): SamtoolsStats {
  const r: FieldReader = new FieldReader('samtools stats output');
  const out: Omit<SamtoolsStats, 'summary'> = {
    allSummary: {},
    firstQualities: [],
    lastQualities: [],
    gcFirst: [],
    gcLast: [],
    baseContent: [],
    insertSizes: [],
    readLengths: [],
    indels: [],
    indelsPerCycle: [],
    coverage: [],
    gcDepth: [],
    mapq: [],
  };
  const ints = (f: string[], line: NumberedLine, count: number, what: string): number[] =>
    Array.from({ length: count }, (_, i) => r.num(f[i + 1], line.number, `${what} column ${i + 2}`));
  for (const line of numberedLines(text)) {
    if (line.text.startsWith('#')) continue;
    const f = line.text.split('\t');
    const tag = f[0]!;
    switch (tag) {
      case 'SN': {
        r.fields(line, 3, 'an SN line');
        out.allSummary[f[1]!.replace(/:$/, '')] = r.num(f[2], line.number, `the value of "${f[1]}"`);
        break;
      }
      case 'FFQ':
      case 'LFQ': {
        r.fields(line, 2, `a ${tag} line`);
        const row = { cycle: r.int(f[1], line.number, 'cycle'), counts: r.nums(f, 2, line.number, tag) };
        (tag === 'FFQ' ? out.firstQualities : out.lastQualities).push(row);
        break;
      }
      case 'GCF':
      case 'GCL': {
        r.fields(line, 3, `a ${tag} line`);
        const [gc, count] = ints(f, line, 2, tag);
        (tag === 'GCF' ? out.gcFirst : out.gcLast).push({ gc: gc!, count: count! });
        break;
      }
      case 'GCC': {
        r.fields(line, 7, 'a GCC line');
        const [cycle, a, c, g, t, n] = ints(f, line, 6, tag);
        out.baseContent.push({ cycle: cycle!, a: a!, c: c!, g: g!, t: t!, n: n! });
        break;
      }
      case 'IS': {
        r.fields(line, 6, 'an IS line');
        const [size, total, inward, outward, other] = ints(f, line, 5, tag);
        out.insertSizes.push({ size: size!, total: total!, inward: inward!, outward: outward!, other: other! });
        break;
      }
      case 'RL': {
        r.fields(line, 3, 'an RL line');
        const [length, count] = ints(f, line, 2, tag);
        out.readLengths.push({ length: length!, count: count! });
        break;
      }
      case 'ID': {
        r.fields(line, 4, 'an ID line');
        const [length, insertions, deletions] = ints(f, line, 3, tag);
        out.indels.push({ length: length!, insertions: insertions!, deletions: deletions! });
        break;
      }
      case 'IC': {
        r.fields(line, 6, 'an IC line');
        const [cycle, insFwd, insRev, delFwd, delRev] = ints(f, line, 5, tag);
        out.indelsPerCycle.push({ cycle: cycle!, insFwd: insFwd!, insRev: insRev!, delFwd: delFwd!, delRev: delRev! });
        break;
      }
      case 'COV': {
        r.fields(line, 4, 'a COV line');
        out.coverage.push({
          range: f[1]!,
          depth: r.int(f[2], line.number, 'depth'),
          bases: r.int(f[3], line.number, 'bases'),
        });
        break;
      }
      case 'GCD': {
        r.fields(line, 8, 'a GCD line');
        const [gc, uniquePercentile, p10, p25, p50, p75, p90] = ints(f, line, 7, tag);
        out.gcDepth.push({
          gc: gc!,
          uniquePercentile: uniquePercentile!,
          p10: p10!,
          p25: p25!,
          p50: p50!,
          p75: p75!,
          p90: p90!,
        });
        break;
      }
      case 'MAPQ': {
        r.fields(line, 3, 'a MAPQ line');
        const [mapq, count] = ints(f, line, 2, tag);
        out.mapq.push({ mapq: mapq!, count: count! });
        break;
      }
      default:
        if (!/^[A-Z]{2,4}$/.test(tag))
          r.fail(
            line.number,
            `expected a section tag such as SN or COV, found ${JSON.stringify(line.text.slice(0, 40))}`,
          );
    }
  }
  const summary = {} as SamtoolsSummary;
  for (const [label, key] of Object.entries(SUMMARY_KEYS)) {
    const value = out.allSummary[label];
    if (value === undefined) r.fail(0, `the summary (SN) line "${label}" is missing`);
    summary[key] = value;
  }
  return { summary, ...out };
}

export interface CycleQualitySummary {
  cycle: number;
  mean: number;
  p25: number;
  median: number;
  p75: number;
}

/** Mean and quartiles of base quality at each cycle, from the FFQ/LFQ histograms. */
export function qualityByCycle(rows: readonly CycleQualities[]): CycleQualitySummary[] {
  return rows
    .map(({ cycle, counts }) => {
      const total = counts.reduce((sum, n) => sum + n, 0);
      const quantile = (q: number): number => {
        let seen = 0;
        for (let quality = 0; quality < counts.length; quality++) {
          seen += counts[quality]!;
          if (seen >= q * total) return quality;
        }
        return counts.length - 1;
      };
      const mean = total === 0 ? 0 : counts.reduce((sum, n, quality) => sum + n * quality, 0) / total;
      return { cycle, total, mean, p25: quantile(0.25), median: quantile(0.5), p75: quantile(0.75) };
    })
    .filter((row) => row.total > 0)
    .map(({ total: _total, ...row }) => row);
}

/** Mean depth over covered bases from the COV histogram (the last bin is a lower bound). */
export function meanCoverage(coverage: SamtoolsStats['coverage']): number {
  const bases = coverage.reduce((sum, row) => sum + row.bases, 0);
  return bases === 0 ? 0 : coverage.reduce((sum, row) => sum + row.depth * row.bases, 0) / bases;
}
