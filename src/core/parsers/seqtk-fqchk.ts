// `seqtk fqchk` (default quality threshold) -> read-length range and per-position base composition and quality.
import { FieldReader, numberedLines } from './parse-error';

export interface FqchkRow {
  bases: number;
  /** Percentages of the bases at this position. */
  a: number;
  c: number;
  g: number;
  t: number;
  n: number;
  averageQuality: number;
  /** Quality implied by the average error probability. */
  errorQuality: number;
  /** Percentages of bases below / at or above the quality threshold. */
  lowPercent: number;
  highPercent: number;
}

export interface Fqchk {
  minLength: number;
  maxLength: number;
  averageLength: number;
  distinctQualities: number;
  all: FqchkRow;
  positions: (FqchkRow & { position: number })[];
}

const HEADER = /^min_len: (\d+); max_len: (\d+); avg_len: ([\d.]+); (\d+) distinct quality values$/;
const COLUMNS = ['POS', '#bases', '%A', '%C', '%G', '%T', '%N', 'avgQ', 'errQ', '%low', '%high'];

export function parseFqchk(text: string): Fqchk {
  const r: FieldReader = new FieldReader('seqtk fqchk output');
  const lines = numberedLines(text);
  const head = lines[0];
  if (!head) r.fail(0, 'the output is empty');
  const m = HEADER.exec(head.text);
  if (!m)
    r.fail(
      head.number,
      `expected "min_len: ...; max_len: ...; avg_len: ...", found ${JSON.stringify(head.text.slice(0, 60))}`,
    );
  const columns = lines[1];
  if (!columns || columns.text.split('\t').join(' ') !== COLUMNS.join(' ')) {
    r.fail(
      columns?.number ?? 0,
      `expected the column header "${COLUMNS.join(' ')}" (run fqchk with a quality threshold above 0)`,
    );
  }
  let all: FqchkRow | undefined;
  const positions: Fqchk['positions'] = [];
  for (const line of lines.slice(2)) {
    const f = r.fields(line, COLUMNS.length, 'a position line');
    const [bases, a, c, g, t, n, averageQuality, errorQuality, lowPercent, highPercent] = r.nums(
      f,
      1,
      line.number,
      'fqchk',
    );
    const row = {
      bases: bases!,
      a: a!,
      c: c!,
      g: g!,
      t: t!,
      n: n!,
      averageQuality: averageQuality!,
      errorQuality: errorQuality!,
      lowPercent: lowPercent!,
      highPercent: highPercent!,
    };
    if (f[0] === 'ALL') all = row;
    else positions.push({ position: r.int(f[0], line.number, 'position'), ...row });
  }
  if (!all) r.fail(0, 'the ALL line is missing');
  return {
    minLength: Number(m[1]),
    maxLength: Number(m[2]),
    averageLength: Number(m[3]),
    distinctQualities: Number(m[4]),
    all,
    positions,
  };
}
