// Triage results as table rows (one per candidate: genes, change, ClinVar, frequency, each member's GT/DP/AB,
// flags and the "why it passed" trace) and the per-mode counts, for the result view, TSV export and report.
import type { ChartRow } from '../analyses/analysis';
import { members, type Family } from './family';
import type { Call } from './records';
import { populationAf, RULE_SET } from './rules';
import { variantId, type Candidate, type ModeResult } from './triage';

const ab = (c: Call | undefined): string => (c?.ab === undefined ? '' : (Math.round(c.ab * 100) / 100).toFixed(2));

export function candidateRow(x: Candidate, family: Family, column: ReadonlyMap<string, number>): ChartRow {
  const r = x.record;
  const csq = r.consequences.filter((c) => x.genes.includes(c.gene));
  const af = populationAf(r, RULE_SET);
  const row: Record<string, string | number> = {
    gene: x.genes.join(', ') || '—',
    variant: variantId(r),
    consequence: [...new Set(csq.map((c) => [c.consequence, c.change].filter(Boolean).join(' ')))].join('; ') || '—',
    ClinVar: [r.info.get('CLNSIG'), r.info.get('CLNREVSTAT')].filter((v) => v !== undefined).join(' / ') || '—',
    'population AF': af.field ? af.af : '—',
  };
  for (const m of members(family)) {
    const call = r.calls[column.get(m.sample)!];
    row[`${m.role} GT`] = call?.gt ?? '';
    row[`${m.role} DP`] = call?.depth ?? '';
    row[`${m.role} AB`] = ab(call);
  }
  const flags: string[] = [];
  if (x.comphet) {
    row['origin'] = x.comphet.origin;
    row['pairs with'] = x.comphet.partners.join(', ');
    if (x.comphet.phase === 'unknown') flags.push('possible compound het, phase unknown');
  }
  if (x.trace.some((t) => t.verdict === 'unknown')) flags.push('a parent is not called here: not confirmed');
  row['flag'] = flags.join('; ');
  row['why it passed'] = x.trace
    .map((t) => `${t.rule}: ${t.value} ${t.verdict === 'pass' ? '✓' : '? (no data)'}`)
    .join(' | ');
  return row;
}

export function modeRows(mode: ModeResult, family: Family, column: ReadonlyMap<string, number>): ChartRow[] {
  return [...mode.candidates]
    .sort((a, b) => a.record.chrom.localeCompare(b.record.chrom) || a.record.pos - b.record.pos)
    .map((x) => candidateRow(x, family, column));
}

/** "1:1132:T>A" -> "1:1132" for the genome viewer. */
export function locusOf(row: ChartRow): string | undefined {
  const m = /^(.+):(\d+):/.exec(String(row['variant'] ?? ''));
  return m ? `${m[1]}:${m[2]}` : undefined;
}
