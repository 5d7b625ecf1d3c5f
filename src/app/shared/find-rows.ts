import type { Language } from '../../domain/enums';
import { wordText } from '../../domain/messages/catalog';
import { locateColumns, parseTable, type ParsedTable } from '../../domain/parse/parse-table';
import type { RecordOf } from '../../domain/schema/column';
import type { ColumnKey } from '../../domain/schema/record-cells';
import { tabNames, type TabDef } from '../../domain/schema/tabs';
import type { RawTable } from '../../domain/cell';
import type { FoundRows, KeySearch, TableStore } from '../ports';
import { rowsWithKeys } from './rows-with-keys';
import { readTailOf } from './read-part';
import { matchRowsOf, readRowsOf } from './rows-by-number';
import { regexQuoted, TRIMMED_SPACES } from '../../domain/text/regex-quoted';
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
  const found = findRawRows(store, names, columns);
  if (!found) throw new ApiError('bad_workbook', { detail: wordText(lang).missingTab(def) });
  const parsed = checked(found.name, parseTable(def, found) as ParsedTable<RecordOf<D['columns']>>);
  // Asked of the store only when a caller reads it (the Sheets store asks getLastRow then).
  return { ...parsed, get lastRow() { return found.lastRow; } };
}

/** TableStore.findRows, or for a store without it (a test's counting wrapper) the tab read whole
 *  and the same rows kept (rows-with-keys.ts): one answer for every caller that finds by key. */
export function findRawRows(store: TableStore, names: readonly string[], searches: (header: readonly string[]) => readonly KeySearch[], largeCells = false): FoundRows | null {
  if (store.findRows) return store.findRows(names, searches, undefined, largeCells);
  const raw = store.read(names);
  return raw ? rowsWithKeys(raw, searches(raw.header)) : null;
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
 *  the candidate index re-packs a member from their rows among 就業実績's last rows — one search
 *  and the member's few rows, not the tail whole. Null when the tab is missing. A
 *  store without findRows: its last rows read and kept the same way. */
export function findRowsInTail<D extends TabDef>(store: TableStore, def: D, searches: readonly KeyOf<D>[], lang: Language, lastRows: number): RawTable | null {
  const columns = keyColumns(def, searches);
  if (store.findRows) return store.findRows(tabNames(def, lang), columns, lastRows);
  const tail = readTailOf(store, def, lastRows);
  return tail ? rowsWithKeys(tail, columns(tail.header)) : null;
}

/** The rows of `def`'s tab whose `key` cell is `id` (spaces around it allowed), among the
 *  `rows` rows up to the last such row, every column read (null when the tab is missing): undo_place
 *  looks for the activity its 成立 logged that day among the member's latest rows of 活動記録. One
 *  search of the key column whole on the server, from its end (TableStore.matchRows: no size
 *  question, as findRowsInTail's window needs), then only those rows read (readRows, in blocks). */
export function findLastRowsOf<D extends TabDef>(store: TableStore, def: D, key: ColumnKey<D>, id: string, lang: Language, rows: number): RawTable | null {
  const names = tabNames(def, lang);
  const found = store.header(names);
  if (!found) return null;
  const column = locateColumns(def, found.name, found.header).index.get(key) ?? -1;
  const wanted = id.trim();
  const hits = column < 0 || wanted === '' ? null : matchRowsOf(store, names, column, `^${TRIMMED_SPACES}${regexQuoted(wanted)}${TRIMMED_SPACES}$`, rows, true);
  const last = hits && hits.rows.length > 0 ? Math.max(...hits.rows) : 0;
  const near = (hits?.rows ?? []).filter((r) => r > last - rows);
  if (near.length === 0) return { name: found.name, header: found.header, rows: [], rowNumbers: [] };
  return readRowsOf(store, names, near, (header) => header.map((_, i) => i));
}

/** The sheet rows of `def`'s tab whose `key` cell is one of `keys` (the whole cell, spaces around
 *  it allowed, as findRows): one search of the key column on the server (TableStore.matchRows),
 *  no row read. ApiError('bad_workbook') when the tab is missing; none when it lacks the column. */
export function findRowNumbersByKey<D extends TabDef>(store: TableStore, def: D, key: ColumnKey<D>, keys: readonly string[], lang: Language): number[] {
  const names = tabNames(def, lang);
  const found = store.header(names);
  if (!found) throw new ApiError('bad_workbook', { detail: wordText(lang).missingTab(def) });
  const column = locateColumns(def, found.name, found.header).index.get(key) ?? -1;
  const wanted = [...new Set(keys.map((k) => k.trim()).filter((k) => k !== ''))];
  if (column < 0 || wanted.length === 0) return [];
  const pattern = `^${TRIMMED_SPACES}(?:${wanted.map(regexQuoted).join('|')})${TRIMMED_SPACES}$`;
  return [...(matchRowsOf(store, names, column, pattern, Number.MAX_SAFE_INTEGER)?.rows ?? [])];
}

/** The records of `def`'s tab at the sheet rows `rows`, every column read (readRows: in blocks),
 *  as a TabRead; ApiError('bad_workbook') when the tab or a required header is missing. */
export function readRowsByNumber<D extends TabDef>(store: TableStore, def: D, rows: readonly number[], lang: Language): TabRead<RecordOf<D['columns']>> {
  const names = tabNames(def, lang);
  const raw = rows.length === 0 ? null : readRowsOf(store, names, rows, (header) => header.map((_, i) => i));
  const found = raw ?? store.header(names);
  if (!found) throw new ApiError('bad_workbook', { detail: wordText(lang).missingTab(def) });
  const table = raw ?? { name: found.name, header: found.header, rows: [], rowNumbers: [] };
  return checked(table.name, parseTable(def, table) as ParsedTable<RecordOf<D['columns']>>);
}

/** readRowsByKey, but the sheet rows `known` (rows this call has just written, whose records it
 *  holds as they now stand) are not read again: one search of the key column on the server
 *  (findRowNumbersByKey), then only the other rows found read (readRowsByNumber, in blocks). A
 *  known row far from the others was a getValues of its own. The caller adds its known records
 *  that hold one of the keys. */
export function readRowsByKeyBesides<D extends TabDef>(
  store: TableStore, def: D, key: ColumnKey<D>, keys: readonly string[], lang: Language, known: ReadonlySet<number>,
): TabRead<RecordOf<D['columns']>> {
  return readRowsByNumber(store, def, findRowNumbersByKey(store, def, key, keys, lang).filter((r) => !known.has(r)), lang);
}
