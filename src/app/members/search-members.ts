import { cellText, isDateCell, type Cell } from '../../domain/cell';
import { ageOn } from '../../domain/members/age';
import { locateColumns } from '../../domain/parse/parse-table';
import { MEMBERS_TAB } from '../../domain/schema/tabs';
import { matchRank, searchKey } from '../../domain/text/search-key';
import type { TableStore } from '../ports';
import { readColumnsOf } from '../shared/read-part';
import type { CallContext } from '../shared/call-context';
import type { MemberMatch, SearchMembersOutput } from '../shared/api-types';

// The member picker's search at a large center (above MEMBER_LIST_LIMIT, sidebar/bootstrap.ts):
// the person types two characters or more and the server answers the best matches, so the
// sidebar never carries 50,000 names. One read of six columns of 会員, scanned as raw cells:
// parsing every row of the tab with its checks is work the picker does not need. The search
// forgives (src/domain/text/search-key.ts): hiragana for katakana, full- or half-width, a space
// or none between family and given name, old kanji forms; members of the same name all come back,
// each with ID, age and district to choose between.

/** Matches shown in the picker; a person narrows the query rather than scrolls past 20. */
export const SEARCH_LIMIT = 20;

export { searchKey };

function dayOf(cell: Cell | undefined): string {
  // A date cell, or a date typed as text. Blank = ''.
  return cell !== undefined && isDateCell(cell) ? cell.date.slice(0, 10) : cellText(cell);
}

/** Members whose ID starts with `query` or whose kana or name contains it: enrolled members
 *  first, and among each the exact ones, then those starting with it, then those containing it,
 *  in sheet order. At most SEARCH_LIMIT, with `more` saying whether others were cut off. */
export function searchMembers(store: TableStore, ctx: CallContext, query: string): SearchMembersOutput {
  const key = searchKey(query);
  if (key === '') return { members: [], more: false };
  const raw = readColumnsOf(store, MEMBERS_TAB, ['member_id', 'name', 'kana', 'birth_date', 'left_on', 'district']);
  if (!raw) return { members: [], more: false };
  const { index } = locateColumns(MEMBERS_TAB, raw.name, raw.header);
  const at = (k: string): number => index.get(k) ?? -1;
  const [idAt, nameAt, kanaAt, leftAt, birthAt, districtAt] = [at('member_id'), at('name'), at('kana'), at('left_on'), at('birth_date'), at('district')];
  const found: { match: MemberMatch; rank: number; order: number }[] = [];
  raw.rows.forEach((row, order) => {
    const id = cellText(row[idAt]);
    if (id === '') return;
    const kana = kanaAt >= 0 ? cellText(row[kanaAt]) : '';
    const name = nameAt >= 0 ? cellText(row[nameAt]) : '';
    const rank = matchRank(key, id, kana, name);
    if (rank === null) return;
    const left = leftAt >= 0 ? dayOf(row[leftAt]) : '';
    const enrolled = !(left !== '' && left <= ctx.today);
    const birth = birthAt >= 0 ? dayOf(row[birthAt]) : '';
    const match: MemberMatch = {
      id, kana, name, enrolled, age: /^\d{4}-\d{2}-\d{2}$/.test(birth) ? ageOn(birth, ctx.today) : null,
      district: districtAt >= 0 ? cellText(row[districtAt]) : '',
    };
    found.push({ match, rank: (enrolled ? 0 : 3) + rank, order });
  });
  found.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return { members: found.slice(0, SEARCH_LIMIT).map((f) => f.match), more: found.length > SEARCH_LIMIT };
}
