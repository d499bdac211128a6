// `bcftools stats` (one file, set id 0) -> counts by type, Ts/Tv, indel lengths, quality and depth
// distributions, substitution types and per-sample counts (PSC, present with `-s -`).
import { FieldReader, numberedLines } from './parse-error';

export interface BcftoolsSummary {
  samples: number;
  records: number;
  noAlts: number;
  snps: number;
  mnps: number;
  indels: number;
  others: number;
  multiallelicSites: number;
  multiallelicSnpSites: number;
}

const SUMMARY_KEYS: Record<string, keyof BcftoolsSummary> = {
  'number of samples': 'samples',
  'number of records': 'records',
  'number of no-ALTs': 'noAlts',
  'number of SNPs': 'snps',
  'number of MNPs': 'mnps',
  'number of indels': 'indels',
  'number of others': 'others',
  'number of multiallelic sites': 'multiallelicSites',
  'number of multiallelic SNP sites': 'multiallelicSnpSites',
};

export interface SampleCounts {
  sample: string;
  refHom: number;
  nonRefHom: number;
  het: number;
  transitions: number;
  transversions: number;
  indels: number;
  averageDepth: number;
  singletons: number;
  missing: number;
}

export interface BcftoolsStats {
  summary: BcftoolsSummary;
  tstv: { ts: number; tv: number; ratio: number };
  /** Indel length (deletions negative), sites and genotypes. */
  indelLengths: { length: number; sites: number; genotypes: number }[];
  /** Sites by QUAL; `quality` is null for sites without a QUAL value ("."). */
  quality: { quality: number | null; snps: number; transitions: number; transversions: number; indels: number }[];
  substitutions: { type: string; count: number }[];
  /** Depth bins; `bin` is bcftools' label (">500" for the last), `depth` its number. */
  depth: { bin: string; depth: number; genotypes: number; sites: number }[];
  samples: SampleCounts[];
}

export function parseBcftoolsStats(text: string): BcftoolsStats {
  const r: FieldReader = new FieldReader('bcftools stats output');
  const summary: Partial<BcftoolsSummary> = {};
  const out: Omit<BcftoolsStats, 'summary' | 'tstv'> & { tstv?: BcftoolsStats['tstv'] } = {
    indelLengths: [],
    quality: [],
    substitutions: [],
    depth: [],
    samples: [],
  };
  for (const line of numberedLines(text)) {
    if (line.text.startsWith('#')) continue;
    const f = r.fields(line, 2, 'a stats line');
    const tag = f[0]!;
    if (!/^[A-Za-z]{2,5}$/.test(tag))
      r.fail(line.number, `expected a section tag such as SN or TSTV, found ${JSON.stringify(line.text.slice(0, 40))}`);
    // Only the first (and, for a single input, only) set; ID lines define sets by file name.
    if (tag === 'ID' || f[1] !== '0') continue;
    const n = (i: number, what: string): number => r.num(f[i], line.number, what);
    switch (tag) {
      case 'SN': {
        r.fields(line, 4, 'an SN line');
        const key = SUMMARY_KEYS[f[2]!.replace(/:$/, '')];
        if (key) summary[key] = r.int(f[3], line.number, `the value of "${f[2]}"`);
        break;
      }
      case 'TSTV':
        r.fields(line, 5, 'a TSTV line');
        out.tstv = { ts: n(2, 'ts'), tv: n(3, 'tv'), ratio: n(4, 'ts/tv') };
        break;
      case 'IDD':
        r.fields(line, 5, 'an IDD line');
        out.indelLengths.push({ length: n(2, 'indel length'), sites: n(3, 'sites'), genotypes: n(4, 'genotypes') });
        break;
      case 'QUAL':
        r.fields(line, 7, 'a QUAL line');
        out.quality.push({
          quality: f[2] === '.' ? null : n(2, 'quality'),
          snps: n(3, 'SNPs'),
          transitions: n(4, 'transitions'),
          transversions: n(5, 'transversions'),
          indels: n(6, 'indels'),
        });
        break;
      case 'ST':
        r.fields(line, 4, 'an ST line');
        out.substitutions.push({ type: f[2]!, count: n(3, 'count') });
        break;
      case 'DP':
        r.fields(line, 7, 'a DP line');
        out.depth.push({
          bin: f[2]!,
          depth: r.num(f[2]!.replace(/^>/, ''), line.number, 'depth bin'),
          genotypes: n(3, 'genotypes'),
          sites: n(5, 'sites'),
        });
        break;
      case 'PSC':
        r.fields(line, 13, 'a PSC line');
        out.samples.push({
          sample: f[2]!,
          refHom: n(3, 'nRefHom'),
          nonRefHom: n(4, 'nNonRefHom'),
          het: n(5, 'nHets'),
          transitions: n(6, 'nTransitions'),
          transversions: n(7, 'nTransversions'),
          indels: n(8, 'nIndels'),
          averageDepth: n(9, 'average depth'),
          singletons: n(10, 'nSingletons'),
          missing: f.length > 13 ? n(13, 'nMissing') : 0,
        });
        break;
    }
  }
  for (const [label, key] of Object.entries(SUMMARY_KEYS)) {
    if (summary[key] === undefined) r.fail(0, `the summary (SN) line "${label}" is missing`);
  }
  // bcftools prints no TSTV line when there are no SNPs in some versions; treat it as 0/0.
  return { summary: summary as BcftoolsSummary, tstv: out.tstv ?? { ts: 0, tv: 0, ratio: 0 }, ...out };
}

/** Heterozygous to non-reference homozygous ratio of one sample's SNP genotypes (NaN without hom-alt calls). */
export function hetHomRatio(sample: SampleCounts): number {
  return sample.nonRefHom === 0 ? Number.NaN : sample.het / sample.nonRefHom;
}
