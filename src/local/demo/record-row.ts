import type { OwnedCells } from '../../domain/cell';
import type { Language } from '../../domain/enums';
import { locateColumns } from '../../domain/parse/parse-table';
import { encodeRecord, ownedCells, type ColumnKey } from '../../domain/schema/record-cells';
import type { TabDef } from '../../domain/schema/tabs';

// Typed records of a center's existing data (what the demo loads before its year is played
// through the use cases) as the cells of the tab's own columns, through the one codec every
// writer uses (record-cells.ts).
export function recordCells<D extends TabDef>(
  def: D, found: { name: string; header: readonly string[] }, records: readonly Readonly<Partial<Record<ColumnKey<D>, unknown>>>[], lang: Language,
): OwnedCells {
  const { index } = locateColumns(def, found.name, found.header);
  return ownedCells<D>(index, def.columns.map((c): ColumnKey<D> => c.key), records.map((r) => encodeRecord(def, r, lang)));
}
