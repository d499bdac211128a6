// What an analysis is: declared once as data plus pure functions — inputs, parameters, thresholds, the
// tool steps (argv jobs), the parser of their outputs, the metrics it judges and the charts it draws.
import type { NamingStyle } from '../files/contigs';
import type { DataFormat } from '../files/formats';
import type { JobSpec } from '../tools/job';

export interface InputSlot {
  key: string;
  label: string;
  formats: readonly DataFormat[];
  /** The steps read the file through its index (idxstats, region queries). */
  needsIndex?: boolean;
  optional?: boolean;
  help?: string;
  /**
   * The analysis reads this file's text itself (a PED, a gene list): parse gets it as `input:<key>`. A function
   * decides by the chosen file's name (a plain scoring file is read here, a gzip one by a tool step).
   */
  readText?: boolean | ((name: string) => boolean);
}

export interface NumberParameter {
  key: string;
  label: string;
  default: number;
  min: number;
  max: number;
  step?: number;
  help: string;
  /** When set, the value is one of these (shown as a select): e.g. expected sex 0 = not given, 1 = female, 2 = male. */
  choices?: readonly { value: number; label: string }[];
  /** Input slot key: the value becomes 1 when the file chosen there has an index, 0 when not (read it through its index if present). */
  followsIndexOf?: string;
}

/** Slot key -> file name (as opened in the session); optional slots may be absent. */
export type InputNames = Readonly<Record<string, string>>;
/** Parameter key -> value. */
export type ParameterValues = Readonly<Record<string, number>>;

export interface AnalysisStep {
  /** Names the step's text for the parser ("flagstat", "stats:R1"). */
  key: string;
  /** When `job.stdoutFile` is set the parser reads that file (complete), otherwise the captured stdout. */
  job: JobSpec;
  /** Keys of steps whose outputs this step reads: it starts only after they all succeeded (align, then sort). */
  after?: readonly string[];
  /**
   * The output is read line by line by `parseLines`, never as one text: a genome-scale output (millions of
   * records) would not fit in one string, and the parser keeps only what it needs.
   */
  streamed?: boolean;
}

export type Verdict = 'pass' | 'warn' | 'fail';

/** A pass/warn/fail rule the user can change: `higher` means larger values are better. */
export interface Threshold {
  key: string;
  label: string;
  better: 'higher' | 'lower';
  pass: number;
  warn: number;
  /** How the numbers are shown and typed ("%", "×", ""). */
  unit: string;
}

export type ThresholdValues = Readonly<Record<string, { pass: number; warn: number }>>;

export type MetricFormat = 'count' | 'percent' | 'ratio' | 'depth' | 'quality';

export interface Metric {
  key: string;
  label: string;
  /** NaN when the data cannot say (no SNPs for Ts/Tv, say). */
  value: number;
  format: MetricFormat;
  /** The threshold that judges it, if any. */
  threshold?: string;
  /** One short line under the number. */
  note?: string;
}

export type ChartRow = Readonly<Record<string, number | string>>;

/**
 * A chart as data: the view draws it with the charting library. `band` draws `lower`..`upper` as an
 * area behind the `y` line (quartiles of quality per cycle, depth percentiles per GC).
 */
export interface ChartSpec<R> {
  id: string;
  title: string;
  /** One sentence: what good looks like. */
  good: string;
  mark: 'line' | 'bar' | 'area' | 'band';
  x: { field: string; label: string; scale?: 'linear' | 'log' | 'band' };
  y: { field: string; label: string; scale?: 'linear' | 'log' };
  series?: string;
  band?: { lower: string; upper: string };
  /** What to say when the input has no data for this chart. */
  empty: string;
  rows(result: R): ChartRow[];
}

/** A problem with the inputs that a parameter change fixes: the form offers it as a button. */
export interface NamingProblem {
  problem: string;
  fix?: { label: string; params: Record<string, number> };
}

export interface AnalysisDefinition<R = unknown> {
  id: string;
  title: string;
  /** One sentence for the picker. */
  summary: string;
  inputs: readonly InputSlot[];
  parameters: readonly NumberParameter[];
  thresholds: readonly Threshold[];
  /** Checks the inputs beyond their formats; returns what the user must change, if anything. */
  check?(inputs: InputNames, formats: Readonly<Record<string, DataFormat | undefined>>): string | undefined;
  /**
   * Chromosome naming of the chosen files (slot key -> "chr" or "plain"), read before the run: what disagrees in a
   * way the tools would silently get wrong, and the parameter values that bridge it.
   */
  namingCheck?(
    naming: Readonly<Record<string, NamingStyle>>,
    inputs: InputNames,
    params: ParameterValues,
  ): NamingProblem | undefined;
  /** Fills optional slots that follow from the chosen ones (the R2 file of an R1), given the candidate names. */
  complete?(inputs: InputNames, names: readonly string[]): Record<string, string>;
  steps(inputs: InputNames, params: ParameterValues): AnalysisStep[];
  /** Step key -> its text. Throws ParseError on output it cannot read. */
  parse(texts: Readonly<Record<string, string>>, inputs: InputNames, params: ParameterValues): R;
  /**
   * With `streamed` steps: parses from the other steps' texts and the streamed steps' lines (step key -> lines,
   * read once). `parse` stays for whole texts (tests, small outputs) and must give the same result.
   */
  parseLines?(
    texts: Readonly<Record<string, string>>,
    lines: Readonly<Record<string, AsyncIterable<string>>>,
    inputs: InputNames,
    params: ParameterValues,
  ): Promise<R>;
  metrics(result: R): Metric[];
  charts: readonly ChartSpec<R>[];
  /** Named tables for export as TSV/CSV (the whole result exports as JSON). */
  tables(result: R): Record<string, ChartRow[]>;
  /** Tables (keys of `tables`) also shown in the result and its printed report, in this order. */
  shownTables?: readonly ShownTable[];
  /** Files the result offers for download besides tables and JSON (a PharmCAT outside-call file, a consensus FASTA). */
  downloads?(result: R): ResultDownload[];
  /** Output files to add to the session's files once the analysis succeeded (a VCF and its index, for the variant browser). */
  sessionOutputs?(inputs: InputNames, params: ParameterValues): string[];
  /** Limits of the method the report must state (printed too): "for research and education, not for clinical decisions". */
  caveats?: readonly string[];
  /**
   * Whether the check could look at all, given what its steps read (the build, the contigs, the records): a
   * non-human BAM for the hotspots, a call set without chrX for sex. Undefined when it could answer.
   */
  applies?(result: R): NotApplicable | undefined;
}

/** The outcome of a check that could not look: shown instead of its numbers, never as "done, nothing found". */
export interface NotApplicable {
  /** Why, completing "Not applicable, because …": "the BAM's contigs (seq1, seq2) are not a human genome". */
  because: string;
  /** What the user can do instead, one sentence. */
  todo: string;
}

export interface ResultDownload {
  /** The button's text: "PharmCAT outside calls (TSV)". */
  label: string;
  fileName: string;
  mimeType: string;
  text: string;
}

export interface ShownTable {
  key: string;
  title: string;
  /** One sentence under the title: how to read the table. */
  note?: string;
  /** Where a row is in the genome ("chr12:25245300-25245400"), for a button that opens the viewer there. */
  locus?(row: ChartRow): string | undefined;
  /** The reader can filter the rows and sort them by a column (candidate lists). */
  sortable?: boolean;
}

/** Type-erased view of a definition, for registries and the UI. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAnalysis = AnalysisDefinition<any>;

export function judge(
  value: number,
  rule: { better: 'higher' | 'lower'; pass: number; warn: number },
): Verdict | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (rule.better === 'higher') return value >= rule.pass ? 'pass' : value >= rule.warn ? 'warn' : 'fail';
  return value <= rule.pass ? 'pass' : value <= rule.warn ? 'warn' : 'fail';
}

/** The definition's thresholds with the user's values where set. */
export function effectiveThresholds(def: AnyAnalysis, overrides: ThresholdValues = {}): Threshold[] {
  return def.thresholds.map((t) => ({ ...t, ...(overrides[t.key] ?? {}) }));
}

export interface JudgedMetric extends Metric {
  verdict?: Verdict;
}

export function judgeMetrics(metrics: readonly Metric[], thresholds: readonly Threshold[]): JudgedMetric[] {
  return metrics.map((metric) => {
    const rule = thresholds.find((t) => t.key === metric.threshold);
    const verdict = rule ? judge(metric.value, rule) : undefined;
    return verdict ? { ...metric, verdict } : { ...metric };
  });
}

/** The defaults, with given values where they are valid numbers within range. */
export function resolveParameters(
  def: AnyAnalysis,
  given: Readonly<Record<string, number | undefined>> = {},
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of def.parameters) {
    const value = given[p.key];
    out[p.key] = value !== undefined && Number.isFinite(value) && value >= p.min && value <= p.max ? value : p.default;
  }
  return out;
}

/** The middle value, or the mean of the two middle values for an even count; NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Whether a chart has something to draw: a value that is not zero. A chart of zeros is shown as "none" (drawn, its
 * bars would fill the plot over a 0…0 axis).
 */
export function chartHasData(spec: Pick<ChartSpec<unknown>, 'y' | 'band'>, rows: readonly ChartRow[]): boolean {
  const fields = [spec.y.field, ...(spec.band ? [spec.band.lower, spec.band.upper] : [])];
  return rows.some((row) =>
    fields.some((field) => {
      const value = row[field];
      return typeof value === 'number' && Number.isFinite(value) && value !== 0;
    }),
  );
}

export const percent = (part: number, whole: number): number => (whole === 0 ? Number.NaN : (100 * part) / whole);
