// The sample's genotype at each defining position, from VCF records: a record at the position, or a
// gVCF reference block covering it. A position without either is "not called", never a reference call.
import { canonicalChromosome } from '../files/contigs';
import type { BuildName } from '../files/reference-builds';
import type { PositionDef } from './definitions';
import { isSymbolic, type VcfRecord } from './vcf-text';

export type SiteCall =
  | {
      rsid: string;
      status: 'called';
      /** The two alleles (VCF strings comparable with the definition's ref/alt). */
      alleles: [string, string];
      phased: boolean;
      /** Phase set: alleles phased in the same set are on known haplotypes relative to each other. */
      phaseSet?: string;
      depth?: number;
      via: string;
    }
  | { rsid: string; status: 'not-called'; reason: string; depth?: number };

export interface CallOptions {
  build: BuildName;
  /** 0-based sample column. */
  sample: number;
  /** Calls with FORMAT/DP below this are not called; 0 turns the check off. */
  minDepth: number;
}

export function callSite(def: PositionDef, records: readonly VcfRecord[], options: CallOptions): SiteCall {
  const { pos, genomeRef } = def[options.build];
  const here = records.filter((r) => canonicalChromosome(r.chrom) === def.chromosome);
  const atPos = here.filter((r) => r.pos === pos && (r.alts.length === 0 || !r.alts.every(isSymbolic)));
  const isIndel = genomeRef.length > 1 || def.alt.length > 1;
  const indelRecord = atPos.find((r) => r.alts.some((a) => !isSymbolic(a) && a.length !== r.ref.length));
  const site =
    (isIndel ? indelRecord : undefined) ??
    atPos.find((r) => r.ref.length === 1 && r.alts.every((a) => a.length === 1 || isSymbolic(a))) ??
    atPos[0];
  if (site) {
    const call = fromRecord(
      def,
      site,
      genomeRef,
      options,
      isIndel && site !== indelRecord ? 'covered, no indel record' : 'record',
    );
    if (call.status === 'called' && isIndel && site !== indelRecord)
      return { ...call, alleles: [genomeRef, genomeRef] };
    return call;
  }
  const block = here.find((r) => r.pos <= pos && r.end >= pos && (r.alts.length === 0 || r.alts.every(isSymbolic)));
  if (block) return fromBlock(def, block, genomeRef, options);
  const spanning = here.find((r) => r.pos < pos && r.end >= pos);
  if (spanning)
    return {
      rsid: def.rsid,
      status: 'not-called',
      reason: `inside a variant at ${spanning.pos} (${spanning.ref}>${spanning.alts.join(',')}), not assessed`,
    };
  return { rsid: def.rsid, status: 'not-called', reason: 'absent from the input' };
}

function sampleOf(record: VcfRecord, options: CallOptions): Record<string, string> | undefined {
  return record.samples[options.sample];
}

function depthOf(values: Record<string, string>): number | undefined {
  const dp = Number(values['DP'] ?? values['MIN_DP'] ?? Number.NaN);
  return Number.isFinite(dp) ? dp : undefined;
}

function gate(
  def: PositionDef,
  record: VcfRecord,
  values: Record<string, string> | undefined,
  options: CallOptions,
): SiteCall | { gt: string[]; phased: boolean; depth?: number } {
  if (!values) return { rsid: def.rsid, status: 'not-called', reason: 'the input has no genotype for this sample' };
  const depth = depthOf(values);
  const withDepth = depth === undefined ? {} : { depth };
  if (record.filter !== '.' && record.filter !== 'PASS')
    return { rsid: def.rsid, status: 'not-called', reason: `filtered (FILTER=${record.filter})`, ...withDepth };
  const gtText = values['GT'] ?? '.';
  const gt = gtText.split(/[/|]/);
  if (gt.length !== 2 || gt.some((g) => g === '.' || g === ''))
    return { rsid: def.rsid, status: 'not-called', reason: `genotype ${gtText}`, ...withDepth };
  if (depth === 0) return { rsid: def.rsid, status: 'not-called', reason: 'no reads (DP=0)', depth };
  if (depth !== undefined && options.minDepth > 0 && depth < options.minDepth)
    return {
      rsid: def.rsid,
      status: 'not-called',
      reason: `depth ${depth} is below ${options.minDepth}`,
      ...withDepth,
    };
  return { gt, phased: gtText.includes('|'), ...withDepth };
}

function fromRecord(
  def: PositionDef,
  record: VcfRecord,
  genomeRef: string,
  options: CallOptions,
  via: string,
): SiteCall {
  const values = sampleOf(record, options);
  const gated = gate(def, record, values, options);
  if ('status' in gated) return gated;
  if (record.ref[0] !== genomeRef[0]) {
    return {
      rsid: def.rsid,
      status: 'not-called',
      reason: `REF is ${record.ref} but ${options.build} has ${genomeRef} here: is the build right?`,
    };
  }
  const alleles = gated.gt.map((g) => alleleString(record, Number(g), genomeRef)) as [string, string];
  if (alleles.some((a) => a.startsWith('<')))
    return {
      rsid: def.rsid,
      status: 'not-called',
      reason: `the genotype uses a symbolic allele (${alleles.join('/')})`,
    };
  const ps = values?.['PS'];
  return {
    rsid: def.rsid,
    status: 'called',
    alleles,
    phased: gated.phased,
    ...(gated.phased && ps && ps !== '.' ? { phaseSet: ps } : {}),
    ...(gated.depth === undefined ? {} : { depth: gated.depth }),
    via,
  };
}

function fromBlock(def: PositionDef, record: VcfRecord, genomeRef: string, options: CallOptions): SiteCall {
  const gated = gate(def, record, sampleOf(record, options), options);
  if ('status' in gated) return gated;
  if (gated.gt.some((g) => g !== '0'))
    return { rsid: def.rsid, status: 'not-called', reason: 'inside a reference block with a non-reference genotype' };
  return {
    rsid: def.rsid,
    status: 'called',
    alleles: [genomeRef, genomeRef],
    phased: false,
    ...(gated.depth === undefined ? {} : { depth: gated.depth }),
    via: 'reference block',
  };
}

/** The allele as the definition writes it: SNV positions compare the first base, indels the trimmed pair. */
function alleleString(record: VcfRecord, index: number, genomeRef: string): string {
  const raw = index === 0 ? record.ref : record.alts[index - 1];
  if (raw === undefined) return '?';
  if (isSymbolic(raw)) return raw;
  if (genomeRef.length === 1 && raw.length >= 1 && record.ref.length >= 1) {
    // An indel record at an SNV position: its first base is the base at the position.
    return raw[0]!;
  }
  if (index === 0) return record.ref.startsWith(genomeRef) ? genomeRef : record.ref;
  let r = record.ref;
  let a = raw;
  while (r.length > 1 && a.length > 1 && r[r.length - 1] === a[a.length - 1]) {
    r = r.slice(0, -1);
    a = a.slice(0, -1);
  }
  return r === genomeRef ? a : `${raw} (REF ${record.ref})`;
}
