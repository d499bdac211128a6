// The analyses panel's state: the chosen analysis with its inputs and parameters, the analysis runs of the
// session (rebuilt from the history's tagged runs, so they survive a reload), their results and thresholds.
import {
  effectiveThresholds,
  judgeMetrics,
  resolveParameters,
  type AnyAnalysis,
  type JudgedMetric,
  type NotApplicable,
  type Threshold,
} from '../core/analyses/analysis';
import {
  candidatesFor,
  indexParameters,
  inputProblems,
  suggestInputs,
  type CandidateFile,
} from '../core/analyses/inputs';
import { ANALYSES, findAnalysis } from '../core/analyses/registry';
import {
  commandsOf,
  matchRuns,
  parseTexts,
  readInputTexts,
  runAnalysis,
  type AnalysisOutcome,
  type StepRunner,
} from '../core/analyses/run-analysis';
import { decodeTag, encodeTag, type AnalysisTag } from '../core/analyses/tag';
import { isUnfinished } from '../core/session';
import type { RunEntry, Workbench } from './workbench.svelte';
import { describeError } from './describe-error';
import { runText } from './run-text';

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

export class AnalysesState {
  selectedId = $state(ANALYSES[0]!.id);
  inputs = $state<Record<string, string>>({});
  params = $state<Record<string, number>>({});
  /** The instance whose result is shown. */
  openId = $state<string | undefined>(undefined);
  results = $state.raw<Record<string, LoadedResult>>({});

  readonly definition = $derived(findAnalysis(this.selectedId) ?? ANALYSES[0]!);
  readonly files = $derived.by<CandidateFile[]>(() =>
    this.workbench.files
      .filter((f) => f.availability === 'ready')
      .map((f) => ({ name: f.name, format: f.detected.format, ...(f.indexName ? { indexName: f.indexName } : {}) })),
  );
  readonly problems = $derived(inputProblems(this.definition, this.inputs, this.files));
  readonly commands = $derived(
    this.problems.length === 0
      ? commandsOf(this.definition, this.inputs, resolveParameters(this.definition, this.params))
      : [],
  );
  readonly instances = $derived.by(() => groupInstances(this.workbench.runs));
  readonly open = $derived(this.instances.find((i) => i.id === this.openId));

  constructor(readonly workbench: Workbench) {}

  candidates(slotKey: string): CandidateFile[] {
    return candidatesFor(this.definition, slotKey, this.files);
  }

  select(id: string): void {
    const def = findAnalysis(id);
    if (!def) return;
    this.selectedId = id;
    this.inputs = suggestInputs(def, this.files);
    this.params = { ...resolveParameters(def), ...indexParameters(def, this.inputs, this.files) };
  }

  /** Fills required inputs that are still empty (after files were opened). */
  suggest(): void {
    this.inputs = suggestInputs(this.definition, this.files, this.inputs);
    if (Object.keys(this.params).length === 0) this.params = resolveParameters(this.definition);
    this.params = { ...this.params, ...indexParameters(this.definition, this.inputs, this.files) };
  }

  setInput(slot: string, name: string): void {
    const next = { ...this.inputs };
    if (name === '') delete next[slot];
    else next[slot] = name;
    this.inputs = next;
    this.params = { ...this.params, ...indexParameters(this.definition, next, this.files) };
  }

  setParam(key: string, value: number): void {
    this.params = { ...this.params, [key]: value };
  }

  thresholdsOf(def: AnyAnalysis): Threshold[] {
    return effectiveThresholds(def, this.workbench.settings.analysisThresholds?.[def.id]);
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
    const all = this.workbench.settings.analysisThresholds ?? {};
    const analysisThresholds = { ...all, [def.id]: { ...(all[def.id] ?? {}), [key]: { pass, warn } } };
    this.workbench.settings = { ...this.workbench.settings, analysisThresholds };
    try {
      this.workbench.settings = await this.workbench.store.saveSettings({ analysisThresholds });
    } catch (error) {
      this.workbench.report(error, 'The thresholds could not be saved');
    }
  }

  async resetThresholds(def: AnyAnalysis): Promise<void> {
    const { [def.id]: _dropped, ...rest } = this.workbench.settings.analysisThresholds ?? {};
    this.workbench.settings = { ...this.workbench.settings, analysisThresholds: rest };
    try {
      this.workbench.settings = await this.workbench.store.saveSettings({ analysisThresholds: rest });
    } catch (error) {
      this.workbench.report(error, 'The thresholds could not be saved');
    }
  }

  /** Runs the chosen analysis; each step becomes a run in the history, tagged with this analysis run. */
  async run(): Promise<void> {
    if (this.problems.length > 0) return;
    const def = this.definition;
    const { id, finished } = this.launch(def, { ...this.inputs }, resolveParameters(def, this.params));
    this.openId = id;
    await finished;
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
    const files = await Promise.all(names.map(async (name) => new File([await this.workbench.readOutput(name)], name)));
    await this.workbench.openFiles(files);
  }

  /** Puts an earlier run's inputs and parameters back in the form, to change them and run again. */
  edit(instance: AnalysisInstance): void {
    this.selectedId = instance.def.id;
    this.inputs = { ...instance.tag.inputs };
    this.params = resolveParameters(instance.def, instance.tag.params);
  }

  /** Shows an analysis run, rebuilding its result from the recorded runs' outputs when needed. */
  async show(id: string): Promise<void> {
    this.openId = id;
    await this.load(id);
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
      for (const step of def.steps(tag.inputs, tag.params)) {
        const entry = matched.get(step.key);
        if (!entry || entry.run.status !== 'succeeded') {
          this.#setResult(id, {
            state: 'error',
            message: `The step "${entry?.run.label ?? step.job.label}" did not succeed; see the history, or run the analysis again.`,
          });
          return;
        }
        texts[step.key] = await runText(this.workbench, entry.run);
      }
      this.#setResult(id, toLoaded(parseTexts(def, texts, tag.inputs, tag.params)));
    } catch (error) {
      this.#setResult(id, { state: 'error', message: describeError(error) });
    }
  }

  close(): void {
    this.openId = undefined;
  }

  async #readText(name: string): Promise<string> {
    const blob = this.workbench.blobOf(name);
    if (!blob)
      throw new Error(`${name} is not available in this session; open it again (Files) and run the analysis again.`);
    return blob.text();
  }

  #runner(tag: string): StepRunner {
    return {
      readText: (name) => this.#readText(name),
      run: async (step) => {
        const run = await this.workbench.runJob(step.job, undefined, tag);
        if (run.status !== 'succeeded')
          return {
            succeeded: false,
            message: run.advice ?? `it ended with status ${run.status} (exit ${run.exitStatus ?? '?'})`,
          };
        return { succeeded: true, text: await runText(this.workbench, run) };
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
