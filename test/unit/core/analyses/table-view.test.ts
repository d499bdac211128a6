import { describe, expect, it } from 'vitest';
import type { ChartRow } from '../../../../src/core/analyses/analysis';
import { nextSort, viewRows } from '../../../../src/core/analyses/table-view';

const ROWS: ChartRow[] = [
  { gene: 'COL1A1', variant: 'chr10:500:A>G', AB: 0.5, flag: '' },
  { gene: 'FBN1', variant: 'chr2:90:C>T', AB: 0.31, flag: 'a parent is not called here' },
  { gene: 'col4a5', variant: 'chrX:7:G>A', AB: 1 },
];
const genes = (rows: readonly Record<string, unknown>[]) => rows.map((r) => r['gene']);

describe('viewRows', () => {
  it.each([
    ['no filter, no sort keeps the order', { filter: '' }, ['COL1A1', 'FBN1', 'col4a5']],
    ['a word in any cell, any case', { filter: 'col' }, ['COL1A1', 'col4a5']],
    ['every word must occur', { filter: 'col chrx' }, ['col4a5']],
    ['words in different cells', { filter: 'fbn1 not called' }, ['FBN1']],
    ['numbers sort by value', { filter: '', sort: { column: 'AB', descending: false } }, ['FBN1', 'COL1A1', 'col4a5']],
    ['descending', { filter: '', sort: { column: 'AB', descending: true } }, ['col4a5', 'COL1A1', 'FBN1']],
    [
      'text in natural order, chr2 before chr10',
      { filter: '', sort: { column: 'variant', descending: false } },
      ['FBN1', 'COL1A1', 'col4a5'],
    ],
    [
      'empty cells last, both ways',
      { filter: '', sort: { column: 'flag', descending: true } },
      ['FBN1', 'COL1A1', 'col4a5'],
    ],
  ] as const)('%s', (_name, view, expected) => {
    expect(genes(viewRows(ROWS, view))).toEqual(expected);
  });

  it('does not change the rows it was given', () => {
    const rows = [...ROWS];
    viewRows(rows, { filter: '', sort: { column: 'AB', descending: true } });
    expect(rows).toEqual(ROWS);
  });
});

describe('nextSort', () => {
  it.each([
    [{ filter: '' }, 'AB', { column: 'AB', descending: false }],
    [{ filter: '', sort: { column: 'AB', descending: false } }, 'AB', { column: 'AB', descending: true }],
    [{ filter: '', sort: { column: 'AB', descending: true } }, 'AB', undefined],
    [{ filter: '', sort: { column: 'AB', descending: true } }, 'gene', { column: 'gene', descending: false }],
  ] as const)('%j then %s', (view, column, expected) => {
    expect(nextSort(view, column)).toEqual(expected);
  });
});
