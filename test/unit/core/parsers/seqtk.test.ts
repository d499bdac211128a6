import { describe, expect, it } from 'vitest';
import { parseFqchk } from '../../../../src/core/parsers/seqtk-fqchk';
import { parseSeqtkComp } from '../../../../src/core/parsers/seqtk-comp';
import { toolOutput, withLine } from './tool-output';

describe('parseFqchk', () => {
  const r1 = parseFqchk(toolOutput('seqtk-fqchk.ex1_R1.fastq.gz.txt'));

  it('reads the length range', () => {
    expect(r1).toMatchObject({ minLength: 33, maxLength: 40, averageLength: 35.23, distinctQualities: 29 });
  });

  it('reads the ALL line and every position', () => {
    expect(r1.all).toEqual({
      bases: 56653,
      a: 29.9,
      c: 19,
      g: 19.2,
      t: 31.8,
      n: 0,
      averageQuality: 25.9,
      errorQuality: 21.7,
      lowPercent: 5,
      highPercent: 95,
    });
    expect(r1.positions).toHaveLength(40);
    expect(r1.positions[0]).toMatchObject({ position: 1, bases: 1608, averageQuality: 26.8 });
  });

  it('reads long ONT-like reads', () => {
    const ont = parseFqchk(toolOutput('seqtk-fqchk.MT-human.ont-sim.fastq.txt'));
    expect(ont.positions).toHaveLength(ont.maxLength);
  });

  it('names a damaged line', () => {
    const text = withLine(
      toolOutput('seqtk-fqchk.ex1_R1.fastq.gz.txt'),
      5,
      '3\t1608\t30.8\tx\t19.3\t31.3\t0.0\t26.9\t26.6\t0.9\t99.1',
    );
    expect(() => parseFqchk(text)).toThrow('seqtk fqchk output, line 5: fqchk column 4 should be a number, found "x"');
  });

  it('refuses output made with -q 0 (another table)', () => {
    expect(() =>
      parseFqchk(
        'min_len: 1; max_len: 1; avg_len: 1.00; 1 distinct quality values\nPOS\t#bases\t%A\t%C\t%G\t%T\t%N\tavgQ\terrQ\t%Q0\n',
      ),
    ).toThrow(/line 2: expected the column header/);
  });
});

describe('parseSeqtkComp', () => {
  const r2 = parseSeqtkComp(toolOutput('seqtk-comp.ex1_R2.fastq.gz.txt'));

  it('counts reads, bases and the length distribution', () => {
    expect(r2.reads).toBe(1608);
    expect(r2.lengths.reduce((sum, row) => sum + row.reads, 0)).toBe(1608);
    expect(r2.bases).toBe(r2.lengths.reduce((sum, row) => sum + row.length * row.reads, 0));
  });

  it('counts N bases and the reads that have them', () => {
    expect(r2).toMatchObject({ nBases: 125, readsWithN: 15 });
  });

  it('bins reads by GC percent', () => {
    expect(r2.gc).toHaveLength(101);
    // Three reads are all N and have no GC fraction.
    expect(r2.gc.reduce((sum, row) => sum + row.reads, 0)).toBe(1605);
    expect(r2.gcPercent).toBeGreaterThan(30);
    expect(r2.gcPercent).toBeLessThan(45);
  });

  it('names a damaged line', () => {
    expect(() => parseSeqtkComp('r1\t35\t12\t2\t12\t9\t0\t0\t0\t2\t0\t0\t0\nr2\t35\tA\n')).toThrow(
      'seqtk comp output, line 2: a comp line should have at least 9',
    );
  });
});
