// VCF checks on the complete lines detection read: records that break the format (columns, POS) and INFO or
// FORMAT keys the header never declares, each named with its line number and what to do about it.
import type { FormatProblem } from './formats';

const MAX_LISTED = 3;

function declared(lines: readonly string[], kind: 'INFO' | 'FORMAT'): Set<string> {
  const ids = new Set<string>();
  for (const line of lines) {
    const match = new RegExp(`^##${kind}=<ID=([^,>]+)`).exec(line);
    if (match?.[1]) ids.add(match[1]);
  }
  return ids;
}

function listed(items: readonly string[], separator = ', '): string {
  const shown = items.slice(0, MAX_LISTED).join(separator);
  return items.length > MAX_LISTED ? `${shown} and ${items.length - MAX_LISTED} more` : shown;
}

/** Problems in a VCF's header and first records (`lines` are complete lines, without line endings). */
export function vcfProblems(name: string, lines: readonly string[]): FormatProblem[] {
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
    if (f.length < 8) {
      broken.push(`line ${lineNo} has ${f.length} tab-separated column${f.length === 1 ? '' : 's'}, not ${columns}`);
      return;
    }
    if (f.length !== columns) broken.push(`line ${lineNo} has ${f.length} columns, the header ${columns}`);
    if (!/^[1-9]\d*$/.test(f[1] ?? ''))
      broken.push(`line ${lineNo} has POS "${(f[1] ?? '').slice(0, 20)}", not a positive whole number`);
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
      message: `${name} has malformed records: ${listed(broken, '; ')}. Tools stop at such a record. Fix those lines (columns must be separated by tabs, POS is a 1-based position), or re-export the file from the tool that made it.`,
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
