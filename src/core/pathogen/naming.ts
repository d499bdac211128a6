// Names in the pathogen workflow: the sample name taken from the reads file, the output files derived from it
// (so several samples never overwrite each other), and the minimap2 preset chosen from the reads.

/** minimap2 -x presets offered: short accurate reads (Illumina) or Oxford Nanopore reads. */
export type ReadPreset = 'sr' | 'map-ont';

/** Parameter values of the "preset" choice. */
export const PRESET_CHOICES = [
  { value: 0, label: 'auto (from the reads)' },
  { value: 1, label: 'sr: short reads (Illumina)' },
  { value: 2, label: 'map-ont: Nanopore reads' },
] as const;

/** Reads longer than this on average are treated as long (Nanopore) reads. */
export const LONG_READ_LENGTH = 400;

const READS_SUFFIX = /\.(?:fastq|fq)(?:\.gz|\.bgz)?$/i;
const MATE_SUFFIX = /[._-]R?1(?:[._-]001)?$/i;

/** "run7/S12_L001_R1_001.fastq.gz" -> "S12_L001"; "lambda-a_R1.fastq.gz" -> "lambda-a"; a single file keeps its stem. */
export function sampleName(readsFile: string): string {
  const base = readsFile.split('/').at(-1) ?? readsFile;
  const stem = base.replace(READS_SUFFIX, '');
  const name = stem.replace(MATE_SUFFIX, '');
  return (name === '' ? stem : name).replace(/[^A-Za-z0-9._-]/g, '_') || 'sample';
}

export interface SampleOutputs {
  /** Sorted (and, with primers, clipped) alignments. */
  bam: string;
  /** Alignments before primer clipping (only written with a primer BED). */
  unclipped: string;
  vcf: string;
  consensus: string;
  depth: string;
}

export function sampleOutputs(sample: string): SampleOutputs {
  return {
    bam: `${sample}.bam`,
    unclipped: `${sample}.unclipped.bam`,
    vcf: `${sample}.vcf.gz`,
    consensus: `${sample}.consensus.fa`,
    depth: `${sample}.depth.tsv`,
  };
}

const LONG_READ_NAME = /(?:^|[._-])(?:ont|nanopore|minion|gridion|promethion)(?:[._-]|$)/i;

/**
 * The preset for a parameter value. "auto" uses the measured mean read length when the caller has it (the
 * pathogen panel reads the first reads of the file); without it, paired files are short reads and a single
 * file is Nanopore only when its name says so.
 */
export function choosePreset(
  choice: number,
  reads: { paired: boolean; file: string; meanLength?: number },
): ReadPreset {
  if (choice === 1) return 'sr';
  if (choice === 2) return 'map-ont';
  if (reads.meanLength !== undefined) return reads.meanLength > LONG_READ_LENGTH ? 'map-ont' : 'sr';
  if (reads.paired) return 'sr';
  return LONG_READ_NAME.test(reads.file) ? 'map-ont' : 'sr';
}

/** Mean length of the complete FASTQ records in a text (the first part of a file); undefined without any. */
export function meanReadLength(fastqHead: string): number | undefined {
  const lines = fastqHead.split('\n');
  let reads = 0;
  let bases = 0;
  // The last record may be cut off: count only records whose quality line is followed by another line.
  for (let i = 0; i + 4 < lines.length; i += 4) {
    if (!lines[i]!.startsWith('@')) return reads === 0 ? undefined : bases / reads;
    reads += 1;
    bases += lines[i + 1]!.replace(/\r$/, '').length;
  }
  return reads === 0 ? undefined : bases / reads;
}
