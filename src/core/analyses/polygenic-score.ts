// Polygenic score: a PGS Catalog scoring file against a VCF/BCF's genotypes (bcftools query), matched as pgsc_calc
// matches and scored as plink2 --score scores (SUM, ALLELE_CT, AVG per sample), with every match decision logged.
import { RESEARCH_ONLY } from '../clinical/caveats';
import {
  computePolygenicScore,
  matchLog,
  matchSummary,
  matchedVariants,
  type PolygenicScoreResult,
} from '../prs/polygenic-score';
import { TARGET_QUERY_FORMAT } from '../prs/target';
import { buildMismatch, scoringBuild, type Build } from '../prs/build';
import { detectBuild, parseVcfHeaderContigs } from '../files/contigs';
import type { AnalysisDefinition, AnalysisStep, ChartRow, Metric } from './analysis';

const isGzipName = (name: string) => /\.gz$/i.test(name);

export interface PolygenicScoreAnalysisResult extends PolygenicScoreResult {
  scoringFile: string;
  input: string;
  /** The scoring file's build and the VCF's (from its ##contig lengths). */
  builds: { scoring: Build; target: Build };
}

const YES_NO = [
  { value: 0, label: 'Exclude (as pgsc_calc)' },
  { value: 1, label: 'Keep' },
] as const;

/** The first sample's largest contributions by size, for the result and the report. */
function topContributions(r: PolygenicScoreAnalysisResult, count = 20): ChartRow[] {
  const c = r.contributions;
  if (!c) return [];
  // One pass keeping the largest few, not a sort of a million contributions.
  const order: number[] = [];
  const size = (k: number) => Math.abs(c.value[k]!);
  for (let k = 0; k < c.value.length; k++) {
    if (order.length === count && size(k) <= size(order[count - 1]!)) continue;
    let at = order.length;
    while (at > 0 && size(order[at - 1]!) < size(k)) at--;
    order.splice(at, 0, k);
    if (order.length > count) order.pop();
  }
  return order.map((k) => {
    const m = r.matches.at(c.row[k]!);
    return {
      variant: `${m.site!.chrom}:${m.site!.pos}:${m.site!.ref}:${m.site!.alts.join(',')}`,
      rsID: m.row.rsId,
      'effect allele': m.matchedEffectAllele ?? '',
      weight: m.row.weight,
      dosage: c.dosage[k]!,
      contribution: c.value[k]!,
    };
  });
}

/** How many matched variants contribute how much, in 20 equal bins (first sample). */
function contributionBins(r: PolygenicScoreAnalysisResult): ChartRow[] {
  const values = r.contributions?.value;
  if (!values || values.length === 0) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const width = hi > lo ? (hi - lo) / 20 : 1;
  const counts = new Array<number>(hi > lo ? 20 : 1).fill(0);
  for (const v of values) counts[Math.min(counts.length - 1, Math.floor((v - lo) / width))]!++;
  return counts.map((n, i) => ({ contribution: Number((lo + (i + 0.5) * width).toPrecision(4)), variants: n }));
}

/** The scoring file's header as the PGS Catalog writes it, with the builds compared and rows not scorable. */
function scoringFileRows(r: PolygenicScoreAnalysisResult): ChartRow[] {
  const h = r.scoring.header;
  const unscorable = Object.entries(r.scoring.unscorable).map(([why, n]) => `${n} ${why}`);
  const rows: [string, string | number | undefined][] = [
    ['PGS ID', h.pgsId],
    ['Name', h.pgsName],
    ['Trait (reported)', h.traitReported],
    ['Genome build (authors)', h.genomeBuild],
    [
      'Positions used',
      r.scoring.harmonised ? `harmonised (hm_pos, ${h.hmPosBuild ?? 'build not given'})` : 'as reported',
    ],
    ['Build of the VCF', r.builds.target === 'unknown' ? 'unknown (no ##contig lengths to tell)' : r.builds.target],
    ['Weight type', h.weightType],
    ['Variants (header)', h.variantsNumber],
    ['Variant rows read', r.scoring.rowCount],
    ['Rows not scorable', unscorable.length > 0 ? unscorable.join('; ') : 'none'],
    ['Licence', h.license],
    ['Citation', h.citation],
    ['Format version', h.formatVersion],
  ];
  return rows.map(([field, value]) => ({ field, value: value ?? 'not given' }));
}

function scoreRows(r: PolygenicScoreAnalysisResult): ChartRow[] {
  return r.scores.map((s) => ({
    sample: s.sample,
    SUM: s.sum,
    ALLELE_CT: s.alleleCount,
    AVG: s.average,
    'missing genotypes': s.missing,
  }));
}

function metrics(r: PolygenicScoreAnalysisResult): Metric[] {
  const first = r.scores[0];
  const out: Metric[] = [
    {
      key: 'matchRate',
      label: 'Variants matched',
      value: 100 * r.matchRate,
      format: 'percent',
      threshold: 'matchRate',
      note: `${r.matched.toLocaleString('en')} of ${r.scoring.rowCount.toLocaleString('en')} rows of the scoring file`,
    },
    {
      key: 'score',
      label: first ? `Score (SUM), ${first.sample}` : 'Score (SUM)',
      value: first?.sum ?? NaN,
      format: 'ratio',
      note: r.refusal ? 'not reported: too few variants matched' : `AVG ${first?.average.toPrecision(6) ?? ''}`,
    },
  ];
  if (r.scores.length > 1)
    out.push({ key: 'samples', label: 'Samples scored', value: r.scores.length, format: 'count' });
  return out;
}

export const polygenicScore: AnalysisDefinition<PolygenicScoreAnalysisResult> = {
  id: 'polygenic-score',
  title: 'Polygenic score',
  summary:
    'A PGS Catalog scoring file against a VCF/BCF: variants matched as pgsc_calc does, SUM/ALLELE_CT/AVG per sample as plink2 --score, every dropped variant explained.',
  inputs: [
    {
      key: 'scoring',
      label: 'Scoring file (PGS Catalog, .txt or .txt.gz)',
      formats: ['pgs'],
      help: 'A PGS Catalog scoring file (format 2.0), author-reported or harmonised (hm_chr/hm_pos).',
      readText: (name) => !isGzipName(name),
    },
    {
      key: 'variants',
      label: 'Genotypes (VCF/BCF)',
      formats: ['vcf', 'bcf'],
      help: 'One row of scores per sample. Sites absent from the VCF count as unmatched, never as reference.',
    },
  ],
  parameters: [
    {
      key: 'minOverlap',
      label: 'Minimum share of variants matched (%)',
      default: 75,
      min: 0,
      max: 100,
      help: 'Below this no score is reported (pgsc_calc: 75 %).',
    },
    {
      key: 'keepAmbiguous',
      label: 'Strand-ambiguous variants (A/T, C/G)',
      default: 0,
      min: 0,
      max: 1,
      help: 'Their strand cannot be told from the alleles.',
      choices: YES_NO,
    },
    {
      key: 'keepMultiallelic',
      label: 'Multi-allelic target sites',
      default: 0,
      min: 0,
      max: 1,
      help: 'Sites with more than one ALT allele in the VCF.',
      choices: YES_NO,
    },
  ],
  thresholds: [{ key: 'matchRate', label: 'Variants matched', better: 'higher', pass: 95, warn: 75, unit: '%' }],
  steps(inputs) {
    const scoring = inputs['scoring']!;
    const vcf = inputs['variants']!;
    // A plain scoring file is read directly (InputSlot.readText); a gzip one is inflated by htslib's bgzip.
    const inflate: AnalysisStep[] = isGzipName(scoring)
      ? [
          {
            key: 'scoring',
            job: {
              label: 'Polygenic score: inflate the scoring file',
              steps: [{ program: 'bgzip', argv: ['-dc', scoring] }],
              stdoutFile: scoring.replace(/\.gz$/i, ''),
            },
          },
        ]
      : [];
    return [
      ...inflate,
      {
        key: 'header',
        job: {
          label: 'Polygenic score: VCF header (build)',
          steps: [{ program: 'bcftools', argv: ['view', '-h', vcf] }],
        },
      },
      {
        key: 'genotypes',
        job: {
          label: 'Polygenic score: genotypes (bcftools query)',
          steps: [{ program: 'bcftools', argv: ['query', '-H', '-f', TARGET_QUERY_FORMAT, vcf] }],
          stdoutFile: `${vcf}.pgs-genotypes.tsv`,
        },
      },
    ];
  },
  parse(texts, inputs, params) {
    const result = computePolygenicScore(texts['scoring'] ?? texts['input:scoring'] ?? '', texts['genotypes'] ?? '', {
      minOverlap: (params['minOverlap'] ?? 75) / 100,
      keepAmbiguous: params['keepAmbiguous'] === 1,
      keepMultiallelic: params['keepMultiallelic'] === 1,
    });
    const builds = {
      scoring: scoringBuild(result.scoring.header, result.scoring.harmonised),
      target: detectBuild(parseVcfHeaderContigs(texts['header'] ?? '')).build,
    };
    return { ...result, builds, scoringFile: inputs['scoring'] ?? '', input: inputs['variants'] ?? '' };
  },
  metrics,
  charts: [
    {
      id: 'contributions',
      title: 'Per-variant contributions (first sample)',
      good: 'Many small contributions; a few very large ones dominate the score and deserve a look in the table.',
      mark: 'bar',
      x: { field: 'contribution', label: 'dosage × weight', scale: 'band' },
      y: { field: 'variants', label: 'variants' },
      empty: 'No score: no variant was scored.',
      rows: contributionBins,
    },
  ],
  // The log and the matched list have a row per scoring row (millions): built when exported, not for the view.
  tables: (r) => ({
    header: scoringFileRows(r),
    scores: scoreRows(r),
    summary: matchSummary(r),
    top: topContributions(r),
    get log() {
      return matchLog(r);
    },
    get matched() {
      return matchedVariants(r);
    },
  }),
  shownTables: [
    {
      key: 'header',
      title: 'Scoring file',
      note: 'From its header. The PGS Catalog page of the ID gives the publication, the development sample and the ancestry the score was built in.',
    },
    {
      key: 'scores',
      title: 'Scores',
      note: 'As plink2 --score reports them without mean-imputation: SUM of dosage × weight, ALLELE_CT alleles counted, AVG = SUM / ALLELE_CT. A raw score, not a percentile.',
    },
    {
      key: 'summary',
      title: 'Match summary',
      note: 'Every row of the scoring file by outcome, as pgsc_calc summarises it; the exported log says it row by row.',
    },
    { key: 'top', title: 'Largest contributions (first sample)', note: 'By absolute dosage × weight.' },
  ],
  downloads: (r) => [
    {
      label: 'Matched variants for plink2 --score (TSV)',
      fileName: `${r.scoring.header.pgsId ?? r.scoringFile}.matched.tsv`,
      mimeType: 'text/tab-separated-values',
      get text() {
        return (
          [
            'ID\teffect_allele\teffect_weight\teffect_type',
            ...matchedVariants(r).map((m) => Object.values(m).join('\t')),
          ].join('\n') + '\n'
        );
      },
    },
  ],
  applies: (r) => {
    const mismatch = buildMismatch(r.builds.scoring, r.builds.target);
    if (mismatch)
      return {
        because: mismatch,
        todo: `Use the PGS Catalog's harmonised scoring file for ${r.builds.target} (the file ending _hmPOS_${r.builds.target}.txt.gz), or a VCF on ${r.builds.scoring}.`,
      };
    return r.refusal
      ? {
          because: r.refusal,
          todo: 'Export the match summary and log to see why the others were dropped (another genome build or chromosome naming, or a VCF that lists only variant sites), or lower the minimum if a partial score is what you want.',
        }
      : undefined;
  },
  caveats: [
    RESEARCH_ONLY,
    'A raw score is not a risk: without a reference population of similar ancestry no percentile is given, and scores from different ancestries are not comparable.',
    'A VCF lists only the sites where a sample differs from the reference: sites it lacks count as unmatched, not as reference. Use an all-sites VCF (or gVCF converted to one) for a whole genome.',
    'Matching follows pgsc_calc: chromosome, position and alleles; strand-ambiguous and multi-allelic sites are excluded unless you keep them; two scoring rows on one variant are both dropped; only chromosomes 1–22, X and Y. A haploid call counts as two copies, as plink2 counts it.',
  ],
};
