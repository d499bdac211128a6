// The Reports panel's state: the chosen analysis with its inputs and parameters, and which analysis run is
// shown. The runs and their results are AnalysisRuns', shared with the pathogen panel.
import { resolveParameters } from '../core/analyses/analysis';
import {
  candidatesFor,
  indexParameters,
  inputProblems,
  suggestInputs,
  type CandidateFile,
} from '../core/analyses/inputs';
import { ANALYSES, findAnalysis } from '../core/analyses/registry';
import { commandsOf } from '../core/analyses/run-analysis';
import { candidateFiles, type AnalysisInstance, type AnalysisRuns } from './analysis-runs.svelte';
import type { FilesState } from './files.svelte';
import type { NamingStyle } from '../core/files/contigs';
import { readNaming } from '../core/files/chrom-naming';

export class AnalysesState {
  selectedId = $state(ANALYSES[0]!.id);
  inputs = $state<Record<string, string>>({});
  params = $state<Record<string, number>>({});
  /** The instance whose result is shown. */
  openId = $state<string | undefined>(undefined);

  readonly definition = $derived(findAnalysis(this.selectedId) ?? ANALYSES[0]!);
  readonly files = $derived.by<CandidateFile[]>(() => candidateFiles(this.sessionFiles.files));
  /** Chromosome naming of opened files ("chr1" or "1"), read once per file from its first bytes. */
  naming = $state.raw<Record<string, NamingStyle>>({});
  readonly namingProblem = $derived.by(() => {
    const bySlot = Object.fromEntries(
      Object.entries(this.inputs).flatMap(([slot, name]) => (this.naming[name] ? [[slot, this.naming[name]]] : [])),
    );
    return this.definition.namingCheck?.(bySlot, this.inputs, resolveParameters(this.definition, this.params));
  });
  readonly problems = $derived.by(() => {
    const problems = inputProblems(this.definition, this.inputs, this.files);
    return problems.length === 0 && this.namingProblem ? [this.namingProblem.problem] : problems;
  });
  readonly commands = $derived(
    this.problems.length === 0
      ? commandsOf(this.definition, this.inputs, resolveParameters(this.definition, this.params))
      : [],
  );
  readonly open = $derived.by(() => this.runs.instances.find((i) => i.id === this.openId));

  constructor(
    readonly runs: AnalysisRuns,
    private readonly sessionFiles: Pick<FilesState, 'files' | 'blobOf'>,
  ) {}

  /** Reads the naming of chosen files not read yet (the form's check waits for it, the run does not start before). */
  async #readNaming(inputs: Readonly<Record<string, string>>): Promise<void> {
    if (!this.definition.namingCheck) return;
    for (const name of Object.values(inputs)) {
      if (this.naming[name] !== undefined) continue;
      const file = this.sessionFiles.files.find((f) => f.name === name);
      const blob = this.sessionFiles.blobOf(name);
      if (!file || !blob) continue;
      const style = await readNaming(blob, file.detected).catch((): NamingStyle => 'unknown');
      this.naming = { ...this.naming, [name]: style };
    }
  }

  /** Applies the parameter values that bridge a naming difference (the form's button). */
  applyNamingFix(): void {
    const fix = this.namingProblem?.fix;
    if (fix) this.params = { ...this.params, ...fix.params };
  }

  get instances(): AnalysisInstance[] {
    return this.runs.instances;
  }

  candidates(slotKey: string): CandidateFile[] {
    return candidatesFor(this.definition, slotKey, this.files);
  }

  select(id: string): void {
    const def = findAnalysis(id);
    if (!def) return;
    this.selectedId = id;
    this.inputs = suggestInputs(def, this.files);
    this.params = { ...resolveParameters(def), ...indexParameters(def, this.inputs, this.files) };
    void this.#readNaming(this.inputs);
  }

  /** Fills required inputs that are still empty (after files were opened). */
  suggest(): void {
    this.inputs = suggestInputs(this.definition, this.files, this.inputs);
    if (Object.keys(this.params).length === 0) this.params = resolveParameters(this.definition);
    this.params = { ...this.params, ...indexParameters(this.definition, this.inputs, this.files) };
    void this.#readNaming(this.inputs);
  }

  setInput(slot: string, name: string): Promise<void> {
    const next = { ...this.inputs };
    if (name === '') delete next[slot];
    else next[slot] = name;
    this.inputs = next;
    this.params = { ...this.params, ...indexParameters(this.definition, next, this.files) };
    return this.#readNaming(next);
  }

  setParam(key: string, value: number): void {
    this.params = { ...this.params, [key]: value };
  }

  /** Runs the chosen analysis; each step becomes a run in the history, tagged with this analysis run. */
  async run(): Promise<void> {
    if (this.problems.length > 0) return;
    const def = this.definition;
    const { id, finished } = this.runs.launch(def, { ...this.inputs }, resolveParameters(def, this.params));
    this.openId = id;
    await finished;
  }

  /** Puts an earlier run's inputs and parameters back in the form, to change them and run again. */
  edit(instance: AnalysisInstance): void {
    this.selectedId = instance.def.id;
    this.inputs = { ...instance.tag.inputs };
    this.params = resolveParameters(instance.def, instance.tag.params);
    void this.#readNaming(this.inputs);
  }

  /** Shows an analysis run, rebuilding its result from the recorded runs' outputs when needed. */
  async show(id: string): Promise<void> {
    this.openId = id;
    await this.runs.load(id);
  }

  close(): void {
    this.openId = undefined;
  }
}
