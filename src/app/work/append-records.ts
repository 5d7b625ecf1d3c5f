import { ownedCells, type CellsByKey, type ColumnKey } from '../../domain/schema/record-cells';
import type { TabDef } from '../../domain/schema/tabs';
import type { TableStore } from '../ports';

/** Appends many records in one call: the cells of `keys` under their headers (one setValues per
 *  run of adjacent owned columns), every other cell of the new rows left to the sheet. */
export function appendRecords<D extends TabDef>(
  store: TableStore, layout: { name: string; index: ReadonlyMap<string, number> }, keys: readonly ColumnKey<D>[], rows: readonly CellsByKey<D>[],
): void {
  if (rows.length === 0) return;
  store.appendCells(layout.name, ownedCells<D>(layout.index, keys, rows));
}
