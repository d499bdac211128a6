// The pathogen panel's state: samples found among the session's FASTQ files (R1/R2 paired by name), one
// reference, the shared settings, and a batch that starts the pathogen analysis for every chosen sample at
// once (the engine queues the steps over its workers) with a per-sample summary from each result.
import { judgeMetrics, resolveParameters, type JudgedMetric } from '../core/analyses/analysis';
import { pathogenConsensus, type PathogenResult } from '../core/analyses/pathogen-consensus';
import { fastqPairs } from '../core/files/fastq-pairs';
import { readTextStart } from '../core/files/gzip';
import { choosePreset, meanReadLength, sampleName } from '../core/pathogen/naming';
import { candidateFiles, type AnalysisRuns } from './analysis-runs.svelte';
import type { FilesState } from './files.svelte';

export interface PathogenSample {
  name: string;
  reads1: string;
  reads2?: string;
}

export interface SampleRow {
  sample: string;
  id: string;
  /** `loading`: finished earlier (before a reload), its result being rebuilt from the stored runs. */
  status: 'running' | 'loading' | 'succeeded' | 'failed';
  message?: string;
  metrics: JudgedMetric[];
}

/** Bytes of a reads file read to measure its read length ("auto" preset for single files). */
const SNIFF_BYTES = 256 * 1024;

export class PathogenState {
  reference = $state('');
  primers = $state('');
  minDepth = $state(pathogenConsensus.parameters.find((p) => p.key === 'minDepth')!.default);
  minQual = $state(pathogenConsensus.parameters.find((p) => p.key === 'minQual')!.default);
  preset = $state(0);
  /** Names of the chosen samples. */
  chosen = $state<string[]>([]);
  /** Analysis ids of the latest batch, by sample. */
  batch = $state<{ sample: string; id: string }[]>([]);
  starting = $state(false);
  /** The sample's analysis run whose result is shown under the summary. */
  openId = $state<string | undefined>(undefined);

  readonly files = $derived.by(() => candidateFiles(this.sessionFiles.files));

  readonly samples = $derived.by<PathogenSample[]>(() => {
    const reads = this.files.filter((f) => f.format === 'fastq');
    const pairs = fastqPairs(
      reads.map((f) => ({ id: f.name, name: f.name, detected: { format: f.format, compression: 'none' as const } })),
    );
    const paired = new Set(pairs.flat().map((f) => f.name));
    const out: PathogenSample[] = pairs.map(([one, two]) => ({
      name: sampleName(one.name),
      reads1: one.name,
      reads2: two.name,
    }));
    for (const f of reads) if (!paired.has(f.name)) out.push({ name: sampleName(f.name), reads1: f.name });
    return out.sort((a, b) => a.name.localeCompare(b.name));
  });
  readonly references = $derived.by(() => this.files.filter((f) => f.format === 'fasta').map((f) => f.name));
  readonly primerFiles = $derived.by(() => this.files.filter((f) => f.format === 'bed').map((f) => f.name));
  readonly problem = $derived.by(() => {
    if (this.samples.length === 0) return 'Open FASTQ files (single, or R1 and R2 of a pair) with "Open files".';
    if (!this.references.includes(this.reference))
      return 'Choose the reference genome (FASTA); open one with "Open files" if none is listed.';
    if (this.chosen.length === 0) return 'Choose at least one sample.';
    const names = this.samples.filter((s) => this.chosen.includes(s.name)).map((s) => s.name);
    if (new Set(names).size !== names.length)
      return 'Two chosen samples have the same name; their outputs would overwrite each other. Rename one file.';
    return undefined;
  });
  /** The latest run of each sample in the session's history: the summary after a reload, before a new batch. */
  readonly earlier = $derived.by<{ sample: string; id: string }[]>(() => {
    const seen = new Set<string>();
    const out: { sample: string; id: string }[] = [];
    for (const instance of this.analyses.instances) {
      if (instance.def.id !== pathogenConsensus.id) continue;
      const sample = sampleName(instance.tag.inputs['reads1'] ?? '');
      if (!seen.has(sample)) out.push({ sample, id: instance.id });
      seen.add(sample);
    }
    return out.reverse();
  });
  readonly rows = $derived.by<SampleRow[]>(() =>
    (this.batch.length > 0 ? this.batch : this.earlier).map(({ sample, id }) => {
      const loaded = this.analyses.results[id];
      if (loaded?.state === 'error') return { sample, id, status: 'failed', message: loaded.message, metrics: [] };
      if (loaded === undefined) {
        const status = this.analyses.instances.find((i) => i.id === id)?.status;
        return {
          sample,
          id,
          status: status === 'succeeded' ? 'loading' : status === 'failed' ? 'failed' : 'running',
          metrics: [],
        };
      }
      if (loaded.state !== 'ready') return { sample, id, status: 'running', metrics: [] };
      return {
        sample,
        id,
        status: 'succeeded',
        metrics: judgeMetrics(
          pathogenConsensus.metrics(loaded.result as PathogenResult),
          this.analyses.thresholdsOf(pathogenConsensus),
        ),
      };
    }),
  );

  readonly shown = $derived.by(() =>
    this.rows.some((row) => row.id === this.openId)
      ? this.analyses.instances.find((i) => i.id === this.openId)
      : undefined,
  );

  constructor(
    readonly analyses: AnalysisRuns,
    private readonly sessionFiles: Pick<FilesState, 'files' | 'blobOf'>,
  ) {}

  /** Shows a sample's result, rebuilding it from the recorded runs when needed. */
  async show(id: string): Promise<void> {
    this.openId = id;
    await this.analyses.load(id);
  }

  close(): void {
    this.openId = undefined;
  }

  /** Picks every sample, and the reference when the session holds only one (with several, the user chooses). */
  suggest(): void {
    if (this.chosen.length === 0) this.chosen = this.samples.map((s) => s.name);
    if (!this.references.includes(this.reference))
      this.reference = this.references.length === 1 ? this.references[0]! : '';
  }

  /** Rebuilds the results of earlier runs shown in the summary (after a reload). */
  loadEarlier(): void {
    for (const row of this.rows) if (row.status === 'loading') void this.analyses.load(row.id);
  }

  toggle(sample: string, on: boolean): void {
    this.chosen = on ? [...new Set([...this.chosen, sample])] : this.chosen.filter((s) => s !== sample);
  }

  /** Starts every chosen sample at once; resolves when all have finished. */
  async start(): Promise<void> {
    if (this.problem || this.starting) return;
    this.starting = true;
    const launched: { sample: string; id: string; finished: Promise<unknown> }[] = [];
    try {
      for (const sample of this.samples.filter((s) => this.chosen.includes(s.name))) {
        const inputs: Record<string, string> = {
          reads1: sample.reads1,
          reference: this.reference,
          ...(sample.reads2 ? { reads2: sample.reads2 } : {}),
          ...(this.primers ? { primers: this.primers } : {}),
        };
        const params = resolveParameters(pathogenConsensus, {
          minDepth: this.minDepth,
          minQual: this.minQual,
          preset: await this.#preset(sample),
        });
        launched.push({ sample: sample.name, ...this.analyses.launch(pathogenConsensus, inputs, params) });
      }
    } finally {
      this.batch = launched.map(({ sample, id }) => ({ sample, id }));
      this.starting = false;
    }
    await Promise.all(launched.map((l) => l.finished));
  }

  /** "auto" becomes sr or map-ont here, from the mean length of the first reads of a single file. */
  async #preset(sample: PathogenSample): Promise<number> {
    if (this.preset !== 0 || sample.reads2) return this.preset;
    const blob = this.sessionFiles.blobOf(sample.reads1);
    if (!blob) return 0;
    const meanLength = meanReadLength(await readTextStart(blob.slice(0, SNIFF_BYTES)));
    return meanLength === undefined
      ? 0
      : choosePreset(0, { paired: false, file: sample.reads1, meanLength }) === 'map-ont'
        ? 2
        : 1;
  }
}
