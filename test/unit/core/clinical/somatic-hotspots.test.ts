import { describe, expect, it } from 'vitest';
import {
  hotspotMetrics,
  somaticHotspots,
  type SomaticHotspotsResult,
} from '../../../../src/core/analyses/somatic-hotspots';
import { HOTSPOTS } from '../../../../src/core/clinical/hotspots';
import { parsePileupBases } from '../../../../src/core/parsers/samtools-mpileup';
import { ParseError } from '../../../../src/core/parsers/parse-error';
import { resultFromNative } from './native';

const INPUTS = { tumour: 'hotspots.grch38.bam' };
const CASES = { header: 'hotspots-1-header', positions: 'hotspots-2-positions', pileup: 'hotspots-3-pileup' };
const result = (params: Record<string, number> = {}): SomaticHotspotsResult =>
  resultFromNative(somaticHotspots, INPUTS, params, CASES);
const call = (r: SomaticHotspotsResult, id: string) => r.calls.find((c) => c.hotspot.id === id)!;

describe('Somatic hotspots on the synthetic tumour BAM (scripts/gen-hotspot-bam.mjs)', () => {
  it('detects GRCh38 from the header and reads the hotspots at their GRCh38 positions', () => {
    const r = result();
    expect(r.build).toBe('GRCh38');
    expect(call(r, 'KRAS_G12D')).toMatchObject({ contig: 'chr12', start: 25245350 });
  });

  it.each([
    // id, depth, alt reads, VAF %, status — the fractions the generator spiked in
    ['KRAS_G12D', 200, 50, 25, 'detected'],
    ['KRAS_G12V', 200, 0, 0, 'not detected'],
    ['KRAS_G12C', 200, 0, 0, 'not detected'],
    ['BRAF_V600E', 200, 20, 10, 'detected'],
    ['EGFR_ex19del', 100, 20, 20, 'detected'],
    ['PIK3CA_H1047R', 120, 0, 0, 'not detected'],
    ['EGFR_T790M', 8, 2, 25, 'not assessable'],
  ])('%s: depth %i, %i alt reads, VAF %f%%, %s', (id, depth, altReads, vaf, status) => {
    expect(call(result(), id)).toMatchObject({ depth, altReads, vaf, status });
  });

  it('leaves duplicate reads out (6 duplicate G12D reads are in the BAM)', () => {
    expect(call(result(), 'KRAS_G12D').refReads).toBe(150);
  });

  it('calls a hotspot without reads not assessable, never wild type', () => {
    const r = result();
    expect(call(r, 'IDH1_R132H')).toMatchObject({ depth: 0, status: 'not assessable' });
    expect(Number.isNaN(call(r, 'IDH1_R132H').vaf)).toBe(true);
  });

  it('turns thin coverage into an assessable call when the minimum depth allows it', () => {
    expect(call(result({ minDepth: 5, minAltReads: 2 }), 'EGFR_T790M').status).toBe('detected');
    expect(call(result({ minDepth: 5 }), 'EGFR_T790M').status).toBe('not detected');
  });

  it('reads GRCh37 positions when GRCh37 is chosen, where this GRCh38 BAM has no reads', () => {
    const r = result({ build: 37 });
    expect(r.build).toBe('GRCh37');
    expect(call(r, 'KRAS_G12D')).toMatchObject({ start: 25398284, depth: 0, status: 'not assessable' });
    expect(r.buildNote).toMatch(/chosen.*GRCh38/);
  });

  // KRAS codons 12/13 (7 entries), BRAF V600E, EGFR exon 19, PIK3CA H1047R/L are covered
  it('counts detected and assessable hotspots', () => {
    const metrics = hotspotMetrics(result());
    expect(metrics.find((m) => m.key === 'detected')).toMatchObject({ value: 3 });
    expect(metrics.find((m) => m.key === 'assessablePct')!.value).toBeCloseTo((100 * 11) / HOTSPOTS.length, 10);
  });
});

describe('hotspot list', () => {
  it.each(HOTSPOTS.map((h) => [h.id, h] as const))('%s has plain-strand bases, a source and both builds', (_id, h) => {
    expect(h.source).not.toBe('');
    expect(h.grch37).toBeGreaterThan(0);
    expect(h.grch38).toBeGreaterThan(0);
    if (h.kind === 'snv') {
      expect(h.ref).toMatch(/^[ACGT]$/);
      expect(h.alt).toMatch(/^[ACGT]$/);
      expect(h.alt).not.toBe(h.ref);
    } else expect(h.end37! - h.grch37).toBe(h.end38! - h.grch38);
  });

  it('keeps one GRCh37-GRCh38 offset per gene (a typo in one build would break it)', () => {
    const offsets = new Map<string, Set<number>>();
    for (const h of HOTSPOTS) offsets.set(h.gene, (offsets.get(h.gene) ?? new Set()).add(h.grch37 - h.grch38));
    for (const [gene, set] of offsets) expect(set.size, gene).toBe(1);
  });
});

describe('pileup bases', () => {
  it.each([
    ['AaCc', { depth: 4, bases: { A: 2, C: 2 } }],
    ['^]A$a.,', { depth: 4, bases: { A: 2, '=': 2 } }],
    ['A+2GGa-3NNNc', { depth: 3, deletionsAfter: 1, bases: { A: 2, C: 1 } }],
    ['**#A', { depth: 1, deleted: 3 }],
    ['>A<', { depth: 1 }],
  ])('%s', (text, expected) => {
    expect(parsePileupBases(text)).toMatchObject(expected);
  });

  it.each(['A+xA', 'A?'])('rejects %s', (text) => {
    expect(() => parsePileupBases(text)).toThrow(ParseError);
  });
});
