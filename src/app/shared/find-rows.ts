import type { Language } from '../../domain/enums';
import { wordText } from '../../domain/messages/catalog';
import { locateColumns, parseTable, type ParsedTable } from '../../domain/parse/parse-table';
import type { RecordOf } from '../../domain/schema/column';
import type { ColumnKey } from '../../domain/schema/record-cells';
import { tabNames, type TabDef } from '../../domain/schema/tabs';
import type { TableStore } from '../ports';
import { ApiError } from './api-error';
import { checked, type TabRead } from './tab-read';

// Some records of a tab found by a key column (a member by 会員ID, a job's matches by 仕事ID), as
// a TabRead an in-place update can use (their sheet rows and the column positions). The cost of
// a sidebar call must not grow with the center: at 50,000 members reading 会員 whole to find one
// member is a million cells, 10–30 s in Apps Script; found by key it is one search and one short
// read (TableStore.findRows). A store without findRows (a test's counting wrapper) is read whole.

/** Rows found by key, and the sheet row of the tab's last row (TableStore.findRows' `lastRow`). */
export type FoundRead<T> = TabRead<T> & { readonly lastRow: number };

/** The records of `def`'s tab whose `key` column holds one of `keys`, in sheet order; ApiError('bad_workbook')
 *  when the tab or a required header is missing. */
export function readRowsByKey<D extends TabDef>(store: TableStore, def: D, key: ColumnKey<D>, keys: readonly string[], lang: Language): FoundRead<RecordOf<D['columns']>> {
  const names = tabNames(def, lang);
  const column = (header: readonly string[]): number => locateColumns(def, '', header).index.get(key) ?? -1;
  const found = store.findRows ? store.findRows(names, column, keys) : null;
  const raw = found ?? (store.findRows ? null : store.read(names));
  if (!raw) throw new ApiError('bad_workbook', { detail: wordText(lang).missingTab(def) });
  const parsed = checked(raw.name, parseTable(def, raw) as ParsedTable<RecordOf<D['columns']>>);
  if (found) return { ...parsed, lastRow: found.lastRow };
  // Read whole, the last row is the last one read (as the memory store's findRows counts it).
  const lastRow = (raw.firstRow ?? 2) + raw.rows.length - 1;
  // Read whole: keep the rows asked for, as findRows would have answered.
  const wanted = new Set(keys.map((k) => k.trim()));
  const records: RecordOf<D['columns']>[] = [];
  const rowNumbers: number[] = [];
  parsed.parsed.records.forEach((r, i) => {
    const v = (r as Record<string, unknown>)[key];
    if (typeof v === 'string' && wanted.has(v)) { records.push(r); rowNumbers.push(parsed.parsed.rowNumbers[i] ?? 0); }
  });
  return { name: parsed.name, parsed: { ...parsed.parsed, records, rowNumbers }, lastRow };
}
