import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { CramHeaderError, readCramHeaderText } from '../../../../src/core/files/cram-header';
import { parseSamHeaderContigs } from '../../../../src/core/files/contigs';
import { fixture } from './fixture';

// CRAMs written by other implementations (Picard/htsjdk), from Debian's htslib-test package where installed.
const HTSLIB = '/usr/share/htslib-test/test/';

describe('readCramHeaderText', () => {
  it('reads the @SQ lines of ex1.cram (CRAM 3, written by samtools)', async () => {
    const text = await readCramHeaderText(fixture('ex1.cram'));
    expect(parseSamHeaderContigs(text)).toEqual([
      { name: 'seq1', length: 1575 },
      { name: 'seq2', length: 1584 },
    ]);
  });

  it.each([
    ['a BAM', fixture('ex1.bam'), /CRAM magic is missing/],
    ['a CRAM cut inside its header', fixture('ex1.cram').subarray(0, 40), /incomplete/],
  ])('rejects %s', async (_label, bytes, message) => {
    const error = await readCramHeaderText(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CramHeaderError);
    expect((error as Error).message).toMatch(message);
  });
});

describe.runIf(existsSync(HTSLIB))('readCramHeaderText on htslib test files (when htslib-test is installed)', () => {
  it.each(['range.cram', 'ce#5b_java.cram', 'auxf#values_java.cram', 'xx#large_aux_java.cram'])(
    'reads the header of %s',
    async (name) => {
      const text = await readCramHeaderText(new Uint8Array(readFileSync(HTSLIB + name)));
      expect(text).toMatch(/^@(HD|SQ)\t/);
    },
  );
});
