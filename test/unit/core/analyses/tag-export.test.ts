import { describe, expect, it } from 'vitest';
import { decodeTag, encodeTag } from '../../../../src/core/analyses/tag';
import { toDelimited, toJson } from '../../../../src/core/analyses/export';
import { alignmentQc } from '../../../../src/core/analyses/alignment-qc';
import { inputProblems, suggestInputs } from '../../../../src/core/analyses/inputs';
import { fastqQc } from '../../../../src/core/analyses/fastq-qc';

describe('analysis tags', () => {
  it('round-trips inputs and parameters, names with spaces included', () => {
    const tag = {
      analysis: 'alignment-qc',
      instance: 'a1b2c3',
      inputs: { alignments: 'my sample.bam', reference: 'ref&1.fa' },
      params: { maxInsert: 500 },
    };
    expect(encodeTag(tag)).toMatch(/^alignment-qc\/a1b2c3\?/);
    expect(decodeTag(encodeTag(tag))).toEqual(tag);
  });

  it('ignores tags that are not analysis runs', () => {
    expect(decodeTag('alignment-qc')).toBeUndefined();
  });
});

describe('export', () => {
  it('writes TSV with a header', () => {
    expect(
      toDelimited(
        [
          { a: 1, b: 'x' },
          { a: 2, b: 'y' },
        ],
        '\t',
      ),
    ).toBe('a\tb\n1\tx\n2\ty\n');
  });

  it('quotes CSV cells that need it and writes NA for missing numbers', () => {
    expect(toDelimited([{ name: 'a,"b"', v: Number.NaN }], ',')).toBe('name,v\n"a,""b""",NA\n');
  });

  it('writes JSON with null for non-finite numbers', () => {
    expect(JSON.parse(toJson({ x: Number.NaN, y: 1 }))).toEqual({ x: null, y: 1 });
  });
});

describe('inputs', () => {
  const files = [
    { name: 'ex1.bam', format: 'bam' as const, indexName: 'ex1.bam.bai' },
    { name: 'ex1.cram', format: 'cram' as const, indexName: 'ex1.cram.crai' },
    { name: 'plain.bam', format: 'bam' as const },
    { name: 'ex1.fa', format: 'fasta' as const },
  ];

  it('suggests the first matching file for required slots only', () => {
    expect(suggestInputs(alignmentQc, files)).toEqual({ alignments: 'ex1.bam' });
  });

  it('asks for an index and for a CRAM reference', () => {
    expect(inputProblems(alignmentQc, { alignments: 'plain.bam' }, files)).toEqual([
      'plain.bam needs an index: use "Create index" next to it in Files.',
    ]);
    expect(inputProblems(alignmentQc, { alignments: 'ex1.cram' }, files)[0]).toMatch(/Reference FASTA/);
    expect(inputProblems(alignmentQc, { alignments: 'ex1.cram', reference: 'ex1.fa' }, files)).toEqual([]);
  });
});

describe('FASTQ pairs', () => {
  it('suggests the R2 file of the chosen R1', () => {
    const reads = [
      { name: 'ex1_R1.fastq.gz', format: 'fastq' as const },
      { name: 'ex1_R2.fastq.gz', format: 'fastq' as const },
    ];
    expect(suggestInputs(fastqQc, reads)).toEqual({ reads1: 'ex1_R1.fastq.gz', reads2: 'ex1_R2.fastq.gz' });
  });
});
