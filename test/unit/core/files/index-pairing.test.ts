import { describe, expect, it } from 'vitest';
import { pairIndexes } from '../../../../src/core/files/index-pairing';

const names = (...list: string[]) => list.map((name) => ({ name }));

describe('pairIndexes: pairs', () => {
  it.each([
    ['x.bam', 'x.bam.bai', 'bai'],
    ['x.bam', 'x.bai', 'bai'],
    ['x.bam', 'x.bam.csi', 'csi'],
    ['x.cram', 'x.cram.crai', 'crai'],
    ['x.cram', 'x.crai', 'crai'],
    ['x.vcf.gz', 'x.vcf.gz.tbi', 'tbi'],
    ['x.vcf.gz', 'x.vcf.gz.csi', 'csi'],
    ['x.bcf', 'x.bcf.csi', 'csi'],
    ['x.fa', 'x.fa.fai', 'fai'],
    ['x.bed.gz', 'x.bed.gz.tbi', 'tbi'],
  ])('%s with %s', (data, index, indexFormat) => {
    expect(pairIndexes(names(data, index))).toEqual({
      pairs: [{ data, index, indexFormat }],
      missing: [],
      orphans: [],
    });
  });

  it('pairs a bgzip FASTA with both its .fai and .gzi', () => {
    const result = pairIndexes(names('g.fa.gz', 'g.fa.gz.fai', 'g.fa.gz.gzi'));
    expect(result.pairs.map((p) => p.index)).toEqual(['g.fa.gz.fai', 'g.fa.gz.gzi']);
    expect(result.missing).toEqual([]);
  });

  it('reports an index without its data file as an orphan', () => {
    expect(pairIndexes(names('y.bam.bai', 'x.vcf.gz.tbi')).orphans).toEqual(['y.bam.bai', 'x.vcf.gz.tbi']);
  });

  it('needs no index for FASTQ or SAM', () => {
    expect(pairIndexes(names('r.fastq', 'a.sam')).missing).toEqual([]);
  });
});

describe('pairIndexes: missing indexes and the jobs that make them', () => {
  const jobsFor = (file: { name: string; format?: 'vcf' | 'fasta'; compression?: 'none' | 'bgzf' | 'gzip' }) =>
    pairIndexes([file]).missing[0]?.jobs.map((job) => ({ steps: job.steps, stdoutFile: job.stdoutFile }));

  it.each([
    ['x.bam', [{ steps: [{ program: 'samtools', argv: ['index', 'x.bam'] }] }]],
    ['x.cram', [{ steps: [{ program: 'samtools', argv: ['index', 'x.cram'] }] }]],
    ['x.bcf', [{ steps: [{ program: 'bcftools', argv: ['index', 'x.bcf'] }] }]],
    ['x.fa', [{ steps: [{ program: 'samtools', argv: ['faidx', 'x.fa'] }] }]],
    ['x.vcf.gz', [{ steps: [{ program: 'tabix', argv: ['-p', 'vcf', 'x.vcf.gz'] }] }]],
    ['a.gtf.gz', [{ steps: [{ program: 'tabix', argv: ['-p', 'gff', 'a.gtf.gz'] }] }]],
    [
      'x.vcf',
      [
        { steps: [{ program: 'bgzip', argv: ['-c', 'x.vcf'] }], stdoutFile: 'x.vcf.gz' },
        { steps: [{ program: 'tabix', argv: ['-p', 'vcf', 'x.vcf.gz'] }] },
      ],
    ],
    [
      'w.bed',
      [
        { steps: [{ program: 'bgzip', argv: ['-c', 'w.bed'] }], stdoutFile: 'w.bed.gz' },
        { steps: [{ program: 'tabix', argv: ['-p', 'bed', 'w.bed.gz'] }] },
      ],
    ],
  ])('%s', (name, jobs) => {
    expect(jobsFor({ name })).toEqual(jobs.map((job) => ({ stdoutFile: undefined, ...job })));
  });

  it('recompresses a plain-gzip VCF with bgzip under a new name before indexing it', () => {
    const missing = pairIndexes([{ name: 'p.vcf.gz', format: 'vcf', compression: 'gzip' }]).missing[0];
    expect(missing?.jobs.map((j) => j.steps)).toEqual([
      [
        { program: 'bgzip', argv: ['-d', '-c', 'p.vcf.gz'] },
        { program: 'bgzip', argv: ['-c'] },
      ],
      [{ program: 'tabix', argv: ['-p', 'vcf', 'p.bgzip.vcf.gz'] }],
    ]);
    expect(missing?.jobs[0]?.stdoutFile).toBe('p.bgzip.vcf.gz');
    expect(missing?.dataAfter).toBe('p.bgzip.vcf.gz');
    expect(missing?.reason).toMatch(/plain gzip/);
  });

  it('uses the detected format over the name', () => {
    expect(jobsFor({ name: 'reads.vcf', format: 'fasta', compression: 'none' })).toEqual([
      { steps: [{ program: 'samtools', argv: ['faidx', 'reads.vcf'] }], stdoutFile: undefined },
    ]);
  });

  it('lists the index names that would do', () => {
    expect(pairIndexes(names('x.bam')).missing[0]?.wanted).toEqual(['x.bam.bai', 'x.bai', 'x.bam.csi', 'x.csi']);
  });

  it('asks for the missing .gzi of a bgzip FASTA that has only its .fai', () => {
    const result = pairIndexes(names('g.fa.gz', 'g.fa.gz.fai'));
    expect(result.missing[0]).toMatchObject({ data: 'g.fa.gz', wanted: ['g.fa.gz.gzi'] });
    expect(result.missing[0]?.jobs[0]?.steps).toEqual([{ program: 'samtools', argv: ['faidx', 'g.fa.gz'] }]);
  });
});
