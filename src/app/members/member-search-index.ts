import type { CivilDate } from '../../domain/civil-date';
import { cellText, isDateCell, type Cell } from '../../domain/cell';
import type { Member } from '../../domain/schema/tabs';
import { locateColumns } from '../../domain/parse/parse-table';
import { MEMBERS_TAB } from '../../domain/schema/tabs';
import { memberSearchKey } from '../../domain/members/member-search-key';
import type { KeyValueStore, Lock, TableStore } from '../ports';
import { readColumnsOf } from '../shared/read-part';
import { KEY_HEADER, appendKey, keyTabFresh, rebuildKeyTab, rebuildKeyTabLocked, writeKey, type FoldedKeyTab } from '../shared/folded-key-tab';

// The member picker's stored keys (the hidden tab _会員検索, a folded-key tab:
// shared/folded-key-tab.ts; sidebar-calls.md "The member picker"): row n holds the key of 会員's
// row n (member-search-key.ts), rebuilt from 会員's ID, フリガナ, 氏名 and 退会日 columns; a new
// member appends a key, an edit of the name or kana or a leaving writes the key of the member's
// row; the other fields are read from 会員 at search time.

export const MEMBER_SEARCH_TAB = '_会員検索';
export const MEMBER_SEARCH_HEADER = [KEY_HEADER] as const;
export const MEMBER_SEARCH_PROPERTY = 'ikigai.memberSearch';

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

export const MEMBER_SEARCH: FoldedKeyTab = { tab: MEMBER_SEARCH_TAB, property: MEMBER_SEARCH_PROPERTY, version: 1, keys: keysOfMembers };

/** Whether the stamp `value` says the keys can be searched `today`. */
export function searchStampFresh(value: string | null, today: CivilDate): boolean {
  return keyTabFresh(MEMBER_SEARCH, value, today);
}

/** Rebuilds _会員検索 from 会員 (caller holds the write lock): shared/folded-key-tab.ts rebuildKeyTab. */
export function rebuildMemberSearch(store: TableStore, props: KeyValueStore, today: CivilDate): number | null {
  return rebuildKeyTab(MEMBER_SEARCH, store, props, today);
}

/** rebuildMemberSearch under its own hold of the write lock: null when another run holds it or there is no 会員. */
export function rebuildMemberSearchLocked(ports: { store: TableStore; props: KeyValueStore; lock: Lock }, today: CivilDate): number | null {
  return rebuildKeyTabLocked(MEMBER_SEARCH, ports, today);
}

type KeyFields = Pick<Member, 'member_id' | 'kana' | 'name'> & { readonly left_on?: Member['left_on'] };

/** A member just appended to 会員 (a save, an event's walk-in): their key appended, one appendCells. */
export function keyNewMember(store: TableStore, member: KeyFields): void {
  appendKey(MEMBER_SEARCH, store, memberSearchKey(member.member_id, member.kana, member.name));
}

/** A member's row `row` of 会員 rewritten (an edit, a leaving): the key of that row written, one
 *  writeCells — only when the ID, kana, name or whether they had left by `today` changed. */
export function keyEditedMember(store: TableStore, row: number, before: KeyFields, after: KeyFields, today: CivilDate): void {
  writeKey(MEMBER_SEARCH, store, row,
    memberSearchKey(before.member_id, before.kana, before.name, leftBy(before.left_on, today)),
    memberSearchKey(after.member_id, after.kana, after.name, leftBy(after.left_on, today)));
}
