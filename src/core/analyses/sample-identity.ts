// Sample identity: are two samples the same person? bcftools gtcheck on genotypes only (-u GT,GT, -e 0:
// discordance = mismatching genotypes) at the sites both call sets share, with a verdict per sample pair. A BAM/CRAM
// as the first sample is genotyped first at the second file's sites (bcftools mpileup | call -C alleles).
import { formatFromName } from '../files/formats';
import { parseGtcheck, type GtcheckPair } from '../parsers/bcftools-gtcheck';
import { RESEARCH_ONLY } from '../clinical/caveats';
import type { AnalysisDefinition, AnalysisStep, ChartRow, InputNames, Metric } from './analysis';

export type IdentityVerdict = 'same person' | 'different people' | 'unclear' | 'not enough sites';

export interface IdentityPair extends GtcheckPair {
  /** Mismatches / sites compared, in percent. */
  discordancePct: number;
  verdict: IdentityVerdict;
}

export interface SampleIdentityResult {
  first: string;
  second: string;
  info: Record<string, number>;
  pairs: IdentityPair[];
  rules: { minSites: number; maxSamePct: number; minDifferentPct: number };
  /** Set when the first sample is an alignment file: the VCF of genotypes called from it. */
  genotyped?: string;
}

/** The first input is an alignment (genotyped before the comparison); steps only see names, so by its name. */
export const isAlignment = (name: string | undefined): boolean =>
  name !== undefined && ['bam', 'cram'].includes(formatFromName(name));

/** Work-area files of the genotyping: the second file's sites as CHROM, POS, REF,ALT and the calls at them. */
export function genotypingFiles(inputs: InputNames): { sites: string; calls: string } {
  const second = (inputs['second'] ?? '').replace(/\.(vcf\.gz|vcf\.bgz|vcf|bcf)$/i, '');
  return { sites: `${second}.identity-sites.tsv`, calls: `${inputs['first'] ?? ''}.identity.${second}.vcf.gz` };
}

/**
 * Genotypes of an alignment at the second file's sites. `call -C alleles -A` keeps each site's REF,ALT from the
 * sites file even where the sample is hom-ref; plain `call -m` writes those with ALT "." and gtcheck then skips
 * them as "no match", so only the sample's own variants would be compared.
 */
function genotypingSteps(inputs: InputNames): AnalysisStep[] {
  const { sites, calls } = genotypingFiles(inputs);
  const ref = inputs['reference']!;
  return [
    {
      key: 'sites',
      job: {
        label: 'Sample identity: sites of the second call set',
        steps: [{ program: 'bcftools', argv: ['query', '-f', '%CHROM\\t%POS\\t%REF,%ALT\\n', inputs['second']!] }],
        stdoutFile: sites,
      },
    },
    {
      key: 'genotype',
      after: ['sites'],
      job: {
        label: 'Sample identity: bcftools mpileup | call at those sites',
        steps: [
          { program: 'bcftools', argv: ['mpileup', '-f', ref, '-T', sites, '-a', 'AD,DP', '-Ou', inputs['first']!] },
          { program: 'bcftools', argv: ['call', '-m', '-A', '-C', 'alleles', '-T', sites, '-Oz', '-o', calls] },
        ],
      },
    },
    {
      key: 'index',
      after: ['genotype'],
      job: { label: 'Sample identity: bcftools index', steps: [{ program: 'bcftools', argv: ['index', '-f', calls] }] },
    },
  ];
}

export function identityVerdict(pair: GtcheckPair, rules: SampleIdentityResult['rules']): IdentityPair {
  const discordancePct = pair.sites === 0 ? Number.NaN : (100 * pair.discordance) / pair.sites;
  const verdict: IdentityVerdict =
    pair.sites < rules.minSites
      ? 'not enough sites'
      : discordancePct <= rules.maxSamePct
        ? 'same person'
        : discordancePct >= rules.minDifferentPct
          ? 'different people'
          : 'unclear';
  return { ...pair, discordancePct, verdict };
}

export const sampleIdentity: AnalysisDefinition<SampleIdentityResult> = {
  id: 'sample-identity',
  title: 'Sample identity',
  summary:
    'Are two VCF/BCF (or a BAM/CRAM and a VCF) the same person? Genotype discordance at shared sites (bcftools gtcheck), with a verdict.',
  inputs: [
    {
      key: 'first',
      label: 'First call set (VCF/BCF) or alignments (BAM/CRAM)',
      formats: ['vcf', 'bcf', 'bam', 'cram'],
      needsIndex: true,
      help: 'Genotypes of the sample to check; a BAM/CRAM is genotyped at the second file’s sites first (needs the reference).',
    },
    { key: 'second', label: 'Second call set (VCF/BCF)', formats: ['vcf', 'bcf'], needsIndex: true },
    {
      key: 'reference',
      label: 'Reference FASTA',
      formats: ['fasta'],
      needsIndex: true,
      optional: true,
      help: 'Needed when the first sample is a BAM/CRAM: the FASTA it was aligned to, with its .fai.',
    },
  ],
  parameters: [
    {
      key: 'minSites',
      label: 'Minimum sites compared',
      default: 100,
      min: 1,
      max: 10_000_000,
      help: 'Fewer shared sites than this give "not enough sites".',
    },
    {
      key: 'maxSamePct',
      label: 'Same person up to discordance (%)',
      default: 2,
      min: 0,
      max: 100,
      step: 0.1,
      help: 'Genotyping errors alone rarely pass 1–2%.',
    },
    {
      key: 'minDifferentPct',
      label: 'Different people from discordance (%)',
      default: 5,
      min: 0,
      max: 100,
      step: 0.1,
      help: 'Between the two limits the verdict is "unclear" (relatives, contamination, a poor call set).',
    },
  ],
  thresholds: [{ key: 'discordancePct', label: 'Genotype discordance', better: 'lower', pass: 2, warn: 5, unit: '%' }],
  check(inputs, formats) {
    if (inputs['first'] !== undefined && inputs['first'] === inputs['second'])
      return 'Choose two different files: a file always matches itself.';
    const alignment = formats['first'] === 'bam' || formats['first'] === 'cram';
    if (alignment && !inputs['reference'])
      return 'A BAM/CRAM is genotyped against its reference: open the FASTA it was aligned to (with its .fai) and choose it as "Reference FASTA".';
    if (alignment && !isAlignment(inputs['first']))
      return `${inputs['first']} holds alignments but its name does not end in .bam or .cram: rename it so its genotypes are called first.`;
    return undefined;
  },
  complete(inputs, names): Record<string, string> {
    // A BAM/CRAM needs its reference: when the session holds exactly one FASTA, that is the one.
    if (!isAlignment(inputs['first'])) return {};
    const fastas = names.filter((name) => formatFromName(name) === 'fasta');
    return fastas.length === 1 ? { reference: fastas[0]! } : {};
  },
  steps(inputs) {
    const alignment = isAlignment(inputs['first']);
    const query = alignment ? genotypingFiles(inputs).calls : inputs['first']!;
    return [
      ...(alignment ? genotypingSteps(inputs) : []),
      {
        key: 'gtcheck',
        ...(alignment ? { after: ['index'] } : {}),
        job: {
          label: 'Sample identity: bcftools gtcheck',
          steps: [{ program: 'bcftools', argv: ['gtcheck', '-u', 'GT,GT', '-e', '0', '-g', inputs['second']!, query] }],
        },
      },
    ];
  },
  parse(texts, inputs, params) {
    const parsed = parseGtcheck(texts['gtcheck'] ?? '');
    const rules = {
      minSites: params['minSites'] ?? 100,
      maxSamePct: params['maxSamePct'] ?? 2,
      minDifferentPct: params['minDifferentPct'] ?? 5,
    };
    const result: SampleIdentityResult = {
      first: inputs['first'] ?? '',
      second: inputs['second'] ?? '',
      info: parsed.info,
      pairs: parsed.pairs.map((p) => identityVerdict(p, rules)),
      rules,
    };
    return isAlignment(inputs['first']) ? { ...result, genotyped: genotypingFiles(inputs).calls } : result;
  },
  metrics: identityMetrics,
  charts: [
    {
      id: 'discordance',
      title: 'Discordance per sample pair',
      good: 'Near 0% for the same person; unrelated people differ at a large share of sites.',
      mark: 'bar',
      x: { field: 'pair', label: 'Sample pair', scale: 'band' },
      y: { field: 'discordancePct', label: 'Discordance (%)' },
      empty: 'No sample pair had sites in common.',
      rows: (r) => r.pairs.map((p) => ({ pair: `${p.query} / ${p.genotyped}`, discordancePct: p.discordancePct })),
    },
  ],
  tables: (r) => ({
    pairs: pairRows(r),
    sites: Object.entries(r.info).map(([counter, value]) => ({ counter, value })),
  }),
  shownTables: [
    {
      key: 'pairs',
      title: 'Identity verdict',
      note: 'Discordance = mismatching genotypes / sites compared, at sites present in both files with the same alleles.',
    },
    {
      key: 'sites',
      title: 'Sites',
      note: 'bcftools gtcheck’s counters: sites compared, and sites skipped with the reason.',
    },
  ],
  // The genotypes called from a BAM/CRAM join the session's files, to look at in the variant browser.
  sessionOutputs: (inputs) =>
    isAlignment(inputs['first']) ? [genotypingFiles(inputs).calls, `${genotypingFiles(inputs).calls}.csi`] : [],
  caveats: [
    RESEARCH_ONLY,
    'Only sites present in both files with the same position and alleles are compared; hom-ref sites absent from a VCF (no gVCF) are not. Few shared common variants make the verdict weak.',
    'Close relatives share many genotypes and can fall between the limits ("unclear"); contamination raises the discordance of the same person.',
    'A BAM/CRAM is genotyped at the second file’s sites only (bcftools mpileup -a AD,DP | bcftools call -m -C alleles, default qualities): sites with few reads give wrong genotypes, which raise the discordance; indels are called poorly from a pileup.',
  ],
};

function pairRows(r: SampleIdentityResult): ChartRow[] {
  return r.pairs.map((p) => ({
    'first sample': p.query,
    'second sample': p.genotyped,
    'sites compared': p.sites,
    mismatches: p.discordance,
    'discordance %': Number.isFinite(p.discordancePct) ? Math.round(p.discordancePct * 100) / 100 : Number.NaN,
    verdict: p.verdict,
  }));
}

function sitesNote(r: SampleIdentityResult): string {
  const compared = r.info['sites-compared'] ?? 0;
  // Reads on "chr22" give no pileup at sites on "22": nothing is genotyped, and nothing compared.
  if (r.genotyped !== undefined && compared === 0)
    return 'none: no reads at the second file’s sites; the contig names may differ (chr22 vs 22), or the BAM does not cover them';
  return `${r.info['sites-skipped-no-match'] ?? 0} in one file only`;
}

export function identityMetrics(r: SampleIdentityResult): Metric[] {
  const best = [...r.pairs].sort((a, b) => (a.discordancePct || 0) - (b.discordancePct || 0))[0];
  return [
    {
      key: 'sitesCompared',
      label: 'Sites compared',
      value: r.info['sites-compared'] ?? Number.NaN,
      format: 'count',
      note: sitesNote(r),
    },
    {
      key: 'discordancePct',
      label: 'Discordance',
      value: best?.discordancePct ?? Number.NaN,
      format: 'percent',
      threshold: 'discordancePct',
      note: best ? `${best.query} / ${best.genotyped}: ${best.verdict}` : 'no sample pair compared',
    },
  ];
}
