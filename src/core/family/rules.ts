// Inheritance modes as data (rule-sets.json) and their evaluation on one record: every condition gives a
// verdict and the value behind it, so each candidate carries a "why it passed" trace.
import ruleSetData from './rule-sets.json';
import type { Family, FamilyMember } from './family';
import type { Call, SiteRecord } from './records';

export type Who = 'proband' | 'mother' | 'father' | 'parents' | 'affected-parents' | 'unaffected-parents' | 'site';
export type Where = 'diploid' | 'x-male';
export interface Condition {
  who: Who;
  test: string;
  threshold?: string;
}
export interface ModeRule {
  id: string;
  label: string;
  where: Where;
  needs: readonly string[];
  conditions: readonly Condition[];
}
export interface ThresholdSpec {
  key: string;
  label: string;
  default: number;
  min: number;
  max: number;
  step: number;
}
export interface RuleSet {
  id: string;
  version: string;
  source: string;
  populationAfFields: readonly string[];
  comphetSkipConsequences: readonly string[];
  thresholds: readonly ThresholdSpec[];
  modes: readonly ModeRule[];
}

export const RULE_SET: RuleSet = ruleSetData as RuleSet;
export type Thresholds = Readonly<Record<string, number>>;
export const defaultThresholds = (set: RuleSet = RULE_SET): Record<string, number> =>
  Object.fromEntries(set.thresholds.map((t) => [t.key, t.default]));

export type Verdict = 'pass' | 'fail' | 'unknown';
export interface TraceItem {
  /** "mother: hom-ref", "site: population AF ≤ 0.001". */
  rule: string;
  /** What the data says: "0/0", "GQ 35, depth 20", "0.0002 (gnomad_popmax_af)". */
  value: string;
  verdict: Verdict;
}
export interface Evaluation {
  verdict: Verdict;
  trace: TraceItem[];
}

/** Where a site sits for the rules: X outside the PARs is haploid in a male. */
export type SiteClass = 'autosomal' | 'par' | 'x' | 'y' | 'mt' | 'other';

export interface SiteContext {
  family: Family;
  /** Sample name -> column in the records' calls. */
  column: ReadonlyMap<string, number>;
  siteClass: SiteClass;
  thresholds: Thresholds;
  ruleSet: RuleSet;
}

const f2 = (n: number | undefined): string => (n === undefined ? 'none' : String(Math.round(n * 1000) / 1000));

/** Whether a mode's rules apply at this kind of site for this proband. */
export function applies(mode: ModeRule, ctx: Pick<SiteContext, 'family' | 'siteClass'>): boolean {
  const male = ctx.family.proband.sex === 'male';
  const female = ctx.family.proband.sex === 'female';
  if (mode.where === 'x-male') return ctx.siteClass === 'x' && male;
  return ctx.siteClass === 'autosomal' || ctx.siteClass === 'par' || (ctx.siteClass === 'x' && female);
}

/** Why a mode cannot be used for this family, or undefined when it can. */
export function notApplicable(mode: ModeRule, family: Family): string | undefined {
  for (const need of mode.needs) {
    if (need === 'affected-parent' && ![family.mother, family.father].some((p) => p?.affected === true))
      return 'no parent in the VCF is affected';
    if ((need === 'mother' || need === 'father') && family[need] === undefined) return `the ${need} is not in the VCF`;
  }
  if (mode.where === 'x-male' && family.proband.sex !== 'male')
    return family.proband.sex === 'female'
      ? 'the proband is female (her chrX follows the diploid rules)'
      : 'the proband’s sex is not known';
  return undefined;
}

function whom(who: Who, family: Family): FamilyMember[] {
  const parents = [family.mother, family.father].filter((p): p is FamilyMember => p !== undefined);
  switch (who) {
    case 'proband':
      return [family.proband];
    case 'mother':
    case 'father':
      return family[who] ? [family[who]] : [];
    case 'parents':
      return parents;
    case 'affected-parents':
      return parents.filter((p) => p.affected === true);
    case 'unaffected-parents':
      return parents.filter((p) => p.affected !== true);
    case 'site':
      return [];
  }
}

const GT_TESTS: Record<string, { label: string; ok: (c: Call) => boolean }> = {
  het: { label: 'heterozygous', ok: (c) => c.kind === 'het' },
  homref: { label: 'hom-ref', ok: (c) => c.kind === 'homref' },
  homalt: { label: 'hom-alt', ok: (c) => c.kind === 'homalt' },
  alt: { label: 'carries ALT (hom-alt or hemizygous)', ok: (c) => c.kind === 'homalt' || c.kind === 'hemi-alt' },
  ref: { label: 'no ALT (hom-ref or hemizygous REF)', ok: (c) => c.kind === 'homref' || c.kind === 'hemi-ref' },
  'not-homalt': { label: 'not hom-alt', ok: (c) => c.kind !== 'homalt' && c.kind !== 'hemi-alt' },
};

const inRange = (value: number | undefined, ok: (v: number) => boolean): Verdict =>
  value === undefined ? 'unknown' : ok(value) ? 'pass' : 'fail';

/** A member condition's verdict alone, without its words: most records fail here and need no trace. */
function memberVerdict(test: string, threshold: number | undefined, c: Call, t: Thresholds): Verdict {
  const gt = GT_TESTS[test];
  if (c.kind === 'missing') return 'unknown';
  if (gt) return gt.ok(c) ? 'pass' : 'fail';
  switch (test) {
    case 'hq':
      return c.gq === undefined || c.depth === undefined
        ? 'unknown'
        : c.gq >= t['minGQ']! && c.depth >= t['minDepth']!
          ? 'pass'
          : 'fail';
    case 'ab-het':
      return inRange(c.ab, (v) => v >= t['hetMinAB']! && v <= t['hetMaxAB']!);
    case 'ab-homalt':
      return inRange(c.ab, (v) => v >= t['homAltMinAB']!);
    case 'ab-min':
      return inRange(c.ab, (v) => v > threshold!);
    case 'alt-reads-max':
      return inRange(c.altReads, (v) => v <= threshold!);
  }
  throw new Error(`Rule set: unknown genotype test "${test}"`);
}

function memberTest(
  test: string,
  threshold: number | undefined,
  c: Call,
  t: Thresholds,
): { label: string; value: string; verdict: Verdict } {
  const verdict = memberVerdict(test, threshold, c, t);
  const gt = GT_TESTS[test];
  if (gt) return { label: gt.label, value: c.gt, verdict };
  if (c.kind === 'missing') return { label: test, value: `${c.gt} (not called)`, verdict };
  switch (test) {
    case 'hq':
      return {
        label: `GQ ≥ ${t['minGQ']}, depth ≥ ${t['minDepth']}`,
        value: `GQ ${c.gq ?? 'none'}, depth ${c.depth ?? 'none'}`,
        verdict,
      };
    case 'ab-het':
      return { label: `allele balance ${t['hetMinAB']}–${t['hetMaxAB']}`, value: `AB ${f2(c.ab)}`, verdict };
    case 'ab-homalt':
      return { label: `allele balance ≥ ${t['homAltMinAB']}`, value: `AB ${f2(c.ab)}`, verdict };
    case 'ab-min':
      return { label: `allele balance > ${threshold}`, value: `AB ${f2(c.ab)}`, verdict };
    default:
      return { label: `ALT reads ≤ ${threshold}`, value: `${c.altReads ?? 'none'} ALT reads`, verdict };
  }
}

/**
 * Whether some condition of the mode plainly fails on the record (the cheap check run on every record of a genome
 * before the traced `evaluate`, which gives the same verdict).
 */
export function plainlyFails(mode: ModeRule, r: SiteRecord, ctx: SiteContext): boolean {
  for (const cond of mode.conditions) {
    const threshold = cond.threshold === undefined ? undefined : ctx.thresholds[cond.threshold];
    if (cond.who === 'site') {
      if (cond.test === 'af-max' && populationAf(r, ctx.ruleSet).af > threshold!) return true;
      if (cond.test === 'filter-pass' && r.filter !== 'PASS' && r.filter !== '.') return true;
      continue;
    }
    for (const m of whom(cond.who, ctx.family))
      if (memberVerdict(cond.test, threshold, r.calls[ctx.column.get(m.sample)!]!, ctx.thresholds) === 'fail')
        return true;
  }
  return false;
}

/** The population frequency of a site: the first INFO field of the rule set's list that the record carries. */
export function populationAf(r: SiteRecord, set: RuleSet): { af: number; field?: string } {
  const known = afCache.get(r);
  if (known && known.set === set) return known.value;
  let value: { af: number; field?: string } = { af: 0 };
  for (const field of set.populationAfFields) {
    const v = r.info.get(field);
    if (v === undefined) continue;
    const af = Math.max(...v.split(',').map(Number).filter(Number.isFinite));
    if (Number.isFinite(af)) {
      value = { af, field };
      break;
    }
  }
  afCache.set(r, { set, value });
  return value;
}
/** Several modes ask for a record's AF: it is read once (the cache goes with the record). */
const afCache = new WeakMap<SiteRecord, { set: RuleSet; value: { af: number; field?: string } }>();

export const isCoding = (r: SiteRecord, set: RuleSet): boolean =>
  r.consequences.length === 0 ||
  r.consequences.some((c) =>
    c.consequence.split(/[&+]/).some((part) => !set.comphetSkipConsequences.includes(part.replace(/^\*/, ''))),
  );

function siteTest(cond: Condition, r: SiteRecord, ctx: SiteContext): TraceItem {
  const threshold = cond.threshold === undefined ? undefined : ctx.thresholds[cond.threshold];
  switch (cond.test) {
    case 'filter-pass':
      return {
        rule: 'site: FILTER is PASS or missing',
        value: r.filter,
        verdict: r.filter === 'PASS' || r.filter === '.' ? 'pass' : 'fail',
      };
    case 'af-max': {
      const { af, field } = populationAf(r, ctx.ruleSet);
      return {
        rule: `site: population AF ≤ ${threshold}`,
        value: field ? `${af} (${field})` : 'no population AF in the record (treated as 0)',
        verdict: af <= threshold! ? 'pass' : 'fail',
      };
    }
    case 'coding': {
      const ok = isCoding(r, ctx.ruleSet);
      return {
        rule: 'site: consequence not intronic, UTR or non-coding',
        value: r.consequences.map((c) => c.consequence).join(', ') || 'no annotation',
        verdict: ok ? 'pass' : 'fail',
      };
    }
  }
  throw new Error(`Rule set: unknown site test "${cond.test}"`);
}

/** All conditions of a mode on one record. Fails on any failed condition; unknown when only missing data stands in the way. */
export function evaluate(mode: ModeRule, r: SiteRecord, ctx: SiteContext): Evaluation {
  const trace: TraceItem[] = [];
  for (const cond of mode.conditions) {
    if (cond.who === 'site') {
      trace.push(siteTest(cond, r, ctx));
      continue;
    }
    const threshold = cond.threshold === undefined ? undefined : ctx.thresholds[cond.threshold];
    for (const m of whom(cond.who, ctx.family)) {
      const call = r.calls[ctx.column.get(m.sample)!]!;
      const out = memberTest(cond.test, threshold, call, ctx.thresholds);
      trace.push({ rule: `${m.role} (${m.sample}): ${out.label}`, value: out.value, verdict: out.verdict });
    }
  }
  const probandUnknown = trace.some((t) => t.rule.startsWith('proband') && t.verdict === 'unknown');
  const verdict: Verdict =
    trace.some((t) => t.verdict === 'fail') || probandUnknown
      ? 'fail'
      : trace.some((t) => t.verdict === 'unknown')
        ? 'unknown'
        : 'pass';
  return { verdict, trace };
}
