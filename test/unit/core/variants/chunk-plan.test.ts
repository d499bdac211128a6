import { describe, expect, it } from 'vitest';
import { parseIndexStats, planChunks, type ContigStat } from '../../../../src/core/variants/chunk-plan';

// `bcftools index -s` on bench-data/variants.vcf.gz (gen-bench-data.mjs), first three contigs.
const BENCH = 'chr1\t248956422\t172904\nchr2\t242193529\t168482\nchr3\t198295559\t137866\n';

/** Each piece of each part as [contig, first, last] (last Infinity for an open end). */
function pieces(chunks: readonly string[]): [string, number, number][] {
  return chunks.flatMap((chunk) =>
    chunk.split(',').map((piece): [string, number, number] => {
      const m = /^([^:]+)(?::(\d+)-(\d*))?$/.exec(piece)!;
      return [m[1]!, m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : Infinity];
    }),
  );
}

/** Every contig with records appears, in order, as pieces from 1 to the open end with no gap or overlap. */
function expectCoverage(stats: readonly ContigStat[], chunks: readonly string[]): void {
  const all = pieces(chunks);
  const names = [...new Set(all.map(([c]) => c))];
  expect(names).toEqual(stats.filter((s) => s.records > 0).map((s) => s.contig));
  for (const name of names) {
    const own = all.filter(([c]) => c === name);
    expect(own[0]![1]).toBe(1);
    expect(own.at(-1)![2]).toBe(Infinity);
    for (let i = 1; i < own.length; i++) expect(own[i]![1]).toBe(own[i - 1]![2] + 1);
  }
}

describe('parseIndexStats', () => {
  it('reads contig, length and records; "." is an unknown length', () => {
    expect(parseIndexStats(BENCH + '22\t.\t10376\n')).toEqual([
      { contig: 'chr1', length: 248956422, records: 172904 },
      { contig: 'chr2', length: 242193529, records: 168482 },
      { contig: 'chr3', length: 198295559, records: 137866 },
      { contig: '22', length: undefined, records: 10376 },
    ]);
  });

  it('says which line is not index statistics', () => {
    expect(() => parseIndexStats('chr1\t100\t5\nchr2 100 5\n')).toThrow(
      'line 2: expected "contig<TAB>length<TAB>records", found "chr2 100 5"',
    );
    expect(() => parseIndexStats('chr1\t100\tmany\n')).toThrow('line 1');
  });
});

describe('planChunks', () => {
  it('cuts a genome into parts of about the same number of records, cutting inside contigs by position', () => {
    const stats = parseIndexStats(BENCH);
    expect(planChunks(stats, 2)).toEqual(['chr1,chr2:1-95913134', 'chr2:95913135-,chr3']);
    const four = planChunks(stats, 4)!;
    expect(four).toHaveLength(4);
    expectCoverage(stats, four);
  });

  it('cuts a single contig into open-ended position ranges', () => {
    const stats: ContigStat[] = [{ contig: 'chrX', length: 1000, records: 4000 }];
    expect(planChunks(stats, 4)).toEqual(['chrX:1-250', 'chrX:251-500', 'chrX:501-750', 'chrX:751-']);
  });

  it('keeps contigs of unknown length whole, ending parts at the contig boundary nearer their share', () => {
    const stats: ContigStat[] = ['a', 'b', 'c', 'd'].map((contig) => ({ contig, length: undefined, records: 5000 }));
    expect(planChunks(stats, 2)).toEqual(['a,b', 'c,d']);
    expect(planChunks([{ contig: '22', length: undefined, records: 10376 }], 4)).toBeUndefined();
    const uneven: ContigStat[] = [
      { contig: 'a', length: undefined, records: 1000 },
      { contig: 'b', length: undefined, records: 100000 },
      { contig: 'c', length: undefined, records: 1000 },
    ];
    const parts = planChunks(uneven, 4)!;
    expect(parts).toEqual(['a', 'b', 'c']);
  });

  it('covers every contig with records exactly once, in file order, for any number of parts', () => {
    const stats: ContigStat[] = [
      { contig: 'chr1', length: 5000, records: 3000 },
      { contig: 'chrUn', length: undefined, records: 2500 },
      { contig: 'chr2', length: 4000, records: 0 },
      { contig: 'chr3', length: 9000, records: 12000 },
      { contig: 'chrM', length: 16569, records: 1200 },
    ];
    for (let parts = 2; parts <= 8; parts++) {
      const chunks = planChunks(stats, parts)!;
      expect(chunks.length).toBeGreaterThanOrEqual(2);
      expect(chunks.length).toBeLessThanOrEqual(parts);
      expectCoverage(stats, chunks);
    }
  });

  it('does not split small files, one part, or names a region list cannot hold', () => {
    expect(planChunks([{ contig: 'seq1', length: 1575, records: 1534 }], 4)).toBeUndefined();
    expect(planChunks(parseIndexStats(BENCH), 1)).toBeUndefined();
    expect(planChunks([{ contig: 'seq1', length: 1575, records: 1534 }], 2, 1)).toEqual(['seq1:1-788', 'seq1:789-']);
    expect(
      planChunks(
        [
          { contig: 'HLA-A*01:01', length: 3000, records: 5000 },
          { contig: 'chr1', length: 3000, records: 5000 },
        ],
        2,
      ),
    ).toBeUndefined();
    expect(planChunks([], 4)).toBeUndefined();
  });
});
