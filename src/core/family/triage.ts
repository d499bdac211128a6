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
  plainlyFails,
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

/**
 * The rules over records given one at a time (`add`), so a whole genome streams through and only candidates and
 * compound-het sides are held; `finish` pairs the sides and gives each mode's result.
 */
export class Triage {
  readonly #set: RuleSet;
  readonly #column: Map<string, number>;
  readonly #results: ModeResult[];
  readonly #sides: { candidate: Candidate; origin: Origin }[] = [];
  #seen = 0;
  #annotated = 0;

  constructor(
    private readonly family: Family,
    samples: readonly string[],
    private readonly options: TriageOptions,
  ) {
    this.#set = options.ruleSet ?? RULE_SET;
    this.#column = new Map(samples.map((s, i) => [s, i]));
    this.#results = GROUPS.map((g) => {
      const reasons = g.rules.map((id) => notApplicable(this.#mode(id), family));
      const blocked = reasons.every((x) => x !== undefined) ? reasons[0] : undefined;
      return { group: g.group, label: g.label, ...(blocked ? { notApplicable: blocked } : {}), candidates: [] };
    });
  }

  #mode(id: string): ModeRule {
    return this.#set.modes.find((m) => m.id === id)!;
  }

  add(r: SiteRecord): void {
    this.#seen += 1;
    if (r.consequences.length > 0) this.#annotated += 1;
    const { genes } = this.options;
    if (genes && !genesOf(r).some((g) => genes.has(g.toUpperCase()))) return;
    const cls = siteClass(r.chrom, r.pos, this.options.build);
    const ctx: SiteContext = {
      family: this.family,
      column: this.#column,
      siteClass: cls === 'other' ? 'autosomal' : cls,
      thresholds: this.options.thresholds,
      ruleSet: this.#set,
    };
    for (const [gi, g] of GROUPS.entries()) {
      if (this.#results[gi]!.notApplicable) continue;
      for (const id of g.rules) {
        const m = this.#mode(id);
        if (notApplicable(m, this.family) || !applies(m, ctx) || plainlyFails(m, r, ctx)) continue;
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
          if (candidate.genes.length > 0)
            this.#sides.push({ candidate, origin: originOf(r, ctx, this.#mode('denovo')) });
        } else this.#results[gi]!.candidates.push(candidate);
      }
    }
  }

  finish(): ModeResult[] {
    const comphet = this.#results.find((x) => x.group === 'comphet')!;
    if (!comphet.notApplicable) {
      comphet.candidates = pairSides(this.#sides, this.family.mother !== undefined && this.family.father !== undefined);
      if (this.#seen > 0 && this.#annotated === 0)
        comphet.notApplicable =
          'the records carry no gene annotation (choose a GFF3 and FASTA for bcftools csq, or a VCF annotated by VEP or SnpEff)';
    }
    return this.#results;
  }
}

export function triage(
  records: Iterable<SiteRecord>,
  family: Family,
  samples: readonly string[],
  options: TriageOptions,
): ModeResult[] {
  const run = new Triage(family, samples, options);
  for (const r of records) run.add(r);
  return run.finish();
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
