// From the triage steps' texts (VCF header, query records) and the files read as text (PED, gene filter, HPO)
// to the result: the family checked, sex from chrX, annotation sanity, the rules run, tables and their notes.
import type { ChartRow, InputNames, ParameterValues } from '../analyses/analysis';
import { InputProblem } from '../analyses/run-analysis';
import { sexFromChrX, type InferredSex } from '../clinical/sex-inference';
import { buildLabel, canonicalChromosome, detectBuild, namingStyle, parseVcfHeaderContigs } from '../files/contigs';
import type { BuildName } from '../files/reference-builds';
import { familyFromForm, familyFromPed, members, sexConflicts, type Family } from './family';
import { parseGeneFilter, resolveHpo } from './gene-filter';
import { parseRecords, type SiteRecord } from './records';
import { modeRows } from './report';
import { RULE_SET } from './rules';
import { triage, type ModeGroup } from './triage';

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

function chrXSex(
  records: readonly SiteRecord[],
  samples: readonly string[],
  build: BuildName | 'unknown',
): Map<string, InferredSex> {
  const lines = [`#CHROM\tPOS\t${samples.join('\t')}`];
  for (const r of records)
    if (canonicalChromosome(r.chrom) === 'X')
      lines.push(`${r.chrom}\t${r.pos}\t${r.calls.map((c) => c.gt).join('\t')}`);
  return new Map(sexFromChrX(lines.join('\n'), build).map((s) => [s.sample, s.sex]));
}

export function buildTriage(
  texts: Readonly<Record<string, string>>,
  inputs: InputNames,
  params: ParameterValues,
): FamilyTriageResult {
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
  const { family } = intake;
  const warnings = [...intake.warnings];
  const records = parseRecords(texts['records'] ?? '', samples.length, vepFields(header));
  const sex = chrXSex(records, samples, build);
  warnings.push(...sexConflicts(family, sex));
  if (family.proband.sex === 'unknown')
    warnings.push(
      'The proband’s sex is not known, so X-linked rules were not applied; give it in the PED (column 5) or the form.',
    );
  const naming = namingStyle(parseVcfHeaderContigs(header));
  const renamed = (params['renameChrs'] ?? 0) !== 0;
  const advice = `The VCF names chromosomes ${naming === 'chr' ? 'like "chr1"' : 'like "1"'}; if the other files differ, set "Chromosome names of the VCF" to rename them (bcftools annotate --rename-chrs), because bcftools silently finds nothing when names differ.`;
  if (inputs['gff'] !== undefined && records.length > 0 && !records.some((r) => r.info.has('BCSQ')))
    warnings.push(
      `bcftools csq gave no consequences for any of the ${records.length} records. ${renamed ? 'Check the renaming direction.' : advice}`,
    );
  if (inputs['clinvar'] !== undefined && records.length > 0 && !records.some((r) => r.info.has('CLNSIG')))
    warnings.push(
      `No record matched ${inputs['clinvar']} (no CLNSIG). ClinVar names chromosomes like "1". ${renamed ? '' : advice}`,
    );
  let genes: Set<string> | undefined;
  let filter: string | undefined;
  let hpoVersion: string | undefined;
  if (inputs['genes'] !== undefined) {
    const f = parseGeneFilter(texts['input:genes'] ?? '', inputs['genes']);
    if (f.problems.length > 0) throw new InputProblem(f.problems.join(' '));
    genes = f.genes;
    filter = f.description;
    if (f.hpoTerms.length > 0) {
      if (inputs['hpo'] === undefined)
        throw new InputProblem(
          `${inputs['genes']} has HPO terms; choose HPO's phenotype_to_genes.txt to resolve them into genes.`,
        );
      const h = resolveHpo(texts['input:hpo'] ?? '', f.hpoTerms, inputs['hpo']);
      for (const g of h.genes) genes.add(g);
      hpoVersion = h.version;
      filter += `; HPO ${f.hpoTerms.join(', ')} → ${h.genes.size} genes via ${inputs['hpo']} (release ${h.version})`;
      if (h.unknownTerms.length > 0) warnings.push(`Not in ${inputs['hpo']}: ${h.unknownTerms.join(', ')}.`);
    }
  }
  const thresholds = Object.fromEntries(RULE_SET.thresholds.map((t) => [t.key, params[t.key] ?? t.default]));
  const modes = triage(records, family, samples, { thresholds, build, ...(genes ? { genes } : {}) });
  const column = new Map(samples.map((s, i) => [s, i]));
  return {
    input: inputs['variants'] ?? '',
    build:
      build === 'unknown'
        ? 'unknown (both builds’ PARs treated as PAR)'
        : params['build']
          ? `${build} (chosen)`
          : buildLabel(guess),
    family,
    warnings,
    ...(filter ? { filter } : {}),
    ...(hpoVersion ? { hpoVersion } : {}),
    ruleSet: { id: RULE_SET.id, version: RULE_SET.version, source: RULE_SET.source },
    records: records.length,
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
