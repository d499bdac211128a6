// The variant browser's filters turned into bcftools argv: a query for the table (site columns, chosen INFO
// fields, one genotype column per sample) and a view for exporting the same set as VCF.
import type { JobSpec } from '../tools/job';
import type { VcfHeader } from '../parsers/vcf-header';

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

export const EMPTY_FILTER: VariantFilter = { region: '', panel: '', expression: '', expressionMode: 'include', samples: [], genotype: 'any' };

export const SITE_COLUMNS = ['CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER'] as const;

const GENOTYPE_EXPRESSION: Record<Exclude<GenotypeFilter, 'any'>, string> = { het: 'GT="het"', hom: 'GT="AA"', alt: 'GT="alt"' };

/** What stops the filter from running, in plain words; undefined when it can run. */
export function filterProblem(filter: VariantFilter, hasIndex: boolean, withAnnotation = false): string | undefined {
  if (withAnnotation && filter.samples.length > 0) return 'Annotation columns come from bcftools +split-vep, which shows every sample: clear the sample choice or the annotation columns.';
  if ((filter.region.trim() !== '' || filter.panel !== '') && !hasIndex) return 'Filtering by region or panel needs the file’s index: use "Create index" next to it in Files.';
  if (filter.region.trim() !== '' && !/^[^\s:,]+(:[\d,]+(-[\d,]*)?)?(,[^\s:,]+(:[\d,]+(-[\d,]*)?)?)*$/.test(filter.region.trim())) {
    return `"${filter.region}" is not a region: write it as chr1, chr1:10000-20000 or several separated by commas.`;
  }
  if (filter.genotype !== 'any' && filter.expression.trim() !== '' && filter.expressionMode === 'exclude') {
    return 'bcftools takes either an include or an exclude expression: with a genotype filter, write the expression as an include.';
  }
  return undefined;
}

function filterArgs(filter: VariantFilter): string[] {
  const args: string[] = [];
  const region = filter.region.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (region) args.push('-r', region);
  if (filter.panel) args.push('-R', filter.panel);
  if (filter.samples.length > 0) args.push('-s', filter.samples.join(','));
  const expression = filter.expression.trim();
  if (filter.genotype !== 'any') {
    const gt = GENOTYPE_EXPRESSION[filter.genotype];
    args.push('-i', expression ? `(${expression}) && ${gt}` : gt);
  } else if (expression) {
    args.push(filter.expressionMode === 'include' ? '-i' : '-e', expression);
  }
  return args;
}

export interface BrowserQuery {
  job: JobSpec;
  columns: string[];
}

/**
 * The table's query. With annotation sub-fields (VEP CSQ / SnpEff ANN) it is `bcftools +split-vep` with the
 * most severe consequence per site (`-s worst`); sites without annotation are then left out, as split-vep does.
 */
export function buildQuery(file: string, header: VcfHeader, filter: VariantFilter, infoFields: readonly string[], annotationFields: readonly string[] = []): BrowserQuery {
  const annotation = header.annotation && annotationFields.length > 0 ? header.annotation : undefined;
  const samples = filter.samples.length > 0 && !annotation ? filter.samples : header.samples;
  const hasGt = header.format.some((f) => f.id === 'GT');
  // bcftools expands \t and \n itself, so the argv holds them as typed in a shell.
  const fields = [...SITE_COLUMNS.map((c) => `%${c}`), ...infoFields.map((id) => `%INFO/${id}`), ...(annotation ? annotationFields.map((f) => `%${f}`) : [])];
  const format = fields.join('\\t') + (hasGt && samples.length > 0 ? '[\\t%GT]' : '') + '\\n';
  return {
    job: {
      label: annotation ? 'Variant browser: bcftools +split-vep' : 'Variant browser: bcftools query',
      steps: [{ program: 'bcftools', argv: annotation ? ['+split-vep', '-a', annotation.tag, '-s', 'worst', '-f', format, ...filterArgs({ ...filter, samples: [] }), file] : ['query', '-f', format, ...filterArgs(filter), file] }],
      stdoutFile: `${file}.browser.tsv`,
    },
    columns: [...SITE_COLUMNS, ...infoFields, ...(annotation ? annotationFields : []), ...(hasGt && samples.length > 0 ? samples : [])],
  };
}

export function buildVcfExport(file: string, filter: VariantFilter, output: string): JobSpec {
  return { label: 'Variant browser: export VCF', steps: [{ program: 'bcftools', argv: ['view', '--no-version', ...filterArgs(filter), '-Oz', '-o', output, file] }] };
}

export function buildHeaderJob(file: string): JobSpec {
  return { label: 'Variant browser: read header', steps: [{ program: 'bcftools', argv: ['view', '-h', '--no-version', file] }] };
}

/** One plain sentence for a failed query, from bcftools' message. */
export function describeQueryError(stderr: string, header: VcfHeader | undefined): string {
  const undefinedTag = /the tag "([^"]+)" is not defined/.exec(stderr)?.[1];
  if (undefinedTag) {
    const known = header ? ` It defines INFO ${header.info.map((f) => f.id).join(', ')}${header.format.length ? ` and FORMAT ${header.format.map((f) => f.id).join(', ')}` : ''}.` : '';
    return `The expression uses ${undefinedTag}, which this file does not define.${known}`;
  }
  const badExpression = /processing the filter "([^"]*)"/.exec(stderr)?.[1];
  if (badExpression !== undefined) return `bcftools could not read the expression "${badExpression}": check the operators and quotes, e.g. QUAL>=30 && INFO/DP>10.`;
  if (/sample.*not (found|exist)|subset called for sample that does not exist/i.test(stderr)) return 'A chosen sample is not in this file.';
  if (/could not (load|retrieve) index|no index|random access/i.test(stderr)) return 'Filtering by region needs the file’s index: use "Create index" next to it in Files.';
  const last = stderr.trim().split('\n').at(-1);
  return last ? `bcftools said: ${last}` : 'bcftools failed without a message.';
}
