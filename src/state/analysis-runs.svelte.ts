// The session's analysis runs, one cache for every panel: rebuilt from the history's tagged runs (so they
// survive a reload), started (`launch`), their results parsed from the runs' outputs, and the thresholds.
import {
  effectiveThresholds,
  judgeMetrics,
  resolveParameters,
  type AnyAnalysis,
  type JudgedMetric,
  type NotApplicable,
  type Threshold,
} from '../core/analyses/analysis';
import type { CandidateFile } from '../core/analyses/inputs';
import { findAnalysis } from '../core/analyses/registry';
import {
  commandsOf,
  matchRuns,
  parseOutputs,
  readInputTexts,
  runAnalysis,
  type AnalysisOutcome,
  type StepRunner,
} from '../core/analyses/run-analysis';
import { decodeTag, encodeTag, type AnalysisTag } from '../core/analyses/tag';
import { isUnfinished } from '../core/session';
import { describeError } from './describe-error';
import type { FileEntry, FilesState } from './files.svelte';
import type { RunEntry, RunsState } from './runs.svelte';
import type { SettingsState } from './settings.svelte';

export interface AnalysisInstance {
  /** The encoded tag (Run.analysisId) shared by the instance's runs. */
  id: string;
  tag: AnalysisTag;
  def: AnyAnalysis;
  runs: RunEntry[];
  status: 'running' | 'succeeded' | 'failed';
  startedAt: number;
  commands: string[];
}

/** `notApplicable`: the check ran but could not look (see NotApplicable); its numbers are not shown. */
export type LoadedResult =
  | { state: 'loading' }
  | { state: 'ready'; result: unknown; notApplicable?: NotApplicable }
  | { state: 'error'; message: string };

/** The session's readable files as an analysis' inputs. */
export function candidateFiles(files: readonly FileEntry[]): CandidateFile[] {
  return files
    .filter((f) => f.availability === 'ready')
    .map((f) => ({ name: f.name, format: f.detected.format, ...(f.indexName ? { indexName: f.indexName } : {}) }));
}

export class AnalysisRuns {
  results = $state.raw<Record<string, LoadedResult>>({});
  readonly instances = $derived.by(() => groupInstances(this.runs.runs));

  constructor(
    private readonly runs: Pick<RunsState, 'runs' | 'runJob' | 'readOutput' | 'textOf' | 'linesOf'>,
    private readonly files: Pick<FilesState, 'openFiles' | 'blobOf'>,
    private readonly settings: SettingsState,
  ) {}

  thresholdsOf(def: AnyAnalysis): Threshold[] {
    return effectiveThresholds(def, this.settings.current.analysisThresholds?.[def.id]);
  }

  /** The run's status for the list: a finished run whose check could not look reads "not applicable". */
  statusOf(instance: AnalysisInstance): AnalysisInstance['status'] | 'not-applicable' {
    const loaded = this.results[instance.id];
    return loaded?.state === 'ready' && loaded.notApplicable ? 'not-applicable' : instance.status;
  }

  metricsOf(instance: AnalysisInstance): JudgedMetric[] {
    const loaded = this.results[instance.id];
    if (loaded?.state !== 'ready') return [];
    return judgeMetrics(instance.def.metrics(loaded.result), this.thresholdsOf(instance.def));
  }

  /** Saves the user's thresholds for an analysis (in the settings, for every session). */
  async setThreshold(def: AnyAnalysis, key: string, pass: number, warn: number): Promise<void> {
    if (!Number.isFinite(pass) || !Number.isFinite(warn)) return;
    const all = this.settings.current.analysisThresholds ?? {};
    const analysisThresholds = { ...all, [def.id]: { ...(all[def.id] ?? {}), [key]: { pass, warn } } };
    await this.settings.save({ analysisThresholds }, 'The thresholds could not be saved');
  }

  async resetThresholds(def: AnyAnalysis): Promise<void> {
    const { [def.id]: _dropped, ...rest } = this.settings.current.analysisThresholds ?? {};
    await this.settings.save({ analysisThresholds: rest }, 'The thresholds could not be saved');
  }

  /**
   * Starts an analysis on given inputs (the pathogen panel starts one per sample; the engine queues their steps
   * over its workers); `finished` settles with the result, after the outputs it keeps were added to the session.
   */
  launch(
    def: AnyAnalysis,
    inputs: Record<string, string>,
    params: Record<string, number>,
  ): { id: string; finished: Promise<LoadedResult> } {
    const id = encodeTag({ analysis: def.id, instance: crypto.randomUUID().slice(0, 8), inputs, params });
    this.#setResult(id, { state: 'loading' });
    const finished = (async (): Promise<LoadedResult> => {
      let loaded: LoadedResult;
      try {
        loaded = toLoaded(await runAnalysis(def, inputs, params, this.#runner(id)));
        if (loaded.state === 'ready') await this.#keepOutputs(def.sessionOutputs?.(inputs, params) ?? []);
      } catch (error) {
        loaded = { state: 'error', message: describeError(error) };
      }
      this.#setResult(id, loaded);
      return loaded;
    })();
    return { id, finished };
  }

  async #keepOutputs(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    const files = await Promise.all(names.map(async (name) => new File([await this.runs.readOutput(name)], name)));
    await this.files.openFiles(files);
  }

  /** Rebuilds an earlier run's result from its recorded runs' outputs (once), without showing it. */
  async load(id: string): Promise<void> {
    const current = this.results[id];
    if (current && current.state !== 'error') return;
    const instance = this.instances.find((i) => i.id === id);
    if (!instance || instance.status === 'running') return;
    this.#setResult(id, { state: 'loading' });
    try {
      const { def, tag } = instance;
      const matched = matchRuns(def, tag.inputs, tag.params, instance.runs);
      const texts: Record<string, string> = await readInputTexts(def, tag.inputs, (name) => this.#readText(name));
      const lines: Record<string, AsyncIterable<string>> = {};
      for (const step of def.steps(tag.inputs, tag.params)) {
        const entry = matched.get(step.key);
        if (!entry || entry.run.status !== 'succeeded') {
          this.#setResult(id, {
            state: 'error',
            message: `The step "${entry?.run.label ?? step.job.label}" did not succeed; see the history, or run the analysis again.`,
          });
          return;
        }
        if (step.streamed) lines[step.key] = this.runs.linesOf(entry.run);
        else texts[step.key] = await this.runs.textOf(entry.run);
      }
      this.#setResult(id, toLoaded(await parseOutputs(def, texts, lines, tag.inputs, tag.params)));
    } catch (error) {
      this.#setResult(id, { state: 'error', message: describeError(error) });
    }
  }

  /** A text input the analysis reads itself (a pedigree), from the session's files. */
  async #readText(name: string): Promise<string> {
    const blob = this.files.blobOf(name);
    if (!blob)
      throw new Error(`${name} is not available in this session; open it again (Files) and run the analysis again.`);
    return blob.text();
  }

  #runner(tag: string): StepRunner {
    return {
      readText: (name) => this.#readText(name),
      run: async (step) => {
        const run = await this.runs.runJob(step.job, undefined, tag);
        if (run.status !== 'succeeded')
          return {
            succeeded: false,
            message: run.advice ?? `it ended with status ${run.status} (exit ${run.exitStatus ?? '?'})`,
          };
        if (step.streamed) return { succeeded: true, lines: () => this.runs.linesOf(run) };
        return { succeeded: true, text: await this.runs.textOf(run) };
      },
    };
  }

  #setResult(id: string, result: LoadedResult): void {
    this.results = { ...this.results, [id]: result };
  }
}

function toLoaded(outcome: AnalysisOutcome<unknown>): LoadedResult {
  if (outcome.ok)
    return outcome.notApplicable
      ? { state: 'ready', result: outcome.result, notApplicable: outcome.notApplicable }
      : { state: 'ready', result: outcome.result };
  return { state: 'error', message: outcome.step ? `${outcome.step}: ${outcome.message}` : outcome.message };
}

/** Analysis runs of the session, newest first, from the runs' tags. */
export function groupInstances(runs: readonly RunEntry[]): AnalysisInstance[] {
  const byTag = new Map<string, RunEntry[]>();
  for (const run of runs) {
    if (run.analysisId === undefined) continue;
    byTag.set(run.analysisId, [...(byTag.get(run.analysisId) ?? []), run]);
  }
  const instances: AnalysisInstance[] = [];
  for (const [id, tagged] of byTag) {
    const tag = decodeTag(id);
    const def = tag && findAnalysis(tag.analysis);
    if (!tag || !def) continue;
    const params = resolveParameters(def, tag.params);
    const expected = def.steps(tag.inputs, params).length;
    const status = tagged.some((r) => isUnfinished(r.status))
      ? 'running'
      : tagged.some((r) => r.status !== 'succeeded') || matchRuns(def, tag.inputs, params, tagged).size < expected
        ? 'failed'
        : 'succeeded';
    instances.push({
      id,
      tag: { ...tag, params },
      def,
      runs: tagged,
      status,
      startedAt: Math.min(...tagged.map((r) => r.startedAt ?? Date.now())),
      commands: commandsOf(def, tag.inputs, params),
    });
  }
  return instances.sort((a, b) => b.startedAt - a.startedAt);
}
