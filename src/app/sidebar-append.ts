import type { Cell } from '../domain/cell';
import type { Language } from '../domain/enums';
import { locateColumns } from '../domain/parse/parse-table';
import { tabNames, type TabDef } from '../domain/schema/tabs';
import type { TableStore } from './ports';
import { ApiError } from './sidebar-error';

// Appending one record to a tab the center may have laid out as it likes (columns in any order,
// extra columns of its own): the header is read (one small read), the record's values are placed
// under their headers and every other cell is left empty.

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

/** One row in the tab's column order: `values` by key, null under any other header. */
export function rowOf(layout: TabLayout, values: Readonly<Record<string, Cell>>): Cell[] {
  const row: Cell[] = layout.header.map(() => null);
  for (const [key, at] of layout.index) if (at >= 0) row[at] = values[key] ?? null;
  return row;
}
