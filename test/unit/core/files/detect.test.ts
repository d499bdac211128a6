import { describe, expect, it } from 'vitest';
import { detectBlob, detectFormat } from '../../../../src/core/files/detect';
import { fixture } from './fixture';

const HTSLIB = '/usr/share/htslib-test/test/';
const RSAMTOOLS = '/usr/lib/R/site-library/Rsamtools/extdata/';

async function detectFixture(path: string, name = path.split('/').pop() ?? path) {
  return detectBlob(name, new Blob([fixture(path) as Uint8Array<ArrayBuffer>]));
}

describe('detectFormat on good fixtures', () => {
  it.each([
    ['ex1.bam', 'bam', 'bgzf', true],
    ['ex1.cram', 'cram', 'none', true],
    ['toy.sam', 'sam', 'none', false],
    ['ex1.mpileup.bcf', 'bcf', 'bgzf', true],
    ['1kg_phase1_chr22_5samples.vcf.gz', 'vcf', 'bgzf', true],
    ['ex1.calls.vcf.gz', 'vcf', 'bgzf', true],
    ['ex1.fa', 'fasta', 'none', true],
    ['MT-human.fa', 'fasta', 'none', true],
    ['ex1.fastq', 'fastq', 'none', true],
    ['ex1_R1.fastq.gz', 'fastq', 'gzip', false],
    ['ex1.windows200.bed', 'bed', 'none', false],
    ['gencode_excerpt.exons.bed', 'bed', 'none', false],
    ['gencode_excerpt.gtf.gz', 'gtf', 'bgzf', true],
    ['ex1.bam.bai', 'bai', 'none', false],
    ['ex1.calls.vcf.gz.csi', 'csi', 'bgzf', false],
    ['1kg_phase1_chr22_5samples.vcf.gz.tbi', 'tbi', 'bgzf', false],
    ['ex1.cram.crai', 'crai', 'gzip', false],
    ['ex1.fa.fai', 'fai', 'none', false],
  ])('%s is %s (%s), indexable %s, with no problems', async (path, format, compression, indexable) => {
    const result = await detectFixture(path);
    expect(result).toMatchObject({ format, compression, indexable });
    expect(result.problems).toEqual([]);
  });
});

describe('detectFormat on files from the system test suites', () => {
  it.each([
    [HTSLIB + 'bgziptest.txt.gz.gzi', 'gzi'],
    [HTSLIB + 'tabix/gff_file.gff', 'gff'],
    [HTSLIB + 'fastqs.fq', 'fastq'],
    [RSAMTOOLS + 'ex1.sam', 'sam'],
    [RSAMTOOLS + 'ce2dict1.fa', 'fasta'],
  ])('%s is %s', async (path, format) => {
    const { readFileSync } = await import('node:fs');
    const bytes = new Uint8Array(readFileSync(path));
    const result = await detectFormat(path.split('/').pop() ?? path, bytes, { complete: true });
    expect(result.format).toBe(format);
  });
});

describe('detectFormat on deliberately wrong fixtures', () => {
  it.each([
    ['bad/empty.vcf', 'unknown', 'empty', 'error', /empty \(0 bytes\)/],
    ['bad/garbage-named.vcf', 'unknown', 'unrecognised', 'error', /binary data .* name says VCF/],
    ['bad/not-a-bam.bam', 'unknown', 'unrecognised', 'error', /text in a format Lokus does not recognise/],
    ['bad/plain-gzip.vcf.gz', 'vcf', 'plain-gzip', 'error', /compress it with bgzip \(Lokus can do that for you\)/i],
    ['bad/uncompressed.vcf.gz', 'vcf', 'not-compressed', 'warning', /named as compressed but is plain text.*rename it to uncompressed\.vcf/],
    ['bad/truncated.bam', 'bam', 'truncated', 'error', /cut off/],
    ['bad/ex1.truncated.bam', 'bam', 'truncated', 'error', /cut off/],
    ['bad/1kg_chr22.truncated.vcf.gz', 'vcf', 'truncated', 'error', /cut off/],
    ['bad/crlf.vcf', 'vcf', 'crlf', 'warning', /Windows line endings/],
    ['bad/bam-named.vcf', 'bam', 'name-mismatch', 'warning', /named like VCF, but its content is BAM.*bam-named\.bam/],
    ['bad/bed-reversed.bed', 'bed', 'bed-reversed', 'error', /seq1:400-300/],
    ['bad/bed-one-based.bed', 'bed', 'bed-one-based', 'warning', /1-based/],
  ])('%s: %s with a %s %s', async (path, format, code, severity, message) => {
    const result = await detectFixture(path);
    expect(result.format).toBe(format);
    expect(result.problems).toContainEqual({ code, severity, message: expect.stringMatching(message) });
  });

  it('a plain-gzip VCF is not indexable', async () => {
    expect((await detectFixture('bad/plain-gzip.vcf.gz')).indexable).toBe(false);
  });

  it('a plain VCF is readable but not indexable as it is', async () => {
    const result = await detectFixture('bad/crlf.vcf');
    expect(result).toMatchObject({ compression: 'none', indexable: false });
  });

  it('content wins over the name', async () => {
    expect((await detectFixture('ex1.fa', 'reads.vcf')).format).toBe('fasta');
  });

  it('reports only a head: a cut-off last line is not read as a broken record', async () => {
    const head = fixture('ex1.windows200.bed').subarray(0, 30);
    const result = await detectFormat('w.bed', head, { complete: false });
    expect(result).toMatchObject({ format: 'bed', problems: [] });
  });
});

describe('detectFormat on a compressed file cut before any data', () => {
  it('says it is cut off rather than unrecognised', async () => {
    const result = await detectFormat('cut.bam', fixture('ex1.bam').subarray(0, 40), { complete: true });
    expect(result.problems.map((p) => p.code)).toEqual(['truncated']);
  });
});
