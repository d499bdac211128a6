// Records of the triage query (`bcftools norm -m -any | … | bcftools query`, one biallelic record per line):
// site, INFO fields, genes and consequences, and each sample's genotype with depth and allele balance.

export type GenotypeClass = 'homref' | 'het' | 'homalt' | 'hemi-alt' | 'hemi-ref' | 'missing';

export interface Call {
  gt: string;
  kind: GenotypeClass;
  /** Reads for REF and ALT from FORMAT/AD; undefined when AD is missing. */
  refReads?: number;
  altReads?: number;
  /** AD sum, or FORMAT/DP when AD is missing. */
  depth?: number;
  gq?: number;
  /** ALT reads / (REF + ALT reads); undefined without AD or reads. */
  ab?: number;
}

export interface Consequence {
  gene: string;
  consequence: string;
  transcript?: string;
  /** Protein and DNA change as the annotation gives them ("12A>12T", "1234A>T"). */
  change?: string;
}

export interface SiteRecord {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  filter: string;
  info: ReadonlyMap<string, string>;
  calls: Call[];
  consequences: Consequence[];
}

/** The query's format: the whole INFO column, so that any annotation present is parsed here. */
export const QUERY_FORMAT = '%CHROM\\t%POS\\t%REF\\t%ALT\\t%FILTER\\t%INFO[\\t%GT:%AD:%DP:%GQ]\\n';

const num = (s: string | undefined): number | undefined => {
  if (s === undefined || s === '' || s === '.') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
};

export function classify(gt: string): GenotypeClass {
  const alleles = gt.split(/[/|]/);
  if (alleles.some((a) => a === '.' || a === '')) return 'missing';
  if (alleles.length === 1) return alleles[0] === '0' ? 'hemi-ref' : 'hemi-alt';
  const alt = alleles.filter((a) => a !== '0').length;
  return alt === 0 ? 'homref' : alt === alleles.length ? 'homalt' : 'het';
}

/** One sample's `GT:AD:DP:GQ` after a biallelic split (AD has two values). */
export function parseCall(field: string): Call {
  const [gt = '.', ad = '.', dp, gq] = field.split(':');
  const reads = ad.split(',').map(num);
  const refReads = reads[0];
  const altReads = reads.length === 2 ? reads[1] : undefined;
  const adSum = refReads !== undefined && altReads !== undefined ? refReads + altReads : undefined;
  const depth = adSum ?? num(dp);
  const call: Call = { gt, kind: classify(gt) };
  if (refReads !== undefined && altReads !== undefined) Object.assign(call, { refReads, altReads });
  if (depth !== undefined) call.depth = depth;
  const q = num(gq);
  if (q !== undefined) call.gq = q;
  if (adSum !== undefined && adSum > 0) call.ab = altReads! / adSum;
  return call;
}

export function parseInfo(text: string): Map<string, string> {
  const info = new Map<string, string>();
  if (text === '.' || text === '') return info;
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) info.set(part, '');
    else info.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return info;
}

/**
 * Consequences from bcftools csq (INFO/BCSQ: consequence|gene|transcript|biotype|strand|aa change|dna change),
 * SnpEff (INFO/ANN) or VEP (INFO/CSQ, whose fields the header names: pass them as `vepFields`).
 */
export function consequencesOf(info: ReadonlyMap<string, string>, vepFields: readonly string[] = []): Consequence[] {
  const out: Consequence[] = [];
  const bcsq = info.get('BCSQ');
  if (bcsq)
    for (const entry of bcsq.split(',')) {
      const f = entry.split('|');
      // A leading "@123" points at the record holding a compound (joint) consequence; it names no gene here.
      if (f[0]!.startsWith('@') || f[1] === undefined) continue;
      const change = [f[5], f[6]].filter((x) => x !== undefined && x !== '').join(' ');
      out.push({
        consequence: f[0]!,
        gene: f[1],
        ...(f[2] ? { transcript: f[2] } : {}),
        ...(change ? { change } : {}),
      });
    }
  const ann = info.get('ANN');
  if (ann)
    for (const entry of ann.split(',')) {
      const f = entry.split('|');
      if (f[3])
        out.push({
          consequence: f[1] ?? '',
          gene: f[3],
          ...(f[6] ? { transcript: f[6] } : {}),
          ...(f[9] ? { change: f[9] } : {}),
        });
    }
  const csq = info.get('CSQ');
  const symbol = vepFields.indexOf('SYMBOL');
  if (csq && symbol >= 0)
    for (const entry of csq.split(',')) {
      const f = entry.split('|');
      const at = (name: string) => f[vepFields.indexOf(name)] ?? '';
      if (f[symbol])
        out.push({
          consequence: at('Consequence'),
          gene: f[symbol],
          ...(at('Feature') ? { transcript: at('Feature') } : {}),
          ...(at('HGVSc') ? { change: at('HGVSc') } : {}),
        });
    }
  return out;
}

/** One query line as a record; undefined for an empty or header line. */
export function parseRecord(
  line: string,
  sampleCount: number,
  vepFields: readonly string[] = [],
): SiteRecord | undefined {
  if (line === '' || line.startsWith('#')) return undefined;
  const f = line.split('\t');
  const info = parseInfo(f[5] ?? '.');
  return {
    chrom: f[0]!,
    pos: Number(f[1]),
    ref: f[2]!,
    alt: f[3]!,
    filter: f[4]!,
    info,
    calls: f.slice(6, 6 + sampleCount).map(parseCall),
    consequences: consequencesOf(info, vepFields),
  };
}

export function parseRecords(text: string, sampleCount: number, vepFields: readonly string[] = []): SiteRecord[] {
  const records: SiteRecord[] = [];
  for (const line of text.split('\n')) {
    const r = parseRecord(line, sampleCount, vepFields);
    if (r) records.push(r);
  }
  return records;
}

export const genesOf = (r: SiteRecord): string[] => [...new Set(r.consequences.map((c) => c.gene))];
