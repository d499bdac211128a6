// A small VCF (text) reader for the PGx caller: the header's contigs, ##reference and samples, and the
// records with their alleles, FILTER, END and each sample's FORMAT values. Reads `bcftools view` output.
import { parseVcfHeaderContigs, type Contig } from '../files/contigs';
import { ParseError } from '../parsers/parse-error';

export interface VcfRecord {
  chrom: string;
  pos: number;
  /** Last reference position covered: POS + len(REF) - 1, or INFO/END for reference blocks. */
  end: number;
  ref: string;
  alts: string[];
  filter: string;
  /** Per sample: FORMAT key -> value. */
  samples: Record<string, string>[];
  line: number;
}

export interface VcfText {
  contigs: Contig[];
  /** The value of ##reference= (a path or assembly name), when present. */
  reference?: string;
  samples: string[];
  records: VcfRecord[];
}

export function parseVcfText(text: string, source = 'VCF'): VcfText {
  const lines = text.split('\n');
  const headerEnd = lines.findIndex((l) => l.startsWith('#CHROM'));
  if (headerEnd < 0) throw new ParseError(source, 0, 'no #CHROM header line; the input is not a VCF');
  const headerText = lines.slice(0, headerEnd).join('\n');
  const reference = /^##reference=(.*)$/m.exec(headerText)?.[1]?.trim();
  const columns = lines[headerEnd]!.replace(/\r$/, '').split('\t');
  const out: VcfText = {
    contigs: parseVcfHeaderContigs(headerText),
    samples: columns.slice(9),
    records: [],
    ...(reference ? { reference } : {}),
  };
  for (let i = headerEnd + 1; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    out.records.push(parseRecord(raw, i + 1, source));
  }
  return out;
}

function parseRecord(raw: string, line: number, source: string): VcfRecord {
  const f = raw.split('\t');
  if (f.length < 8)
    throw new ParseError(source, line, `a record needs at least 8 tab-separated columns, found ${f.length}`);
  const pos = Number(f[1]);
  if (!Number.isInteger(pos) || pos < 1)
    throw new ParseError(source, line, `POS ${JSON.stringify(f[1])} is not a positive whole number`);
  const ref = (f[3] ?? '').toUpperCase();
  const info = f[7] ?? '.';
  const endMatch = /(?:^|;)END=(\d+)/.exec(info);
  const end = endMatch ? Number(endMatch[1]) : pos + Math.max(ref.length, 1) - 1;
  const keys = (f[8] ?? '').split(':');
  const samples = f.slice(9).map((column) => {
    const values = column.split(':');
    return Object.fromEntries(keys.map((k, j) => [k, values[j] ?? '.']));
  });
  const alts = f[4] === '.' || f[4] === undefined ? [] : f[4].split(',').map((a) => a.toUpperCase());
  return { chrom: f[0] ?? '', pos, end, ref, alts, filter: f[6] ?? '.', samples, line };
}

/** True for ALT alleles that stand for "some other allele" in gVCF and bcftools output. */
export function isSymbolic(alt: string): boolean {
  return alt === '<NON_REF>' || alt === '<*>' || alt === '*' || alt.startsWith('<');
}
