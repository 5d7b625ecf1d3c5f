import { ownedCells, type CellsByKey, type ColumnKey } from '../../domain/schema/record-cells';
import type { Language } from '../../domain/enums';
import { locateColumns } from '../../domain/parse/parse-table';
import { tabNames, type TabDef } from '../../domain/schema/tabs';
import type { TableStore } from '../ports';
import { ApiError } from './api-error';

// Appending one record to a tab the center may have laid out as it likes (columns in any order,
// extra columns of its own): the header is read (one small read), the record's values are placed
// under their headers and every other cell is left to the sheet.

export interface TabLayout {
  /** The tab's name as found in the workbook (either language). */
  readonly name: string;
  readonly header: readonly string[];
  /** Column key → 0-based position (-1 when the tab lacks that optional column). */
  readonly index: ReadonlyMap<string, number>;
}

/** The layout of `def`'s tab, or ApiError('bad_workbook') when the tab or a required header is missing. */
export function layoutOf(store: TableStore, def: TabDef, lang: Language): TabLayout {
  const found = store.header(tabNames(def, lang));
  if (!found) throw new ApiError('bad_workbook', { detail: lang === 'ja' ? `シート「${def.ja}」がありません` : `the tab ${def.en} is missing` });
  const { index, problems } = locateColumns(def, found.name, found.header);
  if (problems.length > 0) throw new ApiError('bad_workbook', { detail: problems.map((p) => `${p.tab}!${p.cell} ${String(p.params.header ?? '')}`).join(', ') });
  return { name: found.name, header: found.header, index };
}

/** Appends one record: the cells of the keys `values` holds, under their headers; the row's
 *  other cells (a center's own columns) are left to the sheet. */
export function appendRecord<D extends TabDef>(store: TableStore, layout: TabLayout, values: CellsByKey<D>): void {
  const keys = Object.keys(values).filter((k): k is ColumnKey<D> => layout.index.has(k));
  store.appendCells(layout.name, ownedCells<D>(layout.index, keys, [values]));
}
