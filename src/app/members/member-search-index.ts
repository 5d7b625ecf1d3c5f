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

/** The columns of 会員 the keys are made of (keysOfMembers). */
const KEY_FIELDS: readonly string[] = ['member_id', 'kana', 'name', 'left_on'];

/**
 * Whether a person's edit of 会員 — rows `row`… and columns `column`… (1-based), as the on-edit
 * event gives them — leaves the stored keys true, so the trigger need not stamp them stale (and the
 * next search need not rebuild them: 会員's four columns read whole): it changed none of the
 * columns the keys are made of (a 地区, 電話 or 技能 typed), in rows the last rebuild keyed (`stamp`,
 * the property as it stands, asked only when no key column was edited: its `rows`). A row below those may be one typed by hand, with no key
 * yet — keying it is the rebuild's — and any other stamp (a person's edit, another version) is a
 * rebuild pending that must see this edit too. Row 1 is a header; an unreadable header names no column.
 */
export function editKeepsMemberKeys(
  edit: { readonly row: number; readonly rows: number; readonly column: number; readonly columns: number },
  header: readonly string[] | null, stamp: () => string | null,
): boolean {
  if (!header || edit.row < 2) return false;
  const { index, problems } = locateColumns(MEMBERS_TAB, MEMBERS_TAB.ja, header);
  // A header named twice: which copy a rebuild reads is the parse's business; taken as touched.
  if (problems.some((p) => p.code === 'duplicate_header')) return false;
  const keyed = KEY_FIELDS.some((k) => {
    const at = index.get(k) ?? -1;
    return at >= 0 && at + 1 >= edit.column && at + 1 < edit.column + edit.columns;
  });
  if (keyed) return false;
  // The stamp asked last (a getProperty on Google): an edit of the keys' columns never needs it.
  const value = stamp();
  if (value === null) return false;
  try {
    const parsed = JSON.parse(value) as Record<string, unknown>;
    return parsed.v === MEMBER_SEARCH.version && typeof parsed.built === 'string' && typeof parsed.rows === 'number'
      && edit.row + edit.rows - 1 <= parsed.rows + 1;
  } catch {
    return false;
  }
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
