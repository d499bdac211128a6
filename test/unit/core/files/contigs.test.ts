import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import {
  buildLabel,
  compareContigs,
  detectBuild,
  namingStyle,
  parseFaiContigs,
  parseSamHeaderContigs,
  parseVcfHeaderContigs,
  type Contig,
} from '../../../../src/core/files/contigs';
import { PRIMARY_LENGTHS, type BuildName } from '../../../../src/core/files/reference-builds';
import { fixture } from './fixture';

const text = (path: string) =>
  new TextDecoder().decode(path.endsWith('.gz') ? gunzipSync(fixture(path)) : fixture(path));

function assembly(build: BuildName, prefix: string, mito?: number): Contig[] {
  return Object.entries(PRIMARY_LENGTHS[build])
    .filter(([name]) => name !== 'MT' || mito !== undefined)
    .map(([name, length]) =>
      name === 'MT' ? { name: prefix ? 'chrM' : 'MT', length: mito ?? length } : { name: prefix + name, length },
    );
}

describe('header parsers', () => {
  it('reads @SQ lines from SAM header text', () => {
    expect(parseSamHeaderContigs(text('toy.sam'))).toEqual([
      { name: 'ref', length: 45 },
      { name: 'ref2', length: 40 },
    ]);
  });

  it('reads ##contig lines from a VCF header', () => {
    expect(parseVcfHeaderContigs(text('ex1.calls.vcf.gz'))).toEqual([
      { name: 'seq1', length: 1575 },
      { name: 'seq2', length: 1584 },
    ]);
  });

  it('keeps a ##contig without a length, and ignores keys that merely end in ID', () => {
    expect(parseVcfHeaderContigs('##contig=<ID=chr1,assembly=b37,length=249250621>\n##contig=<ID=x>\n')).toEqual([
      { name: 'chr1', length: 249250621 },
      { name: 'x' },
    ]);
  });

  it('reads a .fai', () => {
    expect(parseFaiContigs(text('ex1.fa.fai'))).toEqual([
      { name: 'seq1', length: 1575 },
      { name: 'seq2', length: 1584 },
    ]);
    expect(parseFaiContigs(text('MT-human.fa.fai'))).toEqual([{ name: 'MT_human', length: 16569 }]);
  });
});

describe('namingStyle', () => {
  it.each([
    [[{ name: 'chr1' }, { name: 'chrX' }], 'chr'],
    [[{ name: '1' }, { name: 'MT' }], 'plain'],
    [[{ name: 'chr1' }, { name: '2' }], 'mixed'],
    [[{ name: 'seq1' }], 'unknown'],
  ])('%j -> %s', (contigs, style) => {
    expect(namingStyle(contigs)).toBe(style);
  });
});

describe('detectBuild', () => {
  it.each([
    ['GRCh37 plain names', assembly('GRCh37', '', 16569), 'GRCh37', undefined, 'plain'],
    ['GRCh38 plain names', assembly('GRCh38', ''), 'GRCh38', undefined, 'plain'],
    ['hg19 (chr names, Yale chrM)', assembly('GRCh37', 'chr', 16571), 'GRCh37', 'hg19', 'chr'],
    ['GRCh37 with chr names and the rCRS', assembly('GRCh37', 'chr', 16569), 'GRCh37', undefined, 'chr'],
    ['hg38', assembly('GRCh38', 'chr', 16569), 'GRCh38', 'hg38', 'chr'],
    ['only chrM from hg19', [{ name: 'chrM', length: 16571 }], 'GRCh37', 'hg19', 'chr'],
    ['a non-human genome', [{ name: 'seq1', length: 1575 }], 'unknown', undefined, 'unknown'],
  ])('%s', (_label, contigs, build, ucsc, naming) => {
    const guess = detectBuild(contigs);
    expect({ build: guess.build, ucsc: guess.ucsc, naming: guess.naming }).toEqual({ build, ucsc, naming });
  });

  it.each([
    ['bad/grch37-plain-names.vcf', parseVcfHeaderContigs, 'GRCh37', 'plain'],
    ['bad/grch38-chr-names.sam', parseSamHeaderContigs, 'GRCh38', 'chr'],
  ])('detects the build of %s from its header', (path, parse, build, naming) => {
    expect(detectBuild(parse(text(path)))).toMatchObject({ build, naming });
  });

  it('lists primary chromosomes whose length fits neither build', () => {
    expect(
      detectBuild([
        { name: '1', length: 248956422 },
        { name: '2', length: 5 },
      ]).conflicting,
    ).toEqual(['2']);
  });

  it('labels a guess for people', () => {
    expect(buildLabel(detectBuild(assembly('GRCh38', 'chr')))).toBe('GRCh38 (hg38 naming)');
  });
});

describe('compareContigs', () => {
  const b37 = { label: 'grch37-plain-names.vcf', contigs: parseVcfHeaderContigs(text('bad/grch37-plain-names.vcf')) };
  const b38 = { label: 'grch38-chr-names.sam', contigs: parseSamHeaderContigs(text('bad/grch38-chr-names.sam')) };

  it('warns about build and naming when both differ', () => {
    expect(compareContigs(b37, b38).map((w) => w.code)).toEqual(['build', 'naming']);
  });

  it('names both files and both builds in the build warning', () => {
    expect(compareContigs(b37, b38)[0]?.message).toMatch(
      /grch37-plain-names\.vcf is on GRCh37 but grch38-chr-names\.sam is on GRCh38/,
    );
  });

  it('is silent for files on the same reference', () => {
    const fai = { label: 'ex1.fa.fai', contigs: parseFaiContigs(text('ex1.fa.fai')) };
    const vcf = { label: 'ex1.calls.vcf.gz', contigs: parseVcfHeaderContigs(text('ex1.calls.vcf.gz')) };
    expect(compareContigs(fai, vcf)).toEqual([]);
  });

  it('warns only about naming when the build agrees', () => {
    const plain = { label: 'a', contigs: assembly('GRCh38', '') };
    const chr = { label: 'b', contigs: assembly('GRCh38', 'chr') };
    expect(compareContigs(plain, chr).map((w) => w.code)).toEqual(['naming']);
  });

  it('warns about different lengths for non-human contigs', () => {
    const a = { label: 'a', contigs: [{ name: 'seq1', length: 1575 }] };
    const b = { label: 'b', contigs: [{ name: 'seq1', length: 1500 }] };
    expect(compareContigs(a, b)).toEqual([{ code: 'length', message: expect.stringMatching(/seq1 \(1575 vs 1500\)/) }]);
  });

  it('warns when the files share no contig at all', () => {
    const a = { label: 'ex1.fa.fai', contigs: parseFaiContigs(text('ex1.fa.fai')) };
    const b = { label: 'toy.sam', contigs: parseSamHeaderContigs(text('toy.sam')) };
    expect(compareContigs(a, b).map((w) => w.code)).toEqual(['missing']);
  });

  it('lists primary chromosomes present in one file only', () => {
    const a = {
      label: 'a',
      contigs: [
        { name: '1', length: 248956422 },
        { name: '2', length: 242193529 },
      ],
    };
    const b = { label: 'b', contigs: [{ name: '1', length: 248956422 }] };
    expect(compareContigs(a, b)).toEqual([{ code: 'missing', message: expect.stringMatching(/2 only in a/) }]);
  });
});
