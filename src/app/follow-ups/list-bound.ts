import { forwardedReads, type OptionalReads } from '../shared/forwarded-reads';
import type { Cell, RawTable } from '../../domain/cell';
import { FOLLOW_UP_LIST_TAB } from '../../domain/schema/tabs';
import type { KeyValueStore, OwnedCells, TableStore } from '../ports';

// How far down _継続支援 its writers have written, kept in a document property so that listFollowUps
// reads the list at its known size (TableStore.readTop: one getValues) instead of asking the tab's
// size first (getDataRange: a size question, ~50–160 ms in Apps Script, bench/README.md). The value
// is a bound, never behind what the add-in wrote: the rebuild sets the list's last row (the header
// and its rows), a whole read under the lock sets the last row it found, and every append adds the
// rows it appended (Sheets' appendRow lands below the last row holding something, which is at most
// the bound, so the bound plus the rows appended still covers it; rows blanked stay within it).
// Written only under the write lock, with the stored 今週 figures in the one setProperties at the
// release (gas/document-properties.ts holds it), so a write that already moves a figure pays
// nothing more for it.
//
// A bound is trusted only as far as the reader checks it (stored-list.ts readStoredListWithin): the
// header must be the list's, and the row just below the bound must be blank — a row typed below the
// list by hand (the on-edit trigger also stamps it for a rebuild), rows inserted, or a run killed
// between its append and the release (the bound then behind by the row it appended) all show there,
// and the list is read whole instead, as before. No bound (a copy made before it existed, the
// .xlsx adapter): read whole.

/** The sheet row the add-in's writes of _継続支援 reach at most (header included). */
export const FOLLOW_UPS_ROWS_PROPERTY = 'ikigai.followUps.rows';

/** The bound stored, or null when there is none or it is not a row number. */
export function parseListBound(text: string | null | undefined): number | null {
  if (text === null || text === undefined || !/^\d{1,7}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 ? n : null;
}

const LIST_TAB_NAMES: ReadonlySet<string> = new Set([FOLLOW_UP_LIST_TAB.ja, FOLLOW_UP_LIST_TAB.en]);
const isListTab = (name: string): boolean => LIST_TAB_NAMES.has(name.trim());

/**
 * `inner`, keeping FOLLOW_UPS_ROWS_PROPERTY true for the writes that go through it: an append to
 * the list adds its rows to the bound (nothing when there is none: the next rebuild or locked read
 * sets it). Every other method is `inner`'s own. The list's writers
 * run under the lock, so the bound's read answers from the run's one getProperties.
 */
// The optional reads are `inner`'s own, set in the constructor (forwarded-reads.ts); declared here
// by the interface of the same name.
export interface ListBoundStore extends OptionalReads {}
export class ListBoundStore implements TableStore {
  constructor(private readonly inner: TableStore, private readonly props: KeyValueStore) {
    Object.assign(this, forwardedReads(inner));
  }

  read(names: readonly string[]): RawTable | null {
    return this.inner.read(names);
  }

  header(names: readonly string[]): { name: string; header: string[] } | null {
    return this.inner.header(names);
  }

  // The list's one replace is the rebuild's, which sets the bound itself (follow-hand-edits.ts),
  // only when it changed: setting it here would cost the nightly run a setProperties every night.
  replace(name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.inner.replace(name, header, rows);
  }

  appendCells(name: string, cells: OwnedCells): void {
    this.inner.appendCells(name, cells);
    if (!isListTab(name) || cells.rows.length === 0 || cells.columns.length === 0) return;
    const bound = parseListBound(this.props.get(FOLLOW_UPS_ROWS_PROPERTY));
    if (bound !== null) this.props.set(FOLLOW_UPS_ROWS_PROPERTY, String(bound + cells.rows.length));
  }

  writeCells(name: string, firstRow: number, cells: OwnedCells): void {
    this.inner.writeCells(name, firstRow, cells);
  }

  flush(): void {
    this.inner.flush();
  }

  tabNames(): string[] {
    return this.inner.tabNames();
  }
}
