import { describe, expect, it } from 'vitest';
import { igvBatchScript } from '../../../../src/core/viewer/igv-batch';

describe('igvBatchScript', () => {
  it('loads the genome and tracks by name and goes to the locus', () => {
    const script = igvBatchScript(
      {
        reference: 'ex1.fa',
        tracks: [
          { name: 'ex1.bam', kind: 'alignment' },
          { name: 'ex1.calls.vcf.gz', kind: 'variant' },
        ],
        locus: 'seq1:100-200',
        alignmentDisplay: 'SQUISHED',
      },
      'Trio\nfirst look',
    );
    expect(script.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      'new',
      'genome ex1.fa',
      'load ex1.bam',
      'load ex1.calls.vcf.gz',
      'squish ex1.bam',
      'goto seq1:100-200',
      '',
    ]);
    expect(script).toMatch(/^# IGV batch script written by Lokus for the session "Trio first look"\./);
  });

  it('quotes names with spaces', () => {
    expect(igvBatchScript({ reference: 'my ref.fa', tracks: [] })).toContain('genome "my ref.fa"\n');
  });
});
