import type { Cell } from '../../domain/cell';
import { locateColumns } from '../../domain/parse/parse-table';
import { ACTIVITIES_TAB, JOBS_TAB, MATCHES_TAB, MEMBERS_TAB, WORK_LOG_TAB, type TabDef } from '../../domain/schema/tabs';
import { utf8Length } from '../../domain/text/utf8-length';
import type { Clock, KeyValueStore, Lock, TableStore } from '../ports';
import { underWriteLock } from '../shared/write-boundary';
import { FOLLOW_UP_ACTIVITY_FIELDS, FOLLOW_UP_JOB_FIELDS, FOLLOW_UP_MATCH_FIELDS, FOLLOW_UP_MEMBER_FIELDS } from '../follow-ups/keep-list';

// A person's hand edit of 会員, 仕事, マッチング or 就業実績, as the candidate index learns of it
// (matching.md "The candidate index", "Hand edits"). The on-edit trigger (src/entry/cache-triggers.ts)
// reads the key of every edited row — the 会員ID of a row of 会員, マッチング or 就業実績, the 仕事ID
// of a row of 仕事 or マッチング (the index keeps each job's matches) — and adds them to one document property, INDEX_TOUCHED_PROPERTY, under the write
// lock; the next ranking re-packs only those members' buckets from their rows found by key and
// deletes the property, under the lock too (candidate-index.ts). Found by key, not by row: a row
// sorted, moved or cut and pasted within the range names the same members, wherever they now stand.
//
// Whatever the trigger cannot name for sure is a full rebuild instead (INDEX_EDITED_PROPERTY, the
// stamp the reader compares with the one its last rebuild saw — set blind, without the lock, so it
// can never be lost): row 1 (a header), the key column itself unless one cell was typed — over an
// ID (Sheets' `oldValue`: both IDs then) or into a blank cell (Sheets' `value` with no `oldValue`:
// the new ID alone; how a row typed below the last one gets its ID) — more than INDEX_TOUCHED_MAX rows or keys,
// the lock busy, and every structural change (the on-change trigger: rows deleted, inserted or
// sorted, which carries no range). A key lost is never possible: the list is only ever changed
// under the lock, and a trigger that cannot take it stamps the full rebuild.
//
// 継続支援's stored list follows hand edits the same way, through this same code, with a list and a
// stamp of its own (READERS below; follow-ups/follow-hand-edits.ts reads them).

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
 *  and size, and for a single cell typed what it holds now (`value`) and what it held before
 *  (`oldValue`). Sheets gives both for one cell typed over, `value` alone for one cell typed into
 *  a blank cell ("undefined if the cell had no previous content"), and neither for a range or a
 *  paste (a cell pasted over may have held anything). */
export interface HandEdit {
  readonly tab: string;
  readonly row: number;
  readonly rows: number;
  readonly column: number;
  readonly columns: number;
  readonly oldValue?: string;
  readonly value?: string;
}

/** The stored lists that follow hand edits, each with its own touched list and full stamp: the
 *  candidate index (this file's first reader) and 継続支援's stored list (follow-ups/follow-hand-edits.ts).
 *  One list each, not one shared: each reader deletes its own list whole under the lock once it has
 *  re-counted what it names, so neither rewrites the other's part, and a ranking never waits on the
 *  follow-ups (nor they on it). The trigger reads the edited rows' keys once for both and records
 *  both lists under one hold of the lock (recordTouches). */
export type HandEditReader = 'index' | 'followUps';
export const HAND_EDIT_READERS: readonly HandEditReader[] = ['index', 'followUps'];

/** 継続支援's stored list's full stamp and touched list (follow-ups/follow-hand-edits.ts). */
export const FOLLOW_UPS_EDITED_PROPERTY = 'ikigai.followUps.edited';
export const FOLLOW_UPS_TOUCHED_PROPERTY = 'ikigai.followUps.touched';

/** A tab a reader is counted from: the key naming whose entry a row changes, and — when the reader
 *  reads only some of its columns — those (an edit of none of them, nor of the key, touches nothing). */
type Source = {
  readonly def: TabDef; readonly key: 'member_id' | 'job_id'; readonly kind: 'members' | 'jobs'; readonly fields?: readonly string[];
  /** A second key of the row naming a job whose entry it changes too (the index keeps each job's
   *  matches: job-matches.ts), held to the same rules as the first. */
  readonly jobKey?: 'job_id';
};
const MEMBERS_SOURCE: Source = { def: MEMBERS_TAB, key: 'member_id', kind: 'members' };
const MATCHES_SOURCE: Source = { def: MATCHES_TAB, key: 'member_id', kind: 'members' };
const JOBS_SOURCE: Source = { def: JOBS_TAB, key: 'job_id', kind: 'jobs' };

/** Per reader: its two properties, and the tabs it is counted from with the key of each that names
 *  whose entry a row changes. The index reads 就業実績 (the work caps), the follow-ups 活動記録 (the
 *  contacts); both 会員, マッチング and 仕事 (the index its 勤務枠, the follow-ups a milestone's 名称). */
const READERS: Readonly<Record<HandEditReader, { readonly edited: string; readonly touched: string; readonly sources: readonly Source[] }>> = {
  index: {
    edited: INDEX_EDITED_PROPERTY, touched: INDEX_TOUCHED_PROPERTY,
    // A row of マッチング is a match of its member and of its job (both kept by the index).
    sources: [MEMBERS_SOURCE, { ...MATCHES_SOURCE, jobKey: 'job_id' }, { def: WORK_LOG_TAB, key: 'member_id', kind: 'members' }, JOBS_SOURCE],
  },
  // The list's columns (keep-list.ts FOLLOW_UP_REBUILD_READS): a 地区 or 技能 typed over is no
  // follow-up's business, so the next listing reads the list alone.
  followUps: {
    edited: FOLLOW_UPS_EDITED_PROPERTY, touched: FOLLOW_UPS_TOUCHED_PROPERTY,
    sources: [
      { ...MEMBERS_SOURCE, fields: FOLLOW_UP_MEMBER_FIELDS }, { ...MATCHES_SOURCE, fields: FOLLOW_UP_MATCH_FIELDS },
      { def: ACTIVITIES_TAB, key: 'member_id', kind: 'members', fields: FOLLOW_UP_ACTIVITY_FIELDS }, { ...JOBS_SOURCE, fields: FOLLOW_UP_JOB_FIELDS },
    ],
  },
};

const sourceOf = (reader: HandEditReader, tab: string): Source | undefined => READERS[reader].sources.find((s) => s.def.ja === tab || s.def.en === tab);

/** Whether `reader` is counted from `tab`. */
export function readsTab(reader: HandEditReader, tab: string): boolean {
  return sourceOf(reader, tab) !== undefined;
}

export function isIndexSourceTab(tab: string): boolean {
  return readsTab('index', tab);
}

const FULL: IndexTouch = { full: true };
const keyText = (c: Cell | undefined): string => (typeof c === 'string' || typeof c === 'number' ? String(c).trim() : '');

/**
 * What `edit` touched: the keys of its rows (`keysIn(column)`: the cells of that 1-based column in
 * the edited rows, read after the edit), or a full rebuild when the keys cannot be known for sure.
 * `header`: the tab's header row (null when it cannot be read); `reader`: whose sources (a tab
 * `reader` is not counted from is a full touch: the caller asks `readsTab` first).
 */
export function touchOfEdit(edit: HandEdit, header: readonly string[] | null, keysIn: (column: number) => readonly Cell[], reader: HandEditReader = 'index'): IndexTouch {
  const source = sourceOf(reader, edit.tab);
  if (!source || !header || edit.row <= 1 || edit.rows > INDEX_TOUCHED_MAX) return FULL;
  const columns = locateColumns(source.def, edit.tab, header).index;
  const inEdit = (i: number): boolean => i + 1 >= edit.column && i + 1 < edit.column + edit.columns;
  const fields = source.fields;
  if (fields && ![...columns].some(([k, i]) => inEdit(i) && (k === source.key || fields.includes(k)))) {
    // None of the reader's columns (the center's own columns included): nothing to re-count.
    return { full: false, members: [], jobs: [] };
  }
  const list = keysOfEdit(edit, columns.get(source.key), keysIn);
  if (list === null) return FULL;
  if (source.jobKey && source.kind === 'members') {
    const jobs = keysOfEdit(edit, columns.get(source.jobKey), keysIn);
    return jobs === null ? FULL : { full: false, members: list, jobs };
  }
  return source.kind === 'members' ? { full: false, members: list, jobs: [] } : { full: false, members: [], jobs: list };
}

/** The keys the edited rows name in the key column at `at` (0-based; undefined: the header has
 *  none), or null when they cannot be known for sure (a full rebuild). */
function keysOfEdit(edit: HandEdit, at: number | undefined, keysIn: (column: number) => readonly Cell[]): string[] | null {
  if (at === undefined) return null;
  const keyColumn = at + 1;
  const keys = new Set(keysIn(keyColumn).map(keyText).filter((k) => k !== ''));
  if (keyColumn >= edit.column && keyColumn < edit.column + edit.columns) {
    // The ID itself changed: whose entry the row was before is known only for one cell typed —
    // from oldValue when it held something, and as no one's when Sheets gives the typed value
    // without an oldValue (a blank ID cell: a row typed below the last one, or a half-typed row
    // whose ID comes last; its other cells named no one while the ID was blank, so the ID typed
    // now is the one key to re-count). A range, or a cell pasted (Sheets says nothing of what it
    // held, nor what it holds): rebuilt whole.
    if (edit.rows !== 1 || edit.columns !== 1) return null;
    if (edit.oldValue !== undefined) {
      const old = edit.oldValue.trim();
      if (old !== '') keys.add(old);
    } else if (edit.value === undefined) return null;
  }
  return [...keys];
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
  stampRebuild(props, clock, 'index');
}

/** `reader`'s full stamp (stampIndexRebuild's, for any reader). */
export function stampRebuild(props: KeyValueStore, clock: Clock, reader: HandEditReader): void {
  props.set(READERS[reader].edited, `${clock.now().toISOString()} ${Math.random().toString(36).slice(2, 10)}`);
}

export type RecordedTouch = 'none' | 'touched' | 'full';

/**
 * Records `touch` for the next ranking (recordTouches with the index alone).
 */
export function recordIndexTouch(ports: TouchPorts, touch: IndexTouch): RecordedTouch {
  return recordTouches(ports, [{ reader: 'index', touch }]).index ?? 'none';
}

type TouchPorts = { readonly properties: KeyValueStore; readonly lock: Lock; readonly store: Pick<TableStore, 'flush'>; readonly clock: Clock };

/**
 * Records each reader's `touch` for its next read: the keys added to its touched list under ONE
 * hold of the write lock (one getProperty and, when it changed, one setProperty per reader; the
 * same keys twice — a trigger fired twice — leave it as it was), or that reader's full stamp when
 * its touch is full, its list would pass its bounds or is unreadable, or the lock is busy.
 */
export function recordTouches(
  ports: TouchPorts, touches: readonly { readonly reader: HandEditReader; readonly touch: IndexTouch }[],
): Partial<Record<HandEditReader, RecordedTouch>> {
  const out: Partial<Record<HandEditReader, RecordedTouch>> = {};
  const listed: { reader: HandEditReader; touch: IndexTouched }[] = [];
  for (const { reader, touch } of touches) {
    if (touch.full) {
      stampRebuild(ports.properties, ports.clock, reader);
      out[reader] = 'full';
    } else if (touch.members.length + touch.jobs.length === 0) out[reader] = 'none';
    else listed.push({ reader, touch });
  }
  if (listed.length === 0) return out;
  const locked = underWriteLock(ports, () => listed.map(({ reader, touch }) => {
    const key = READERS[reader].touched;
    const before = ports.properties.get(key);
    const current = parseTouched(before);
    if (current === 'unreadable') return false;
    const next = mergeTouched(current, touch);
    if (next === null) return false;
    if (next !== before) ports.properties.set(key, next);
    return true;
  }));
  listed.forEach(({ reader }, i) => {
    if (locked.ok && locked.value[i]) out[reader] = 'touched';
    else {
      stampRebuild(ports.properties, ports.clock, reader);
      out[reader] = 'full';
    }
  });
  return out;
}
