import { forwardedReads, type OptionalReads } from './forwarded-reads';
import type { Cell, RawTable } from '../../domain/cell';
import type { HeaderMemo, OwnedCells, TableStore } from '../ports';
import { CALLER_TAB_NAMES, HEADER_TAB_NAMES, headerKey, isWrittenHeader, OWN_HEADER_TABS, writtenHeader, type DeskCache } from './desk-cache';

// The store with its header rows kept in the desk cache (desk-cache.ts): header(names) of a desk
// tab answers from the run's cache snapshot when it can, else reads row 1 and remembers it. The
// Sheets store's own header reads (readColumns, readTail, findRows, which pick the columns they
// read by it) take the same entries through deskHeaderMemo: a header that may position the rows
// a writer appends is as trusted to find the rows a status change updates, and every sidebar call
// reads it in the one Cache.getAll it makes anyway instead of getLastColumn and a getValues a tab.
// Every write that changes what the cache holds drops it: any write to 設定 or コーディネータ,
// and replace or a write from row 1 of a desk tab (the add-in's own writes fire no on-edit trigger).

function isHeader(v: unknown): v is { name: string; header: string[] } {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as { name?: unknown; header?: unknown };
  return typeof h.name === 'string' && Array.isArray(h.header) && h.header.every((x) => typeof x === 'string');
}

/** The desk cache's header entries as the Sheets store's HeaderMemo: only the desk's own tabs
 *  (headerKey), never an empty row 1, and only in a run that reads the cache anyway (every sidebar
 *  call does, for 設定 and コーディネータ): a trigger that reads 設定 itself pays no getAll and no
 *  putAll for headers; 設定 and コーディネータ, cached whole, are left out. A header read fresh is remembered only when the cache lacks it or holds
 *  another (a whole-tab read would otherwise put the same entry back on every run). */
export function deskHeaderMemo(cache: DeskCache): HeaderMemo {
  const cached = (key: string): { name: string; header: string[] } | null => {
    const hit = cache.lookup(key);
    return isHeader(hit) ? hit : null;
  };
  return {
    recall(names, found) {
      const key = headerKey(names);
      const hit = key === null || !cache.opened ? null : cached(key);
      if (hit) return { name: hit.name, header: [...hit.header] };
      // The add-in's own tab, not in the cache: its header is the one the add-in writes (desk-cache.ts
      // WRITTEN_HEADERS), in any run — a trigger's too, which reads no cache for it — whatever list
      // of names found it.
      const written = writtenHeader(found);
      return written ? { name: found, header: [...written] } : null;
    },
    keep(names, found) {
      const key = headerKey(names);
      // 設定 and コーディネータ are cached whole (desk-cache.ts): their header alone is never asked.
      if (key === null || !cache.opened || CALLER_TAB_NAMES.has(found.name.trim()) || !found.header.some((h) => h.trim() !== '')) return;
      const hit = cached(key);
      if (hit && hit.name === found.name && hit.header.join('\u0000') === found.header.join('\u0000')) return;
      // The header the add-in writes, with no other in the cache: recall answers it without an entry.
      if (!hit && isWrittenHeader(found.name, found.header)) return;
      cache.remember(key, { name: found.name, header: [...found.header] });
    },
  };
}

// The optional reads are `inner`'s own, set in the constructor (forwarded-reads.ts); declared here
// by the interface of the same name.
export interface CachedHeaderStore extends OptionalReads {}
export class CachedHeaderStore implements TableStore {
  constructor(private readonly inner: TableStore, private readonly cache: DeskCache) {
    Object.assign(this, forwardedReads(inner));
  }

  read(names: readonly string[]): RawTable | null {
    return this.inner.read(names);
  }

  header(names: readonly string[]): { name: string; header: string[] } | null {
    const key = headerKey(names);
    if (key === null) return this.inner.header(names);
    // The add-in's own tab with a header it writes: the inner store's memo (deskHeaderMemo) answers
    // the cache's entry, else that header, for the one lookup that finds the tab (no round trip).
    if (names.some((n) => writtenHeader(n) !== null)) return this.inner.header(names);
    const hit = this.cache.lookup(key);
    if (isHeader(hit)) return { name: hit.name, header: [...hit.header] };
    const found = this.inner.header(names);
    // An empty row 1 is not a header yet: the next write may make one.
    if (found && found.header.some((h) => h.trim() !== '')) this.cache.remember(key, { name: found.name, header: found.header });
    return found;
  }

  replace(name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.dropAfter(HEADER_TAB_NAMES.has(name.trim()) && !this.keepsOwnHeader(name, header), () => this.inner.replace(name, header, rows));
  }

  /** Whether rewriting the add-in's own tab `name` under `header` leaves its cached header true:
   *  the cache holds none, or this very one (the candidate index is rebuilt every night under the
   *  same header: no reason to empty every entry of the desk for it). A run that has not read the
   *  cache (the nightly trigger) does not read it for this: the header is the add-in's constant,
   *  which only a new version changes, and an entry lives 5 minutes at most. */
  private keepsOwnHeader(name: string, header: readonly string[]): boolean {
    // Every entry that may hold the tab's header (_継続支援 has one per language's order).
    const keys = OWN_HEADER_TABS.filter((t) => t.names.includes(name.trim())).map((t) => headerKey(t.names)).filter((k): k is string => k !== null);
    if (keys.length === 0) return false;
    if (!this.cache.opened) return true;
    return keys.every((key) => {
      const hit = this.cache.lookup(key);
      return !isHeader(hit) || (hit.name === name && hit.header.join('\u0000') === header.join('\u0000'));
    });
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
