// Builds small VCFs for the PGx tests from genotypes written as bases ("G/A", "C|T"): REF is what the
// build's genome has at the position, ALT the other allele of the definition.
import { PRIMARY_LENGTHS, type BuildName } from '../../../../src/core/files/reference-builds';
import { allPositions, variantAlleles, type PositionDef } from '../../../../src/core/pgx/definitions';

export interface VcfSpec {
  build: BuildName;
  /** 'chr' writes chr10, 'plain' writes 10. */
  naming?: 'chr' | 'plain';
  /** rsid -> genotype in bases, or a raw GT (e.g. "./.") prefixed with "GT:". */
  genotypes: Record<string, string>;
  /** Write a 0/0 record at every other position (an all-sites VCF); otherwise they are absent. */
  othersRef?: boolean;
  /** FORMAT/DP for every record. */
  depth?: number;
  /** Leave out the ##contig lines (then build detection needs ##reference or the user's choice). */
  noContigs?: boolean;
  reference?: string;
  extraRecords?: string[];
}

export function makeVcf(spec: VcfSpec): string {
  const chr = (c: string): string => (spec.naming === 'plain' ? c : `chr${c}`);
  const header = [
    '##fileformat=VCFv4.2',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    '##FORMAT=<ID=PS,Number=1,Type=Integer,Description="Phase set">',
    '##INFO=<ID=END,Number=1,Type=Integer,Description="End">',
  ];
  if (spec.reference) header.push(`##reference=${spec.reference}`);
  if (!spec.noContigs)
    for (const c of ['1', '6', '10', '12', '13', '16', '22'])
      header.push(`##contig=<ID=${chr(c)},length=${PRIMARY_LENGTHS[spec.build][c]}>`);
  header.push(['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'SAMPLE1'].join('\t'));
  const records: { chrom: string; pos: number; line: string }[] = [];
  for (const p of allPositions()) {
    const given = spec.genotypes[p.rsid];
    if (given === undefined && !spec.othersRef) continue;
    const { pos, genomeRef } = p[spec.build];
    const others = [p.ref, ...variantAlleles(p)].filter((a) => a !== genomeRef);
    const gt = given === undefined ? '0/0' : given.startsWith('GT:') ? given.slice(3) : toGt(p, given, genomeRef);
    const format = spec.depth === undefined ? ['GT', gt] : ['GT:DP', `${gt}:${spec.depth}`];
    records.push({
      chrom: p.chromosome,
      pos,
      line: [chr(p.chromosome), pos, p.rsid, genomeRef, others.join(','), '50', 'PASS', '.', ...format].join('\t'),
    });
  }
  records.sort((a, b) => Number(a.chrom) - Number(b.chrom) || a.pos - b.pos);
  return [...header, ...records.map((r) => r.line), ...(spec.extraRecords ?? [])].join('\n') + '\n';
}

function toGt(p: PositionDef, bases: string, genomeRef: string): string {
  const sep = bases.includes('|') ? '|' : '/';
  const alleles = [genomeRef, ...[p.ref, ...variantAlleles(p)].filter((a) => a !== genomeRef)];
  return bases
    .split(/[/|]/)
    .map((b) => {
      const index = alleles.indexOf(b);
      if (index < 0) throw new Error(`${p.rsid}: ${b} is none of ${alleles.join(', ')}`);
      return String(index);
    })
    .join(sep);
}
