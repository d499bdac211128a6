import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  countFastqRecords,
  fastqPairs,
  fastqPairWarnings,
  type PairCandidate,
} from '../../../../src/core/files/fastq-pairs';
import { fixture } from './fixture';

const fq = (name: string, compression: 'none' | 'gzip' = 'none'): PairCandidate => ({
  id: name,
  name,
  detected: { format: 'fastq', compression },
});

describe('fastqPairs', () => {
  it.each([
    ['x_R1.fastq', 'x_R2.fastq'],
    ['x_1.fq.gz', 'x_2.fq.gz'],
    ['s.R1.001.fastq.gz', 's.R2.001.fastq.gz'],
  ])('pairs %s with %s', (a, b) => {
    expect(fastqPairs([fq(b), fq(a)]).map(([one, two]) => [one.name, two.name])).toEqual([[a, b]]);
  });

  it('does not pair files of different samples or non-FASTQ files', () => {
    expect(
      fastqPairs([
        fq('a_R1.fastq'),
        fq('b_R2.fastq'),
        { id: 'v', name: 'a_R2.fastq', detected: { format: 'vcf', compression: 'none' } },
      ]),
    ).toEqual([]);
  });
});

describe('countFastqRecords', () => {
  it('counts plain and gzip-compressed records, with or without a final newline', async () => {
    const text = '@r1\nAC\n+\nII\n@r2\nGT\n+\nII';
    expect(await countFastqRecords(new Blob([text]), 'none')).toBe(2);
    expect(await countFastqRecords(new Blob([gzipSync(text + '\n')]), 'gzip')).toBe(2);
  });

  it('counts the paired fixtures (1608 pairs)', async () => {
    expect(await countFastqRecords(new Blob([fixture('ex1_R1.fastq.gz') as Uint8Array<ArrayBuffer>]), 'gzip')).toBe(
      1608,
    );
  });
});

describe('fastqPairWarnings', () => {
  const blobs = new Map([
    ['pair_R1.fastq', new Blob([fixture('bad/pair_R1.fastq') as Uint8Array<ArrayBuffer>])],
    ['pair_R2.fastq', new Blob([fixture('bad/pair_R2.fastq') as Uint8Array<ArrayBuffer>])],
    ['ok_R1.fastq.gz', new Blob([fixture('ex1_R1.fastq.gz') as Uint8Array<ArrayBuffer>])],
    ['ok_R2.fastq.gz', new Blob([fixture('ex1_R2.fastq.gz') as Uint8Array<ArrayBuffer>])],
  ]);

  it('warns when the two files of a pair hold different numbers of reads', async () => {
    const warnings = await fastqPairWarnings([fq('pair_R1.fastq'), fq('pair_R2.fastq')], (id) => blobs.get(id));
    expect(warnings).toEqual([
      expect.stringMatching(/^pair_R1\.fastq has 10 reads but pair_R2\.fastq has 8\. .*download or copy both again/),
    ]);
  });

  it('is quiet for a real pair', async () => {
    expect(
      await fastqPairWarnings([fq('ok_R1.fastq.gz', 'gzip'), fq('ok_R2.fastq.gz', 'gzip')], (id) => blobs.get(id)),
    ).toEqual([]);
  });
});
