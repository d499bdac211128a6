// Family triage over the query's records: each inheritance mode's rules per record, compound hets paired by
// gene, an optional gene filter; candidates carry their trace, and no-call parents mark rather than drop them.
import { canonicalChromosome } from '../files/contigs';
import { inPar } from '../clinical/sex-inference';
import type { BuildName } from '../files/reference-builds';
import type { Family } from './family';
import { genesOf, type SiteRecord } from './records';
import {
  applies,
  evaluate,
  notApplicable,
  RULE_SET,
  type ModeRule,
  type RuleSet,
  type SiteClass,
  type SiteContext,
  type Thresholds,
  type TraceItem,
} from './rules';

export type ModeGroup = 'denovo' | 'recessive' | 'x-recessive' | 'comphet' | 'dominant';

export interface Candidate {
  group: ModeGroup;
  /** The rule that matched ("x-denovo", "comphet-side"). */
  rule: string;
  record: SiteRecord;
  genes: string[];
  trace: TraceItem[];
  /** A parent's genotype is missing here: the candidate is shown, but not confirmed by both parents. */
  unconfirmed: boolean;
  /** Compound hets: where this side came from and what it pairs with. */
  comphet?: { origin: Origin; partners: string[]; phase: 'trio' | 'unknown' };
}

export type Origin = 'maternal' | 'paternal' | 'de novo' | 'unknown';

export interface ModeResult {
  group: ModeGroup;
  label: string;
  /** "not applicable, because …" when the family cannot answer this mode. */
  notApplicable?: string;
  candidates: Candidate[];
}

export interface TriageOptions {
  thresholds: Thresholds;
  build: BuildName | 'unknown';
  /** Only records in these genes (upper-case symbols) are candidates. */
  genes?: ReadonlySet<string>;
  ruleSet?: RuleSet;
}

export const GROUPS: readonly { group: ModeGroup; label: string; rules: readonly string[] }[] = [
  { group: 'denovo', label: 'De novo', rules: ['denovo', 'x-denovo'] },
  { group: 'recessive', label: 'Autosomal recessive (homozygous)', rules: ['recessive'] },
  { group: 'x-recessive', label: 'X-linked recessive', rules: ['x-recessive'] },
  { group: 'comphet', label: 'Compound heterozygous', rules: ['comphet-side'] },
  { group: 'dominant', label: 'Dominant, inherited from an affected parent', rules: ['dominant'] },
];

export function siteClass(chrom: string, pos: number, build: BuildName | 'unknown'): SiteClass {
  const c = canonicalChromosome(chrom);
  if (c === 'X') return inPar(pos, build) ? 'par' : 'x';
  if (c === 'Y') return 'y';
  if (c === 'MT') return 'mt';
  return c === undefined ? 'other' : 'autosomal';
}

export const variantId = (r: SiteRecord): string => `${r.chrom}:${r.pos}:${r.ref}>${r.alt}`;

export function triage(
  records: readonly SiteRecord[],
  family: Family,
  samples: readonly string[],
  options: TriageOptions,
): ModeResult[] {
  const set = options.ruleSet ?? RULE_SET;
  const column = new Map(samples.map((s, i) => [s, i]));
  const mode = (id: string): ModeRule => set.modes.find((m) => m.id === id)!;
  const inFilter = (r: SiteRecord) => !options.genes || genesOf(r).some((g) => options.genes!.has(g.toUpperCase()));
  const results: ModeResult[] = GROUPS.map((g) => {
    const reasons = g.rules.map((id) => notApplicable(mode(id), family));
    const blocked = reasons.every((x) => x !== undefined) ? reasons[0] : undefined;
    return { group: g.group, label: g.label, ...(blocked ? { notApplicable: blocked } : {}), candidates: [] };
  });
  const sides: { candidate: Candidate; origin: Origin }[] = [];
  for (const r of records) {
    if (!inFilter(r)) continue;
    const cls = siteClass(r.chrom, r.pos, options.build);
    const ctx: SiteContext = {
      family,
      column,
      siteClass: cls === 'other' ? 'autosomal' : cls,
      thresholds: options.thresholds,
      ruleSet: set,
    };
    for (const [gi, g] of GROUPS.entries()) {
      if (results[gi]!.notApplicable) continue;
      for (const id of g.rules) {
        const m = mode(id);
        if (notApplicable(m, family) || !applies(m, ctx)) continue;
        const ev = evaluate(m, r, ctx);
        if (ev.verdict === 'fail') continue;
        const candidate: Candidate = {
          group: g.group,
          rule: id,
          record: r,
          genes: genesOf(r),
          trace: ev.trace,
          unconfirmed: ev.verdict === 'unknown',
        };
        if (g.group === 'comphet') {
          if (candidate.genes.length > 0) sides.push({ candidate, origin: originOf(r, ctx, mode('denovo')) });
        } else results[gi]!.candidates.push(candidate);
      }
    }
  }
  const comphet = results.find((x) => x.group === 'comphet')!;
  if (!comphet.notApplicable) {
    comphet.candidates = pairSides(sides, family.mother !== undefined && family.father !== undefined);
    if (records.length > 0 && records.every((r) => r.consequences.length === 0))
      comphet.notApplicable =
        'the records carry no gene annotation (choose a GFF3 and FASTA for bcftools csq, or a VCF annotated by VEP or SnpEff)';
  }
  return results;
}

function originOf(r: SiteRecord, ctx: SiteContext, denovo: ModeRule): Origin {
  const { mother, father } = ctx.family;
  if (!mother || !father) return 'unknown';
  const kind = (sample: string) => r.calls[ctx.column.get(sample)!]!.kind;
  const [m, f] = [kind(mother.sample), kind(father.sample)];
  if (m === 'het' && f === 'homref') return 'maternal';
  if (f === 'het' && m === 'homref') return 'paternal';
  if (m === 'homref' && f === 'homref' && evaluate(denovo, r, ctx).verdict === 'pass') return 'de novo';
  return 'unknown';
}

/**
 * Pairs within a gene. A trio needs one maternal and one paternal side, or a de novo side with an inherited one
 * (slivar compound-hets); a side of unknown origin pairs as "phase unknown". Without both parents any two
 * sides in a gene are a possible compound het, phase unknown.
 */
function pairSides(sides: readonly { candidate: Candidate; origin: Origin }[], trio: boolean): Candidate[] {
  const byGene = new Map<string, { candidate: Candidate; origin: Origin }[]>();
  for (const s of sides) for (const g of s.candidate.genes) byGene.set(g, [...(byGene.get(g) ?? []), s]);
  const out = new Map<string, Candidate>();
  for (const [gene, list] of byGene) {
    for (const [i, a] of list.entries()) {
      for (const b of list.slice(i + 1)) {
        const known = (o: Origin) => o === 'maternal' || o === 'paternal';
        const phased =
          trio &&
          ((known(a.origin) && known(b.origin) && a.origin !== b.origin) ||
            (a.origin === 'de novo' && known(b.origin)) ||
            (b.origin === 'de novo' && known(a.origin)));
        const possible = !trio || a.origin === 'unknown' || b.origin === 'unknown';
        if (!phased && !possible) continue;
        for (const [side, other] of [
          [a, b],
          [b, a],
        ] as const) {
          const key = `${gene}|${variantId(side.candidate.record)}`;
          const before = out.get(key);
          const partners = [...(before?.comphet?.partners ?? []), variantId(other.candidate.record)];
          const phase = phased || before?.comphet?.phase === 'trio' ? 'trio' : 'unknown';
          out.set(key, {
            ...side.candidate,
            genes: [gene],
            unconfirmed: side.candidate.unconfirmed || phase === 'unknown',
            comphet: { origin: side.origin, partners, phase },
          });
        }
      }
    }
  }
  return [...out.values()];
}
