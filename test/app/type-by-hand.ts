import type { Cell } from '../../src/domain/cell';
import type { HandEdit } from '../../src/app/matching/index-hand-edits';
import type { MemoryTableStore } from '../../src/local/memory-table-store';

/**
 * `values` typed into `tab` at (row, column) of the memory store, as a person types in Sheets, and
 * the edit as the on-edit trigger's event gives it: oldValue only for one cell that held something,
 * and only when Sheets says it (`withOld`). With `newRow`, the row just below the last may be typed
 * (a row added by hand); otherwise an edit past the last row, or at no column, is none (null).
 * The model tests of the stores kept from hand edits (the candidate index, the 継続支援 list) share it.
 */
export function typeRange(
  store: MemoryTableStore, tab: string, row: number, column: number, values: Cell[][], withOld: boolean, newRow = false,
): HandEdit | null {
  const raw = store.read([tab]);
  const last = raw ? raw.rows.length + 1 : 1;
  if (!raw || column < 1 || row < 2 || row > (newRow ? last + 1 : last)) return null;
  const rows = raw.rows.map((r) => [...r]);
  const width = raw.header.length;
  if (newRow) while (rows.length < row - 2 + values.length) rows.push(Array.from({ length: width }, () => null));
  const single = values.length === 1 && values[0]?.length === 1;
  const before = rows[row - 2]?.[column - 1] ?? null;
  values.forEach((vs, i) => vs.forEach((v, j) => { const r = rows[row - 2 + i]; if (r) r[column - 1 + j] = v; }));
  store.replace(tab, raw.header, rows);
  const old = single && withOld && before !== null && before !== '' ? { oldValue: typeof before === 'object' ? before.date : String(before) } : {};
  return { tab, row, rows: values.length, column, columns: values[0]?.length ?? 1, ...old };
}
