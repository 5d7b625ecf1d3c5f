import type { Cell } from '../../src/domain/cell';
import type { HandEdit } from '../../src/app/matching/index-hand-edits';
import type { MemoryTableStore } from '../../src/local/memory-table-store';

/**
 * `values` typed into `tab` at (row, column) of the memory store, as a person types in Sheets, and
 * the edit as the on-edit trigger's event gives it: for one cell typed (`withOld`) the value it now
 * holds, and oldValue when it held something; for a range, or one cell pasted (not `withOld`),
 * neither. With `newRow`, rows below the last may be typed (a row added by hand; the rows between
 * are blank); otherwise an edit past the last row, or at no column, is none (null).
 * The model tests of the stores kept from hand edits (the candidate index, the 継続支援 list) share it.
 */
export function typeRange(
  store: MemoryTableStore, tab: string, row: number, column: number, values: Cell[][], withOld: boolean, newRow = false,
): HandEdit | null {
  const raw = store.read([tab]);
  const last = raw ? raw.rows.length + 1 : 1;
  if (!raw || column < 1 || row < 2 || row > (newRow ? last + 2 : last)) return null;
  const rows = raw.rows.map((r) => [...r]);
  const width = raw.header.length;
  if (newRow) while (rows.length < row - 2 + values.length) rows.push(Array.from({ length: width }, () => null));
  const single = values.length === 1 && values[0]?.length === 1;
  const before = rows[row - 2]?.[column - 1] ?? null;
  values.forEach((vs, i) => vs.forEach((v, j) => { const r = rows[row - 2 + i]; if (r) r[column - 1 + j] = v; }));
  store.replace(tab, raw.header, rows);
  const text = (c: Cell): string => (c !== null && typeof c === 'object' ? c.date : String(c ?? ''));
  const typed = single && withOld;
  const old = typed && before !== null && before !== '' ? { oldValue: text(before) } : {};
  const now = typed ? { value: text(values[0]?.[0] ?? null) } : {};
  return { tab, row, rows: values.length, column, columns: values[0]?.length ?? 1, ...old, ...now };
}

/** A row typed by hand as a person types one: `cells` (header → value) one cell at a time, in the
 *  order given, into the row `gap` blank rows below the last one (0: the row just below), each cell
 *  a single cell typed — Sheets fires the on-edit trigger once per cell, with the cell's value and
 *  no oldValue (it was blank). A generator: each edit is yielded once its cell is in the store, so
 *  the caller fires the trigger before the next cell is typed (a half-typed row: stop early). A
 *  header the tab lacks is skipped. */
export function* typeNewRow(store: MemoryTableStore, tab: string, cells: readonly (readonly [string, Cell])[], gap: 0 | 1 = 0): Generator<HandEdit> {
  const raw = store.read([tab]);
  if (!raw) return;
  const row = raw.rows.length + 2 + gap;
  for (const [header, value] of cells) {
    const column = raw.header.indexOf(header) + 1;
    if (column < 1) continue;
    const edit = typeRange(store, tab, row, column, [[value]], true, true);
    if (edit) yield edit;
  }
}
