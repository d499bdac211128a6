// Which diplotypes fit a sample's genotypes: every way of putting unphased heterozygous alleles on the
// two haplotypes is tried, and each haplotype is matched against the allele definitions. A position that
// was not called constrains nothing, so the alleles that depend on it stay possible.
import type { AlleleDef, GeneDef } from './definitions';
import type { SiteCall } from './site-calls';

type Called = Extract<SiteCall, { status: 'called' }>;

/** Alleles (in definition order) whose bases agree with the haplotype at every called position. */
export function matchHaplotype(gene: GeneDef, haplotype: ReadonlyMap<string, string>): AlleleDef[] {
  return gene.alleles.filter((allele) =>
    gene.positions.every((p) => {
      const observed = haplotype.get(p.rsid);
      if (observed === undefined) return true;
      const required = allele.bases[p.rsid] ?? p.ref;
      return required === 'any' || required === observed;
    }),
  );
}

/** The phasings of the called positions: hom and phased sites fixed, each unphased block flipped both ways. */
export function phasings(calls: readonly Called[]): [Map<string, string>, Map<string, string>][] {
  const blocks = new Map<string, Called[]>();
  const fixed: Called[] = [];
  for (const call of calls) {
    if (call.alleles[0] === call.alleles[1]) fixed.push(call);
    else {
      const key = call.phased ? `phased:${call.phaseSet ?? ''}` : `unphased:${call.rsid}`;
      blocks.set(key, [...(blocks.get(key) ?? []), call]);
    }
  }
  const blockList = [...blocks.values()];
  const out: [Map<string, string>, Map<string, string>][] = [];
  const flips = blockList.length === 0 ? 1 : 2 ** (blockList.length - 1);
  for (let mask = 0; mask < flips; mask++) {
    const h1 = new Map<string, string>();
    const h2 = new Map<string, string>();
    for (const call of fixed) {
      h1.set(call.rsid, call.alleles[0]);
      h2.set(call.rsid, call.alleles[1]);
    }
    blockList.forEach((block, i) => {
      const flip = i > 0 && (mask >> (i - 1)) & 1;
      for (const call of block) {
        h1.set(call.rsid, call.alleles[flip ? 1 : 0]);
        h2.set(call.rsid, call.alleles[flip ? 0 : 1]);
      }
    });
    out.push([h1, h2]);
  }
  return out;
}

/** Every diplotype (allele names in definition order) that fits some phasing of the calls. */
export function fitDiplotypes(gene: GeneDef, calls: readonly SiteCall[]): [string, string][] {
  const called = calls.filter((c): c is Called => c.status === 'called');
  const order = new Map(gene.alleles.map((a, i) => [a.name, i]));
  const seen = new Map<string, [string, string]>();
  for (const [h1, h2] of phasings(called)) {
    for (const a of matchHaplotype(gene, h1)) {
      for (const b of matchHaplotype(gene, h2)) {
        const pair = (order.get(a.name)! <= order.get(b.name)! ? [a.name, b.name] : [b.name, a.name]) as [
          string,
          string,
        ];
        seen.set(pair.join('/'), pair);
      }
    }
  }
  return [...seen.values()].sort((x, y) => order.get(x[0])! - order.get(y[0])! || order.get(x[1])! - order.get(y[1])!);
}
