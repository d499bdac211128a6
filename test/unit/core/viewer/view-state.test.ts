import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEWER_OPTIONS,
  EMPTY_VIEWER_SNAPSHOT,
  parseViewerSnapshot,
  serializeViewerSnapshot,
  type ViewerSnapshot,
} from '../../../../src/core/viewer/view-state';

describe('viewer snapshot', () => {
  it('round-trips through JSON', () => {
    const snapshot: ViewerSnapshot = {
      version: 1,
      reference: 'ex1.fa',
      tracks: ['ex1.bam', 'ex1.calls.vcf.gz'],
      hidden: ['genes.bed'],
      locus: 'seq1:100-200',
      options: { alignmentDisplay: 'SQUISHED', viewAsPairs: true, showSoftClips: true, minMappingQuality: 20 },
    };
    expect(parseViewerSnapshot(serializeViewerSnapshot(snapshot))).toEqual(snapshot);
  });

  it.each([undefined, '', 'not json', '[]', '{"version":2,"tracks":["a"]}'])(
    'falls back to the empty state for %j',
    (json) => {
      expect(parseViewerSnapshot(json)).toEqual(EMPTY_VIEWER_SNAPSHOT);
    },
  );

  it('drops malformed fields one by one and keeps the rest', () => {
    const parsed = parseViewerSnapshot(
      '{"version":1,"tracks":["a",3],"locus":7,"options":{"alignmentDisplay":"HUGE","minMappingQuality":-1,"viewAsPairs":true}}',
    );
    expect(parsed).toEqual({
      version: 1,
      tracks: ['a'],
      hidden: [],
      options: { ...DEFAULT_VIEWER_OPTIONS, viewAsPairs: true },
    });
  });
});
