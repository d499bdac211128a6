import { describe, expect, it } from 'vitest';
import {
  render,
  sampleIdOf,
  sampleName,
  stepId,
  wordTemplate,
  type NameTemplate,
} from '../../../../src/core/export/names';

describe('sampleIdOf', () => {
  it.each([
    ['ex1.bam', 'bam', 'ex1'],
    ['ex1.calls.vcf.gz', 'vcf', 'ex1.calls'],
    ['lambda-a_R1.fastq.gz', 'fastq', 'lambda-a'],
    ['S12_L001_R1_001.fastq.gz', 'fastq', 'S12_L001'],
    ['my "odd" ö\'s file.bam', 'bam', 'my "odd" ö\'s file'],
    ['.bam', 'bam', '.bam'],
  ])('%s (%s) -> %s', (name, format, id) => {
    expect(sampleIdOf(name, format)).toBe(id);
  });
});

describe('sampleName', () => {
  it.each([
    ['ex1.bam', 'ex1', [], { before: '', sample: true, after: '.bam' }],
    ['ex1.bam.stats.txt', 'ex1', [], { before: '', sample: true, after: '.bam.stats.txt' }],
    ['ex1', 'ex1', [], { before: '', sample: true, after: '' }],
    ['ex10.bam', 'ex1', [], { before: 'ex10.bam', sample: false, after: '' }],
    ['lambda.fa.fai', 'lambda', ['lambda.fa'], { before: 'lambda.fa.fai', sample: false, after: '' }],
    ['hotspots.bed', 'ex1', [], { before: 'hotspots.bed', sample: false, after: '' }],
  ] as const)('%s with sample %s', (name, sample, shared, expected) => {
    const template = sampleName(name, sample, shared);
    expect(template).toEqual(expected);
    expect(render(template, sample)).toBe(name);
  });
});

describe('wordTemplate', () => {
  const names = new Map<string, NameTemplate>([
    ['ex1.bam', { before: '', sample: true, after: '.bam' }],
    ['ref.fa', { before: 'ref.fa', sample: false, after: '' }],
  ]);
  it.each([
    ['ex1.bam', 's2.bam'],
    ['reference=ex1.bam', 'reference=s2.bam'],
    ['reference=ref.fa', 'reference=ref.fa'],
    ['ex1.bam,x', 'ex1.bam,x'],
    ['-q', '-q'],
    ['%CHROM\\t%POS\\n', '%CHROM\\t%POS\\n'],
  ])('%s -> %s for sample s2, itself for ex1', (word, forS2) => {
    expect(render(wordTemplate(word, names), 's2')).toBe(forS2);
    expect(render(wordTemplate(word, names), 'ex1')).toBe(word);
  });
});

describe('stepId', () => {
  it.each([
    [0, [{ program: 'samtools', argv: ['flagstat', 'x.bam'] }], 's01_samtools_flagstat'],
    [
      11,
      [
        { program: 'minimap2', argv: ['-a', 'r.fa'] },
        { program: 'samtools', argv: ['sort', '-'] },
      ],
      's12_minimap2_samtools_sort',
    ],
    [2, [{ program: 'bcftools', argv: ['+split-vep'] }], 's03_bcftools'],
  ])('step %i', (index, commands, id) => {
    expect(stepId(index, commands)).toBe(id);
  });
});
