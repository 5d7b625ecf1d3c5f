import type { Cell, RawTable } from '../domain/cell';
import { findTab } from '../domain/schema/tab-lookup';
import type { FoundRows, KeySearch, OwnedCells, TableStore } from '../app/ports';
import { neutraliseFormula } from '../domain/text/neutralise-formula';
import { rowsWithKeys } from '../app/shared/rows-with-keys';
import { matchRowsIn, rowsIn, topOf } from '../app/shared/rows-by-number';

/** A workbook held in memory: the store the tests, the demo and the benchmark build on, and
 *  what the workbook-file adapter loads into and saves from. */
export class MemoryTableStore implements TableStore {
  private readonly tabs = new Map<string, { header: string[]; rows: Cell[][] }>();

  static from(tables: ReadonlyArray<{ name: string; header: readonly string[]; rows: readonly (readonly Cell[])[] }>): MemoryTableStore {
    const store = new MemoryTableStore();
    for (const t of tables) store.replace(t.name, t.header, t.rows);
    return store;
  }

  /** The tab `names` asks for, by findTab (trimmed names, workbook.md), with its real name. */
  private find(names: readonly string[]): { name: string; tab: { header: string[]; rows: Cell[][] } } | null {
    const name = findTab([...this.tabs.keys()], names);
    const tab = name === null ? undefined : this.tabs.get(name);
    return name === null || !tab ? null : { name, tab };
  }

  read(names: readonly string[]): RawTable | null {
    const found = this.find(names);
    if (!found) return null;
    const { name, tab } = found;
    return { name, header: [...tab.header], rows: tab.rows.map((r) => [...r]) };
  }

  /** Sheets' readTop in memory (as rows-by-number.ts topOf answers for a store without it): the
   *  tab has no grid, so rows past its content read blank. */
  readTop(names: readonly string[], dataRows: number, width: number): RawTable | null {
    const found = this.find(names);
    return found ? topOf({ name: found.name, header: found.tab.header, rows: found.tab.rows }, dataRows, width) : null;
  }

  header(names: readonly string[]): { name: string; header: string[] } | null {
    const found = this.find(names);
    return found ? { name: found.name, header: [...found.tab.header] } : null;
  }

  readColumns(names: readonly string[], pick: (header: readonly string[]) => readonly number[]): RawTable | null {
    const found = this.find(names);
    if (!found) return null;
    const { name, tab } = found;
    const width = tab.header.length;
    const wanted = pick(tab.header).filter((c) => c >= 0 && c < width);
    const rows = tab.rows.map((r) => {
      const out = new Array<Cell>(width).fill(null);
      for (const c of wanted) out[c] = r[c] ?? null;
      return out;
    });
    return { name, header: [...tab.header], rows };
  }

  readTail(names: readonly string[], count: number, pick?: (header: readonly string[]) => readonly number[]): RawTable | null {
    const found = this.find(names);
    if (!found) return null;
    return this.rowsDown(found, Math.max(0, found.tab.rows.length - Math.max(0, count)), pick);
  }

  readFrom(names: readonly string[], firstRow: number, pick?: (header: readonly string[]) => readonly number[]): RawTable | null {
    const found = this.find(names);
    if (!found) return null;
    return this.rowsDown(found, Math.min(found.tab.rows.length, Math.max(0, firstRow - 2)), pick);
  }

  private rowsDown(found: NonNullable<ReturnType<MemoryTableStore['find']>>, first: number, pick?: (header: readonly string[]) => readonly number[]): RawTable {
    const { name, tab } = found;
    const width = tab.header.length;
    const wanted = pick ? pick(tab.header).filter((c) => c >= 0 && c < width) : null;
    const rows = tab.rows.slice(first).map((r) => {
      if (!wanted) return [...r];
      const out = new Array<Cell>(width).fill(null);
      for (const c of wanted) out[c] = r[c] ?? null;
      return out;
    });
    return { name, header: [...tab.header], rows, firstRow: first + 2 };
  }

  findRows(names: readonly string[], searches: (header: readonly string[]) => readonly KeySearch[], lastRows?: number): FoundRows | null {
    const found = this.find(names);
    if (!found) return null;
    const { name, tab } = found;
    const from = lastRows === undefined ? 0 : Math.max(0, tab.rows.length - lastRows);
    const hits = rowsWithKeys({ name, header: tab.header, rows: tab.rows.slice(from), firstRow: from + 2 }, searches(tab.header));
    return { ...hits, lastRow: tab.rows.length + 1 };
  }

  matchRows(names: readonly string[], column: number, pattern: string, limit: number, fromEnd = false): { rows: number[]; total: number } | null {
    const found = this.find(names);
    return found ? matchRowsIn({ name: found.name, header: found.tab.header, rows: found.tab.rows }, column, pattern, limit, fromEnd) : null;
  }

  readRows(names: readonly string[], rowNumbers: readonly number[], pick: (header: readonly string[]) => readonly number[]): RawTable | null {
    const found = this.find(names);
    return found ? rowsIn({ name: found.name, header: found.tab.header, rows: found.tab.rows }, rowNumbers, pick) : null;
  }

  replace(name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.tabs.set(name, { header: [...header], rows: rows.map((r) => [...r]) });
  }

  appendCells(name: string, cells: OwnedCells): void {
    const tab = this.tabs.get(name);
    if (!tab) throw new Error(`No tab named ${name}`);
    for (const values of cells.rows) tab.rows.push(placed(new Array<Cell>(tab.header.length).fill(null), cells.columns, values));
  }

  writeCells(name: string, firstRow: number, cells: OwnedCells): void {
    const tab = this.tabs.get(name);
    if (!tab) throw new Error(`No tab named ${name}`);
    cells.rows.forEach((values, i) => {
      const at = firstRow - 2 + i;
      while (tab.rows.length <= at) tab.rows.push(new Array<Cell>(tab.header.length).fill(null));
      tab.rows[at] = placed(tab.rows[at] ?? [], cells.columns, values);
    });
  }

  /** Writes reach the memory at once. */
  flush(): void {}

  /** Whole rows in the tab's column order, for tests and fixtures that build a workbook (not a
   *  port method: a use case appends only the cells it owns). */
  append(name: string, rows: readonly (readonly Cell[])[]): void {
    const tab = this.tabs.get(name);
    if (!tab) throw new Error(`No tab named ${name}`);
    tab.rows.push(...rows.map((r) => [...r]));
  }

  /** Whole rows from sheet row `firstRow`, as a person typing over them would (tests only). */
  update(name: string, firstRow: number, rows: readonly (readonly Cell[])[]): void {
    const tab = this.tabs.get(name);
    if (!tab) throw new Error(`No tab named ${name}`);
    rows.forEach((r, i) => { tab.rows[firstRow - 2 + i] = [...r]; });
  }

  tabNames(): string[] {
    return [...this.tabs.keys()];
  }
}

/** `row` with `values` put at `columns` (the row grows as needed; other cells are kept). */
function placed(row: readonly Cell[], columns: readonly number[], values: readonly Cell[]): Cell[] {
  const out = [...row];
  columns.forEach((c, i) => {
    while (out.length <= c) out.push(null);
    const v = values[i] ?? null;
    // As the Sheets store does: a text written by the add-in is never a formula.
    out[c] = typeof v === 'string' ? neutraliseFormula(v) : v;
  });
  return out;
}
