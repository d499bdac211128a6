import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BamHeaderError, readBamHeader } from '../../../../src/core/files/bam-header';
import { detectBuild } from '../../../../src/core/files/contigs';
import { fixture } from './fixture';

describe('readBamHeader', () => {
  it('reads the reference list of ex1.bam', async () => {
    const header = await readBamHeader(fixture('ex1.bam').subarray(0, 64 * 1024));
    expect(header.references).toEqual([
      { name: 'seq1', length: 1575 },
      { name: 'seq2', length: 1584 },
    ]);
    expect(detectBuild(header.references).build).toBe('unknown');
  });

  it('returns the header text', async () => {
    const bytes = new Uint8Array(readFileSync('/usr/share/htslib-test/test/colons.bam'));
    const header = await readBamHeader(bytes);
    expect(header.text).toMatch(/^@SQ\tSN:/m);
    expect(header.references.length).toBeGreaterThan(0);
  });

  it('reads the header of a truncated BAM when the header itself is there', async () => {
    const header = await readBamHeader(fixture('bad/truncated.bam'));
    expect(header.references.map((r) => r.name)).toEqual(['seq1', 'seq2']);
  });

  it.each([
    ['a file that is not BAM', 'ex1.calls.vcf.gz', /BAM magic is missing/],
    ['a BAM cut inside its header', 'ex1.bam', /header is incomplete/],
  ])('rejects %s', async (_label, path, message) => {
    const bytes = path === 'ex1.bam' ? fixture(path).subarray(0, 20) : fixture(path);
    await expect(readBamHeader(bytes)).rejects.toThrow(BamHeaderError);
    await expect(readBamHeader(bytes)).rejects.toThrow(message);
  });
});
