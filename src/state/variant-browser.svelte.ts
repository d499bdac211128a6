// The variant browser's state: a VCF/BCF, its header, the filters, and the rows bcftools query returned
// (kept raw as the text bcftools printed, split a row at a time when shown: query-rows.ts); each query is a run in the history, tagged with
// the filters and columns, so the last table comes back after a reload. On an indexed file without a region the
// query runs as parts on the engine's workers at once (one run per part), joined in file order.
import { ParseError } from '../core/parsers/parse-error';
import { parseVcfHeader, type VcfHeader } from '../core/parsers/vcf-header';
import { formatJob } from '../core/tools/job';
import type { JobSpec } from '../core/tools/job';
import type { Run } from '../core/session';
import {
  buildHeaderJob,
  buildIndexStatsJob,
  buildQuery,
  buildSplitQuery,
  buildVcfExport,
  describeQueryError,
  EMPTY_FILTER,
  filterProblem,
  type VariantFilter,
} from '../core/variants/browser-query';
import {
  browserTagGroup,
  decodeBrowserTag,
  encodeBrowserTag,
  type BrowserSnapshot,
} from '../core/variants/browser-snapshot';
import { parseIndexStats, planChunks, type ContigStat } from '../core/variants/chunk-plan';
import { QueryRows } from '../core/variants/query-rows';
import { regionHint } from '../core/variants/region-contigs';
import { alleleCountNote } from '../core/variants/count-note';
import { parseVcfHeaderContigs } from '../core/files/contigs';
import type { SortDirection } from '../core/variants/variant-table';
import { describeError } from './describe-error';
import type { FilesState } from './files.svelte';
import type { RunsState } from './runs.svelte';

const PREFERRED_INFO = ['AF', 'DP', 'AC', 'AN', 'MQ', 'VT'];
/** VEP and SnpEff names of the consequence, gene and impact sub-fields. */
const PREFERRED_ANNOTATION = ['Consequence', 'SYMBOL', 'IMPACT', 'Annotation', 'Gene_Name', 'Annotation_Impact'];

export class VariantBrowserState {
  file = $state('');
  header = $state.raw<VcfHeader | undefined>(undefined);
  infoFields = $state<string[]>([]);
  annotationFields = $state<string[]>([]);
  filter = $state<VariantFilter>({ ...EMPTY_FILTER });
  columns = $state.raw<string[]>([]);
  rows = $state.raw<QueryRows>(QueryRows.EMPTY);
  sort = $state<{ column: number; direction: SortDirection } | undefined>(undefined);
  /** Records per contig from the file's index (`bcftools index -s`); undefined without an index. */
  indexStats = $state.raw<ContigStat[] | undefined>(undefined);
  /** The header's ##contig names; the region is checked against the index's contigs, else these. */
  headerContigs = $state.raw<string[]>([]);
  busy = $state(false);
  error = $state<string | undefined>(undefined);

  readonly variantFiles = $derived.by(() =>
    this.sessionFiles.files.filter(
      (f) => f.availability === 'ready' && (f.detected.format === 'vcf' || f.detected.format === 'bcf'),
    ),
  );
  readonly panels = $derived.by(() =>
    this.sessionFiles.files.filter((f) => f.availability === 'ready' && f.detected.format === 'bed').map((f) => f.name),
  );
  readonly hasIndex = $derived.by(() =>
    this.variantFiles.some((f) => f.name === this.file && f.indexName !== undefined),
  );
  /** The region names a contig the file lacks ("chr22" for "22"): what to say, and the region in its naming. */
  readonly regionHint = $derived(
    regionHint(this.filter.region, this.indexStats?.map((s) => s.contig) ?? this.headerContigs),
  );
  readonly problem = $derived(
    filterProblem(this.filter, this.hasIndex, this.annotationFields.length > 0) ?? this.regionHint?.message,
  );
  /** The query as parts for the workers, when the file's index allows it and no region chooses the records. */
  readonly split = $derived.by(() => {
    const chunks = this.indexStats && this.hasIndex ? planChunks(this.indexStats, this.concurrency) : undefined;
    return this.header && !this.problem && chunks
      ? buildSplitQuery(this.file, this.header, this.filter, this.infoFields, this.annotationFields, chunks)
      : undefined;
  });
  /** What "Show variants" runs: the parts' commands, one a line, or the single query. */
  readonly command = $derived(
    this.split
      ? this.split.jobs.map(formatJob).join('\n')
      : this.header && !this.problem
        ? formatJob(buildQuery(this.file, this.header, this.filter, this.infoFields, this.annotationFields).job)
        : '',
  );
  /** Beside AC/AN/AF when samples are ticked: the file's own values, or recounted over the ticked samples. */
  readonly countNote = $derived(this.header && alleleCountNote(this.filter, this.header, this.infoFields));
  readonly sorted = $derived(this.sort ? this.rows.sorted(this.sort.column, this.sort.direction) : this.rows);

  #restoredFor: string | undefined;

  constructor(
    private readonly sessionFiles: Pick<FilesState, 'files'>,
    private readonly runs: Pick<RunsState, 'runs' | 'runJob' | 'readOutput' | 'textOf' | 'outputOf'>,
    /** How many workers the engine runs at once: a query is split into that many parts. */
    private readonly concurrency: number,
  ) {}

  /** Chooses a file and reads its header (INFO fields and samples for the filters). */
  async choose(file: string): Promise<void> {
    this.#reset(file);
    if (!file) return;
    await this.#busy(async () => {
      const header = await this.#readHeader(file);
      this.indexStats = await this.#readIndexStats(file);
      this.header = header;
      this.infoFields = PREFERRED_INFO.filter((id) => header.info.some((f) => f.id === id)).slice(0, 4);
      this.annotationFields = PREFERRED_ANNOTATION.filter((name) => header.annotation?.fields.includes(name));
    });
  }

  /**
   * Once per loaded session: shows the last query's file, filters, columns and rows again, read from the
   * session's runs (the header run's stdout, the query's stored output); nothing is run unless the header is
   * missing. Starts empty when the session has no query or its file is no longer readable.
   */
  async restore(sessionId: string): Promise<void> {
    if (this.#restoredFor === sessionId) return;
    this.#restoredFor = sessionId;
    this.#reset('');
    const run = this.runs.runs.find(
      (candidate) =>
        candidate.status === 'succeeded' &&
        candidate.analysisId !== undefined &&
        decodeBrowserTag(candidate.analysisId),
    );
    const saved = run?.analysisId === undefined ? undefined : decodeBrowserTag(run.analysisId);
    if (!run || !saved || !this.variantFiles.some((f) => f.name === saved.file)) return;
    const runs = this.#queryRuns(run);
    if (!runs) return;
    this.file = saved.file;
    await this.#busy(async () => {
      const header = await this.#readHeader(saved.file);
      this.indexStats = await this.#readIndexStats(saved.file, false);
      const query = buildQuery(saved.file, header, saved.filter, saved.infoFields, saved.annotationFields);
      const rows = await this.#readRows(runs, query.columns);
      this.header = header;
      this.filter = { ...saved.filter, samples: [...saved.filter.samples] };
      this.infoFields = [...saved.infoFields];
      this.annotationFields = [...saved.annotationFields];
      this.columns = [...query.columns];
      this.rows = rows;
    });
  }

  setFilter(patch: Partial<VariantFilter>): void {
    this.filter = { ...this.filter, ...patch };
  }

  toggleInfo(id: string): void {
    this.infoFields = this.infoFields.includes(id) ? this.infoFields.filter((f) => f !== id) : [...this.infoFields, id];
  }

  toggleAnnotation(name: string): void {
    this.annotationFields = this.annotationFields.includes(name)
      ? this.annotationFields.filter((f) => f !== name)
      : [...this.annotationFields, name];
  }

  toggleSample(sample: string): void {
    const samples = this.filter.samples.includes(sample)
      ? this.filter.samples.filter((s) => s !== sample)
      : [...this.filter.samples, sample];
    this.setFilter({ samples });
  }

  sortBy(column: number): void {
    this.sort =
      this.sort?.column === column
        ? { column, direction: this.sort.direction === 'asc' ? 'desc' : 'asc' }
        : { column, direction: 'asc' };
  }

  /** Runs the query with the current filters and shows its rows. */
  async apply(): Promise<void> {
    const header = this.header;
    if (!header || this.problem) return;
    await this.#busy(async () => {
      const snapshot: BrowserSnapshot = {
        file: this.file,
        filter: this.filter,
        infoFields: this.infoFields,
        annotationFields: this.annotationFields,
      };
      const instance = crypto.randomUUID().slice(0, 8);
      const single = this.split
        ? undefined
        : buildQuery(this.file, header, this.filter, this.infoFields, this.annotationFields);
      const query = this.split ?? { jobs: [single!.job], columns: single!.columns };
      const count = query.jobs.length;
      // Just written, the outputs are still in the engine's work area: each is read there (not back from the
      // session store) as soon as its part ends, while other parts may still run.
      const read = (run: Run): Promise<string> =>
        run.stdoutFile === undefined
          ? this.runs.textOf(run)
          : this.runs.readOutput(run.stdoutFile).then((blob) => blob.text());
      const parts = await Promise.all(
        query.jobs.map(async (job, i) => {
          const run = await this.runs.runJob(
            job,
            undefined,
            encodeBrowserTag(snapshot, instance, count > 1 ? { index: i + 1, count } : undefined),
          );
          return { run, text: run.status === 'succeeded' ? await read(run) : '' };
        }),
      );
      const failed = parts.find(({ run }) => run.status !== 'succeeded');
      if (failed) {
        // The previous table would read as this query's answer under the message: it goes.
        this.rows = QueryRows.EMPTY;
        this.columns = [];
        throw new Error(describeQueryError(failed.run.stderr, header));
      }
      this.columns = [...query.columns];
      this.rows = QueryRows.parse(
        parts.map((part) => part.text),
        query.columns,
      );
      this.sort = undefined;
    });
  }

  tsv(): Blob {
    return new Blob([this.sorted.toTsv(this.columns)], { type: 'text/tab-separated-values' });
  }

  /** Writes the filtered set as bgzipped VCF with bcftools view (a run in the history) and returns it. */
  async exportVcf(name: string): Promise<Blob | undefined> {
    let blob: Blob | undefined;
    await this.#busy(async () => {
      const run = await this.runs.runJob(buildVcfExport(this.file, this.filter, name));
      if (run.status !== 'succeeded') throw new Error(describeQueryError(run.stderr, this.header));
      blob = await this.runs.outputOf(run, name);
    });
    return blob;
  }

  #reset(file: string): void {
    this.file = file;
    this.header = undefined;
    this.indexStats = undefined;
    this.headerContigs = [];
    this.rows = QueryRows.EMPTY;
    this.columns = [];
    this.sort = undefined;
    this.error = undefined;
    this.filter = { ...EMPTY_FILTER };
  }

  /** The runs holding the table of the query `run` belongs to, in file order; undefined if a part is missing. */
  #queryRuns(run: Run): Run[] | undefined {
    const group = run.analysisId === undefined ? undefined : browserTagGroup(run.analysisId);
    if (!group?.part) return [run];
    const parts: Run[] = [];
    for (const candidate of this.runs.runs) {
      const other = candidate.analysisId === undefined ? undefined : browserTagGroup(candidate.analysisId);
      if (
        candidate.status === 'succeeded' &&
        other?.instance === group.instance &&
        other.part?.count === group.part.count
      )
        parts[other.part.index - 1] ??= candidate;
    }
    return parts.length === group.part.count && parts.every(Boolean) ? parts : undefined;
  }

  /** The rows of the query's runs (the parts of a split query in order). */
  async #readRows(runs: readonly Run[], columns: readonly string[]): Promise<QueryRows> {
    return QueryRows.parse(await Promise.all(runs.map((run) => this.runs.textOf(run))), columns);
  }

  /**
   * Records per contig from the file's index, or undefined (no index, bcftools could not read it, or `run` is
   * false and the session has no such run: a restored table is shown without running anything). Only for
   * bgzipped VCF: its .tbi/.csi lists contigs in file order, while a BCF's .csi lists them in header order,
   * which need not be the order of its records (the joined parts would then be in another order).
   */
  async #readIndexStats(file: string, run = true): Promise<ContigStat[] | undefined> {
    if (!this.variantFiles.some((f) => f.name === file && f.indexName !== undefined && f.detected.format === 'vcf'))
      return undefined;
    const job = buildIndexStatsJob(file);
    const stats =
      this.#earlier(job, file, (stdout) => stdout.trim() !== '') ?? (run ? await this.runs.runJob(job) : undefined);
    try {
      return stats?.status === 'succeeded' ? parseIndexStats(stats.stdout) : undefined;
    } catch {
      return undefined; // then the query runs as one job, as without an index
    }
  }

  /** The file's header: from the session's last complete header run of it, else read now (a run in the history). */
  async #readHeader(file: string): Promise<VcfHeader> {
    const job = buildHeaderJob(file);
    const run = this.#earlier(job, file, (stdout) => /^#CHROM/m.test(stdout)) ?? (await this.runs.runJob(job));
    if (run.status !== 'succeeded') throw new Error(describeQueryError(run.stderr, undefined));
    this.headerContigs = parseVcfHeaderContigs(run.stdout).map((c) => c.name);
    return parseVcfHeader(run.stdout);
  }

  /** The session's last complete run of this one-step job on this very file. */
  #earlier(job: JobSpec, file: string, complete: (stdout: string) => boolean): Run | undefined {
    const argv = job.steps[0]!.argv.join('\0');
    const fingerprint = this.sessionFiles.files.find((f) => f.name === file)?.fingerprint;
    return this.runs.runs.find(
      (run) =>
        run.status === 'succeeded' &&
        run.steps.length === 1 &&
        run.steps[0]!.program === 'bcftools' &&
        run.steps[0]!.argv.join('\0') === argv &&
        run.inputs.some((input) => input.name === file && input.fingerprint === fingerprint) &&
        complete(run.stdout),
    );
  }

  async #busy(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = undefined;
    try {
      await work();
    } catch (error) {
      this.error = error instanceof ParseError ? `${error.message}.` : describeError(error);
    } finally {
      this.busy = false;
    }
  }
}
