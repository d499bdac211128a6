import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectBlob } from '../../../../src/core/files/detect';
import { describeSessionFiles, type CheckedFile } from '../../../../src/core/files/session-checks';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures');

async function checked(names: string[]): Promise<{ files: CheckedFile[]; blobs: Map<string, Blob> }> {
  const blobs = new Map<string, Blob>();
  const files: CheckedFile[] = [];
  for (const name of names) {
    const blob = new Blob([readFileSync(join(FIXTURES, name))]);
    blobs.set(name, blob);
    files.push({ id: name, name, detected: await detectBlob(name, blob) });
  }
  return { files, blobs };
}

describe('describeSessionFiles', () => {
  it('reads contigs from a BAM, a FASTA index and a bgzipped VCF', async () => {
    const { files, blobs } = await checked(['ex1.bam', 'ex1.fa.fai', 'ex1.calls.vcf.gz']);
    const checks = await describeSessionFiles(files, (id) => blobs.get(id));
    expect(checks.contigs.get('ex1.bam')?.map((c) => c.name)).toEqual(['seq1', 'seq2']);
    expect(checks.contigs.get('ex1.fa.fai')?.map((c) => c.length)).toEqual([1575, 1584]);
    expect(checks.buildLabels.get('ex1.bam')).toBe('2 contigs');
    expect(checks.contigs.get('ex1.calls.vcf.gz')).toEqual([
      { name: 'seq1', length: 1575 },
      { name: 'seq2', length: 1584 },
    ]);
  });

  it('compares a FASTA through its .fai: a reference that does not match the BAM is reported', async () => {
    const { files, blobs } = await checked(['ex1.bam', 'bad/wrong-reference.fa', 'bad/wrong-reference.fa.fai']);
    const checks = await describeSessionFiles(files, (id) => blobs.get(id));
    expect(checks.warnings).toEqual([
      expect.stringMatching(
        /^ex1\.bam and bad\/wrong-reference\.fa give different lengths for 2 contig\(s\).*different reference/,
      ),
    ]);
  });

  it('is quiet for a FASTA and BAM of the same reference', async () => {
    const { files, blobs } = await checked(['ex1.bam', 'ex1.fa', 'ex1.fa.fai']);
    expect((await describeSessionFiles(files, (id) => blobs.get(id))).warnings).toEqual([]);
  });

  it('warns about paired FASTQ files of different lengths', async () => {
    const { files, blobs } = await checked(['bad/pair_R1.fastq', 'bad/pair_R2.fastq']);
    expect((await describeSessionFiles(files, (id) => blobs.get(id))).warnings).toEqual([
      expect.stringMatching(/has 10 reads but .* has 8/),
    ]);
  });

  it('is quiet when files agree', async () => {
    const { files, blobs } = await checked(['ex1.bam', 'ex1.fa.fai']);
    expect((await describeSessionFiles(files, (id) => blobs.get(id))).warnings).toEqual([]);
  });

  it('warns when a BAM and a VCF share no contigs', async () => {
    const { files, blobs } = await checked(['ex1.bam', 'ex1.calls.vcf.gz', 'toy.sam']);
    const checks = await describeSessionFiles(files, (id) => blobs.get(id));
    expect(checks.contigs.get('toy.sam')?.length).toBeGreaterThan(0);
    expect(checks.warnings.join('\n')).toMatch(/toy\.sam/);
  });
});
