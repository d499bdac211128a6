// A VCF header (`bcftools view -h`) -> the INFO and FORMAT fields it defines, its samples, and the
// sub-fields of a VEP (CSQ) or SnpEff (ANN) annotation when present.
import { FieldReader, numberedLines } from './parse-error';

export interface HeaderField {
  id: string;
  number: string;
  type: string;
  description: string;
}

export interface VcfHeader {
  info: HeaderField[];
  format: HeaderField[];
  samples: string[];
  /** The annotation tag (CSQ or ANN) and its sub-field names, from its Description. */
  annotation?: { tag: 'CSQ' | 'ANN'; fields: string[] };
}

const DEFINITION = /^##(INFO|FORMAT)=<(.*)>$/;

export function parseVcfHeader(text: string): VcfHeader {
  const r: FieldReader = new FieldReader('VCF header');
  const header: VcfHeader = { info: [], format: [], samples: [] };
  let sawColumns = false;
  for (const line of numberedLines(text)) {
    if (line.text.startsWith('#CHROM')) {
      const columns = line.text.split('\t');
      if (columns.length < 8)
        r.fail(line.number, `the #CHROM line should have at least 8 columns, found ${columns.length}`);
      header.samples = columns.slice(9);
      sawColumns = true;
      continue;
    }
    if (!line.text.startsWith('##'))
      r.fail(line.number, `expected a header line starting with ##, found ${JSON.stringify(line.text.slice(0, 40))}`);
    const match = DEFINITION.exec(line.text);
    if (!match) continue;
    const attrs = attributes(match[2]!);
    if (!attrs['ID']) r.fail(line.number, `the ${match[1]} definition has no ID`);
    const field = {
      id: attrs['ID'],
      number: attrs['Number'] ?? '.',
      type: attrs['Type'] ?? 'String',
      description: attrs['Description'] ?? '',
    };
    (match[1] === 'INFO' ? header.info : header.format).push(field);
    if (match[1] === 'INFO' && (field.id === 'CSQ' || field.id === 'ANN')) {
      const list = /Format: ?'?([^'"]+)'?\s*$/.exec(field.description)?.[1];
      if (list) header.annotation = { tag: field.id, fields: list.split('|').map((s) => s.trim()) };
    }
  }
  if (!sawColumns) r.fail(0, 'the #CHROM line is missing');
  return header;
}

/** Key=value pairs of a structured header line; values may be quoted and contain commas. */
function attributes(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|[^,]*)/g;
  for (const m of body.matchAll(pattern))
    out[m[1]!] = m[2]!.startsWith('"') ? m[2]!.slice(1, -1).replace(/\\"/g, '"') : m[2]!;
  return out;
}
