import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readNaming, recordNames } from '../../../../src/core/files/chrom-naming';

const VCF_HEAD = '##fileformat=VCFv4.1\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n';

describe('recordNames', () => {
  it.each([
    ['vcf', `${VCF_HEAD}1\t10\t.\tA\tG\t.\t.\t.\n2\t5\t.\tA\tG\t.\t.\t.\npartial`, ['1', '2']],
    [
      'gff',
      '##gff-version 3\n##sequence-region chrX 1 100\nchr1\tx\tgene\t1\t9\t.\t+\t.\tID=gene:A\n',
      ['chr1', 'chrX'],
    ],
    ['fasta', '>chr1 first\nACGT\n>chr2\nAC\n', ['chr1', 'chr2']],
  ] as const)('%s', (format, text, names) => {
    expect(recordNames(text, format)).toEqual(names);
  });
});

describe('readNaming before a run', () => {
  it.each([
    [
      'a VCF declaring chr contigs',
      `##fileformat=VCFv4.2\n##contig=<ID=chr1,length=9>\n${VCF_HEAD}`,
      'vcf',
      'none',
      'chr',
    ],
    [
      'ClinVar-like VCF without contigs, its records say "1"',
      `${VCF_HEAD}1\t10\t1\tA\tG\t.\t.\t.\n`,
      'vcf',
      'none',
      'plain',
    ],
    ['the same gzipped', `${VCF_HEAD}1\t10\t1\tA\tG\t.\t.\t.\n`, 'vcf', 'gzip', 'plain'],
    ['an Ensembl GFF3', '##gff-version 3\n1\tx\tgene\t1\t9\t.\t+\t.\tID=gene:A\n', 'gff', 'none', 'plain'],
    ['a UCSC FASTA', '>chr1\nACGT\n', 'fasta', 'none', 'chr'],
    ['a FASTA of a synthetic contig', '>contig_7\nACGT\n', 'fasta', 'none', 'unknown'],
  ] as const)('%s', async (_name, text, format, compression, style) => {
    const bytes = compression === 'gzip' ? gzipSync(text) : new TextEncoder().encode(text);
    expect(await readNaming(new Blob([bytes]), { format, compression })).toBe(style);
  });
});
