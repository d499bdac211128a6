// A shown table as the reader narrows and orders it: rows kept by a filter text and sorted by one column.
import type { ChartRow } from './analysis';

export interface TableView {
  /** Words that must each occur in some cell of a kept row (any case). */
  filter: string;
  sort?: { column: string; descending: boolean };
}

type Cell = ChartRow[string] | undefined;

const text = (v: Cell): string => (v === undefined ? '' : String(v)).toLowerCase();

/** Numbers by value, text by natural order ("chr2" before "chr10"); empty cells last either way. */
function compare(a: Cell, b: Cell): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true, sensitivity: 'base' });
}

export function viewRows(rows: readonly ChartRow[], view: TableView): ChartRow[] {
  const words = view.filter.toLowerCase().split(/\s+/).filter(Boolean);
  const kept =
    words.length === 0
      ? [...rows]
      : rows.filter((row) => {
          const cells = Object.values(row).map(text);
          return words.every((w) => cells.some((c) => c.includes(w)));
        });
  const sort = view.sort;
  if (!sort) return kept;
  const empty = (v: Cell) => v === undefined || v === '';
  return kept.sort((x, y) => {
    const [a, b] = [x[sort.column], y[sort.column]];
    if (empty(a) || empty(b)) return empty(a) === empty(b) ? 0 : empty(a) ? 1 : -1;
    return sort.descending ? compare(b, a) : compare(a, b);
  });
}

/** The next view after a click on a column's header: ascending, then descending, then unsorted. */
export function nextSort(view: TableView, column: string): TableView['sort'] {
  if (view.sort?.column !== column) return { column, descending: false };
  return view.sort.descending ? undefined : { column, descending: true };
}
