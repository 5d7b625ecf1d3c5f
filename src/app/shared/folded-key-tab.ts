import { addDays, type CivilDate } from '../../domain/civil-date';
import type { RawTable } from '../../domain/cell';
import type { KeyValueStore, Lock, TableStore } from '../ports';
import { KEY_HEADER } from '../../domain/text/folded-key';
import { underWriteLock } from './write-boundary';

// A hidden add-in tab of stored, folded search keys row-aligned with a center tab (workbook.md
// "Written by the add-in"): one cell a row in column A, row n holding the key of the center tab's
// row n (domain/text/folded-key.ts), so a picker finds its records with one TextFinder of the keys
// and reads only the rows it found of the center tab itself — at any center size. Sheets'
// TextFinder cannot fold kana, width or old kanji; the keys are folded once, when written.
// - rebuilt whole by the nightly run, by setup, and by the first search that finds the stamp (one
//   document property) missing, of another version, older than yesterday, or stamped by a person's
//   edit (src/entry/cache-triggers.ts);
// - kept by the add-in's own writes, in the same write boundary: an appended record appends its
//   key (both tabs end on the same row, as the rebuild leaves them), a rewritten one writes the
//   key of its row (appendKey, writeKey);
// - a key that finds a row which does not match (rows moved by hand before the trigger's stamp was
//   seen) sends the search to rebuild first: a stale key never shows a wrong record.
// The member picker's _会員検索 (members/member-search-index.ts) and the job picker's _仕事検索
// (matching/job-search-index.ts) are two of these.

export { KEY_HEADER };

export interface FoldedKeyTab {
  /** The hidden tab's name (one name in both languages). */
  readonly tab: string;
  /** The document property of its stamp: `{"v":n,"built":"YYYY-MM-DD","rows":n}` after a rebuild;
   *  the edit triggers set `{"edited":"…"}` (any other value is stale too). */
  readonly property: string;
  readonly version: number;
  /** The key of every row of the center tab, in its rows' order (row 2 first); null without the tab. */
  keys(store: TableStore, today: CivilDate): string[] | null;
}

/** Whether the stamp `value` says the keys can be searched `today`. */
export function keyTabFresh(spec: Pick<FoldedKeyTab, 'version'>, value: string | null, today: CivilDate): boolean {
  if (value === null) return false;
  try {
    const stamp = JSON.parse(value) as Record<string, unknown>;
    return stamp.v === spec.version && typeof stamp.built === 'string' && stamp.built >= addDays(today, -1);
  } catch {
    return false;
  }
}

/** The stamp a person's edit leaves: a value of its own each time, so a rebuild that read the
 *  center tab meanwhile sees it changed. */
export function editedStamp(now: Date): string {
  return JSON.stringify({ edited: now.toISOString() });
}

/** Whether the tab as read holds exactly the header and `keys`, row for row. */
function holdsKeys(raw: RawTable | null, keys: readonly string[]): boolean {
  if (!raw || raw.rows.length !== keys.length || raw.header[0] !== KEY_HEADER) return false;
  return keys.every((k, i) => raw.rows[i]?.[0] === k && raw.rows[i]?.length === 1);
}

/**
 * Rebuilds the keys (caller holds the write lock) and stamps them built `today` — unless the stamp
 * changed while the center tab was read (a person's edit stamped it): then they stay stale and the
 * next search rebuilds again. Answers the rows written, or null without the center tab.
 */
export function rebuildKeyTab(spec: FoldedKeyTab, store: TableStore, props: KeyValueStore, today: CivilDate): number | null {
  const seen = props.get(spec.property);
  const keys = spec.keys(store, today);
  if (!keys) return null;
  // The tab is the add-in's cell by cell: replaced whole (workbook.md) — unless it already holds
  // exactly these keys (the nightly run after a day of searches, a trigger fired twice): then
  // nothing is written, and the stamp only when it changes.
  if (!holdsKeys(store.read([spec.tab]), keys)) store.replace(spec.tab, [KEY_HEADER], keys.map((k) => [k]));
  const stamp = JSON.stringify({ v: spec.version, built: today, rows: keys.length });
  if (props.get(spec.property) === seen && seen !== stamp) props.set(spec.property, stamp);
  return keys.length;
}

/** rebuildKeyTab under its own hold of the write lock (a search, the nightly run): null when
 *  another run holds it or there is no center tab. */
export function rebuildKeyTabLocked(spec: FoldedKeyTab, ports: { store: TableStore; props: KeyValueStore; lock: Lock }, today: CivilDate): number | null {
  const done = underWriteLock(ports, () => rebuildKeyTab(spec, ports.store, ports.props, today));
  return done.ok ? done.value : null;
}

/** Whether the add-in's tab is there to keep (the first search builds a missing one). */
function hasTab(spec: Pick<FoldedKeyTab, 'tab'>, store: TableStore): boolean {
  return store.header([spec.tab]) !== null;
}

/** A record just appended to the center tab: its key appended, one appendCells. Inside the write's boundary. */
export function appendKey(spec: Pick<FoldedKeyTab, 'tab'>, store: TableStore, key: string): void {
  if (!hasTab(spec, store)) return;
  store.appendCells(spec.tab, { columns: [0], rows: [[key]] });
}

/** The center tab's row `row` rewritten: the key of that row written, one writeCells — only when
 *  the key changed (`before` → `after`). Inside the write's boundary. */
export function writeKey(spec: Pick<FoldedKeyTab, 'tab'>, store: TableStore, row: number, before: string, after: string): void {
  if (row < 2 || before === after || !hasTab(spec, store)) return;
  store.writeCells(spec.tab, row, { columns: [0], rows: [[after]] });
}
