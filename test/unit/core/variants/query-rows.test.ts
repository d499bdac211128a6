import { describe, expect, it } from 'vitest';
import { QueryRows } from '../../../../src/core/variants/query-rows';
import { compareCells, type SortDirection } from '../../../../src/core/variants/variant-table';
import { toolOutput } from '../parsers/tool-output';

// Native bcftools query outputs (test/fixtures/README.md): 1000 Genomes region, and ex1.mpileup.vcf.gz (QUAL 0 and
// "." cells, multi-allelic ALT) for the text-and-number sorting.
const REGION = toolOutput('bcftools-query.1kg_phase1_chr22_5samples.vcf.gz.region.txt');
const REGION_COLUMNS = [
  'CHROM',
  'POS',
  'ID',
  'REF',
  'ALT',
  'QUAL',
  'FILTER',
  'AF',
  'VT',
  'HG00096',
  'HG00097',
  'HG00099',
  'HG00100',
  'HG00101',
];
const MPILEUP = toolOutput('bcftools-query.ex1.mpileup.vcf.gz.txt');
const MPILEUP_COLUMNS = ['CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'DP', 'AC', 'AN', 'MQ', 'ex1.bam'];

const all = (rows: QueryRows) => rows.slice(0, rows.length);

// The plain reading QueryRows must agree with: every non-empty line split at tabs, a stable sort by one cell, TSV.
const splitLines = (text: string): string[][] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
const sortRows = (rows: string[][], column: number, direction: SortDirection): string[][] =>
  rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        (direction === 'asc' ? 1 : -1) * compareCells(a.row[column] ?? '', b.row[column] ?? '') || a.index - b.index,
    )
    .map(({ row }) => row);
const rowsToTsv = (columns: readonly string[], rows: string[][]): string =>
  [columns.join('\t'), ...rows.map((row) => row.join('\t'))].join('\n') + '\n';

describe('QueryRows', () => {
  it('holds every line split at tabs, also from parts joined in order', () => {
    const expected = splitLines(REGION);
    expect(expected).toHaveLength(194);
    expect(expected[0]).toEqual([
      '22',
      '50300078',
      'rs7410291',
      'A',
      'G',
      '100',
      'PASS',
      '0.34',
      'SNP',
      '0|0',
      '0|0',
      '1|0',
      '0|0',
      '0|0',
    ]);
    expect(all(QueryRows.parse([REGION], REGION_COLUMNS))).toEqual(expected);
    const lines = REGION.split('\n');
    const cut = 77;
    const parts = [lines.slice(0, cut).join('\n') + '\n', lines.slice(cut).join('\n')];
    const joined = QueryRows.parse(parts, REGION_COLUMNS);
    expect(joined).toHaveLength(expected.length);
    expect(all(joined)).toEqual(expected);
    expect(joined.slice(75, 80)).toEqual(expected.slice(75, 80));
    expect(joined.slice(expected.length - 1, expected.length + 5)).toEqual(expected.slice(-1));
  });

  it('sorts every column as a stable sort by compareCells does, both ways, and writes the same TSV', () => {
    for (const [text, columns] of [
      [REGION, REGION_COLUMNS],
      [MPILEUP, MPILEUP_COLUMNS],
    ] as const) {
      const rows = splitLines(text);
      const lazy = QueryRows.parse([text], columns);
      expect(lazy.toTsv(columns)).toBe(rowsToTsv(columns, rows));
      for (let column = 0; column < columns.length; column++) {
        for (const direction of ['asc', 'desc'] as const) {
          const sorted = lazy.sorted(column, direction);
          expect(all(sorted)).toEqual(sortRows(rows, column, direction));
          if (column === 5) expect(sorted.toTsv(columns)).toBe(rowsToTsv(columns, sortRows(rows, column, direction)));
        }
      }
    }
  });

  it('skips empty lines and names a line with the wrong number of columns, counting across parts', () => {
    expect(all(QueryRows.parse(['22\t1\n\n22\t2\n', '', '22\t3'], ['CHROM', 'POS']))).toEqual([
      ['22', '1'],
      ['22', '2'],
      ['22', '3'],
    ]);
    expect(() => QueryRows.parse(['22\t1\n22\t2\t3\n'], ['CHROM', 'POS'])).toThrow(
      'bcftools query output, line 2: expected 2 tab-separated columns (CHROM, POS, …), found 3',
    );
    expect(() => QueryRows.parse(['22\t1\n', '22\n'], ['CHROM', 'POS'])).toThrow(
      'line 2: expected 2 tab-separated columns',
    );
    expect(QueryRows.EMPTY).toHaveLength(0);
  });
});
