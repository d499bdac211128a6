// When a check cannot answer for the data it was given (not a human genome, no chrX, no samples): why, and what
// to do instead. The analyses' `applies` call these, so such a run reads "not applicable", never "done, 0 found".
import { canonicalChromosome } from '../files/contigs';
import type { NotApplicable } from './analysis';

/** "seq1, seq2", or the first few and how many there are. */
export function contigList(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} … (${names.length} contigs)`;
}

const isAutosome = (name: string): boolean => /^\d+$/.test(canonicalChromosome(name) ?? '');

/**
 * Somatic hotspots: the build must be known (detected or chosen) and the hotspots' chromosomes must be among the
 * BAM's contigs under a name the analysis looks up (12 or chr12).
 */
export function hotspotsApplicability(
  build: string,
  contigs: readonly string[],
  chromosomes: readonly string[],
): NotApplicable | undefined {
  if (contigs.length === 0)
    return {
      because: 'the BAM header declares no contigs, so there is nothing to look up the hotspot positions in',
      todo: 'Check that the file is a coordinate-sorted BAM/CRAM of aligned reads (samtools view -H shows its @SQ lines).',
    };
  if (build === 'unknown')
    return {
      because: `the BAM's contigs (${contigList(contigs)}) are not those of the human genome GRCh37 or GRCh38, so the hotspot positions are not in it`,
      todo: 'If these are human reads aligned to GRCh37 or GRCh38 under other contig lengths, choose the build under "Reference build" and run again; for other species this check does not apply.',
    };
  const present = new Set(contigs.map(canonicalChromosome));
  if (!chromosomes.some((c) => present.has(c)))
    return {
      because: `none of the hotspot chromosomes (${[...new Set(chromosomes)].join(', ')}) is among the BAM's contigs (${contigList(contigs)})`,
      todo: 'Use alignments to the whole human genome whose contigs are named 1…22 or chr1…chr22 (RefSeq names such as NC_000012.12 are not read).',
    };
  return undefined;
}

/** Sample sex from read share (samtools idxstats): needs human autosomes and a chrX contig. */
export function coverageSexApplicability(contigs: readonly string[]): NotApplicable | undefined {
  if (!contigs.some(isAutosome))
    return {
      because: `the alignments' contigs (${contigList(contigs) || 'none'}) are not human chromosomes, so there is no chrX or autosome to compare`,
      todo: 'Sample sex compares human chrX/chrY coverage with the autosomes; for other genomes it does not apply.',
    };
  if (!contigs.some((c) => canonicalChromosome(c) === 'X'))
    return {
      because: `the alignments have no chrX contig (contigs: ${contigList(contigs)})`,
      todo: 'Use alignments to the whole genome, chrX included, or a call set with chrX genotypes.',
    };
  return undefined;
}

/** Sample sex from chrX genotypes: needs samples and records on chrX. */
export function genotypeSexApplicability(
  samples: number,
  xRecords: number,
  contigs: readonly string[],
): NotApplicable | undefined {
  if (xRecords === 0)
    return {
      because: `the call set has no chrX records${contigs.length > 0 ? ` (its header declares ${contigList(contigs)})` : ''}`,
      todo: 'Sex from genotypes needs chrX calls: use a whole-genome or exome call set with chrX, or the sample’s alignments (BAM/CRAM), whose chrX/chrY read share is used instead.',
    };
  if (samples === 0)
    return {
      because: 'the call set has no samples (a sites-only VCF has no genotypes)',
      todo: 'Use a call set with genotype columns, one per sample.',
    };
  return undefined;
}
