import { describe, expect, it } from 'vitest';
import { withSamples } from '../../../../src/core/export/batch';
import { manifestTsv, samplesTsv } from '../../../../src/core/export/manifest';
import { buildModel, ExportRefusal, type ExportFile } from '../../../../src/core/export/model';
import { runSource } from '../../../../src/core/export/sources';
import type { Run } from '../../../../src/core/session';

const file = (name: string, format: string, indexName?: string): ExportFile => ({
  name,
  size: 10,
  fingerprint: `fp-${name}`,
  format,
  available: true,
  ...(indexName ? { indexName } : {}),
});
const FILES = [
  file('ex1.bam', 'bam', 'ex1.bam.bai'),
  file('ex1.bam.bai', 'bai'),
  file('s2.bam', 'bam', 's2.bam.bai'),
  file('s2.bam.bai', 'bai'),
  file('other.bam', 'bam'),
  file('panel.bed', 'bed'),
  file('panel2.bed', 'bed'),
];
const RUN: Run = {
  id: 'r1',
  sessionId: 's',
  label: 'bedcov',
  steps: [{ program: 'samtools', argv: ['bedcov', 'panel.bed', 'ex1.bam'] }],
  programs: [{ program: 'samtools', tool: 'samtools', version: '1.16.1', wasmSha256: 'x' }],
  inputs: ['ex1.bam', 'panel.bed'].map((name) => ({ name, size: 10, fingerprint: `fp-${name}` })),
  status: 'succeeded',
  startedAt: 1,
  stdout: 'x\n',
  stderr: '',
  outputs: [],
};
const model = () => {
  const source = runSource([RUN], RUN, FILES);
  return buildModel({ ...source, keys: { 'ex1.bam': 'alignments', 'panel.bed': 'panel' } });
};

describe('withSamples', () => {
  it('adds a samplesheet row and manifest inputs per sample of the batch', () => {
    const batch = withSamples(model(), [{ alignments: 's2.bam', panel: 'panel.bed' }], FILES);
    expect(batch.samples).toEqual([
      {
        id: 's2',
        files: [
          { key: 'alignments', name: 's2.bam', size: 10, fingerprint: 'fp-s2.bam' },
          { key: 'alignments_index', name: 's2.bam.bai', size: 10, fingerprint: 'fp-s2.bam.bai' },
        ],
      },
    ]);
    expect(samplesTsv(batch)).toBe(
      'sample\talignments\talignments_index\nex1\tdata/ex1.bam\tdata/ex1.bam.bai\ns2\tdata/s2.bam\tdata/s2.bam.bai\n',
    );
    expect(manifestTsv(batch, [])).toContain('input\ts2\t\ts2.bam\tdata/s2.bam\t10\tfp-s2.bam');
  });

  it.each<[string, Record<string, string>, RegExp]>([
    [
      'a shared file that differs',
      { alignments: 's2.bam', panel: 'panel2.bed' },
      /used panel2.bed as panel, the others panel.bed/,
    ],
    ['a sample with the same id as the first', { alignments: 'ex1.bam' }, /Two samples of the batch have the id ex1/],
    ['a file without the index the first had', { alignments: 'other.bam' }, /other.bam has no index in this session/],
    ['no input file', {}, /has no input file/],
  ])('refuses %s', (_what, row, message) => {
    expect(() => withSamples(model(), [row], FILES)).toThrow(ExportRefusal);
    expect(() => withSamples(model(), [row], FILES)).toThrow(message);
  });
});
