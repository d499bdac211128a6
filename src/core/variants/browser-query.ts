// The variant browser's filters turned into bcftools argv: a query for the table (site columns, chosen INFO
// fields, one genotype column per sample) and a view for exporting the same set as VCF.
import type { Command, JobSpec } from '../tools/job';
import type { VcfHeader } from '../parsers/vcf-header';
import { isSiteExpression } from './site-expression';

export type GenotypeFilter = 'any' | 'het' | 'hom' | 'alt';

export interface VariantFilter {
  /** "chr1:1000-2000", comma-separated regions allowed (needs the file's index). */
  region: string;
  /** A BED file of the session (a gene panel). */
  panel: string;
  expression: string;
  expressionMode: 'include' | 'exclude';
  /** Samples whose genotypes are shown and filtered; empty means all. */
  samples: readonly string[];
  genotype: GenotypeFilter;
}

export const EMPTY_FILTER: VariantFilter = {
  region: '',
  panel: '',
  expression: '',
  expressionMode: 'include',
  samples: [],
  genotype: 'any',
};

export const SITE_COLUMNS = ['CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER'] as const;

const GENOTYPE_EXPRESSION: Record<Exclude<GenotypeFilter, 'any'>, string> = {
  het: 'GT="het"',
  hom: 'GT="AA"',
  alt: 'GT="alt"',
};

/** What stops the filter from running, in plain words; undefined when it can run. */
export function filterProblem(filter: VariantFilter, hasIndex: boolean, withAnnotation = false): string | undefined {
  if (withAnnotation && filter.samples.length > 0)
    return 'Annotation columns come from bcftools +split-vep, which shows every sample: clear the sample choice or the annotation columns.';
  if ((filter.region.trim() !== '' || filter.panel !== '') && !hasIndex)
    return 'Filtering by region or panel needs the file’s index: use "Create index" next to it in Files.';
  if (
    filter.region.trim() !== '' &&
    !/^[^\s:,]+(:[\d,]+(-[\d,]*)?)?(,[^\s:,]+(:[\d,]+(-[\d,]*)?)?)*$/.test(filter.region.trim())
  ) {
    return `"${filter.region}" is not a region: write it as chr1, chr1:10000-20000 or several separated by commas.`;
  }
  if (filter.genotype !== 'any' && filter.expression.trim() !== '' && filter.expressionMode === 'exclude') {
    return 'bcftools takes either an include or an exclude expression: with a genotype filter, write the expression as an include.';
  }
  return undefined;
}

function filterParts(filter: VariantFilter): { locate: string[]; samples: string[]; expression: string[] } {
  const locate: string[] = [];
  const region = filter.region.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (region) locate.push('-r', region);
  if (filter.panel) locate.push('-R', filter.panel);
  const samples = filter.samples.length > 0 ? ['-s', filter.samples.join(',')] : [];
  const text = filter.expression.trim();
  let expression: string[] = [];
  if (filter.genotype !== 'any') {
    const gt = GENOTYPE_EXPRESSION[filter.genotype];
    expression = ['-i', text ? `(${text}) && ${gt}` : gt];
  } else if (text) {
    expression = [filter.expressionMode === 'include' ? '-i' : '-e', text];
  }
  return { locate, samples, expression };
}

function filterArgs(filter: VariantFilter): string[] {
  const { locate, samples, expression } = filterParts(filter);
  return [...locate, ...samples, ...expression];
}

const view = (...argv: string[]): Command => ({ program: 'bcftools', argv: ['view', '--no-version', ...argv] });

/**
 * With a sample-level expression (or a genotype filter) the sites are chosen by bcftools view, writing BCF for
 * the next step: bcftools query -i prints only the samples that pass (rows with fewer genotype columns), and one
 * view with both -s and -i tests the expression before it keeps the chosen samples, so the samples come first:
 * `view -s S | view -i EXPR`. Undefined when no expression is set or, given the header, it is site-level (the
 * last step filters alone).
 */
function selectionSteps(file: string, filter: VariantFilter, header?: VcfHeader): Command[] | undefined {
  const { locate, samples, expression } = filterParts(filter);
  if (expression.length === 0) return undefined;
  // Site-level expressions (QUAL, INFO/...) select the same rows in bcftools query itself, in one pass.
  if (header && filter.genotype === 'any' && isSiteExpression(filter.expression, header)) return undefined;
  if (samples.length === 0) return [view(...locate, ...expression, '-Ou', file)];
  return [view(...locate, ...samples, '-Ou', file), view(...expression, '-Ou', '-')];
}

/** The query keeps the ticked samples with `bcftools view -s`, which recounts INFO/AC and INFO/AN over them. */
export function recountsAlleles(filter: VariantFilter, header: VcfHeader): boolean {
  return (selectionSteps('', filter, header) ?? []).some((step) => step.argv.includes('-s'));
}

export interface BrowserQuery {
  job: JobSpec;
  columns: string[];
}

/**
 * The table's query. With annotation sub-fields (VEP CSQ / SnpEff ANN) it is `bcftools +split-vep` with the
 * most severe consequence per site (`-s worst`); sites without annotation are then left out, as split-vep does.
 */
export function buildQuery(
  file: string,
  header: VcfHeader,
  filter: VariantFilter,
  infoFields: readonly string[],
  annotationFields: readonly string[] = [],
): BrowserQuery {
  const annotation = header.annotation && annotationFields.length > 0 ? header.annotation : undefined;
  const samples = filter.samples.length > 0 && !annotation ? filter.samples : header.samples;
  const hasGt = header.format.some((f) => f.id === 'GT');
  // bcftools expands \t and \n itself, so the argv holds them as typed in a shell.
  const fields = [
    ...SITE_COLUMNS.map((c) => `%${c}`),
    ...infoFields.map((id) => `%INFO/${id}`),
    ...(annotation ? annotationFields.map((f) => `%${f}`) : []),
  ];
  const format = fields.join('\\t') + (hasGt && samples.length > 0 ? '[\\t%GT]' : '') + '\\n';
  const selection = annotation ? undefined : selectionSteps(file, filter, header);
  const steps: Command[] = annotation
    ? [
        {
          program: 'bcftools',
          argv: [
            '+split-vep',
            '-a',
            annotation.tag,
            '-s',
            'worst',
            '-f',
            format,
            ...filterArgs({ ...filter, samples: [] }),
            file,
          ],
        },
      ]
    : selection
      ? [...selection, { program: 'bcftools', argv: ['query', '-f', format, '-'] }]
      : [{ program: 'bcftools', argv: ['query', '-f', format, ...filterArgs(filter), file] }];
  return {
    job: {
      label: annotation ? 'Variant browser: bcftools +split-vep' : 'Variant browser: bcftools query',
      steps,
      stdoutFile: `${file}.browser.tsv`,
    },
    columns: [
      ...SITE_COLUMNS,
      ...infoFields,
      ...(annotation ? annotationFields : []),
      ...(hasGt && samples.length > 0 ? samples : []),
    ],
  };
}

/**
 * The table's query as one job per part of the file (chunk-plan.ts), to run at once on the engine's workers;
 * the parts' outputs joined in order are the single query's. Undefined when the query cannot be split: a region
 * or panel already chooses the records, annotation columns come from +split-vep, or a sample-level expression
 * needs the view pipeline.
 */
export function buildSplitQuery(
  file: string,
  header: VcfHeader,
  filter: VariantFilter,
  infoFields: readonly string[],
  annotationFields: readonly string[],
  chunks: readonly string[],
): { jobs: JobSpec[]; columns: string[] } | undefined {
  if (chunks.length < 2 || filter.region.trim() !== '' || filter.panel !== '') return undefined;
  const single = buildQuery(file, header, filter, infoFields, annotationFields);
  const [step, ...more] = single.job.steps;
  if (!step || more.length > 0 || step.argv[0] !== 'query' || step.argv.at(-1) !== file) return undefined;
  const jobs = chunks.map((chunk, i) => ({
    label: `Variant browser: bcftools query (part ${i + 1} of ${chunks.length})`,
    // query -f FORMAT, then the part's records, then the filters and the file as in the single query.
    steps: [
      {
        program: 'bcftools',
        argv: [...step.argv.slice(0, 3), '-r', chunk, '--regions-overlap', 'pos', ...step.argv.slice(3)],
      },
    ],
    stdoutFile: `${file}.browser.part${i + 1}.tsv`,
  }));
  return { jobs, columns: single.columns };
}

/** The table's set as bgzipped VCF: the same selection as buildQuery, so the file holds the rows shown. */
export function buildVcfExport(file: string, filter: VariantFilter, output: string): JobSpec {
  const selection = selectionSteps(file, filter);
  const steps = selection
    ? [...selection, view('-Oz', '-o', output, '-')]
    : [view(...filterArgs(filter), '-Oz', '-o', output, file)];
  return { label: 'Variant browser: export VCF', steps };
}

/** Contig, length and record count from the file's .tbi/.csi, for splitting the query (chunk-plan.ts). */
export function buildIndexStatsJob(file: string): JobSpec {
  return { label: 'Variant browser: read index', steps: [{ program: 'bcftools', argv: ['index', '-s', file] }] };
}

export function buildHeaderJob(file: string): JobSpec {
  return {
    label: 'Variant browser: read header',
    steps: [{ program: 'bcftools', argv: ['view', '-h', '--no-version', file] }],
  };
}

/** One plain sentence for a failed query, from bcftools' message. */
export function describeQueryError(stderr: string, header: VcfHeader | undefined): string {
  const undefinedTag = /the tag "([^"]+)" is not defined/.exec(stderr)?.[1];
  if (undefinedTag) {
    const known = header
      ? ` It defines INFO ${header.info.map((f) => f.id).join(', ')}${header.format.length ? ` and FORMAT ${header.format.map((f) => f.id).join(', ')}` : ''}.`
      : '';
    return `The expression uses ${undefinedTag}, which this file does not define.${known}`;
  }
  // The expression may hold quotes itself (GT="het"): it runs to the last quote on bcftools' line.
  const badExpression = /processing the filter "(.*)"/.exec(stderr)?.[1];
  if (badExpression !== undefined)
    return `bcftools could not read the expression "${badExpression}": check the operators and quotes, e.g. QUAL>=30 && INFO/DP>10.`;
  if (/sample.*not (found|exist)|subset called for sample that does not exist/i.test(stderr))
    return 'A chosen sample is not in this file.';
  if (/could not (load|retrieve) index|no index|random access/i.test(stderr))
    return 'Filtering by region needs the file’s index: use "Create index" next to it in Files.';
  const last = stderr.trim().split('\n').at(-1);
  return last ? `bcftools said: ${last}` : 'bcftools failed without a message.';
}
