import { describe, expect, it } from 'vitest';
import { guardCell, guardTsvLine, toDelimited } from '../../../../src/core/analyses/export';
import { QueryRows } from '../../../../src/core/variants/query-rows';

// OWASP "CSV injection": cells starting with = + - @ tab or CR get a leading single quote; numbers stay numbers.
const CELLS: ReadonlyArray<[cell: string, written: string]> = [
  ['=HYPERLINK("http://example.invalid/","click")', `'=HYPERLINK("http://example.invalid/","click")`],
  ['@SUM(1+1)', "'@SUM(1+1)"],
  ['+cmd', "'+cmd"],
  ['-2+3', "'-2+3"],
  ['\tx', "'\tx"],
  ['\rx', "'\rx"],
  ['-0.52', '-0.52'],
  ['+1.5', '+1.5'],
  ['-1e-5', '-1e-5'],
  ['.5', '.5'],
  ['rs123', 'rs123'],
  ['a=b', 'a=b'],
  ['', ''],
];

describe('guardCell', () => {
  it.each(CELLS)('%j is written as %j', (cell, written) => {
    expect(guardCell(cell)).toBe(written);
  });
});

describe('guardTsvLine', () => {
  it('guards each cell of a line and leaves lines without a formula start unchanged', () => {
    expect(guardTsvLine('seq1\t100\t=1+1\t-0.52\t@x')).toBe("seq1\t100\t'=1+1\t-0.52\t'@x");
    const plain = 'seq1\t100\trs1\tA\tG';
    expect(guardTsvLine(plain)).toBe(plain);
  });
});

describe('exports share the guard', () => {
  it('toDelimited guards text cells in TSV and CSV, and leaves numbers as numbers', () => {
    const rows = [{ id: '=HYPERLINK("http://example.invalid/","click")', score: -0.52, note: '-0.52' }];
    expect(toDelimited(rows, '\t')).toBe(
      `id\tscore\tnote\n'=HYPERLINK("http://example.invalid/","click")\t-0.52\t-0.52\n`,
    );
    expect(toDelimited(rows, ',')).toBe(
      `id,score,note\n"'=HYPERLINK(""http://example.invalid/"",""click"")",-0.52,-0.52\n`,
    );
  });

  it("the variant browser's TSV guards the same cells", () => {
    const columns = ['CHROM', 'POS', 'ID', 'INFO/SCORE'];
    const rows = QueryRows.parse(['seq1\t100\t=HYPERLINK("x","y")\t-0.52\nseq1\t200\t@SUM(1+1)\t3\n'], columns);
    expect(rows.toTsv(columns)).toBe(
      `CHROM\tPOS\tID\tINFO/SCORE\nseq1\t100\t'=HYPERLINK("x","y")\t-0.52\nseq1\t200\t'@SUM(1+1)\t3\n`,
    );
  });
});
