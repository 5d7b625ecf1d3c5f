import type { Cell, RawTable } from '../../domain/cell';
import type { FoundRows, KeySearch } from '../ports';

/**
 * The rows of a table already read whose key column shows one of the keys, with their sheet rows,
 * as TableStore.findRows answers: the text the cell shows, trimmed, as Sheets' TextFinder matches
 * it (an ID typed as a number too), blank never a hit; a search whose column is -1 (the tab lacks
 * it) finds nothing. The memory store's findRows, and every caller's answer from a store without
 * findRows (a test's counting wrapper: find-rows.ts findRawRows), are this one function.
 */
export function rowsWithKeys(raw: RawTable, searches: readonly KeySearch[]): FoundRows {
  const wanted = searches.filter((s) => s.column >= 0).map((s) => ({ column: s.column, keys: new Set(s.keys.map((k) => k.trim())) }));
  const first = raw.firstRow ?? 2;
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  raw.rows.forEach((r, i) => {
    const hit = wanted.some(({ column, keys }) => {
      const c = r[column];
      const shown = typeof c === 'string' || typeof c === 'number' ? String(c).trim() : '';
      return shown !== '' && keys.has(shown);
    });
    if (hit) { rows.push([...r]); rowNumbers.push(raw.rowNumbers?.[i] ?? first + i); }
  });
  return { name: raw.name, header: [...raw.header], rows, rowNumbers, lastRow: first + raw.rows.length - 1 };
}
