// Exporting recorded runs as a Snakemake / Nextflow / bash workflow (one run, one analysis run, or the session):
// the plan the dialog shows (the step model, or why it cannot be exported), then the zip with MANIFEST.tsv
// hashed from the outputs this session kept. The files come from core/export; nothing here runs a tool.
import { workflowFiles } from '../core/export/bundle';
import { hashOutputs, type OutputReader } from '../core/export/manifest';
import { buildModel, ExportRefusal, type ExportFile, type ExportModel, type ExportSource } from '../core/export/model';
import { matchRuns } from '../core/analyses/run-analysis';
import { withSamples } from '../core/export/batch';
import { analysisSource, runSource, sessionSource } from '../core/export/sources';
import { exportFolder, zipWorkflow } from '../core/export/zip';
import type { Run } from '../core/session';
import type { AnalysisInstance, AnalysisRuns } from './analysis-runs.svelte';
import type { CurrentSession } from './current-session.svelte';
import { describeError } from './describe-error';
import type { FilesState } from './files.svelte';
import type { RunsState } from './runs.svelte';

export type ExportScope = 'run' | 'analysis' | 'session' | 'batch';

/** A batch's other samples: the run of each of the first sample's runs (by id) for that sample. */
export interface BatchRuns {
  sample: string;
  runs: ReadonlyMap<string, Run>;
}

/** What the dialog shows before anything is written: the model, or one sentence on why it cannot be exported. */
export type ExportPlan =
  | { scope: ExportScope; title: string; ok: true; model: ExportModel; others?: BatchRuns[] }
  | { scope: ExportScope; title: string; ok: false; refusal: string };

export interface WorkflowZip {
  fileName: string;
  blob: Blob;
}

export class WorkflowExportState {
  plan = $state.raw<ExportPlan | undefined>(undefined);
  building = $state(false);
  error = $state<string | undefined>(undefined);

  constructor(
    private readonly runs: Pick<RunsState, 'runs' | 'outputOf'>,
    private readonly files: Pick<FilesState, 'files'>,
    private readonly analyses: Pick<AnalysisRuns, 'instances'>,
    private readonly current: Pick<CurrentSession, 'session'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The session's files as the exporter sees them: readable now or not, with the index paired to each. */
  exportFiles(): ExportFile[] {
    // Files a run wrote are steps' products in the workflow, not inputs the user brings.
    return this.files.files
      .filter((f) => !f.origin)
      .map((f) => ({
        name: f.name,
        size: f.size,
        fingerprint: f.fingerprint,
        format: f.detected.format,
        available: f.availability === 'ready',
        ...(f.indexName ? { indexName: f.indexName } : {}),
      }));
  }

  openForRun(runId: string): void {
    const run = this.runs.runs.find((r) => r.id === runId);
    if (!run) return this.#refuse('run', 'Run', 'This run is no longer in the session.');
    this.#plan('run', () => runSource(this.runs.runs, run, this.exportFiles()));
  }

  openForAnalysis(instanceId: string): void {
    const instance = this.analyses.instances.find((i) => i.id === instanceId);
    if (!instance) return this.#refuse('analysis', 'Analysis', 'This analysis run is no longer in the session.');
    if (instance.status === 'running')
      return this.#refuse('analysis', instance.def.title, 'The analysis is still running: export it when it ends.');
    this.#plan('analysis', () =>
      analysisSource(this.runs.runs, instance.def, instance.tag, instance.runs, this.exportFiles()),
    );
  }

  /** A batch: one analysis over several samples; the first sample's runs give the steps, every sample a row. */
  openForBatch(instanceIds: readonly string[]): void {
    const instances = instanceIds.map((id) => this.analyses.instances.find((i) => i.id === id));
    const [first, ...rest] = instances;
    if (!first || instances.some((i) => i === undefined || i.status === 'running'))
      return this.#refuse('batch', 'Batch', 'Every sample of the batch must have finished: export it when they end.');
    const others = rest as AnalysisInstance[];
    const title = `${first.def.title}: ${instances.length} samples`;
    const files = this.exportFiles();
    this.#plan(
      'batch',
      () => ({ ...analysisSource(this.runs.runs, first.def, first.tag, first.runs, files), title }),
      (model) =>
        withSamples(
          model,
          others.map((i) => i.tag.inputs),
          files,
        ),
    );
    const plan = this.plan;
    if (plan?.ok && plan.model.samples)
      this.plan = {
        ...plan,
        others: plan.model.samples.map((s, k) => ({ sample: s.id, runs: sameSteps(first, others[k]!) })),
      };
  }

  openForSession(): void {
    const name = this.current.session?.name ?? 'Session';
    this.#plan('session', () => sessionSource(name, this.runs.runs, this.exportFiles()));
  }

  close(): void {
    this.plan = undefined;
    this.error = undefined;
  }

  /** Hashes the kept outputs into the manifest and zips the workflow; undefined (with `error` set) on failure. */
  async build(): Promise<WorkflowZip | undefined> {
    const plan = this.plan;
    if (!plan?.ok) return undefined;
    this.building = true;
    this.error = undefined;
    try {
      const runs = new Map<string, Run>(this.runs.runs.map((r) => [r.id, r]));
      const read: OutputReader = async (step, name, from) => {
        const run = runs.get(step.runId);
        if (!run) throw new ExportRefusal(`"${step.label}" is no longer in the session's history.`);
        if (from === 'stdout') return new TextEncoder().encode(run.stdout);
        return new Uint8Array(await (await this.runs.outputOf(run, name)).arrayBuffer());
      };
      const at = this.now();
      const hashes = await hashOutputs(plan.model, read);
      for (const other of plan.others ?? [])
        hashes.push(
          ...(await hashOutputs(
            plan.model,
            (step, name, from) => read({ ...step, runId: other.runs.get(step.runId)?.id ?? '' }, name, from),
            other.sample,
          )),
        );
      const files = workflowFiles(plan.model, hashes, at.toISOString());
      const folder = exportFolder(plan.title);
      const zip = zipWorkflow(folder, files, at);
      return {
        fileName: `${folder}.zip`,
        blob: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
      };
    } catch (error) {
      this.error = describeError(error);
      return undefined;
    } finally {
      this.building = false;
    }
  }

  #plan(scope: ExportScope, source: () => ExportSource, more = (model: ExportModel) => model): void {
    this.error = undefined;
    let title: string = scope;
    try {
      const given = source();
      title = given.title;
      this.plan = { scope, title, ok: true, model: more(buildModel(given)) };
    } catch (error) {
      this.plan = { scope, title, ok: false, refusal: describeError(error) };
    }
  }

  #refuse(scope: ExportScope, title: string, refusal: string): void {
    this.error = undefined;
    this.plan = { scope, title, ok: false, refusal };
  }
}

/** First sample's run id -> the other sample's run of the same analysis step. */
function sameSteps(first: AnalysisInstance, other: AnalysisInstance): Map<string, Run> {
  const mine = matchRuns(first.def, first.tag.inputs, first.tag.params, first.runs);
  const theirs = matchRuns(other.def, other.tag.inputs, other.tag.params, other.runs);
  const map = new Map<string, Run>();
  for (const [key, { run }] of mine) {
    const match = theirs.get(key);
    if (match) map.set(run.id, match.run);
  }
  return map;
}
