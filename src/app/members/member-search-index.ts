import { addDays, type CivilDate } from '../../domain/civil-date';
import { cellText, isDateCell, type Cell, type RawTable } from '../../domain/cell';
import type { Member } from '../../domain/schema/tabs';
import { locateColumns } from '../../domain/parse/parse-table';
import { MEMBERS_TAB } from '../../domain/schema/tabs';
import { memberSearchKey } from '../../domain/members/member-search-key';
import type { KeyValueStore, Lock, TableStore } from '../ports';
import { readColumnsOf } from '../shared/read-part';
import { underWriteLock } from '../shared/write-boundary';

// The member picker's stored keys (the hidden tab _会員検索, workbook.md "Written by the add-in";
// sidebar-calls.md "The member picker"): one cell a row in column A, row n holding the key of
// 会員's row n (member-search-key.ts), so a search finds its members with one TextFinder of the
// keys and reads only the rows it found of 会員 itself — at any center size.
// - rebuilt from 会員's ID, フリガナ and 氏名 columns by the nightly run, by setup, and by the first
//   search that finds the stamp missing, of another version, older than yesterday, or stamped by
//   a person's edit of 会員 (src/entry/cache-triggers.ts);
// - kept by the add-in's own writes of 会員, in the same write boundary: a new member appends a
//   key (both tabs end on the same row, as the rebuild leaves them), an edit of the name or kana
//   writes the key of the member's row; 退会日 and the other fields are read from 会員 at search
//   time, so leaveMember has nothing to keep.
// - A key that finds a row of 会員 which does not match (rows moved, inserted or deleted by hand
//   before the trigger's stamp was seen) sends the search to rebuild first: a stale key never
//   shows a wrong member.

export const MEMBER_SEARCH_TAB = '_会員検索';
export const MEMBER_SEARCH_HEADER = ['検索キー'] as const;
/** The stamp: `{"v":1,"built":"YYYY-MM-DD","rows":n}` after a rebuild; the edit triggers set
 *  `{"edited":"…"}` (any other value is stale too). One document property, one getProperty a search. */
export const MEMBER_SEARCH_PROPERTY = 'ikigai.memberSearch';
const VERSION = 1;

/** Whether the stamp `value` says the keys can be searched `today`. */
export function searchStampFresh(value: string | null, today: CivilDate): boolean {
  if (value === null) return false;
  try {
    const stamp = JSON.parse(value) as Record<string, unknown>;
    return stamp.v === VERSION && typeof stamp.built === 'string' && stamp.built >= addDays(today, -1);
  } catch {
    return false;
  }
}

/** A 退会日 cell's day ('' when blank): a date cell, or a date typed as text. */
function dayText(cell: Cell | undefined): string {
  return cell !== undefined && isDateCell(cell) ? cell.date.slice(0, 10) : cellText(cell);
}

/** Whether a member with 退会日 `leftOn` had left on `today` (search-members.ts counts them so). */
function leftBy(leftOn: string | null | undefined, today: CivilDate): boolean {
  return leftOn !== null && leftOn !== undefined && leftOn !== '' && leftOn <= today;
}

/** The key of every row of 会員, in its rows' order (the tab's row 2 first). */
function keysOfMembers(store: TableStore, today: CivilDate): string[] | null {
  const raw = readColumnsOf(store, MEMBERS_TAB, ['member_id', 'kana', 'name', 'left_on']);
  if (!raw) return null;
  const { index } = locateColumns(MEMBERS_TAB, raw.name, raw.header);
  const at = (k: string): number => index.get(k) ?? -1;
  const [idAt, kanaAt, nameAt, leftAt] = [at('member_id'), at('kana'), at('name'), at('left_on')];
  return raw.rows.map((r) => memberSearchKey(cellText(r[idAt]), kanaAt >= 0 ? cellText(r[kanaAt]) : '', nameAt >= 0 ? cellText(r[nameAt]) : '',
    leftAt >= 0 && leftBy(dayText(r[leftAt]), today)));
}

/** Whether the tab as read holds exactly the header and `keys`, row for row. */
function holdsKeys(raw: RawTable | null, keys: readonly string[]): boolean {
  if (!raw || raw.rows.length !== keys.length || raw.header[0] !== MEMBER_SEARCH_HEADER[0]) return false;
  return keys.every((k, i) => raw.rows[i]?.[0] === k && raw.rows[i]?.length === 1);
}

/**
 * Rebuilds _会員検索 from 会員 (caller holds the write lock) and stamps it built `today` — unless
 * the stamp changed while 会員 was read (a person's edit stamped it): then it stays stale and the
 * next search rebuilds again. Answers the rows written, or null without a 会員 tab.
 */
export function rebuildMemberSearch(store: TableStore, props: KeyValueStore, today: CivilDate): number | null {
  const seen = props.get(MEMBER_SEARCH_PROPERTY);
  const keys = keysOfMembers(store, today);
  if (!keys) return null;
  // The tab is the add-in's cell by cell: replaced whole (workbook.md) — unless it already holds
  // exactly these keys (the nightly run after a day of searches, a trigger fired twice): then
  // nothing is written, and the stamp only when it changes.
  if (!holdsKeys(store.read([MEMBER_SEARCH_TAB]), keys)) store.replace(MEMBER_SEARCH_TAB, [...MEMBER_SEARCH_HEADER], keys.map((k) => [k]));
  const stamp = JSON.stringify({ v: VERSION, built: today, rows: keys.length });
  if (props.get(MEMBER_SEARCH_PROPERTY) === seen && seen !== stamp) props.set(MEMBER_SEARCH_PROPERTY, stamp);
  return keys.length;
}

/** rebuildMemberSearch under its own hold of the write lock (a search, the nightly run): null when
 *  another run holds it or there is no 会員. */
export function rebuildMemberSearchLocked(ports: { store: TableStore; props: KeyValueStore; lock: Lock }, today: CivilDate): number | null {
  const done = underWriteLock(ports, () => rebuildMemberSearch(ports.store, ports.props, today));
  return done.ok ? done.value : null;
}

type KeyFields = Pick<Member, 'member_id' | 'kana' | 'name'> & { readonly left_on?: Member['left_on'] };

/** Whether the add-in's tab is there to keep (the first search builds a missing one). */
function hasTab(store: TableStore): boolean {
  return store.header([MEMBER_SEARCH_TAB]) !== null;
}

/** A member just appended to 会員 (a save, an event's walk-in): their key appended, one appendCells.
 *  Called inside the write's own boundary. */
export function keyNewMember(store: TableStore, member: KeyFields): void {
  if (!hasTab(store)) return;
  store.appendCells(MEMBER_SEARCH_TAB, { columns: [0], rows: [[memberSearchKey(member.member_id, member.kana, member.name)]] });
}

/** A member's row `row` of 会員 rewritten (an edit, a leaving): the key of that row written, one
 *  writeCells — only when the ID, kana, name or whether they had left by `today` changed (the key
 *  holds nothing else). */
export function keyEditedMember(store: TableStore, row: number, before: KeyFields, after: KeyFields, today: CivilDate): void {
  const key = memberSearchKey(after.member_id, after.kana, after.name, leftBy(after.left_on, today));
  if (row < 2 || key === memberSearchKey(before.member_id, before.kana, before.name, leftBy(before.left_on, today)) || !hasTab(store)) return;
  store.writeCells(MEMBER_SEARCH_TAB, row, { columns: [0], rows: [[key]] });
}
