// `samtools flagstat` (default text format) -> counts of QC-passed and QC-failed reads per category.
import { FieldReader, numberedLines } from './parse-error';

export interface FlagstatCount {
  passed: number;
  failed: number;
}

export interface Flagstat {
  total: FlagstatCount;
  primary?: FlagstatCount;
  secondary: FlagstatCount;
  supplementary: FlagstatCount;
  duplicates: FlagstatCount;
  primaryDuplicates?: FlagstatCount;
  mapped: FlagstatCount;
  primaryMapped?: FlagstatCount;
  pairedInSequencing: FlagstatCount;
  read1: FlagstatCount;
  read2: FlagstatCount;
  properlyPaired: FlagstatCount;
  withItselfAndMateMapped: FlagstatCount;
  singletons: FlagstatCount;
  mateOnDifferentChr: FlagstatCount;
  mateOnDifferentChrMapq5: FlagstatCount;
}

const LABELS: Record<string, keyof Flagstat> = {
  'in total': 'total',
  primary: 'primary',
  secondary: 'secondary',
  supplementary: 'supplementary',
  duplicates: 'duplicates',
  'primary duplicates': 'primaryDuplicates',
  mapped: 'mapped',
  'primary mapped': 'primaryMapped',
  'paired in sequencing': 'pairedInSequencing',
  read1: 'read1',
  read2: 'read2',
  'properly paired': 'properlyPaired',
  'with itself and mate mapped': 'withItselfAndMateMapped',
  singletons: 'singletons',
  'with mate mapped to a different chr': 'mateOnDifferentChr',
  'with mate mapped to a different chr (mapQ>=5)': 'mateOnDifferentChrMapq5',
};

const OPTIONAL = new Set<keyof Flagstat>(['primary', 'primaryDuplicates', 'primaryMapped']);

export function parseFlagstat(text: string): Flagstat {
  const reader: FieldReader = new FieldReader('samtools flagstat output');
  const found: Partial<Flagstat> = {};
  for (const line of numberedLines(text)) {
    const match = /^(\d+) \+ (\d+) (.+)$/.exec(line.text);
    if (!match)
      reader.fail(line.number, `expected "<passed> + <failed> <category>", found ${JSON.stringify(line.text)}`);
    // The percentage in parentheses is derived; the "(mapQ>=5)" qualifier is part of the category.
    const label = match[3]!
      .replace(/ \((?:[\d.]+%|N\/A)[^)]*\)$/, '')
      .replace(/ \(QC-passed reads \+ QC-failed reads\)$/, '');
    const key = LABELS[label];
    if (key) found[key] = { passed: Number(match[1]), failed: Number(match[2]) };
  }
  for (const [label, key] of Object.entries(LABELS)) {
    if (!found[key] && !OPTIONAL.has(key)) reader.fail(0, `the "${label}" line is missing`);
  }
  return found as Flagstat;
}
