import type { Cell, RawTable } from '../domain/cell';
import type { TableStore } from '../app/ports';

/** A workbook held in memory: the store the tests, the demo and the benchmark build on, and
 *  what the workbook-file adapter loads into and saves from. */
export class MemoryTableStore implements TableStore {
  private readonly tabs = new Map<string, { header: string[]; rows: Cell[][] }>();

  static from(tables: ReadonlyArray<{ name: string; header: readonly string[]; rows: readonly (readonly Cell[])[] }>): MemoryTableStore {
    const store = new MemoryTableStore();
    for (const t of tables) store.replace(t.name, t.header, t.rows);
    return store;
  }

  read(names: readonly string[]): RawTable | null {
    for (const name of names) {
      const tab = this.tabs.get(name);
      if (tab) return { name, header: [...tab.header], rows: tab.rows.map((r) => [...r]) };
    }
    return null;
  }

  header(names: readonly string[]): { name: string; header: string[] } | null {
    for (const name of names) {
      const tab = this.tabs.get(name);
      if (tab) return { name, header: [...tab.header] };
    }
    return null;
  }

  replace(name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.tabs.set(name, { header: [...header], rows: rows.map((r) => [...r]) });
  }

  append(name: string, rows: readonly (readonly Cell[])[]): void {
    const tab = this.tabs.get(name);
    if (!tab) throw new Error(`No tab named ${name}`);
    tab.rows.push(...rows.map((r) => [...r]));
  }

  update(name: string, firstRow: number, rows: readonly (readonly Cell[])[]): void {
    const tab = this.tabs.get(name);
    if (!tab) throw new Error(`No tab named ${name}`);
    rows.forEach((r, i) => { tab.rows[firstRow - 2 + i] = [...r]; });
  }

  tabNames(): string[] {
    return [...this.tabs.keys()];
  }
}
