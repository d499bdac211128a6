import { describe, expect, it } from 'vitest';
import { compareAllContigs, readContigs } from '../../../../src/core/files/read-contigs';
import { detectBlob } from '../../../../src/core/files/detect';
import { detectBuild } from '../../../../src/core/files/contigs';
import { bgzf, fixture } from './fixture';

const ex1 = [
  { name: 'seq1', length: 1575 },
  { name: 'seq2', length: 1584 },
];

async function contigsOf(path: string) {
  const blob = new Blob([fixture(path) as Uint8Array<ArrayBuffer>]);
  return readContigs(blob, await detectBlob(path, blob));
}

describe('readContigs', () => {
  it.each([
    ['ex1.bam', 'bam-header'],
    ['ex1.cram', 'cram-header'],
    ['ex1.calls.vcf.gz', 'vcf-header'],
    ['ex1.mpileup.bcf', 'bcf-header'],
    ['ex1.fa.fai', 'fai'],
  ])('reads seq1 and seq2 from %s (%s)', async (path, source) => {
    expect(await contigsOf(path)).toEqual({ contigs: ex1, source });
  });

  it.each([
    ['toy.sam', 'sam-header', ['ref', 'ref2']],
    ['bad/crlf.vcf', 'vcf-header', ['seq1', 'seq2']],
    ['bad/grch37-plain-names.vcf', 'vcf-header', ['1', '2', 'X', 'Y', 'MT']],
  ])('reads %s from its %s', async (path, source, names) => {
    const result = await contigsOf(path);
    expect(result.source).toBe(source);
    expect(result.contigs.map((c) => c.name)).toEqual(names);
  });

  it('finds GRCh37 in the VEP-annotated VCF', async () => {
    expect(detectBuild((await contigsOf('vep_csq_chr1.vcf.gz')).contigs)).toMatchObject({
      build: 'GRCh37',
      naming: 'plain',
    });
  });

  it('explains why a FASTA without its .fai has no contigs', async () => {
    expect(await contigsOf('ex1.fa')).toMatchObject({
      contigs: [],
      source: 'none',
      note: expect.stringMatching(/\.fai/),
    });
  });
});

describe('readContigs on headers larger than the first 64 KB', () => {
  const names = Array.from({ length: 5000 }, (_, i) => `HLA-contig_${i}_alt`);
  const encode = (text: string) => new TextEncoder().encode(text);

  it('reads all 5000 ##contig lines of a bgzip VCF', async () => {
    const header =
      '##fileformat=VCFv4.2\n' +
      names.map((n, i) => `##contig=<ID=${n},length=${1000 + i}>\n`).join('') +
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n';
    const blob = new Blob([
      bgzf(encode(header + 'HLA-contig_0_alt\t1\t.\tA\tC\t.\t.\t.\n')) as Uint8Array<ArrayBuffer>,
    ]);
    const result = await readContigs(blob, { format: 'vcf', compression: 'bgzf' });
    expect(result.contigs).toHaveLength(5000);
    expect(result.contigs.at(-1)).toEqual({ name: 'HLA-contig_4999_alt', length: 5999 });
  });

  it('reads all 5000 references of a BAM', async () => {
    const parts: number[] = [0x42, 0x41, 0x4d, 1, 0, 0, 0, 0];
    const int32 = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
    parts.push(...int32(names.length));
    names.forEach((n, i) => parts.push(...int32(n.length + 1), ...encode(n), 0, ...int32(1000 + i)));
    const blob = new Blob([bgzf(new Uint8Array(parts)) as Uint8Array<ArrayBuffer>]);
    const result = await readContigs(blob, { format: 'bam', compression: 'bgzf' });
    expect(result.contigs).toHaveLength(5000);
    expect(result.contigs[4999]).toEqual({ name: 'HLA-contig_4999_alt', length: 5999 });
  });
});

describe('compareAllContigs', () => {
  it('is silent for the ex1 BAM, CRAM, VCF and .fai together', async () => {
    const sets = await Promise.all(
      ['ex1.bam', 'ex1.cram', 'ex1.calls.vcf.gz', 'ex1.fa.fai', 'ex1.fa'].map(async (label) => ({
        label,
        contigs: (await contigsOf(label)).contigs,
      })),
    );
    expect(compareAllContigs(sets)).toEqual([]);
  });

  it('warns about each pair that disagrees', async () => {
    const sets = await Promise.all(
      ['vep_csq_chr1.vcf.gz', 'bad/grch37-plain-names.vcf', 'bad/grch38-chr-names.sam'].map(async (label) => ({
        label,
        contigs: (await contigsOf(label)).contigs,
      })),
    );
    const warnings = compareAllContigs(sets);
    expect(warnings.filter((w) => w.code === 'build').map((w) => w.message.split(' is on ')[0])).toEqual([
      'vep_csq_chr1.vcf.gz',
      'bad/grch37-plain-names.vcf',
    ]);
  });
});
