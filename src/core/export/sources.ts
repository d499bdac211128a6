// Which recorded runs an export takes: one run with the runs that made the files it reads, an analysis' runs, or
// a whole session's runs that can be exported (the rest listed as left out), with what Lokus fed their stdin,
// the analysis slots that name the samplesheet columns and the browser-only steps the README must list.
import { resolveParameters, type AnyAnalysis } from '../analyses/analysis';
import { findAnalysis } from '../analyses/registry';
import { matchRuns } from '../analyses/run-analysis';
import { decodeTag, type AnalysisTag } from '../analyses/tag';
import type { Run } from '../session';
import { formatJob } from '../tools/job';
import { pinOf } from './containers';
import type { ExportFile, ExportSource } from './model';

const commandOf = (run: Run): string =>
  formatJob({ steps: run.steps, ...(run.stdoutFile === undefined ? {} : { stdoutFile: run.stdoutFile }) });
const oldestFirst = (a: Run, b: Run): number => (a.startedAt ?? 0) - (b.startedAt ?? 0);

/** The names a run reads: its argv words and the values of `key=value` words. */
function readNames(run: Run): Set<string> {
  return new Set(run.steps.flatMap((s) => s.argv.flatMap((w) => [w, w.slice(w.indexOf('=') + 1)])));
}

/** Names a run read that an output (or the index of one) carries: lambda.bam reads lambda.bam.csi too. */
function readsOutput(read: ReadonlySet<string>, output: string): boolean {
  if (read.has(output)) return true;
  const data = output.replace(/\.(bai|csi|crai|tbi|fai|gzi)$/, '');
  return data !== output && read.has(data);
}

/** The latest run started before `run` that wrote `name` (not a session file: those are inputs). */
function producerOf(all: readonly Run[], run: Run, name: string): Run | undefined {
  return all
    .filter((r) => r !== run && (r.startedAt ?? 0) <= (run.startedAt ?? 0) && r.outputs.some((o) => o.name === name))
    .sort(oldestFirst)
    .at(-1);
}

/** The chosen runs and, transitively, the latest run that wrote each output they read; oldest first. */
export function withProducers(all: readonly Run[], chosen: readonly Run[], files: readonly ExportFile[]): Run[] {
  const taken = new Set<Run>();
  const visit = (run: Run): void => {
    if (taken.has(run)) return;
    taken.add(run);
    const read = readNames(run);
    const outputs = new Set(all.flatMap((r) => r.outputs.map((o) => o.name)));
    for (const name of outputs) {
      if (!readsOutput(read, name) || files.some((f) => f.name === name)) continue;
      const producer = producerOf(all, run, name);
      if (producer) visit(producer);
    }
  };
  chosen.forEach(visit);
  return [...taken].sort(oldestFirst);
}

/** What Lokus fed a run's standard input: only analysis steps have one, found again from the analysis' tag. */
export function stdinOf(run: Run): Uint8Array | string | undefined {
  const analysis = analysisOf(run);
  if (!analysis) return undefined;
  const { def, tag } = analysis;
  const step = def.steps(tag.inputs, tag.params).find((s) => formatJob(s.job) === commandOf(run));
  return step?.job.stdin;
}

function analysisOf(run: Run): { def: AnyAnalysis; tag: AnalysisTag } | undefined {
  const tag = run.analysisId === undefined ? undefined : decodeTag(run.analysisId);
  const def = tag && findAnalysis(tag.analysis);
  return tag && def ? { def, tag: { ...tag, params: resolveParameters(def, tag.params) } } : undefined;
}

/** The README line for an analysis' own rules over the tool outputs, which run only in the browser. */
export function browserOnlyLine(def: AnyAnalysis, inputs: Readonly<Record<string, string>>): string {
  const readsItself = def.inputs
    .filter((slot) => {
      const name = inputs[slot.key];
      return name !== undefined && (typeof slot.readText === 'function' ? slot.readText(name) : slot.readText);
    })
    .map((slot) => inputs[slot.key]!);
  return (
    `${def.title} (${Object.values(inputs).join(', ')}): the result Lokus shows (numbers, verdicts, tables and ` +
    `charts) comes from Lokus's own TypeScript rules over the step outputs above, which this workflow does not ` +
    `run; it reproduces the tool outputs the result was computed from` +
    (readsItself.length > 0 ? `. Lokus read ${readsItself.join(', ')} itself, not through a tool.` : '.')
  );
}

/** Source fields shared by every scope: stdin of analysis steps, slot keys, browser-only rules. */
function sourceOf(title: string, runs: readonly Run[], files: readonly ExportFile[], leftOut: string[]): ExportSource {
  const stdin: Record<string, Uint8Array | string> = {};
  const keys: Record<string, string> = {};
  const browserOnly = new Map<string, string>();
  for (const run of runs) {
    const given = stdinOf(run);
    if (given !== undefined) stdin[run.id] = given;
    const analysis = analysisOf(run);
    if (!analysis) continue;
    for (const [slot, name] of Object.entries(analysis.tag.inputs)) keys[name] ??= slot;
    browserOnly.set(run.analysisId!, browserOnlyLine(analysis.def, analysis.tag.inputs));
  }
  return { title, runs, files, stdin, keys, browserOnly: [...browserOnly.values()], leftOut };
}

/** One run of the history, with the runs that made what it reads. */
export function runSource(all: readonly Run[], run: Run, files: readonly ExportFile[]): ExportSource {
  return sourceOf(run.label, withProducers(all, [run], files), files, []);
}

/** One analysis run: the latest run of each of its steps, with the runs that made what they read. */
export function analysisSource(
  all: readonly Run[],
  def: AnyAnalysis,
  tag: AnalysisTag,
  tagged: readonly Run[],
  files: readonly ExportFile[],
): ExportSource {
  const params = resolveParameters(def, tag.params);
  const matched = [...matchRuns(def, tag.inputs, params, tagged).values()].map((m) => m.run);
  // A step with no run (it never started because an earlier one failed): the failed run is what to report.
  const chosen = matched.length < def.steps(tag.inputs, params).length ? [...tagged] : matched;
  const title = `${def.title}: ${Object.values(tag.inputs).join(', ')}`;
  return sourceOf(title, withProducers(all, chosen, files), files, []);
}

/** Why a run cannot be part of a session export, or undefined when it can. */
function leftOutBecause(run: Run, dropped: ReadonlySet<Run>, all: readonly Run[]): string | undefined {
  if (run.status !== 'succeeded') return `${run.status}`;
  const unpinned = run.programs.find((p) => !pinOf(p.tool));
  if (unpinned) return `${unpinned.program} has no pinned container outside the browser`;
  if (run.steps.some((s) => !run.programs.some((p) => p.program === s.program)))
    return 'a program without recorded provenance';
  const read = readNames(run);
  for (const name of new Set(all.flatMap((r) => r.outputs.map((o) => o.name)))) {
    const producer = readsOutput(read, name) ? producerOf(all, run, name) : undefined;
    if (producer && dropped.has(producer)) return `it reads ${name}, made by a run that is left out`;
  }
  return undefined;
}

/**
 * A whole session: every run that succeeded with pinned tools, oldest first; a run repeated later (the same
 * command, or writing the same file) gives way to the later one. The rest is listed as left out, with why.
 */
export function sessionSource(title: string, all: readonly Run[], files: readonly ExportFile[]): ExportSource {
  const runs = [...all].sort(oldestFirst);
  const dropped = new Set<Run>();
  const leftOut: string[] = [];
  for (const run of runs) {
    const why = leftOutBecause(run, dropped, runs);
    if (why === undefined) continue;
    dropped.add(run);
    leftOut.push(`"${run.label}" (${why})`);
  }
  const kept = runs.filter((r) => !dropped.has(r));
  const superseded = kept.filter((run, i) =>
    kept
      .slice(i + 1)
      .some(
        (later) =>
          commandOf(later) === commandOf(run) || later.outputs.some((o) => run.outputs.some((p) => p.name === o.name)),
      ),
  );
  for (const run of superseded) leftOut.push(`"${run.label}" (run again later; the later run is exported)`);
  const exported = kept.filter((r) => !superseded.includes(r));
  return sourceOf(title, exported, files, leftOut);
}
