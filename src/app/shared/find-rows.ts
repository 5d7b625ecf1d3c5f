import type { Language } from '../../domain/enums';
import { wordText } from '../../domain/messages/catalog';
import { locateColumns, parseTable, type ParsedTable } from '../../domain/parse/parse-table';
import type { RecordOf } from '../../domain/schema/column';
import type { ColumnKey } from '../../domain/schema/record-cells';
import { tabNames, type TabDef } from '../../domain/schema/tabs';
import { cellText, type Cell, type RawTable } from '../../domain/cell';
import type { KeySearch, TableStore } from '../ports';
import { readTailOf } from './read-part';
import { ApiError } from './api-error';
import { checked, type TabRead } from './tab-read';

// Some records of a tab found by a key column (a member by 会員ID, a job's matches by 仕事ID), as
// a TabRead an in-place update can use (their sheet rows and the column positions). The cost of
// a sidebar call must not grow with the center: at 50,000 members reading 会員 whole to find one
// member is a million cells, 10–30 s in Apps Script; found by key it is one search and one short
// read (TableStore.findRows). A store without findRows (a test's counting wrapper) is read whole.

/** Rows found by key, and the sheet row of the tab's last row (TableStore.findRows' `lastRow`). */
export type FoundRead<T> = TabRead<T> & { readonly lastRow: number };

/** One key column of `def` and the keys looked for in it. */
export interface KeyOf<D extends TabDef> { readonly key: ColumnKey<D>; readonly keys: readonly string[] }

/** The records of `def`'s tab whose `key` column holds one of `keys`, in sheet order; ApiError('bad_workbook')
 *  when the tab or a required header is missing. */
export function readRowsByKey<D extends TabDef>(store: TableStore, def: D, key: ColumnKey<D>, keys: readonly string[], lang: Language): FoundRead<RecordOf<D['columns']>> {
  return readRowsByKeys(store, def, [{ key, keys }], lang);
}

/** The records of `def`'s tab found by any of `searches` (a job's matches and a member's: 仕事ID
 *  and 会員ID), each row once, in sheet order — one search of the tab on the server for all of
 *  them (TableStore.findRows), not one per key column. */
export function readRowsByKeys<D extends TabDef>(store: TableStore, def: D, searches: readonly KeyOf<D>[], lang: Language): FoundRead<RecordOf<D['columns']>> {
  const names = tabNames(def, lang);
  const columns = keyColumns(def, searches);
  const found = store.findRows ? store.findRows(names, columns) : null;
  const raw = found ?? (store.findRows ? null : store.read(names));
  if (!raw) throw new ApiError('bad_workbook', { detail: wordText(lang).missingTab(def) });
  const parsed = checked(raw.name, parseTable(def, raw) as ParsedTable<RecordOf<D['columns']>>);
  // Asked of the store only when a caller reads it (the Sheets store asks getLastRow then).
  if (found) return { ...parsed, get lastRow() { return found.lastRow; } };
  // Read whole, the last row is the last one read (as the memory store's findRows counts it).
  const lastRow = (raw.firstRow ?? 2) + raw.rows.length - 1;
  // Read whole: keep the rows asked for, as findRows would have answered.
  const wanted = searches.map((s) => ({ key: s.key, keys: new Set(s.keys.map((k) => k.trim())) }));
  const records: RecordOf<D['columns']>[] = [];
  const rowNumbers: number[] = [];
  parsed.parsed.records.forEach((r, i) => {
    const hit = wanted.some(({ key, keys }) => {
      const v = (r as Record<string, unknown>)[key];
      return typeof v === 'string' && keys.has(v);
    });
    if (hit) { records.push(r); rowNumbers.push(parsed.parsed.rowNumbers[i] ?? 0); }
  });
  return { name: parsed.name, parsed: { ...parsed.parsed, records, rowNumbers }, lastRow };
}

/** `searches` at the positions a header gives their key columns (-1 when it lacks one). */
function keyColumns<D extends TabDef>(def: D, searches: readonly KeyOf<D>[]): (header: readonly string[]) => KeySearch[] {
  return (header) => {
    const index = locateColumns(def, '', header).index;
    return searches.map((s) => ({ column: index.get(s.key) ?? -1, keys: s.keys }));
  };
}

/** The rows of `def`'s tab found by `searches` among its last `lastRows` data rows, as the store
 *  hands them over (with their sheet rows), for a caller that reads them as it would the tail:
 *  undo_place looks for the activity its 成立 logged among 活動記録's last 500 rows by the member's
 *  ID — one search and the member's few rows, not 500 × 13 cells. Null when the tab is missing. A
 *  store without findRows: its last rows read and kept the same way. */
export function findRowsInTail<D extends TabDef>(store: TableStore, def: D, searches: readonly KeyOf<D>[], lang: Language, lastRows: number): RawTable | null {
  const columns = keyColumns(def, searches);
  if (store.findRows) return store.findRows(tabNames(def, lang), columns, lastRows);
  const tail = readTailOf(store, def, lastRows);
  if (!tail) return null;
  const wanted = columns(tail.header).filter((c) => c.column >= 0).map((c) => ({ column: c.column, keys: new Set(c.keys.map((k) => k.trim())) }));
  const first = tail.firstRow ?? 2;
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  tail.rows.forEach((r, i) => {
    if (!wanted.some(({ column, keys }) => keys.has(cellText(r[column])) && cellText(r[column]) !== '')) return;
    rows.push([...r]);
    rowNumbers.push(first + i);
  });
  return { name: tail.name, header: tail.header, rows, rowNumbers };
}
