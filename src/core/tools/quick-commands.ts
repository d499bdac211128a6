// The one-click commands offered for each kind of file: what a newcomer most likely wants to run first.
import type { FileFormat } from '../files/formats';
import type { JobSpec } from './job';

export interface QuickCommand {
  title: string;
  spec: JobSpec;
}

export function quickCommandsFor(name: string, format: FileFormat): QuickCommand[] {
  const one = (title: string, program: string, argv: string[]): QuickCommand => ({
    title,
    spec: { steps: [{ program, argv }] },
  });
  switch (format) {
    case 'bam':
    case 'cram':
    case 'sam':
      return [
        one('Read counts and flags', 'samtools', ['flagstat', name]),
        one('Reads per contig', 'samtools', ['idxstats', name]),
        one('Header', 'samtools', ['view', '-H', name]),
      ];
    case 'vcf':
    case 'bcf':
      return [
        one('Variant statistics', 'bcftools', ['stats', name]),
        one('Samples', 'bcftools', ['query', '-l', name]),
      ];
    case 'fastq':
      return [one('Quality per position', 'seqtk', ['fqchk', name]), one('Base composition', 'seqtk', ['comp', name])];
    case 'fasta':
      return [one('Sequence lengths and composition', 'seqtk', ['comp', name])];
    case 'bed':
      return [one('Merge overlapping intervals', 'bedtools', ['merge', '-i', name])];
    default:
      return [];
  }
}
