import { describe, expect, it } from 'vitest';
import { choosePreset, meanReadLength, sampleName, sampleOutputs } from '../../../../src/core/pathogen/naming';
import {
  consensusFasta,
  countN,
  parseDepth,
  parseFasta,
  parseVariantLines,
  variantKind,
} from '../../../../src/core/pathogen/outputs';

describe('pathogen sample names and outputs', () => {
  it.each([
    ['lambda-a_R1.fastq.gz', 'lambda-a'],
    ['S12_L001_R1_001.fastq.gz', 'S12_L001'],
    ['run7/isolate.1.fq', 'isolate'],
    ['barcode05.fastq', 'barcode05'],
    ['my sample_R1.fq.gz', 'my_sample'],
    ['R1.fastq', 'R1'],
  ])('%s -> %s', (file, name) => {
    expect(sampleName(file)).toBe(name);
  });

  it('derives every output file from the sample, so samples never collide', () => {
    expect(Object.values(sampleOutputs('S1'))).toEqual([
      'S1.bam',
      'S1.unclipped.bam',
      'S1.vcf.gz',
      'S1.consensus.fa',
      'S1.depth.tsv',
    ]);
  });

  it.each([
    [{ paired: false, file: 'x.fq', meanLength: 2400 }, 0, 'map-ont'],
    [{ paired: false, file: 'x.fq', meanLength: 150 }, 0, 'sr'],
    [{ paired: false, file: 'x_nanopore.fq' }, 0, 'map-ont'],
    [{ paired: true, file: 'x_R1.fq' }, 0, 'sr'],
    [{ paired: false, file: 'x_ont.fq', meanLength: 2400 }, 1, 'sr'],
  ])('preset for %o, choice %d: %s', (reads, choice, preset) => {
    expect(choosePreset(choice, reads)).toBe(preset);
  });

  it('measures the mean read length from complete records of a file head', () => {
    expect(meanReadLength('@a\nACGT\n+\nIIII\n@b\nACGTAC\n+\nIIIIII\n@c\nACG')).toBe(5);
    expect(meanReadLength('>not fastq\nACGT\n')).toBeUndefined();
  });
});

describe('pathogen output readers', () => {
  it('counts covered positions per contig and bins depth', () => {
    const text = ['c1\t1\t0', 'c1\t2\t12', 'c1\t3\t30', 'c2\t1\t10', 'c2\t2\t9', ''].join('\n');
    const profile = parseDepth(text, 10, 2);
    expect(profile.contigs).toEqual([
      { name: 'c1', length: 3, covered: 2, depthSum: 42 },
      { name: 'c2', length: 2, covered: 1, depthSum: 19 },
    ]);
    expect(profile.bins.map((b) => [b.contig, b.start, b.end, b.meanDepth, b.minDepth])).toEqual([
      ['c1', 1, 3, 14, 0],
      ['c2', 1, 2, 9.5, 9],
    ]);
  });

  it('reads FASTA, counts N and names the consensus after the sample', () => {
    const records = parseFasta('>c1 x\nACNN\nNT\n>c2\nGG\n');
    expect(records).toEqual([
      { name: 'c1', sequence: 'ACNNNT' },
      { name: 'c2', sequence: 'GG' },
    ]);
    expect(countN(records[0]!.sequence)).toBe(3);
    expect(consensusFasta('S1', records)).toBe('>S1_c1 consensus of c1\nACNNNT\n>S1_c2 consensus of c2\nGG\n');
    expect(() => parseFasta('ACGT\n>c1\n')).toThrow(/line 1: sequence before the first/);
  });

  it('reads variant lines with allele depths and classifies them', () => {
    expect(parseVariantLines('c1\t10\tA\tAT\t50.5\t20\t2,18\n')).toEqual([
      {
        contig: 'c1',
        pos: 10,
        ref: 'A',
        alt: 'AT',
        kind: 'insertion',
        qual: 50.5,
        depth: 20,
        refReads: 2,
        altReads: 18,
      },
    ]);
    expect(() => parseVariantLines('c1\t10\tA\n')).toThrow(/7 tab-separated columns/);
    expect([
      variantKind('A', 'G'),
      variantKind('AC', 'GT'),
      variantKind('ACG', 'A'),
      variantKind('A', 'C,G'),
      variantKind('AC', 'T'),
    ]).toEqual(['SNV', 'MNV', 'deletion', 'complex', 'complex']);
  });
});
