import type { Cell, RawTable } from '../../domain/cell';
import type { OwnedCells, TableStore } from '../ports';
import { CALLER_TAB_NAMES, HEADER_TAB_NAMES, headerKey, type DeskCache } from './desk-cache';

// The store with its header rows kept in the desk cache (desk-cache.ts): header(names) of a desk
// tab answers from the run's cache snapshot when it can, else reads row 1 and remembers it. Only
// header() is cached — the rows a writer then appends go under the headers it was given — and
// never readColumns', readTail's or findRows' own header read, which picks the columns it reads.
// Every write that changes what the cache holds drops it: any write to 設定 or コーディネータ,
// and replace or a write from row 1 of a desk tab (the add-in's own writes fire no on-edit trigger).

function isHeader(v: unknown): v is { name: string; header: string[] } {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as { name?: unknown; header?: unknown };
  return typeof h.name === 'string' && Array.isArray(h.header) && h.header.every((x) => typeof x === 'string');
}

export class CachedHeaderStore implements TableStore {
  readonly readColumns?: TableStore['readColumns'];
  readonly readTail?: TableStore['readTail'];
  readonly findRows?: TableStore['findRows'];

  constructor(private readonly inner: TableStore, private readonly cache: DeskCache) {
    // Only what the inner store has: read-part.ts reads a store without them whole.
    const { readColumns, readTail, findRows } = inner;
    if (readColumns) this.readColumns = (names, pick) => readColumns.call(inner, names, pick);
    if (readTail) this.readTail = (names, count, pick) => readTail.call(inner, names, count, pick);
    if (findRows) this.findRows = (names, key, keys) => findRows.call(inner, names, key, keys);
  }

  read(names: readonly string[]): RawTable | null {
    return this.inner.read(names);
  }

  header(names: readonly string[]): { name: string; header: string[] } | null {
    const key = headerKey(names);
    if (key === null) return this.inner.header(names);
    const hit = this.cache.lookup(key);
    if (isHeader(hit)) return { name: hit.name, header: [...hit.header] };
    const found = this.inner.header(names);
    // An empty row 1 is not a header yet: the next write may make one.
    if (found && found.header.some((h) => h.trim() !== '')) this.cache.remember(key, { name: found.name, header: found.header });
    return found;
  }

  replace(name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.dropAfter(HEADER_TAB_NAMES.has(name.trim()), () => this.inner.replace(name, header, rows));
  }

  appendCells(name: string, cells: OwnedCells): void {
    this.dropAfter(CALLER_TAB_NAMES.has(name.trim()), () => this.inner.appendCells(name, cells));
  }

  writeCells(name: string, firstRow: number, cells: OwnedCells): void {
    const tab = name.trim();
    this.dropAfter(CALLER_TAB_NAMES.has(tab) || (firstRow <= 1 && HEADER_TAB_NAMES.has(tab)), () => this.inner.writeCells(name, firstRow, cells));
  }

  flush(): void {
    this.inner.flush();
  }

  tabNames(): string[] {
    return this.inner.tabNames();
  }

  /** Runs the write, then drops the cache when `drops`, also when the write failed half-way. */
  private dropAfter(drops: boolean, write: () => void): void {
    try {
      write();
    } finally {
      if (drops) this.cache.invalidate();
    }
  }
}
