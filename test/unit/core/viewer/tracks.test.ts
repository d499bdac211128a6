import { describe, expect, it } from 'vitest';
import { planTracks } from '../../../../src/core/viewer/tracks';

describe('planTracks', () => {
  it('pairs the reference, alignments and variants with their indexes', () => {
    const plan = planTracks([
      { name: 'ex1.fa', format: 'fasta', compression: 'none' },
      { name: 'ex1.fa.fai', format: 'fai', compression: 'none' },
      { name: 'ex1.bam', format: 'bam', compression: 'bgzf' },
      { name: 'ex1.bam.bai', format: 'bai', compression: 'none' },
      { name: 'ex1.calls.vcf.gz', format: 'vcf', compression: 'bgzf' },
      { name: 'ex1.calls.vcf.gz.csi', format: 'csi', compression: 'bgzf' },
    ]);
    expect(plan.references).toEqual([{ name: 'ex1.fa', kind: 'reference', format: 'fasta', index: 'ex1.fa.fai' }]);
    expect(plan.tracks).toEqual([
      { name: 'ex1.bam', kind: 'alignment', format: 'bam', index: 'ex1.bam.bai' },
      { name: 'ex1.calls.vcf.gz', kind: 'variant', format: 'vcf', index: 'ex1.calls.vcf.gz.csi' },
    ]);
    expect(plan.unviewable).toEqual([]);
  });

  it.each([
    ['genes.bed', 'bed'],
    ['genes.gff3', 'gff3'],
    ['genes.gtf', 'gtf'],
  ])('shows the plain annotation file %s whole, without an index', (name, format) => {
    expect(planTracks([{ name }]).tracks).toEqual([{ name, kind: 'annotation', format }]);
  });

  it('takes run outputs by their names', () => {
    expect(planTracks([{ name: 'sorted.bam' }, { name: 'sorted.bam.bai' }]).tracks).toEqual([
      { name: 'sorted.bam', kind: 'alignment', format: 'bam', index: 'sorted.bam.bai' },
    ]);
  });

  it('shows a bedGraph (bedtools genomecov -bg) as a coverage track, bgzipped only with its index', () => {
    expect(
      planTracks([{ name: 'ex1.coverage.bedgraph' }, { name: 'depth.bdg', format: 'bed', compression: 'none' }]).tracks,
    ).toEqual([
      { name: 'ex1.coverage.bedgraph', kind: 'coverage', format: 'bedgraph' },
      { name: 'depth.bdg', kind: 'coverage', format: 'bedgraph' },
    ]);
    expect(planTracks([{ name: 'x.bedgraph.gz' }, { name: 'x.bedgraph.gz.tbi' }]).tracks).toEqual([
      { name: 'x.bedgraph.gz', kind: 'coverage', format: 'bedgraph', index: 'x.bedgraph.gz.tbi' },
    ]);
    expect(planTracks([{ name: 'y.bedgraph.gz' }]).unviewable).toEqual([
      { name: 'y.bedgraph.gz', reason: expect.stringMatching(/no index/) },
    ]);
  });

  it.each([
    ['ex1.bam', /no index/],
    ['ex1.cram', /no index/],
    ['ex1.fa', /no index: create it/],
    ['calls.vcf.gz', /no index: create it/],
    ['genes.gff3.gz', /no index: create it/],
    ['calls.bcf', /bcftools view -Oz -o calls\.vcf\.gz calls\.bcf/],
    ['reads.sam', /samtools sort/],
  ])('says why %s cannot be shown', (name, reason) => {
    const plan = planTracks([{ name }]);
    expect(plan.tracks).toEqual([]);
    expect(plan.unviewable).toEqual([{ name, reason: expect.stringMatching(reason) }]);
  });

  it('ignores files a viewer has no track for (FASTQ, index files)', () => {
    expect(planTracks([{ name: 'r1.fastq.gz' }, { name: 'x.tbi' }])).toEqual({
      references: [],
      tracks: [],
      unviewable: [],
    });
  });
});
