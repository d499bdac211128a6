// From the triage steps' outputs (VCF header; query records, one line at a time so a genome streams through) and
// the files read as text (PED, gene filter, HPO) to the result: the family checked, sex from chrX, annotation
// sanity, the rules run, tables and their notes. Only candidates and counts are held, never the records.
import type { ChartRow, InputNames, ParameterValues } from '../analyses/analysis';
import { InputProblem } from '../analyses/run-analysis';
import { ChrXCounter } from '../clinical/sex-inference';
import { buildLabel, canonicalChromosome, detectBuild, namingStyle, parseVcfHeaderContigs } from '../files/contigs';
import type { BuildName } from '../files/reference-builds';
import { familyFromForm, familyFromPed, members, sexConflicts, type Family } from './family';
import { parseGeneFilter, resolveHpo } from './gene-filter';
import { parseRecord } from './records';
import { modeRows } from './report';
import { RULE_SET } from './rules';
import { Triage, type ModeGroup } from './triage';

export interface ModeSummary {
  group: ModeGroup;
  label: string;
  notApplicable?: string;
  count: number;
  unconfirmed: number;
  rows: ChartRow[];
}

export interface FamilyTriageResult {
  input: string;
  build: string;
  family: Family;
  /** Things the user should know: samples not in the VCF, a sex the data contradicts, empty annotation. */
  warnings: string[];
  filter?: string;
  hpoVersion?: string;
  ruleSet: { id: string; version: string; source: string };
  records: number;
  modes: ModeSummary[];
  familyRows: ChartRow[];
  ruleRows: ChartRow[];
}

export function vcfSamples(header: string): string[] {
  const line = header.split('\n').find((l) => l.startsWith('#CHROM')) ?? '';
  return line.replace(/\r$/, '').split('\t').slice(9);
}

function vepFields(header: string): string[] {
  const m = /##INFO=<ID=CSQ,.*Format: ([^">]+)/.exec(header);
  return m ? m[1]!.split('|') : [];
}

interface Prepared {
  samples: string[];
  build: BuildName | 'unknown';
  buildShown: string;
  family: Family;
  warnings: string[];
  /** Warnings of the gene filter, shown after those about the records. */
  filterWarnings: string[];
  genes?: Set<string>;
  filter?: string;
  hpoVersion?: string;
  thresholds: Record<string, number>;
}

/** Everything the records are judged with: the family, the build, the gene filter and the thresholds. */
function prepare(texts: Readonly<Record<string, string>>, inputs: InputNames, params: ParameterValues): Prepared {
  const header = texts['header'] ?? '';
  const samples = vcfSamples(header);
  if (samples.length === 0)
    throw new InputProblem(
      `${inputs['variants']} has no samples (no genotype columns). Family triage needs a VCF with the family's genotypes.`,
    );
  const guess = detectBuild(parseVcfHeaderContigs(header));
  const build: BuildName | 'unknown' =
    params['build'] === 37 ? 'GRCh37' : params['build'] === 38 ? 'GRCh38' : guess.build;
  const ped = inputs['pedigree'];
  const intake =
    ped !== undefined
      ? familyFromPed(texts['input:pedigree'] ?? '', ped, samples)
      : familyFromForm(
          {
            proband: params['proband'] ?? 1,
            mother: params['mother'] ?? 0,
            father: params['father'] ?? 0,
            probandSex: params['probandSex'] === 1 ? 'female' : params['probandSex'] === 2 ? 'male' : 'unknown',
            motherAffected: params['affectedParents'] === 1 || params['affectedParents'] === 3,
            fatherAffected: params['affectedParents'] === 2 || params['affectedParents'] === 3,
          },
          samples,
        );
  if (!intake.ok) throw new InputProblem(intake.problems.join(' '));
  const prepared: Prepared = {
    samples,
    build,
    buildShown:
      build === 'unknown'
        ? 'unknown (both builds’ PARs treated as PAR)'
        : params['build']
          ? `${build} (chosen)`
          : buildLabel(guess),
    family: intake.family,
    warnings: [...intake.warnings],
    filterWarnings: [],
    thresholds: Object.fromEntries(RULE_SET.thresholds.map((t) => [t.key, params[t.key] ?? t.default])),
  };
  if (inputs['genes'] !== undefined) {
    const f = parseGeneFilter(texts['input:genes'] ?? '', inputs['genes']);
    if (f.problems.length > 0) throw new InputProblem(f.problems.join(' '));
    prepared.genes = f.genes;
    prepared.filter = f.description;
    if (f.hpoTerms.length > 0) {
      if (inputs['hpo'] === undefined)
        throw new InputProblem(
          `${inputs['genes']} has HPO terms; choose HPO's phenotype_to_genes.txt to resolve them into genes.`,
        );
      const h = resolveHpo(texts['input:hpo'] ?? '', f.hpoTerms, inputs['hpo']);
      for (const g of h.genes) f.genes.add(g);
      prepared.hpoVersion = h.version;
      prepared.filter += `; HPO ${f.hpoTerms.join(', ')} → ${h.genes.size} genes via ${inputs['hpo']} (release ${h.version})`;
      if (h.unknownTerms.length > 0)
        prepared.filterWarnings.push(`Not in ${inputs['hpo']}: ${h.unknownTerms.join(', ')}.`);
    }
  }
  return prepared;
}

/**
 * The triage over the query's lines given one at a time (`line`), then `finish`. The family, build and gene filter
 * are checked when it is made, so bad family input fails before any record is read.
 */
export class TriageBuilder {
  readonly #p: Prepared;
  readonly #triage: Triage;
  readonly #chrX: ChrXCounter;
  readonly #vep: string[];
  #records = 0;
  #withBcsq = 0;
  #withClnsig = 0;

  constructor(
    private readonly texts: Readonly<Record<string, string>>,
    private readonly inputs: InputNames,
    private readonly params: ParameterValues,
  ) {
    this.#p = prepare(texts, inputs, params);
    const { family, samples, thresholds, build, genes } = this.#p;
    this.#triage = new Triage(family, samples, { thresholds, build, ...(genes ? { genes } : {}) });
    this.#chrX = new ChrXCounter(samples, build);
    this.#vep = vepFields(texts['header'] ?? '');
  }

  line(text: string): void {
    const r = parseRecord(text, this.#p.samples.length, this.#vep);
    if (!r) return;
    this.#records += 1;
    if (r.info.has('BCSQ')) this.#withBcsq += 1;
    if (r.info.has('CLNSIG')) this.#withClnsig += 1;
    if (canonicalChromosome(r.chrom) === 'X')
      this.#chrX.add(
        r.pos,
        r.calls.map((c) => c.gt),
      );
    this.#triage.add(r);
  }

  finish(): FamilyTriageResult {
    const { family, samples, thresholds, filter, hpoVersion } = this.#p;
    const { inputs, params } = this;
    const records = this.#records;
    const sex = new Map(this.#chrX.result().map((s) => [s.sample, s.sex]));
    const warnings = [...this.#p.warnings, ...sexConflicts(family, sex)];
    if (family.proband.sex === 'unknown')
      warnings.push(
        'The proband’s sex is not known, so X-linked rules were not applied; give it in the PED (column 5) or the form.',
      );
    const naming = namingStyle(parseVcfHeaderContigs(this.texts['header'] ?? ''));
    const renamed = (params['renameChrs'] ?? 0) !== 0;
    const advice = `The VCF names chromosomes ${naming === 'chr' ? 'like "chr1"' : 'like "1"'}; if the other files differ, set "Chromosome names of the VCF" to rename them (bcftools annotate --rename-chrs), because bcftools silently finds nothing when names differ.`;
    if (inputs['gff'] !== undefined && records > 0 && this.#withBcsq === 0)
      warnings.push(
        `bcftools csq gave no consequences for any of the ${records} records. ${renamed ? 'Check the renaming direction.' : advice}`,
      );
    if (inputs['clinvar'] !== undefined && records > 0 && this.#withClnsig === 0)
      warnings.push(
        `No record matched ${inputs['clinvar']} (no CLNSIG). ClinVar names chromosomes like "1". ${renamed ? '' : advice}`,
      );
    warnings.push(...this.#p.filterWarnings);
    const modes = this.#triage.finish();
    const column = new Map(samples.map((s, i) => [s, i]));
    return {
      input: inputs['variants'] ?? '',
      build: this.#p.buildShown,
      family,
      warnings,
      ...(filter ? { filter } : {}),
      ...(hpoVersion ? { hpoVersion } : {}),
      ruleSet: { id: RULE_SET.id, version: RULE_SET.version, source: RULE_SET.source },
      records,
      modes: modes.map((m) => ({
        group: m.group,
        label: m.label,
        ...(m.notApplicable ? { notApplicable: m.notApplicable } : {}),
        count: m.candidates.length,
        unconfirmed: m.candidates.filter((c) => c.unconfirmed).length,
        rows: modeRows(m, family, column),
      })),
      familyRows: members(family).map((m) => ({
        role: m.role,
        sample: m.sample,
        'recorded sex': m.sex,
        'chrX sex': sex.get(m.sample) ?? 'not assessed',
        affected: m.affected === undefined ? 'unknown' : m.affected ? 'yes' : 'no',
      })),
      ruleRows: [
        { rule: 'rule set', value: `${RULE_SET.id} ${RULE_SET.version}` },
        ...RULE_SET.thresholds.map((t) => ({ rule: t.label, value: thresholds[t.key]! })),
        { rule: 'gene filter', value: filter ?? 'none' },
        { rule: 'source', value: RULE_SET.source },
      ],
    };
  }
}

/** The whole query text at once (tests, small inputs). */
export function buildTriage(
  texts: Readonly<Record<string, string>>,
  inputs: InputNames,
  params: ParameterValues,
): FamilyTriageResult {
  const builder = new TriageBuilder(texts, inputs, params);
  for (const line of (texts['records'] ?? '').split('\n')) builder.line(line);
  return builder.finish();
}

/** The query's lines as they stream from its output file: memory stays bounded by the candidates. */
export async function buildTriageFromLines(
  texts: Readonly<Record<string, string>>,
  lines: AsyncIterable<string>,
  inputs: InputNames,
  params: ParameterValues,
): Promise<FamilyTriageResult> {
  const builder = new TriageBuilder(texts, inputs, params);
  for await (const line of lines) builder.line(line);
  return builder.finish();
}
