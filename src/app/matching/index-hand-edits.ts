import type { Cell } from '../../domain/cell';
import { locateColumns } from '../../domain/parse/parse-table';
import { JOBS_TAB, MATCHES_TAB, MEMBERS_TAB, WORK_LOG_TAB, type TabDef } from '../../domain/schema/tabs';
import { utf8Length } from '../../domain/text/utf8-length';
import type { Clock, KeyValueStore, Lock, TableStore } from '../ports';
import { underWriteLock } from '../shared/write-boundary';

// A person's hand edit of 会員, 仕事, マッチング or 就業実績, as the candidate index learns of it
// (matching.md "The candidate index", "Hand edits"). The on-edit trigger (src/entry/cache-triggers.ts)
// reads the key of every edited row — the 会員ID of a row of 会員, マッチング or 就業実績, the 仕事ID
// of a row of 仕事 — and adds them to one document property, INDEX_TOUCHED_PROPERTY, under the write
// lock; the next ranking re-packs only those members' buckets from their rows found by key and
// deletes the property, under the lock too (candidate-index.ts). Found by key, not by row: a row
// sorted, moved or cut and pasted within the range names the same members, wherever they now stand.
//
// Whatever the trigger cannot name for sure is a full rebuild instead (INDEX_EDITED_PROPERTY, the
// stamp the reader compares with the one its last rebuild saw — set blind, without the lock, so it
// can never be lost): row 1 (a header), the key column itself unless one cell was typed over and
// Sheets says what it held (`oldValue`: both IDs then), more than INDEX_TOUCHED_MAX rows or keys,
// the lock busy, and every structural change (the on-change trigger: rows deleted, inserted or
// sorted, which carries no range). A key lost is never possible: the list is only ever changed
// under the lock, and a trigger that cannot take it stamps the full rebuild.

/** The on-edit and on-change triggers' full stamp: a person changed what no key names (see above),
 *  at this instant. A rebuild keeps the stamp it saw in its own stamp row (`seen`); a reader finding
 *  another one rebuilds first. */
export const INDEX_EDITED_PROPERTY = 'ikigai.candidateIndex.edited';
/** The members and jobs hand edits touched since the last re-pack: `{"m":[会員ID…],"j":[仕事ID…]}`,
 *  written and deleted only under the write lock. */
export const INDEX_TOUCHED_PROPERTY = 'ikigai.candidateIndex.touched';
/** The most rows one edit, or keys the property, may name before a full rebuild is cheaper to
 *  reason about than a partial one: each member re-packed may cost one write of its bucket
 *  (~50 ms), 100 of them ~5 s against ~20 s for a rebuild at 50,000 members. */
export const INDEX_TOUCHED_MAX = 100;
/** Google's limit of one property value is 9 KB; the list stays well under it. */
const TOUCHED_MAX_BYTES = 8 * 1024;

/** The members and jobs whose entries an edit may have changed. */
export interface IndexTouched {
  readonly members: readonly string[];
  readonly jobs: readonly string[];
}

export type IndexTouch = { readonly full: true } | ({ readonly full: false } & IndexTouched);

/** One hand edit as the on-edit event gives it: the tab, the range's first row and column (1-based)
 *  and size, and for a single cell what it held before (Sheets gives no oldValue for a blank cell,
 *  nor for a range). */
export interface HandEdit {
  readonly tab: string;
  readonly row: number;
  readonly rows: number;
  readonly column: number;
  readonly columns: number;
  readonly oldValue?: string;
}

/** The tabs the index is built from, and the key of each that names whose entry a row changes. */
const SOURCES: readonly { readonly def: TabDef; readonly key: 'member_id' | 'job_id'; readonly kind: 'members' | 'jobs' }[] = [
  { def: MEMBERS_TAB, key: 'member_id', kind: 'members' },
  { def: MATCHES_TAB, key: 'member_id', kind: 'members' },
  { def: WORK_LOG_TAB, key: 'member_id', kind: 'members' },
  { def: JOBS_TAB, key: 'job_id', kind: 'jobs' },
];

export function isIndexSourceTab(tab: string): boolean {
  return SOURCES.some((s) => s.def.ja === tab || s.def.en === tab);
}

const FULL: IndexTouch = { full: true };
const keyText = (c: Cell | undefined): string => (typeof c === 'string' || typeof c === 'number' ? String(c).trim() : '');

/**
 * What `edit` touched: the keys of its rows (`keysIn(column)`: the cells of that 1-based column in
 * the edited rows, read after the edit), or a full rebuild when the keys cannot be known for sure.
 * `header`: the tab's header row (null when it cannot be read).
 */
export function touchOfEdit(edit: HandEdit, header: readonly string[] | null, keysIn: (column: number) => readonly Cell[]): IndexTouch {
  const source = SOURCES.find((s) => s.def.ja === edit.tab || s.def.en === edit.tab);
  if (!source || !header || edit.row <= 1 || edit.rows > INDEX_TOUCHED_MAX) return FULL;
  const at = locateColumns(source.def, edit.tab, header).index.get(source.key);
  if (at === undefined) return FULL;
  const keyColumn = at + 1;
  const keys = new Set(keysIn(keyColumn).map(keyText).filter((k) => k !== ''));
  if (keyColumn >= edit.column && keyColumn < edit.column + edit.columns) {
    // The ID itself changed: whose entry the row was before is known only from oldValue, which
    // Sheets gives for one cell that held something. A range, or a cell Sheets says nothing of
    // (blank before, or pasted): rebuilt whole.
    if (edit.rows !== 1 || edit.columns !== 1 || edit.oldValue === undefined) return FULL;
    const old = edit.oldValue.trim();
    if (old !== '') keys.add(old);
  }
  const list = [...keys];
  return source.kind === 'members' ? { full: false, members: list, jobs: [] } : { full: false, members: [], jobs: list };
}

/** The property's list, or null when it holds none; 'unreadable' when a person or a bug left
 *  something else in it (the reader rebuilds then). */
export function parseTouched(text: string | null): IndexTouched | null | 'unreadable' {
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return 'unreadable';
    const { m, j } = v as Record<string, unknown>;
    const strings = (a: unknown): a is string[] => Array.isArray(a) && a.every((s) => typeof s === 'string');
    if (!strings(m) || !strings(j)) return 'unreadable';
    return { members: m, jobs: j };
  } catch {
    return 'unreadable';
  }
}

/** Both lists together, each key once; null when past the bounds (rebuild instead). */
export function mergeTouched(a: IndexTouched | null, b: IndexTouched): string | null {
  const members = [...new Set([...(a?.members ?? []), ...b.members])];
  const jobs = [...new Set([...(a?.jobs ?? []), ...b.jobs])];
  if (members.length + jobs.length > INDEX_TOUCHED_MAX) return null;
  const text = JSON.stringify({ m: members, j: jobs });
  return utf8Length(text) > TOUCHED_MAX_BYTES ? null : text;
}

/** One setProperty, no lock: any new value makes the next reader rebuild — new even for two
 *  stamps in the same millisecond (the rebuild between them would otherwise take the second for
 *  the one it saw). */
export function stampIndexRebuild(props: KeyValueStore, clock: Clock): void {
  props.set(INDEX_EDITED_PROPERTY, `${clock.now().toISOString()} ${Math.random().toString(36).slice(2, 10)}`);
}

export type RecordedTouch = 'none' | 'touched' | 'full';

/**
 * Records `touch` for the next reader: the keys added to INDEX_TOUCHED_PROPERTY under the write
 * lock (one getProperty, one setProperty; the same keys twice — a trigger fired twice — leave it
 * as it was), or the full stamp when the touch is full, the list would pass its bounds, the
 * property is unreadable or the lock is busy.
 */
export function recordIndexTouch(
  ports: { readonly properties: KeyValueStore; readonly lock: Lock; readonly store: Pick<TableStore, 'flush'>; readonly clock: Clock }, touch: IndexTouch,
): RecordedTouch {
  if (touch.full) {
    stampIndexRebuild(ports.properties, ports.clock);
    return 'full';
  }
  if (touch.members.length + touch.jobs.length === 0) return 'none';
  const locked = underWriteLock(ports, () => {
    const before = ports.properties.get(INDEX_TOUCHED_PROPERTY);
    const current = parseTouched(before);
    if (current === 'unreadable') return false;
    const next = mergeTouched(current, touch);
    if (next === null) return false;
    if (next !== before) ports.properties.set(INDEX_TOUCHED_PROPERTY, next);
    return true;
  });
  if (locked.ok && locked.value) return 'touched';
  stampIndexRebuild(ports.properties, ports.clock);
  return 'full';
}
