import type { Language } from '../../domain/enums';
import { changedCells, ownedCells, type ColumnKey } from '../../domain/schema/record-cells';
import type { TabDef } from '../../domain/schema/tabs';
import type { TableStore } from '../ports';

// In-place updates of one record: only the cells whose value the change alters are written (one
// setValues per run of adjacent changed columns), so a center's formula or extra column in that
// row is never read into memory and written back, and a field nobody changed is not rewritten.

export interface RecordPlace {
  /** The tab's name as found in the workbook. */
  readonly tab: string;
  /** Column key → 0-based position (-1 when the tab lacks that optional column). */
  readonly index: ReadonlyMap<string, number>;
  /** The record's sheet row (1-based). */
  readonly row: number;
}

/** Writes what differs between `before` and `after`; answers the keys written. */
export function updateRecord<D extends TabDef>(
  store: TableStore, def: D, place: RecordPlace,
  before: Readonly<Partial<Record<ColumnKey<D>, unknown>>>, after: Readonly<Partial<Record<ColumnKey<D>, unknown>>>, lang: Language,
): ColumnKey<D>[] {
  const { keys, cells } = changedCells(def, before, after, lang);
  const owned = ownedCells<D>(place.index, keys, [cells]);
  if (owned.columns.length > 0) store.writeCells(place.tab, place.row, owned);
  return keys;
}
