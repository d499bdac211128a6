// Which assembly a VCF's coordinates are on: the user's choice, else the ##contig lengths, else the
// ##reference line; and why, in words for the report.
import { detectBuild } from '../files/contigs';
import type { BuildName } from '../files/reference-builds';
import type { VcfText } from './vcf-text';

export interface BuildDecision {
  build?: BuildName;
  /** How it was decided, or why it could not be. */
  basis: string;
  /** Set when the user's choice disagrees with the header. */
  conflict?: string;
}

/** `chosen`: 0 = detect, 37 = GRCh37, 38 = GRCh38. */
export function decideBuild(vcf: Pick<VcfText, 'contigs' | 'reference'>, chosen: number): BuildDecision {
  const detected = fromHeader(vcf);
  if (chosen === 37 || chosen === 38) {
    const build: BuildName = chosen === 37 ? 'GRCh37' : 'GRCh38';
    const conflict =
      detected.build && detected.build !== build
        ? `The header suggests ${detected.build} (${detected.basis}), but ${build} was chosen.`
        : undefined;
    return { build, basis: 'chosen by the user', ...(conflict ? { conflict } : {}) };
  }
  return detected;
}

function fromHeader(vcf: Pick<VcfText, 'contigs' | 'reference'>): BuildDecision {
  const guess = detectBuild(vcf.contigs);
  if (guess.build !== 'unknown')
    return { build: guess.build, basis: `${guess.matched} ##contig lengths match ${guess.build}` };
  const ref = vcf.reference ?? '';
  if (/GRCh38|hg38|b38|hs38/i.test(ref)) return { build: 'GRCh38', basis: `##reference=${ref}` };
  if (/GRCh37|hg19|b37|hs37|human_g1k_v37/i.test(ref)) return { build: 'GRCh37', basis: `##reference=${ref}` };
  return { basis: 'the header has no ##contig lengths or ##reference that name GRCh37 or GRCh38' };
}
