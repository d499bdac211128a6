// Family triage as an analysis: `bcftools norm -m -any` (| csq | annotate) | query as ordinary runs, then the
// inheritance rules of core/family on the records, with the family from a PED or the form and gene filters.
import { RESEARCH_ONLY } from '../clinical/caveats';
import { RULE_SET } from '../family/rules';
import type { NamingStyle } from '../files/contigs';
import type { Command } from '../tools/job';
import type {
  AnalysisDefinition,
  AnalysisStep,
  InputNames,
  Metric,
  NamingProblem,
  NumberParameter,
  ParameterValues,
} from './analysis';
import { buildTriage, buildTriageFromLines, type FamilyTriageResult } from '../family/run';
import { locusOf } from '../family/report';

const choice = (
  key: string,
  label: string,
  help: string,
  choices: { value: number; label: string }[],
  dflt = 0,
): NumberParameter => ({
  key,
  label,
  default: dflt,
  min: Math.min(...choices.map((c) => c.value)),
  max: Math.max(...choices.map((c) => c.value)),
  help,
  choices,
});
const sample = (key: string, label: string, dflt: number): NumberParameter => ({
  key,
  label,
  default: dflt,
  min: 0,
  max: 500,
  step: 1,
  help: 'Without a PED: the sample’s number in the VCF (1 = first column), 0 = not in this family.',
});

const PRIMARY = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X', 'Y'];
/** `bcftools annotate --rename-chrs` mapping, fed on stdin: 1 = "1" → "chr1", 2 = "chr1" → "1". */
export function renameMap(direction: number): string {
  const pairs = [...PRIMARY.map((c) => [c, `chr${c}`]), ['MT', 'chrM']];
  return pairs.map(([plain, chr]) => (direction === 1 ? `${plain} ${chr}` : `${chr} ${plain}`)).join('\n') + '\n';
}

export const QUERY = '%CHROM\\t%POS\\t%REF\\t%ALT\\t%FILTER\\t%INFO[\\t%GT:%AD:%DP:%GQ]\\n';

const renamedName = (vcf: string): string => `${vcf.replace(/\.(vcf\.gz|vcf|bcf)$/i, '')}.renamed.vcf.gz`;

/**
 * The records pipeline. `annotate -a` needs an indexed input (bcftools' synced reader), so ClinVar is added first,
 * from the file itself (or its renamed, indexed copy); norm then splits multi-allelic records, csq adds consequences.
 */
export function triageCommands(inputs: InputNames, params: ParameterValues): Command[] {
  const source = (params['renameChrs'] ?? 0) !== 0 ? renamedName(inputs['variants']!) : inputs['variants']!;
  const clinvar = inputs['clinvar'];
  const steps: Command[] = [];
  if (clinvar !== undefined)
    steps.push({
      program: 'bcftools',
      argv: ['annotate', '-a', clinvar, '-c', 'INFO/CLNSIG,INFO/CLNREVSTAT,INFO/CLNDN', '-Ou', source],
    });
  steps.push({ program: 'bcftools', argv: ['norm', '-m', '-any', '-Ou', clinvar !== undefined ? '-' : source] });
  if (inputs['gff'] !== undefined && inputs['reference'] !== undefined)
    steps.push({
      program: 'bcftools',
      argv: ['csq', '-f', inputs['reference'], '-g', inputs['gff'], '-p', 'a', '-l', '-Ou', '-'],
    });
  steps.push({ program: 'bcftools', argv: ['query', '-f', QUERY, '-'] });
  return steps;
}

const LIKE = { chr: '"chr1"', plain: '"1"' } as const;

/**
 * Before the run: the VCF against ClinVar, the GFF3 and the FASTA (which must agree among themselves, as only the
 * VCF is renamed). bcftools finds nothing, silently, where names differ; the fix is the renaming parameter.
 */
export function namingProblem(
  naming: Readonly<Record<string, NamingStyle>>,
  inputs: InputNames,
  renameChrs: number,
): NamingProblem | undefined {
  const vcf = naming['variants'];
  const known = (key: string) => {
    const style = naming[key];
    return inputs[key] !== undefined && (style === 'chr' || style === 'plain') ? [{ key, style }] : [];
  };
  const others = ['clinvar', 'gff', 'reference'].flatMap(known);
  if ((vcf !== 'chr' && vcf !== 'plain') || others.length === 0) return undefined;
  const names = (list: typeof others) => list.map((o) => inputs[o.key]).join(' and ');
  const chr = others.filter((o) => o.style === 'chr');
  const plain = others.filter((o) => o.style === 'plain');
  if (chr.length > 0 && plain.length > 0)
    return {
      problem: `${names(chr)} name chromosomes like "chr1" but ${names(plain)} like "1"; only the VCF can be renamed here, so choose annotation files named alike (or rename one with bcftools annotate --rename-chrs in the console).`,
    };
  const target = others[0]!.style;
  const effective = renameChrs === 1 ? 'chr' : renameChrs === 2 ? 'plain' : vcf;
  if (effective === target) return undefined;
  const needed = vcf === target ? 0 : target === 'chr' ? 1 : 2;
  const choice = familyTriage.parameters.find((p) => p.key === 'renameChrs')!.choices!.find((c) => c.value === needed)!;
  return {
    problem: `${inputs['variants']} names chromosomes like ${LIKE[effective]}${renameChrs !== 0 ? ' once renamed' : ''}, but ${names(others)} like ${LIKE[target]}: bcftools would silently find nothing. Set "Chromosome names of the VCF" to "${choice.label}".`,
    fix: { label: choice.label, params: { renameChrs: needed } },
  };
}

function renameSteps(inputs: InputNames, params: ParameterValues): AnalysisStep[] {
  const direction = params['renameChrs'] ?? 0;
  if (direction === 0) return [];
  const vcf = inputs['variants']!;
  const out = renamedName(vcf);
  const rename: AnalysisStep = {
    key: 'rename',
    job: {
      label: 'Family triage: rename chromosomes',
      steps: [{ program: 'bcftools', argv: ['annotate', '--rename-chrs', '/dev/stdin', '-Oz', '-o', out, vcf] }],
      stdin: renameMap(direction),
    },
  };
  if (inputs['clinvar'] === undefined) return [rename];
  return [
    rename,
    {
      key: 'rename-index',
      after: ['rename'],
      job: { label: 'Family triage: index the renamed VCF', steps: [{ program: 'tabix', argv: ['-p', 'vcf', out] }] },
    },
  ];
}

export const familyTriage: AnalysisDefinition<FamilyTriageResult> = {
  id: 'family-triage',
  title: 'Family triage (rare disease)',
  summary:
    'Which variants could explain the proband’s disease? De novo, recessive, compound het, X-linked and dominant candidates from a trio, duo or single VCF, each with the rules it passed.',
  inputs: [
    { key: 'variants', label: 'Joint-called VCF/BCF (GT:AD:DP:GQ)', formats: ['vcf', 'bcf'] },
    {
      key: 'pedigree',
      label: 'Pedigree (PED)',
      formats: ['ped'],
      optional: true,
      readText: true,
      help: 'Or enter the family below.',
    },
    {
      key: 'gff',
      label: 'Genes (Ensembl GFF3)',
      formats: ['gff'],
      optional: true,
      help: 'With the FASTA: consequences by bcftools csq.',
    },
    { key: 'reference', label: 'Reference FASTA', formats: ['fasta'], optional: true, needsIndex: true },
    {
      key: 'clinvar',
      label: 'ClinVar VCF',
      formats: ['vcf', 'bcf'],
      optional: true,
      needsIndex: true,
      help: 'CLNSIG and review status by bcftools annotate.',
    },
    {
      key: 'genes',
      label: 'Gene filter (list, Scout or PanelApp TSV, HPO terms)',
      formats: ['table'],
      optional: true,
      readText: true,
    },
    {
      key: 'hpo',
      label: 'HPO phenotype_to_genes.txt',
      formats: ['table'],
      optional: true,
      readText: true,
      help: 'Resolves HPO terms of the gene filter.',
    },
  ],
  parameters: [
    sample('proband', 'Proband (sample number)', 1),
    sample('mother', 'Mother (sample number)', 3),
    sample('father', 'Father (sample number)', 2),
    choice('probandSex', 'Proband’s sex (without a PED)', 'X-linked rules need it.', [
      { value: 0, label: 'Not known' },
      { value: 1, label: 'Female' },
      { value: 2, label: 'Male' },
    ]),
    choice('affectedParents', 'Affected parents (without a PED)', 'Dominant inheritance needs an affected parent.', [
      { value: 0, label: 'Neither' },
      { value: 1, label: 'Mother' },
      { value: 2, label: 'Father' },
      { value: 3, label: 'Both' },
    ]),
    choice('build', 'Reference build', 'Where the pseudoautosomal regions are.', [
      { value: 0, label: 'Detect from the header' },
      { value: 37, label: 'GRCh37 / hg19' },
      { value: 38, label: 'GRCh38 / hg38' },
    ]),
    choice(
      'renameChrs',
      'Chromosome names of the VCF',
      'bcftools finds nothing when the VCF, GFF3, FASTA and ClinVar name chromosomes differently.',
      [
        { value: 0, label: 'Keep as they are' },
        { value: 1, label: 'Rename 1 → chr1 (to match chr-named files)' },
        { value: 2, label: 'Rename chr1 → 1 (to match Ensembl/ClinVar)' },
      ],
    ),
    ...RULE_SET.thresholds.map((t) => ({
      key: t.key,
      label: t.label,
      default: t.default,
      min: t.min,
      max: t.max,
      step: t.step,
      help: `Rule set ${RULE_SET.id} ${RULE_SET.version}.`,
    })),
  ],
  thresholds: [],
  namingCheck: (naming, inputs, params) => namingProblem(naming, inputs, params['renameChrs'] ?? 0),
  check(inputs) {
    if ((inputs['gff'] === undefined) !== (inputs['reference'] === undefined))
      return 'Consequences need both the GFF3 and the reference FASTA it was made for; choose both or neither.';
    if (inputs['hpo'] !== undefined && inputs['genes'] === undefined)
      return 'phenotype_to_genes.txt resolves HPO terms: put the terms (HP:0001250, one per line) in a gene filter file and choose it too.';
    return undefined;
  },
  steps(inputs, params) {
    const vcf = inputs['variants']!;
    const renaming = renameSteps(inputs, params);
    return [
      ...renaming,
      {
        key: 'header',
        job: {
          label: 'Family triage: bcftools view -h',
          steps: [{ program: 'bcftools', argv: ['view', '-h', '--no-version', vcf] }],
        },
      },
      {
        key: 'records',
        ...(renaming.length > 0 ? { after: [renaming.at(-1)!.key] } : {}),
        streamed: true,
        job: {
          label: 'Family triage: normalise, annotate, query',
          steps: triageCommands(inputs, params),
          stdoutFile: `${vcf}.family-triage.tsv`,
        },
      },
    ];
  },
  parse: (texts, inputs, params) => buildTriage(texts, inputs, params),
  parseLines: (texts, lines, inputs, params) => buildTriageFromLines(texts, lines['records']!, inputs, params),
  metrics(r): Metric[] {
    return r.modes.map((m) => ({
      key: m.group,
      label: m.label,
      value: m.notApplicable ? Number.NaN : m.count,
      format: 'count',
      note: m.notApplicable
        ? `not applicable, because ${m.notApplicable}`
        : m.unconfirmed > 0
          ? `${m.unconfirmed} not confirmed by both parents`
          : 'candidates',
    }));
  },
  applies: (r) =>
    r.records === 0
      ? {
          because: `${r.input} has no variant records`,
          todo: 'Choose the joint-called VCF of the family (bcftools view -H shows its records).',
        }
      : undefined,
  charts: [],
  tables: (r) => ({
    warnings: r.warnings.map((warning) => ({ warning })),
    family: r.familyRows,
    ...Object.fromEntries(r.modes.map((m) => [m.group, m.rows])),
    rules: r.ruleRows,
  }),
  shownTables: [
    {
      key: 'warnings',
      title: 'Check these first',
      note: 'Problems with the family or the inputs that change what the triage can say.',
    },
    {
      key: 'family',
      title: 'Family',
      note: 'Who is who, as the PED or the form says, with the sex the chrX genotypes show (outside the PARs).',
    },
    ...['denovo', 'recessive', 'x-recessive', 'comphet', 'dominant'].map((key) => ({
      key,
      title: {
        denovo: 'De novo',
        recessive: 'Autosomal recessive (homozygous)',
        'x-recessive': 'X-linked recessive',
        comphet: 'Compound heterozygous',
        dominant: 'Dominant, inherited from an affected parent',
      }[key]!,
      note: 'GT, DP (REF + ALT reads) and AB (ALT share of AD) per member; "why it passed" lists every rule with its value.',
      locus: locusOf,
      sortable: true,
    })),
    { key: 'rules', title: 'Rule set and thresholds', note: 'The rules as run, saved with the run.' },
  ],
  caveats: [
    RESEARCH_ONLY,
    'Candidates are variants consistent with an inheritance mode, not diagnoses: a real interpretation weighs phenotype, gene–disease evidence and ACMG criteria.',
    'Only SNVs and indels in the VCF are judged: copy-number changes, structural variants, repeat expansions, mosaicism and uniparental disomy are not assessed. A missing variant may be a missing call.',
    'Compound hets are paired by gene and parental genotypes; in a duo or singleton the phase is unknown. Population frequency comes from an INFO field of the VCF (gnomad_popmax_af, AF_popmax, …); a site without one counts as absent from the population.',
  ],
};
