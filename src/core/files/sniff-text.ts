// Text sniffing: decides which text format the first lines of a file are in, and spots common mistakes
// (Windows line endings, BED intervals that are reversed or look 1-based).
import type { FileFormat, FormatProblem } from './formats';

/** True when the bytes look like binary data rather than text (control bytes other than tab/CR/LF). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (sample.length === 0) return false;
  let odd = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) odd += 1;
  }
  return odd / sample.length > 0.02;
}

/** Lines of the text, dropping a last line that may have been cut off by the head limit. */
export function completeLines(text: string, cutOff: boolean): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (cutOff && lines.length > 1) lines.pop();
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const SAM_HEADER = /^@(HD|SQ|RG|PG|CO)\t/;
const INT = /^-?\d+$/;

function isSamRecord(line: string): boolean {
  const f = line.split('\t');
  return f.length >= 11 && INT.test(f[1] ?? '') && INT.test(f[3] ?? '') && INT.test(f[4] ?? '');
}

function isGffRecord(f: readonly string[]): boolean {
  return (
    f.length === 9 &&
    INT.test(f[3] ?? '') &&
    INT.test(f[4] ?? '') &&
    /^[+\-.?]$/.test(f[6] ?? '') &&
    /^[.012]$/.test(f[7] ?? '')
  );
}

function isBedRecord(f: readonly string[]): boolean {
  return f.length >= 3 && (f[0] ?? '') !== '' && INT.test(f[1] ?? '') && INT.test(f[2] ?? '');
}

function isFaiRecord(f: readonly string[]): boolean {
  return (f.length === 5 || f.length === 6) && f.slice(1).every((x) => INT.test(x));
}

/** A PGS Catalog scoring file: its banner, a #pgs_id line, or a column header with effect_allele and effect_weight. */
function isPgsScoringFile(lines: readonly string[]): boolean {
  const head = lines.slice(0, 60);
  if (head.some((line) => line.startsWith('###PGS CATALOG SCORING FILE') || line.startsWith('#pgs_id='))) return true;
  const columns = head.find((line) => line !== '' && !line.startsWith('#'))?.split('\t') ?? [];
  return columns.includes('effect_allele') && columns.includes('effect_weight');
}

/** Family, individual, father, mother, sex (0/1/2), phenotype (-9/0/1/2), whitespace separated. */
function isPed(lines: readonly string[], nameSuggests: FileFormat): boolean {
  const rows = lines.map((line) => line.trim().split(/\s+/));
  const ped =
    rows.length > 0 && rows.every((f) => f.length === 6 && /^[012]$/.test(f[4]!) && /^(-9|0|1|2)$/.test(f[5]!));
  // Numeric ids make a PED line look like BED; the name decides then.
  return ped && (nameSuggests === 'ped' || !rows.every((f) => INT.test(f[1]!) && INT.test(f[2]!)));
}

/** Which text format these lines are in, or 'unknown'. */
export function sniffTextFormat(lines: readonly string[], nameSuggests: FileFormat): FileFormat {
  const first = lines.find((line) => line.trim() !== '') ?? '';
  if (first.startsWith('##fileformat=VCF')) return 'vcf';
  if (SAM_HEADER.test(first)) return 'sam';
  if (first.startsWith('##gff-version')) return 'gff';
  if (first.startsWith('>')) return 'fasta';
  if (isPgsScoringFile(lines)) return 'pgs';
  const data = lines.filter((line) => line !== '' && !line.startsWith('#'));
  if (first.startsWith('@') && (lines[2] ?? '').startsWith('+')) return 'fastq';
  const sample = data.slice(0, 20).map((line) => line.split('\t'));
  if (sample.length === 0) return 'unknown';
  if (data.slice(0, 20).every(isSamRecord)) return 'sam';
  if (sample.every(isGffRecord)) return sample.some((f) => /gene_id "/.test(f[8] ?? '')) ? 'gtf' : 'gff';
  if (isPed(data.slice(0, 20), nameSuggests)) return 'ped';
  // A .fai and a 5-column BED are both all-integer tab text; the name decides between them.
  if (sample.every(isFaiRecord) && nameSuggests === 'fai') return 'fai';
  const bedLines = data.filter((line) => !/^(track|browser)\b/.test(line)).slice(0, 20);
  if (bedLines.length > 0 && bedLines.every((line) => isBedRecord(line.split('\t')))) return 'bed';
  if (sample.every(isFaiRecord)) return 'fai';
  // Gene lists, panel exports and HPO annotations have no signature of their own: a .txt/.tsv name says it.
  return nameSuggests === 'table' ? 'table' : 'unknown';
}

/** Problems visible in the text itself, whatever its format. */
export function textProblems(name: string, text: string): FormatProblem[] {
  if (!text.includes('\r\n')) return [];
  return [
    {
      code: 'crlf',
      severity: 'warning',
      message: `${name} has Windows line endings (CR LF). Some tools keep the CR as part of the last column; convert the file to Unix line endings (LF) if results look odd.`,
    },
  ];
}

/** BED-specific checks on complete lines: reversed intervals, and signs of 1-based coordinates. */
export function bedProblems(name: string, lines: readonly string[]): FormatProblem[] {
  const problems: FormatProblem[] = [];
  const records = lines
    .filter((line) => line !== '' && !line.startsWith('#') && !/^(track|browser)\b/.test(line))
    .map((line) => line.split('\t'))
    .filter(isBedRecord)
    .map((f) => ({ chrom: f[0] ?? '', start: Number(f[1]), end: Number(f[2]) }));
  const reversed = records.findIndex((r) => r.start > r.end);
  if (reversed >= 0) {
    const r = records[reversed];
    problems.push({
      code: 'bed-reversed',
      severity: 'error',
      message: `${name} has an interval whose start is after its end (${r?.chrom}:${r?.start}-${r?.end}). BED intervals are start < end; swap the columns or fix the file.`,
    });
  }
  if (records.length >= 2 && looksOneBased(records)) {
    problems.push({
      code: 'bed-one-based',
      severity: 'warning',
      message: `${name} looks like it uses 1-based coordinates (intervals start at ...1 and touch at end + 1). BED is 0-based, half-open: subtract 1 from each start, or every interval will be one base off.`,
    });
  }
  return problems;
}

interface BedInterval {
  chrom: string;
  start: number;
  end: number;
}

function looksOneBased(records: readonly BedInterval[]): boolean {
  // 0-based files made from round 1-based ranges end in ...0 and start in ...0; 1-based ones start in ...1.
  const startsInOne = records.filter((r) => r.start % 10 === 1 && r.end % 10 === 0).length;
  let adjacentPlusOne = 0;
  for (let i = 1; i < records.length; i++) {
    const a = records[i - 1];
    const b = records[i];
    if (a && b && a.chrom === b.chrom && b.start === a.end + 1) adjacentPlusOne += 1;
  }
  const noZeroStarts = records.every((r) => r.start !== 0);
  return noZeroStarts && (startsInOne === records.length || adjacentPlusOne >= Math.max(1, (records.length - 1) / 2));
}
