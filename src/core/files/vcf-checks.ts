// VCF checks on the complete lines detection read: records that break the format (columns, POS) and INFO or
// FORMAT keys the header never declares, each named with its line number and what to do about it.
import type { FormatProblem } from './formats';

const MAX_LISTED = 3;
/** Malformed lines are listed each (a user fixes them one by one); past this many, the rest are counted. */
export const MAX_BROKEN_LISTED = 10;

function declared(lines: readonly string[], kind: 'INFO' | 'FORMAT'): Set<string> {
  const ids = new Set<string>();
  for (const line of lines) {
    const match = new RegExp(`^##${kind}=<ID=([^,>]+)`).exec(line);
    if (match?.[1]) ids.add(match[1]);
  }
  return ids;
}

function listed(items: readonly string[], separator = ', ', max = MAX_LISTED, what = ''): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown}${separator}and ${items.length - max} more${what}` : shown;
}

/**
 * Problems in a VCF's header and first records (`lines` are complete lines, without line endings). `partOf`
 * says how much of the file the lines are, when they are not all of it ("its first 64 KB").
 */
export function vcfProblems(name: string, lines: readonly string[], partOf?: string): FormatProblem[] {
  const problems: FormatProblem[] = [];
  const headerAt = lines.findIndex((line) => line.startsWith('#CHROM'));
  if (headerAt < 0) return problems;
  const columns = (lines[headerAt] ?? '').split('\t').length;
  const info = declared(lines, 'INFO');
  const format = declared(lines, 'FORMAT');
  const broken: string[] = [];
  const undeclaredInfo = new Set<string>();
  const undeclaredFormat = new Set<string>();
  lines.forEach((line, index) => {
    if (index <= headerAt || line === '') return;
    const f = line.split('\t');
    const lineNo = index + 1;
    const wrong = recordProblems(f, columns);
    if (wrong.length > 0) broken.push(`line ${lineNo} ${wrong.join(' and ')}`);
    if (f.length < 8) return;
    for (const entry of (f[7] ?? '').split(';')) {
      const key = entry.split('=')[0] ?? '';
      if (key !== '' && key !== '.' && !info.has(key)) undeclaredInfo.add(key);
    }
    for (const key of (f[8] ?? '').split(':')) {
      if (f.length > 8 && key !== '' && key !== '.' && !format.has(key)) undeclaredFormat.add(key);
    }
  });
  if (broken.length > 0) {
    problems.push({
      code: 'vcf-malformed',
      severity: 'error',
      message: `${name} has ${broken.length} malformed record${broken.length === 1 ? '' : 's'}${partOf ? ` in ${partOf}` : ''}: ${listed(broken, '; ', MAX_BROKEN_LISTED, ' lines')}. Tools stop at such a record. Fix those lines (columns must be separated by tabs, POS is a 1-based position), or re-export the file from the tool that made it.`,
    });
  }
  const undeclared = [
    ...[...undeclaredInfo].map((k) => `INFO/${k}`),
    ...[...undeclaredFormat].map((k) => `FORMAT/${k}`),
  ];
  if (undeclared.length > 0) {
    problems.push({
      code: 'vcf-undeclared',
      severity: 'warning',
      message: `${name} uses ${listed(undeclared)} without declaring ${undeclared.length === 1 ? 'it' : 'them'} in the header. Tools guess their type (text) and filters on them may not work: add the ##INFO / ##FORMAT lines, e.g. with bcftools annotate -h.`,
    });
  }
  return problems;
}

/** What is wrong with one record's columns and POS, as phrases after "line N". */
function recordProblems(f: readonly string[], columns: number): string[] {
  if (f.length < 8) return [`has ${f.length} tab-separated column${f.length === 1 ? '' : 's'}, not ${columns}`];
  const wrong: string[] = [];
  if (f.length !== columns) wrong.push(`has ${f.length} columns, the header ${columns}`);
  if (!/^[1-9]\d*$/.test(f[1] ?? '')) wrong.push(`has POS "${(f[1] ?? '').slice(0, 20)}", not a positive whole number`);
  return wrong;
}
