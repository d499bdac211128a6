// Sample identity: are two VCF/BCF call sets the same person? bcftools gtcheck on genotypes only (-u GT,GT,
// -e 0: discordance = mismatching genotypes) at the sites both files share, with a verdict per sample pair.
import { parseGtcheck, type GtcheckPair } from '../parsers/bcftools-gtcheck';
import { RESEARCH_ONLY } from '../clinical/caveats';
import type { AnalysisDefinition, ChartRow, Metric } from './analysis';

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
}

export function identityVerdict(pair: GtcheckPair, rules: SampleIdentityResult['rules']): IdentityPair {
  const discordancePct = pair.sites === 0 ? Number.NaN : (100 * pair.discordance) / pair.sites;
  const verdict: IdentityVerdict =
    pair.sites < rules.minSites ? 'not enough sites' : discordancePct <= rules.maxSamePct ? 'same person' : discordancePct >= rules.minDifferentPct ? 'different people' : 'unclear';
  return { ...pair, discordancePct, verdict };
}

export const sampleIdentity: AnalysisDefinition<SampleIdentityResult> = {
  id: 'sample-identity',
  title: 'Sample identity',
  summary: 'Are two VCF/BCF files the same person? Genotype discordance at shared sites (bcftools gtcheck), with a verdict.',
  inputs: [
    { key: 'first', label: 'First call set (VCF/BCF)', formats: ['vcf', 'bcf'], needsIndex: true, help: 'Genotypes of the sample to check. BAM files: call genotypes first (bcftools mpileup | bcftools call).' },
    { key: 'second', label: 'Second call set (VCF/BCF)', formats: ['vcf', 'bcf'], needsIndex: true },
  ],
  parameters: [
    { key: 'minSites', label: 'Minimum sites compared', default: 100, min: 1, max: 10_000_000, help: 'Fewer shared sites than this give "not enough sites".' },
    { key: 'maxSamePct', label: 'Same person up to discordance (%)', default: 2, min: 0, max: 100, step: 0.1, help: 'Genotyping errors alone rarely pass 1–2%.' },
    { key: 'minDifferentPct', label: 'Different people from discordance (%)', default: 5, min: 0, max: 100, step: 0.1, help: 'Between the two limits the verdict is "unclear" (relatives, contamination, a poor call set).' },
  ],
  thresholds: [{ key: 'discordancePct', label: 'Genotype discordance', better: 'lower', pass: 2, warn: 5, unit: '%' }],
  check(inputs) {
    if (inputs['first'] !== undefined && inputs['first'] === inputs['second']) return 'Choose two different files: a file always matches itself.';
    return undefined;
  },
  steps(inputs) {
    return [
      {
        key: 'gtcheck',
        job: { label: 'Sample identity: bcftools gtcheck', steps: [{ program: 'bcftools', argv: ['gtcheck', '-u', 'GT,GT', '-e', '0', '-g', inputs['second']!, inputs['first']!] }] },
      },
    ];
  },
  parse(texts, inputs, params) {
    const parsed = parseGtcheck(texts['gtcheck'] ?? '');
    const rules = { minSites: params['minSites'] ?? 100, maxSamePct: params['maxSamePct'] ?? 2, minDifferentPct: params['minDifferentPct'] ?? 5 };
    return { first: inputs['first'] ?? '', second: inputs['second'] ?? '', info: parsed.info, pairs: parsed.pairs.map((p) => identityVerdict(p, rules)), rules };
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
  tables: (r) => ({ pairs: pairRows(r), sites: Object.entries(r.info).map(([counter, value]) => ({ counter, value })) }),
  shownTables: [
    { key: 'pairs', title: 'Identity verdict', note: 'Discordance = mismatching genotypes / sites compared, at sites present in both files with the same alleles.' },
    { key: 'sites', title: 'Sites', note: 'bcftools gtcheck’s counters: sites compared, and sites skipped with the reason.' },
  ],
  caveats: [
    RESEARCH_ONLY,
    'Only sites present in both files with the same position and alleles are compared; hom-ref sites absent from a VCF (no gVCF) are not. Few shared common variants make the verdict weak.',
    'Close relatives share many genotypes and can fall between the limits ("unclear"); contamination raises the discordance of the same person.',
    'BAM files are not compared directly: call genotypes at the same sites first (bcftools mpileup -a AD,DP | bcftools call -m).',
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

export function identityMetrics(r: SampleIdentityResult): Metric[] {
  const best = [...r.pairs].sort((a, b) => (a.discordancePct || 0) - (b.discordancePct || 0))[0];
  return [
    { key: 'sitesCompared', label: 'Sites compared', value: r.info['sites-compared'] ?? Number.NaN, format: 'count', note: `${r.info['sites-skipped-no-match'] ?? 0} in one file only` },
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
