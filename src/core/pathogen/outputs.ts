// Readers of the pathogen workflow's tool outputs: samtools depth -aa (coverage at or above the minimum depth,
// binned depth for the chart), the consensus FASTA (sequences, N count) and the bcftools query variant lines.
import { ParseError } from '../parsers/parse-error';

export interface ContigDepth {
  name: string;
  length: number;
  /** Positions with depth >= the minimum depth. */
  covered: number;
  /** Sum of depth over the contig (mean depth = sum / length). */
  depthSum: number;
}

export interface DepthBin {
  contig: string;
  /** 1-based first position of the bin on its contig. */
  start: number;
  end: number;
  /** Position along the whole genome (contigs laid end to end) of the bin's middle, for the chart's x axis. */
  genomePosition: number;
  meanDepth: number;
  minDepth: number;
}

export interface DepthProfile {
  contigs: ContigDepth[];
  bins: DepthBin[];
}

/** Reads `samtools depth -aa` (contig, position, depth per line) and bins it into at most `maxBins` bins. */
export function parseDepth(text: string, minDepth: number, maxBins = 1000): DepthProfile {
  const perContig: { name: string; depths: number[] }[] = [];
  let current: { name: string; depths: number[] } | undefined;
  let lineNumber = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNumber += 1;
    const line = text.slice(start, end);
    start = end + 1;
    if (line === '') continue;
    const t1 = line.indexOf('\t');
    const t2 = line.indexOf('\t', t1 + 1);
    const depth = Number(line.slice(t2 + 1));
    if (t1 < 0 || t2 < 0 || !Number.isInteger(depth))
      throw new ParseError(
        'samtools depth output',
        lineNumber,
        `expected "contig<TAB>position<TAB>depth", found ${JSON.stringify(line.slice(0, 80))}`,
      );
    const name = line.slice(0, t1);
    if (current?.name !== name) {
      current = { name, depths: [] };
      perContig.push(current);
    }
    current.depths.push(depth);
  }
  const genomeLength = perContig.reduce((sum, c) => sum + c.depths.length, 0);
  const width = Math.max(1, Math.ceil(genomeLength / maxBins));
  const contigs: ContigDepth[] = [];
  const bins: DepthBin[] = [];
  let offset = 0;
  for (const { name, depths } of perContig) {
    let covered = 0;
    let depthSum = 0;
    for (let i = 0; i < depths.length; i += width) {
      const slice = depths.slice(i, i + width);
      let sum = 0;
      let min = Number.POSITIVE_INFINITY;
      for (const d of slice) {
        sum += d;
        if (d < min) min = d;
        if (d >= minDepth) covered += 1;
      }
      depthSum += sum;
      bins.push({
        contig: name,
        start: i + 1,
        end: i + slice.length,
        genomePosition: offset + i + Math.ceil(slice.length / 2),
        meanDepth: sum / slice.length,
        minDepth: min,
      });
    }
    contigs.push({ name, length: depths.length, covered, depthSum });
    offset += depths.length;
  }
  return { contigs, bins };
}

export interface FastaRecord {
  name: string;
  sequence: string;
}

export function parseFasta(text: string, source = 'consensus FASTA'): FastaRecord[] {
  const records: FastaRecord[] = [];
  const parts: string[][] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('>')) {
      records.push({ name: line.slice(1).split(/\s/)[0] ?? '', sequence: '' });
      parts.push([]);
    } else if (line.trim() !== '') {
      if (records.length === 0) throw new ParseError(source, i + 1, 'sequence before the first ">" header');
      parts[parts.length - 1]!.push(line.trim());
    }
  }
  return records.map((r, i) => ({ name: r.name, sequence: parts[i]!.join('') }));
}

export function countN(sequence: string): number {
  let n = 0;
  for (let i = 0; i < sequence.length; i++) if (sequence.charCodeAt(i) === 78 || sequence.charCodeAt(i) === 110) n += 1;
  return n;
}

/** FASTA text named after the sample ("lambda-a", or "lambda-a_contig" when the genome has several contigs), 70 bases a line. */
export function consensusFasta(sample: string, records: readonly FastaRecord[]): string {
  return records
    .map((r) => {
      const name = records.length === 1 ? sample : `${sample}_${r.name}`;
      const lines = r.sequence.match(/.{1,70}/g) ?? [];
      return `>${name} consensus of ${r.name}\n${lines.join('\n')}\n`;
    })
    .join('');
}

export interface CalledVariant {
  contig: string;
  pos: number;
  ref: string;
  alt: string;
  kind: 'SNV' | 'MNV' | 'insertion' | 'deletion' | 'complex';
  qual: number;
  depth: number;
  /** Reads supporting REF and ALT (FORMAT/AD), when given. */
  refReads: number;
  altReads: number;
}

/** The bcftools query format the variant step uses; `parseVariantLines` reads exactly these columns. */
export const VARIANT_QUERY_FORMAT = '%CHROM\\t%POS\\t%REF\\t%ALT\\t%QUAL\\t%INFO/DP\\t[%AD]\\n';

export function parseVariantLines(text: string): CalledVariant[] {
  const out: CalledVariant[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const f = line.split('\t');
    const pos = Number(f[1]);
    if (f.length !== 7 || !Number.isInteger(pos))
      throw new ParseError(
        'bcftools query output',
        i + 1,
        `expected 7 tab-separated columns (contig, position, REF, ALT, QUAL, DP, AD), found ${JSON.stringify(line.slice(0, 80))}`,
      );
    const [contig, , ref, alt, qual, dp, ad] = f as [string, string, string, string, string, string, string];
    const reads = ad.split(',').map(Number);
    out.push({
      contig,
      pos,
      ref,
      alt,
      kind: variantKind(ref, alt),
      qual: Number(qual),
      depth: dp === '.' ? Number.NaN : Number(dp),
      refReads: reads[0] ?? Number.NaN,
      altReads: reads.slice(1).reduce((s, n) => s + n, 0),
    });
  }
  return out;
}

export function variantKind(ref: string, alt: string): CalledVariant['kind'] {
  if (alt.includes(',')) return 'complex';
  if (ref.length === alt.length) return ref.length === 1 ? 'SNV' : 'MNV';
  if (ref.length === 1 && alt.length > 1 && alt[0] === ref[0]) return 'insertion';
  if (alt.length === 1 && ref.length > 1 && alt[0] === ref[0]) return 'deletion';
  return 'complex';
}
