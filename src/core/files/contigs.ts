// Contig lists from headers (SAM @SQ, VCF ##contig, .fai), the reference build and naming style they
// imply, and warnings when two files in a session disagree.
import { HG19_CHRM_LENGTH, PRIMARY_LENGTHS, UCSC_NAMES, type BuildName } from './reference-builds';

export interface Contig {
  name: string;
  /** Unknown when a VCF ##contig line has no length. */
  length?: number;
}

export type NamingStyle = 'chr' | 'plain' | 'mixed' | 'unknown';

export interface BuildGuess {
  build: BuildName | 'unknown';
  /** The UCSC flavour when naming and chrM say so: hg19 uses chr names and the 16571 bp chrM. */
  ucsc?: 'hg19' | 'hg38';
  naming: NamingStyle;
  /** Primary chromosomes whose length matched the chosen build. */
  matched: number;
  /** Primary chromosomes present with a length that fits neither build. */
  conflicting: string[];
}

export function parseSamHeaderContigs(text: string): Contig[] {
  const contigs: Contig[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('@SQ\t')) continue;
    const fields = new Map(
      line
        .split('\t')
        .slice(1)
        .map((f) => [f.slice(0, 2), f.slice(3)] as const),
    );
    const name = fields.get('SN');
    const length = Number(fields.get('LN'));
    if (name) contigs.push(Number.isFinite(length) ? { name, length } : { name });
  }
  return contigs;
}

export function parseVcfHeaderContigs(text: string): Contig[] {
  const contigs: Contig[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#CHROM')) break;
    const inner = /^##contig=<(.*)>$/.exec(line)?.[1];
    if (!inner) continue;
    const id = /(?:^|,)ID=([^,>]+)/.exec(inner)?.[1];
    const length = /(?:^|,)length=(\d+)/.exec(inner)?.[1];
    if (id) contigs.push(length ? { name: id, length: Number(length) } : { name: id });
  }
  return contigs;
}

export function parseFaiContigs(text: string): Contig[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split('\t'))
    .filter((f) => f.length >= 2 && f[0] !== '' && /^\d+$/.test(f[1] ?? ''))
    .map((f) => ({ name: f[0] ?? '', length: Number(f[1]) }));
}

/** GRC-style name for a primary chromosome ("chr1" -> "1", "chrM" -> "MT"), or undefined for others. */
export function canonicalChromosome(name: string): string | undefined {
  const bare = name.replace(/^chr/i, '');
  if (/^([1-9]|1\d|2[0-2])$/.test(bare)) return bare;
  if (/^[XY]$/i.test(bare)) return bare.toUpperCase();
  if (/^(M|MT)$/i.test(bare)) return 'MT';
  return undefined;
}

export function namingStyle(contigs: readonly Contig[]): NamingStyle {
  const primary = contigs.filter((c) => canonicalChromosome(c.name) !== undefined);
  if (primary.length === 0) return 'unknown';
  const prefixed = primary.filter((c) => /^chr/i.test(c.name)).length;
  if (prefixed === primary.length) return 'chr';
  return prefixed === 0 ? 'plain' : 'mixed';
}

export function detectBuild(contigs: readonly Contig[]): BuildGuess {
  const naming = namingStyle(contigs);
  const scores: Record<BuildName, number> = { GRCh37: 0, GRCh38: 0 };
  const conflicting: string[] = [];
  let mitoLength: number | undefined;
  for (const contig of contigs) {
    const canonical = canonicalChromosome(contig.name);
    if (canonical === undefined || contig.length === undefined) continue;
    if (canonical === 'MT') {
      mitoLength = contig.length;
      continue; // identical in both builds (rCRS), so it tells nothing about the build itself
    }
    const fits = (Object.keys(PRIMARY_LENGTHS) as BuildName[]).filter(
      (b) => PRIMARY_LENGTHS[b][canonical] === contig.length,
    );
    for (const build of fits) scores[build] += 1;
    if (fits.length === 0) conflicting.push(contig.name);
  }
  let build: BuildGuess['build'] = 'unknown';
  if (scores.GRCh37 > scores.GRCh38) build = 'GRCh37';
  else if (scores.GRCh38 > scores.GRCh37) build = 'GRCh38';
  else if (mitoLength === HG19_CHRM_LENGTH) build = 'GRCh37';
  const guess: BuildGuess = { build, naming, matched: build === 'unknown' ? 0 : scores[build], conflicting };
  // GRCh37 with chr names but the rCRS chrM is a common hybrid, not hg19.
  const rcrsInHg19 = build === 'GRCh37' && mitoLength !== undefined && mitoLength !== HG19_CHRM_LENGTH;
  if (build !== 'unknown' && naming === 'chr' && !rcrsInHg19) guess.ucsc = UCSC_NAMES[build];
  return guess;
}

/** Short human label: "GRCh38 (hg38 naming)", "GRCh37", "unknown build". */
export function buildLabel(guess: BuildGuess): string {
  if (guess.build === 'unknown') return 'unknown build';
  return guess.ucsc ? `${guess.build} (${guess.ucsc} naming)` : guess.build;
}

export interface ContigSet {
  /** File name, for messages. */
  label: string;
  contigs: readonly Contig[];
}

export type ContigWarningCode = 'build' | 'naming' | 'length' | 'missing';

export interface ContigWarning {
  code: ContigWarningCode;
  message: string;
}

/** Warnings when two files disagree on build, naming style, or the contigs and lengths they share. */
export function compareContigs(a: ContigSet, b: ContigSet): ContigWarning[] {
  const warnings: ContigWarning[] = [];
  const ga = detectBuild(a.contigs);
  const gb = detectBuild(b.contigs);
  if (ga.build !== 'unknown' && gb.build !== 'unknown' && ga.build !== gb.build) {
    warnings.push({
      code: 'build',
      message: `${a.label} is on ${ga.build} but ${b.label} is on ${gb.build}. Positions will not line up; use files from the same reference build, or lift one over.`,
    });
  }
  if ((ga.naming === 'chr' && gb.naming === 'plain') || (ga.naming === 'plain' && gb.naming === 'chr')) {
    const example = (g: BuildGuess) => (g.naming === 'chr' ? '"chr1"' : '"1"');
    warnings.push({
      code: 'naming',
      message: `${a.label} names chromosomes like ${example(ga)} but ${b.label} like ${example(gb)}. Tools will find no overlap until the names match (bcftools annotate --rename-chrs, or samtools reheader).`,
    });
  }
  const byCanonical = (set: ContigSet) =>
    new Map(set.contigs.map((c) => [canonicalChromosome(c.name) ?? c.name, c] as const));
  const ma = byCanonical(a);
  const mb = byCanonical(b);
  const differing = [...ma].filter(([key, ca]) => {
    const cb = mb.get(key);
    return cb?.length !== undefined && ca.length !== undefined && cb.length !== ca.length;
  });
  if (differing.length > 0 && warnings.every((w) => w.code !== 'build')) {
    const shown = differing
      .slice(0, 3)
      .map(([, c]) => `${c.name} (${c.length} vs ${mb.get(canonicalChromosome(c.name) ?? c.name)?.length})`);
    warnings.push({
      code: 'length',
      message: `${a.label} and ${b.label} give different lengths for ${differing.length} contig(s), e.g. ${shown.join(', ')}. They were made against different reference sequences.`,
    });
  }
  const shared = [...ma.keys()].filter((k) => mb.has(k));
  if (ma.size > 0 && mb.size > 0 && shared.length === 0 && warnings.length === 0) {
    warnings.push({
      code: 'missing',
      message: `${a.label} and ${b.label} have no contig in common: they were made against different references.`,
    });
    return warnings;
  }
  const onlyInA = [...ma.keys()].filter((k) => canonicalChromosome(k) !== undefined && !mb.has(k));
  const onlyInB = [...mb.keys()].filter((k) => canonicalChromosome(k) !== undefined && !ma.has(k));
  if (
    ma.size > 0 &&
    mb.size > 0 &&
    (onlyInA.length > 0 || onlyInB.length > 0) &&
    warnings.every((w) => w.code !== 'naming')
  ) {
    const parts = [
      onlyInA.length > 0 ? `${onlyInA.join(', ')} only in ${a.label}` : '',
      onlyInB.length > 0 ? `${onlyInB.join(', ')} only in ${b.label}` : '',
    ].filter(Boolean);
    warnings.push({ code: 'missing', message: `Chromosomes differ between the files: ${parts.join('; ')}.` });
  }
  return warnings;
}
