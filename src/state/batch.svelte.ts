// One analysis over many samples of the session (issue 21): rows from a samplesheet or from picked files, each
// launched as its own analysis run (the engine queues their steps over its workers), and a per-sample summary.
// The same rows drive the workflow export's samplesheet (WorkflowExportState.openForBatch).
import { resolveParameters } from '../core/analyses/analysis';
import { inputProblems } from '../core/analyses/inputs';
import { parseSamplesheet, rowsFromFiles, samplesheetText, type BatchRow } from '../core/analyses/samplesheet';
import type { AnalysesState } from './analyses.svelte';
import type { AnalysisRuns, LoadedResult } from './analysis-runs.svelte';
import { describeError } from './describe-error';

export interface BatchSample {
  sample: string;
  inputs: Record<string, string>;
  instanceId: string;
}

export class BatchState {
  rows = $state.raw<BatchRow[]>([]);
  problem = $state<string | undefined>(undefined);
  /** The batch started last: one analysis run per sample. */
  samples = $state.raw<BatchSample[]>([]);
  running = $state(false);

  constructor(
    private readonly analyses: Pick<AnalysesState, 'definition' | 'inputs' | 'params' | 'files'>,
    private readonly runs: Pick<AnalysisRuns, 'launch'>,
  ) {}

  /** The slot a sample's file goes into when files are picked: the analysis' first input. */
  get slot(): string {
    return this.analyses.definition.inputs[0]?.key ?? '';
  }

  pick(names: readonly string[]): void {
    this.problem = undefined;
    this.rows = rowsFromFiles(this.slot, names);
  }

  loadSamplesheet(text: string): void {
    try {
      this.rows = parseSamplesheet(
        text,
        this.analyses.definition,
        this.analyses.files.map((f) => f.name),
      );
      this.problem = undefined;
    } catch (error) {
      this.rows = [];
      this.problem = describeError(error);
    }
  }

  samplesheet(): string {
    return samplesheetText(this.rows);
  }

  /** Each row's inputs: the form's (shared: reference, panel) with the row's files over them. */
  inputsOf(row: BatchRow): Record<string, string> {
    return { ...this.analyses.inputs, ...row.inputs };
  }

  /** Launches every row at once; settles when all ended. A row with a problem stops the batch before it starts. */
  async run(): Promise<LoadedResult[]> {
    const def = this.analyses.definition;
    for (const row of this.rows) {
      const problems = inputProblems(def, this.inputsOf(row), this.analyses.files);
      if (problems.length > 0) {
        this.problem = `Sample "${row.sample}": ${problems.join(' ')}`;
        return [];
      }
    }
    this.problem = undefined;
    this.running = true;
    const params = resolveParameters(def, this.analyses.params);
    const launched = this.rows.map((row) => ({ row, ...this.runs.launch(def, this.inputsOf(row), params) }));
    this.samples = launched.map(({ row, id }) => ({ sample: row.sample, inputs: this.inputsOf(row), instanceId: id }));
    try {
      return await Promise.all(launched.map((l) => l.finished));
    } finally {
      this.running = false;
    }
  }
}
