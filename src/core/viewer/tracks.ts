// Which session files the genome viewer can show and how: the reference (FASTA + .fai), alignments
// (BAM/CRAM + index), variants (VCF, bgzipped with .tbi/.csi or plain), annotations (BED/GFF/GTF) and coverage
// (bedGraph, e.g. `bedtools genomecov -bg` output; recognised by name).
import type { Compression } from '../files/gzip';
import { formatFromName, type FileFormat } from '../files/formats';
import { pairIndexes } from '../files/index-pairing';

export type TrackKind = 'reference' | 'alignment' | 'variant' | 'annotation' | 'coverage';

/** The format names igv.js takes for each kind of file. */
export type ViewerFormat = 'fasta' | 'bam' | 'cram' | 'vcf' | 'bed' | 'gff3' | 'gtf' | 'bedgraph';

/** bedGraph is BED-shaped text (chrom, start, end, value): only its name tells it from a BED file. */
const BEDGRAPH_NAME = /\.(bedgraph|bdg)(\.gz)?$/i;

export interface ViewerSource {
  name: string;
  /** From detection; when absent (a run's output) the name decides. */
  format?: FileFormat;
  compression?: Compression;
}

export interface TrackPlan {
  /** The data file's name: the track's identity in the view state and in the IGV batch file. */
  name: string;
  kind: TrackKind;
  format: ViewerFormat;
  index?: string;
}

export interface Unviewable {
  name: string;
  /** One plain sentence: why the viewer cannot show it and what to do. */
  reason: string;
}

export interface ViewerPlan {
  references: TrackPlan[];
  tracks: TrackPlan[];
  unviewable: Unviewable[];
}

const KIND: Partial<Record<FileFormat, [TrackKind, ViewerFormat]>> = {
  fasta: ['reference', 'fasta'],
  bam: ['alignment', 'bam'],
  cram: ['alignment', 'cram'],
  vcf: ['variant', 'vcf'],
  bed: ['annotation', 'bed'],
  gff: ['annotation', 'gff3'],
  gtf: ['annotation', 'gtf'],
};

/**
 * Files shown only with their index: FASTA, BAM and CRAM (without one igv.js could only read every byte) and
 * anything compressed (igv.js reads compressed VCF/BED/GFF through the index; read whole, they fail).
 */
function needsIndex(format: FileFormat, compression: Compression): boolean {
  return format === 'fasta' || format === 'bam' || format === 'cram' || compression !== 'none';
}

const REASONS: Partial<Record<FileFormat, string>> = {
  bcf: 'The viewer reads VCF, not BCF: convert it with "bcftools view -Oz -o STEM.vcf.gz NAME" and index it with tabix.',
  sam: 'The viewer reads BAM or CRAM: convert it with "samtools sort -o STEM.bam NAME" and index it.',
};

export function planTracks(sources: readonly ViewerSource[]): ViewerPlan {
  // A bedGraph pairs with its .tbi the way a BED file does.
  const pairing = pairIndexes(
    sources.map(({ name, format, compression }) => ({
      name,
      format: BEDGRAPH_NAME.test(name) ? 'bed' : format,
      compression,
    })),
  );
  const plan: ViewerPlan = { references: [], tracks: [], unviewable: [] };
  for (const source of sources) {
    const format = source.format ?? formatFromName(source.name);
    const reason = REASONS[format];
    if (reason) {
      plan.unviewable.push({
        name: source.name,
        reason: reason.replaceAll('STEM', source.name.replace(/\.[^.]+$/, '')).replaceAll('NAME', source.name),
      });
      continue;
    }
    const kind: [TrackKind, ViewerFormat] | undefined = BEDGRAPH_NAME.test(source.name)
      ? ['coverage', 'bedgraph']
      : KIND[format];
    if (!kind) continue;
    // A bgzipped FASTA needs its .gzi as well; igv.js takes the .fai as the index either way.
    const index = pairing.pairs.find((pair) => pair.data === source.name && pair.indexFormat !== 'gzi')?.index;
    const compression = source.compression ?? (/\.(gz|bgz|bgzf)$/i.test(source.name) ? 'bgzf' : 'none');
    if (!index && needsIndex(format, compression)) {
      const fix =
        compression === 'gzip' ? 'recompress it with bgzip and index it' : 'create it (Files panel, "Create index")';
      plan.unviewable.push({ name: source.name, reason: `${source.name} has no index: ${fix} to view it.` });
      continue;
    }
    const track: TrackPlan = { name: source.name, kind: kind[0], format: kind[1], ...(index ? { index } : {}) };
    (kind[0] === 'reference' ? plan.references : plan.tracks).push(track);
  }
  return plan;
}
