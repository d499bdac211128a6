import { describe, expect, it } from 'vitest';
import { BamHeaderError, readBamHeader } from '../../../../src/core/files/bam-header';
import { detectBuild } from '../../../../src/core/files/contigs';
import { bgzfBlock, fixture } from './fixture';

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
    // ex1.bam has an empty text header, so build a BAM header from toy.sam's.
    const text = new TextEncoder().encode(
      new TextDecoder()
        .decode(fixture('toy.sam'))
        .split('\n')
        .filter((l) => l.startsWith('@'))
        .join('\n') + '\n',
    );
    const name = new TextEncoder().encode('ref\0');
    const bytes = new Uint8Array(4 + 4 + text.length + 4 + 4 + name.length + 4);
    const view = new DataView(bytes.buffer);
    bytes.set([0x42, 0x41, 0x4d, 1]);
    view.setInt32(4, text.length, true);
    bytes.set(text, 8);
    let p = 8 + text.length;
    view.setInt32(p, 1, true);
    view.setInt32(p + 4, name.length, true);
    bytes.set(name, p + 8);
    p += 8 + name.length;
    view.setInt32(p, 45, true);
    const header = await readBamHeader(bgzfBlock(bytes));
    expect(header.text).toMatch(/^@SQ\tSN:ref\tLN:45$/m);
    expect(header.references).toEqual([{ name: 'ref', length: 45 }]);
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
