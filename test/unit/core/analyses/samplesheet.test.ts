import { describe, expect, it } from 'vitest';
import { findAnalysis } from '../../../../src/core/analyses/registry';
import {
  parseSamplesheet,
  rowsFromFiles,
  samplesheetText,
  SamplesheetError,
} from '../../../../src/core/analyses/samplesheet';

const QC = findAnalysis('alignment-qc')!;
const FILES = ['ex1.bam', 's2.bam', 's 3 ö.bam', 'ref.fa'];

describe('parseSamplesheet', () => {
  it.each<[string, string, { sample: string; inputs: Record<string, string> }[]]>([
    [
      'file names, and paths under data/ as the export writes them (index columns ignored)',
      'sample\talignments\talignments_index\nex1\tdata/ex1.bam\tdata/ex1.bam.bai\ns2\ts2.bam\t\n',
      [
        { sample: 'ex1', inputs: { alignments: 'ex1.bam' } },
        { sample: 's2', inputs: { alignments: 's2.bam' } },
      ],
    ],
    [
      'CRLF line ends, comments, a name with a space and unicode',
      '# batch\r\nsample\talignments\r\nprov 3\ts 3 ö.bam\r\n',
      [{ sample: 'prov 3', inputs: { alignments: 's 3 ö.bam' } }],
    ],
    [
      'a shared slot given per row',
      'sample\talignments\treference\na\tex1.bam\tref.fa\n',
      [{ sample: 'a', inputs: { alignments: 'ex1.bam', reference: 'ref.fa' } }],
    ],
  ])('%s', (_what, text, rows) => {
    expect(parseSamplesheet(text, QC, FILES)).toEqual(rows);
  });

  it.each<[string, string, RegExp]>([
    ['no sample column', 'id\talignments\na\tex1.bam\n', /first column must be "sample"/],
    [
      'a column the analysis does not have',
      'sample\tbam\na\tex1.bam\n',
      /has no input called bam; its inputs are alignments/,
    ],
    ['no input column', 'sample\na\n', /names no input of Alignment QC/],
    [
      'a file not in the session',
      'sample\talignments\na\tgone.bam\n',
      /"a" \(line 2\) names gone.bam, which is not open/,
    ],
    ['a sample listed twice', 'sample\talignments\na\tex1.bam\na\ts2.bam\n', /"a" is listed twice/],
    ['no rows', 'sample\talignments\n', /no samples/],
    ['an empty id', 'sample\talignments\n\tex1.bam\n', /Line 2 .* no sample id/],
  ])('refuses %s', (_what, text, message) => {
    expect(() => parseSamplesheet(text, QC, FILES)).toThrow(SamplesheetError);
    expect(() => parseSamplesheet(text, QC, FILES)).toThrow(message);
  });
});

describe('rowsFromFiles and samplesheetText', () => {
  it('names each picked file a sample and writes a samplesheet that reads back', () => {
    const rows = rowsFromFiles('alignments', ['ex1.bam', 's 3 ö.bam']);
    expect(rows.map((r) => r.sample)).toEqual(['ex1', 's 3 ö']);
    expect(parseSamplesheet(samplesheetText(rows), QC, FILES)).toEqual(rows);
  });
});
