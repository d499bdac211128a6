// The step model of a workflow export, built from recorded runs: the session files read (samplesheet columns), one
// step per run with the exact argv as name templates over the sample, its outputs and what it waits for.
import type { Run } from '../session';
import { pinOf, type ToolPin } from './containers';
import { literal, PER_SAMPLE_FORMATS, sampleIdOf, sampleName, stepId, wordTemplate, type NameTemplate } from './names';

/** A session file as the exporter sees it (the workbench's file list). */
export interface ExportFile {
  name: string;
  size: number;
  fingerprint: string;
  format: string;
  indexName?: string;
  /** False when the file's bytes can no longer be read (not re-picked after a reload). */
  available: boolean;
}

export interface ColumnFile {
  name: string;
  size: number;
  fingerprint: string;
  staged: NameTemplate;
}

/** One input of the workflow: a samplesheet column (per sample) or a config entry (shared: reference, panel). */
export interface Column extends ColumnFile {
  key: string;
  role: 'sample' | 'shared';
  index?: ColumnFile;
}

export interface StepCommand {
  program: string;
  argv: NameTemplate[];
  pin: ToolPin;
}

export interface StepOutput {
  name: NameTemplate;
  size: number;
  /** `stdout`: the run's standard output, which the workflow writes to this file. */
  from: 'file' | 'stdout';
}

export interface Step {
  id: string;
  label: string;
  runId: string;
  commands: StepCommand[];
  /** Bytes Lokus fed to standard input (bundled in the zip as assets/<id>.stdin). */
  stdin?: Uint8Array;
  /** The file the last command's stdout goes to: the run's `>` target, or a file the workflow adds. */
  stdoutFile: NameTemplate;
  outputs: StepOutput[];
  /** Inputs read (columns, by key) and earlier steps whose outputs are read (by id). */
  columns: string[];
  after: string[];
}

/** A samplesheet row after the first (a batch): its id and files by column key ("bam", "bam_index"). */
export interface ExportSample {
  id: string;
  files: { key: string; name: string; size: number; fingerprint: string }[];
}

export interface ExportModel {
  title: string;
  sample: string;
  /** More samplesheet rows, each run by the browser too (a batch); their outputs are in the manifest. */
  samples?: ExportSample[];
  columns: Column[];
  steps: Step[];
  /** Steps of the browser the workflow cannot run (TypeScript rules over tool output), said in the README. */
  browserOnly: string[];
  /** Runs left out (failed, superseded), said in the README. */
  leftOut: string[];
}

export interface ExportSource {
  title: string;
  /** The runs to export, oldest first. */
  runs: readonly Run[];
  files: readonly ExportFile[];
  /** Run id -> what Lokus fed its standard input. */
  stdin?: Readonly<Record<string, Uint8Array | string>>;
  /** Session file name -> samplesheet column key (an analysis' input slots). */
  keys?: Readonly<Record<string, string>>;
  browserOnly?: readonly string[];
  leftOut?: readonly string[];
}

/** Export cannot go on: says what and what to do. */
export class ExportRefusal extends Error {
  override name = 'ExportRefusal';
}

const words = (run: Run): string[] => run.steps.flatMap((s) => [...s.argv]);
const valueOf = (word: string): string => word.slice(word.indexOf('=') + 1);

export function buildModel(source: ExportSource): ExportModel {
  if (source.runs.length === 0) throw new ExportRefusal('There is nothing to export: no run succeeded here yet.');
  for (const run of source.runs)
    if (run.status !== 'succeeded')
      throw new ExportRefusal(
        `"${run.label}" ${run.status === 'failed' ? 'failed' : `was ${run.status}`}: only runs that succeeded can be exported. Run it again, then export.`,
      );
  const produced = new Map<string, number>();
  source.runs.forEach((run, i) => run.outputs.forEach((o) => produced.set(o.name, i)));
  const columns = columnsOf(source, produced);
  const first = columns.find((c) => c.role === 'sample') ?? columns[0];
  const sample = first ? sampleIdOf(first.name, formatOf(source, first.name)) : 'sample';
  const shared = columns.filter((c) => c.role === 'shared').map((c) => c.name);
  const template = (name: string): NameTemplate => sampleName(name, sample, shared);
  const perSample = new Map<string, NameTemplate>();
  for (const column of columns) {
    column.staged = column.role === 'sample' ? template(column.name) : literal(column.name);
    perSample.set(column.name, column.staged);
    if (column.index) {
      column.index.staged = column.role === 'sample' ? template(column.index.name) : literal(column.index.name);
      perSample.set(column.index.name, column.index.staged);
    }
  }
  for (const name of produced.keys()) perSample.set(name, template(name));
  const steps = source.runs.map((run, i): Step => {
    const id = stepId(i, run.steps);
    const read = words(run).flatMap((w) => [w, valueOf(w)]);
    const stdin = source.stdin?.[run.id];
    const capture = run.stdoutFile === undefined;
    const stdoutFile = capture ? literal(`${id}.stdout.txt`) : template(run.stdoutFile!);
    return {
      id,
      label: run.label,
      runId: run.id,
      commands: run.steps.map((command) => ({
        program: command.program,
        argv: command.argv.map((w) => wordTemplate(w, perSample)),
        pin: pinFor(run, command.program),
      })),
      ...(stdin === undefined ? {} : { stdin: typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin }),
      stdoutFile,
      outputs: [
        ...(capture ? [{ name: stdoutFile, size: run.stdout.length, from: 'stdout' as const }] : []),
        ...run.outputs.map((o) => ({ name: template(o.name), size: o.size, from: 'file' as const })),
      ],
      columns: columns
        .filter((c) => read.includes(c.name) || (c.index !== undefined && read.includes(c.index.name)))
        .map((c) => c.key),
      after: [
        ...new Set(
          source.runs
            .slice(0, i)
            .map((earlier, j) => ({ earlier, j }))
            .filter(({ earlier }) => earlier.outputs.some((o) => reads(read, o.name)))
            .map(({ earlier, j }) => stepId(j, earlier.steps)),
        ),
      ],
    };
  });
  return {
    title: source.title,
    sample,
    columns,
    steps,
    browserOnly: [...(source.browserOnly ?? [])],
    leftOut: [...(source.leftOut ?? [])],
  };
}

/** A step reads a file when it names it, or names the data file it indexes (lambda.bam reads lambda.bam.csi). */
function reads(read: readonly string[], name: string): boolean {
  return read.some(
    (word) => word === name || (name.startsWith(`${word}.`) && /\.(bai|csi|crai|tbi|fai|gzi)$/.test(name)),
  );
}

function formatOf(source: ExportSource, name: string): string {
  return source.files.find((f) => f.name === name)?.format ?? 'unknown';
}

function pinFor(run: Run, program: string): ToolPin {
  const provenance = run.programs.find((p) => p.program === program);
  const pin = provenance && pinOf(provenance.tool);
  if (!provenance || !pin)
    throw new ExportRefusal(
      `"${run.label}" runs ${program}, which has no pinned container outside the browser; export the runs of Lokus's own tools only.`,
    );
  if (pin.version !== provenance.version)
    throw new ExportRefusal(
      `"${run.label}" ran ${provenance.tool} ${provenance.version}, but the export pins ${pin.version}; run it again with this version of Lokus, then export.`,
    );
  return pin;
}

/** Session files the runs read (not made by an earlier exported run), checked against what each run recorded. */
function columnsOf(source: ExportSource, produced: ReadonlyMap<string, number>): Column[] {
  const columns: Column[] = [];
  source.runs.forEach((run, i) => {
    const read = new Set(words(run).flatMap((w) => [w, valueOf(w)]));
    for (const input of run.inputs) {
      if (!read.has(input.name) || columns.some((c) => c.name === input.name)) continue;
      const made = produced.get(input.name);
      if (made !== undefined && made < i) continue;
      const file = source.files.find((f) => f.name === input.name);
      if (!file || file.fingerprint !== input.fingerprint)
        throw new ExportRefusal(
          `${input.name}, which "${run.label}" read, is ${file ? 'not the same file any more' : 'no longer in this session'}: open the file it read again, then export.`,
        );
      if (!file.available)
        throw new ExportRefusal(
          `${input.name}, which "${run.label}" read, is not available in this session now: pick it again, then export.`,
        );
      const index = file.indexName ? source.files.find((f) => f.name === file.indexName) : undefined;
      const role = PER_SAMPLE_FORMATS.includes(file.format) ? 'sample' : 'shared';
      columns.push({
        key: columnKey(source.keys?.[file.name] ?? file.format, columns),
        role,
        name: file.name,
        size: file.size,
        fingerprint: file.fingerprint,
        staged: literal(file.name),
        ...(index
          ? {
              index: {
                name: index.name,
                size: index.size,
                fingerprint: index.fingerprint,
                staged: literal(index.name),
              },
            }
          : {}),
      });
    }
  });
  return columns.sort((a, b) => (a.role === b.role ? 0 : a.role === 'sample' ? -1 : 1));
}

/** A samplesheet column / config key: lower-case identifier, unique ("vcf", "vcf_2"). */
function columnKey(wanted: string, taken: readonly Column[]): string {
  const base =
    wanted
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+/, '') || 'file';
  let key = base === 'sample' ? 'sample_file' : base;
  for (let n = 2; taken.some((c) => c.key === key); n++) key = `${base}_${n}`;
  return key;
}
