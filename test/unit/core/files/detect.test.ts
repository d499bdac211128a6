import { describe, expect, it } from 'vitest';
import { detectBlob, detectFormat } from '../../../../src/core/files/detect';
import { bgzfBlock, fixture } from './fixture';

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

describe('detectFormat on small inline samples', () => {
  // A .gzi: one entry (uint64 count) then (compressed, uncompressed) offset pairs, little-endian.
  const gzi = new Uint8Array(24);
  new DataView(gzi.buffer).setBigUint64(0, 1n, true);
  new DataView(gzi.buffer).setBigUint64(8, 18509n, true);
  new DataView(gzi.buffer).setBigUint64(16, 65280n, true);
  const encode = (text: string) => new TextEncoder().encode(text);

  it.each([
    ['x.fa.gz.gzi', gzi, 'gzi'],
    ['genes.gff3', encode('##gff-version 3\nchr1\tHAVANA\tgene\t11869\t14409\t.\t+\t.\tID=ENSG00000223972.5\n'), 'gff'],
    [
      'genes.txt',
      encode(
        'chr1\tHAVANA\texon\t11869\t12227\t.\t+\t.\tgene_id "ENSG00000223972.5"; transcript_id "ENST00000456328.2";\n',
      ),
      'gtf',
    ],
    ['reads.txt', encode('r001\t99\tref\t7\t30\t8M2I4M1D3M\t=\t37\t39\tTTAGATAAAGGATACTG\t*\n'), 'sam'],
    ['regions.txt', encode('track name=x\nchr1\t0\t100\nchr1\t200\t300\tpeak\n'), 'bed'],
    ['ref.fa.fai', encode('chr1\t248956422\t6\t60\t61\n'), 'fai'],
  ])('%s is %s', async (name, bytes, format) => {
    expect((await detectFormat(name, bytes, { complete: true })).format).toBe(format);
  });
});

describe('detectFormat on deliberately wrong fixtures', () => {
  it.each([
    ['bad/empty.vcf', 'unknown', 'empty', 'error', /empty \(0 bytes\)/],
    ['bad/garbage-named.vcf', 'unknown', 'unrecognised', 'error', /binary data .* name says VCF/],
    ['bad/not-a-bam.bam', 'unknown', 'unrecognised', 'error', /text in a format Lokus does not recognise/],
    ['bad/plain-gzip.vcf.gz', 'vcf', 'plain-gzip', 'error', /compress it with bgzip \(Lokus can do that for you\)/i],
    [
      'bad/uncompressed.vcf.gz',
      'vcf',
      'not-compressed',
      'warning',
      /named as compressed but is plain text.*rename it to uncompressed\.vcf/,
    ],
    ['bad/truncated.bam', 'bam', 'truncated', 'error', /cut off/],
    ['bad/ex1.truncated.bam', 'bam', 'truncated', 'error', /cut off/],
    [
      'bad/crc-damaged.bam',
      'unknown',
      'damaged',
      'error',
      /^crc-damaged\.bam is damaged: its compressed block at byte 0 fails its CRC32 check.*Download or copy it again/,
    ],
    ['bad/1kg_chr22.truncated.vcf.gz', 'vcf', 'truncated', 'error', /cut off/],
    ['bad/crlf.vcf', 'vcf', 'crlf', 'warning', /Windows line endings/],
    ['bad/bam-named.vcf', 'bam', 'name-mismatch', 'warning', /named like VCF, but its content is BAM.*bam-named\.bam/],
    ['bad/bed-reversed.bed', 'bed', 'bed-reversed', 'error', /seq1:400-300/],
    ['bad/bed-one-based.bed', 'bed', 'bed-one-based', 'warning', /1-based/],
    [
      'bad/vcf-malformed.vcf',
      'vcf',
      'vcf-malformed',
      'error',
      /line 7 has POS "pos200", not a positive whole number; line 8 has 1 tab-separated column, not 10.*separated by tabs/,
    ],
    [
      'bad/vcf-malformed.vcf',
      'vcf',
      'vcf-undeclared',
      'warning',
      /INFO\/MADEUP, INFO\/ODD, FORMAT\/XQ without declaring them/,
    ],
  ])('%s: %s with a %s %s', async (path, format, code, severity, message) => {
    const result = await detectFixture(path);
    expect(result.format).toBe(format);
    expect(result.problems).toContainEqual({ code, severity, message: expect.stringMatching(message) });
  });

  it('a damaged BAM is damaged, not cut off, and a block that does not inflate is named', async () => {
    expect((await detectFixture('bad/crc-damaged.bam')).problems.map((p) => p.code)).toEqual(['damaged']);
    // Two blocks of a small VCF, the second one's deflate data broken: the first still tells the format.
    const vcf = new TextEncoder().encode(
      '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n' +
        'seq1\t1\t.\tA\tG\t.\t.\t.\n'.repeat(50),
    );
    const first = bgzfBlock(vcf);
    const second = bgzfBlock(vcf.subarray(60));
    second[20] = 0xff;
    second[21] = 0xff;
    const result = await detectBlob(
      'x.vcf.gz',
      new Blob([first, second, bgzfBlock(new Uint8Array(0))] as Uint8Array<ArrayBuffer>[]),
    );
    expect(result.format).toBe('vcf');
    expect(result.problems).toContainEqual({
      code: 'damaged',
      severity: 'error',
      message: expect.stringMatching(
        new RegExp(`block at byte ${first.length} (cannot be decompressed|fails its CRC32 check)`),
      ),
    });
  });

  it('the good VCFs have no malformed or undeclared records', async () => {
    for (const path of [
      'ex1.calls.vcf.gz',
      '1kg_phase1_chr22_5samples.vcf.gz',
      'vep_csq_chr1.vcf.gz',
      'bad/crlf.vcf',
    ]) {
      const codes = (await detectFixture(path)).problems.map((p) => p.code);
      expect(codes, path).not.toContain('vcf-malformed');
      expect(codes, path).not.toContain('vcf-undeclared');
    }
  });

  it.each([
    ['one enormous line', 'ACGT'.repeat(300_000), /no line break in its first 64 KB/],
    ['CR-only line endings', 'seq1\t0\t10\r'.repeat(10_000), /CR only .* convert the line endings to LF/],
  ])('%s: says there are no line breaks, not just "unrecognised"', async (_, text, message) => {
    const result = await detectBlob('one-line.vcf', new Blob([text]));
    expect(result.problems.map((p) => p.code)).toEqual(['no-line-breaks']);
    expect(result.problems[0]?.message).toMatch(message);
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
