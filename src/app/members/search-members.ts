import { cellText, isDateCell, type Cell } from '../../domain/cell';
import { locateColumns } from '../../domain/parse/parse-table';
import { MEMBERS_TAB } from '../../domain/schema/tabs';
import type { TableStore } from '../ports';
import { readColumnsOf } from '../shared/read-part';
import type { CallContext } from '../shared/call-context';
import type { MemberMatch, SearchMembersOutput } from '../shared/api-types';

// The member picker's search at a large center (above MEMBER_LIST_LIMIT, sidebar/bootstrap.ts):
// the person types two characters or more and the server answers the first matches, so the
// sidebar never carries 50,000 names. One read of four columns of 会員, scanned as raw cells:
// parsing every row of the tab with its checks is work the picker does not need.

/** Matches shown in the picker; a person narrows the query rather than scrolls past 20. */
export const SEARCH_LIMIT = 20;

/** NFKC (full-width ASCII → ASCII), hiragana → katakana (フリガナ is written in katakana), no
 *  spaces and lower case, so 「あおき」, 「アオキ」 and 「ｱｵｷ」 find アオキ イチロウ. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
    .replace(/\s+/g, '')
    .toLowerCase();
}

function leftBy(cell: Cell | undefined, today: string): boolean {
  // 退会日 is a date cell; a date typed as text counts too. Blank = still enrolled.
  const text = cell !== undefined && isDateCell(cell) ? cell.date.slice(0, 10) : cellText(cell);
  return text !== '' && text <= today;
}

/** Members whose ID starts with `query` or whose kana or name contains it: enrolled members first,
 *  then in sheet order; at most SEARCH_LIMIT, with `more` saying whether others were cut off. */
export function searchMembers(store: TableStore, ctx: CallContext, query: string): SearchMembersOutput {
  const key = searchKey(query);
  if (key === '') return { members: [], more: false };
  const raw = readColumnsOf(store, MEMBERS_TAB, ['member_id', 'name', 'kana', 'left_on']);
  if (!raw) return { members: [], more: false };
  const { index } = locateColumns(MEMBERS_TAB, raw.name, raw.header);
  const at = (k: string): number => index.get(k) ?? -1;
  const [idAt, nameAt, kanaAt, leftAt] = [at('member_id'), at('name'), at('kana'), at('left_on')];
  const enrolled: MemberMatch[] = [];
  const former: MemberMatch[] = [];
  for (const row of raw.rows) {
    // Enough enrolled matches already: nothing further down can take their place.
    if (enrolled.length > SEARCH_LIMIT) break;
    const id = cellText(row[idAt]);
    if (id === '') continue;
    const kana = kanaAt >= 0 ? cellText(row[kanaAt]) : '';
    const name = nameAt >= 0 ? cellText(row[nameAt]) : '';
    const hit = searchKey(id).startsWith(key) || searchKey(kana).includes(key) || searchKey(name).includes(key);
    if (!hit) continue;
    const isEnrolled = !(leftAt >= 0 && leftBy(row[leftAt], ctx.today));
    const match = { id, kana, name, enrolled: isEnrolled };
    if (isEnrolled) enrolled.push(match);
    else if (former.length <= SEARCH_LIMIT) former.push(match);
  }
  const all = [...enrolled, ...former];
  return { members: all.slice(0, SEARCH_LIMIT), more: all.length > SEARCH_LIMIT };
}
