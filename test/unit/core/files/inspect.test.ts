import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../../src/core/files/inspect';
import { bgzfBlock, fixture } from './fixture';

const fileOf = (path: string, name = path.split('/').pop() ?? path) =>
  new File([fixture(path) as Uint8Array<ArrayBuffer>], name, { lastModified: 42 });

describe('inspectFile', () => {
  it('gives identity, format, contigs and build for a BAM', async () => {
    const result = await inspectFile(fileOf('ex1.bam'));
    expect(result.identity).toMatchObject({
      name: 'ex1.bam',
      size: 126539,
      lastModified: 42,
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(result.detected).toMatchObject({ format: 'bam', compression: 'bgzf', problems: [] });
    expect(result.contigs.contigs.map((c) => c.name)).toEqual(['seq1', 'seq2']);
    expect(result.build.build).toBe('unknown');
  });

  it('finds the build of a human VCF', async () => {
    expect((await inspectFile(fileOf('vep_csq_chr1.vcf.gz'))).build).toMatchObject({
      build: 'GRCh37',
      naming: 'plain',
    });
  });

  it('still reports a BAM cut inside its header, with the reason instead of contigs', async () => {
    // "BAM\1", then l_text = 1000, then only 3 bytes of header text.
    const cut = bgzfBlock(new Uint8Array([0x42, 0x41, 0x4d, 1, 0xe8, 3, 0, 0, 0x40, 0x48, 0x44]));
    const result = await inspectFile(new File([cut as Uint8Array<ArrayBuffer>], 'cut.bam'));
    expect(result.detected.format).toBe('bam');
    expect(result.contigs).toMatchObject({ contigs: [], source: 'none', note: expect.stringMatching(/incomplete/) });
  });

  it('reads no contigs from garbage', async () => {
    const result = await inspectFile(fileOf('bad/garbage-named.vcf'));
    expect(result.detected.format).toBe('unknown');
    expect(result.contigs).toEqual({ contigs: [], source: 'none' });
  });
});
