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

  readColumns(names: readonly string[], pick: (header: readonly string[]) => readonly number[]): RawTable | null {
    for (const name of names) {
      const tab = this.tabs.get(name);
      if (!tab) continue;
      const width = tab.header.length;
      const wanted = pick(tab.header).filter((c) => c >= 0 && c < width);
      const rows = tab.rows.map((r) => {
        const out = new Array<Cell>(width).fill(null);
        for (const c of wanted) out[c] = r[c] ?? null;
        return out;
      });
      return { name, header: [...tab.header], rows };
    }
    return null;
  }

  readTail(names: readonly string[], count: number): RawTable | null {
    for (const name of names) {
      const tab = this.tabs.get(name);
      if (!tab) continue;
      const first = Math.max(0, tab.rows.length - Math.max(0, count));
      return { name, header: [...tab.header], rows: tab.rows.slice(first).map((r) => [...r]), firstRow: first + 2 };
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
