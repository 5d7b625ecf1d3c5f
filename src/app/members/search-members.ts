import { cellText, isDateCell, type Cell, type RawTable } from '../../domain/cell';
import { ageOn } from '../../domain/members/age';
import { keyPatterns } from '../../domain/members/member-search-key';
import { locateColumns } from '../../domain/parse/parse-table';
import { MEMBERS_TAB, tabNames } from '../../domain/schema/tabs';
import { matchRank, searchKey } from '../../domain/text/search-key';
import type { KeyValueStore, Lock, TableStore } from '../ports';
import { readColumnsOf } from '../shared/read-part';
import { matchRowsOf, readRowsOf } from '../shared/rows-by-number';
import type { CallContext } from '../shared/call-context';
import type { MemberMatch, SearchMembersOutput } from '../shared/api-types';
import { MEMBER_SEARCH_PROPERTY, MEMBER_SEARCH_TAB, rebuildMemberSearchLocked, searchStampFresh } from './member-search-index';

// The member picker's search at a large center (above MEMBER_LIST_LIMIT, sidebar/bootstrap.ts):
// the person types two characters or more and the server answers the best matches, so the
// sidebar never carries 50,000 names. The search forgives (src/domain/text/search-key.ts):
// hiragana for katakana, full- or half-width, a space or none between family and given name, old
// kanji forms; members of the same name all come back, each with ID, age and district to choose
// between. Sheets' TextFinder cannot fold, so the folded keys are stored (_会員検索,
// member-search-index.ts) and searched with the folded query: one getProperty (the keys' stamp),
// one TextFinder of the keys (two or three past SEARCH_LIMIT matches), and the ≤ 20 rows found
// read from 会員 itself — the same at any center size.

/** Matches shown in the picker; a person narrows the query rather than scrolls past 20. */
export const SEARCH_LIMIT = 20;

export { searchKey };

/** The columns of 会員 the picker shows or ranks by. */
const SHOWN = ['member_id', 'name', 'kana', 'birth_date', 'left_on', 'district'] as const;

function dayOf(cell: Cell | undefined): string {
  // A date cell, or a date typed as text. Blank = ''.
  return cell !== undefined && isDateCell(cell) ? cell.date.slice(0, 10) : cellText(cell);
}

interface Found { readonly match: MemberMatch; readonly rank: number; readonly order: number }

/** The rows of `raw` that match the folded `key`, ranked: enrolled members first, and among each
 *  the exact ones, then those starting with it, then those containing it; `order` the sheet row. */
function matchesIn(raw: RawTable, key: string, today: string): { found: Found[]; unmatched: number } {
  const { index } = locateColumns(MEMBERS_TAB, raw.name, raw.header);
  const at = (k: string): number => index.get(k) ?? -1;
  const [idAt, nameAt, kanaAt, leftAt, birthAt, districtAt] = [at('member_id'), at('name'), at('kana'), at('left_on'), at('birth_date'), at('district')];
  const first = raw.firstRow ?? 2;
  const found: Found[] = [];
  let unmatched = 0;
  raw.rows.forEach((row, i) => {
    const id = cellText(row[idAt]);
    const kana = kanaAt >= 0 ? cellText(row[kanaAt]) : '';
    const name = nameAt >= 0 ? cellText(row[nameAt]) : '';
    // A row whose 会員ID holds nothing a person could type (blank, or only `・`/`･`, which the
    // folding drops) is not listed: the stored keys give it NO_ID_KEY, and both searches agree.
    const rank = searchKey(id) === '' ? null : matchRank(key, id, kana, name);
    if (rank === null) { unmatched += 1; return; }
    const left = leftAt >= 0 ? dayOf(row[leftAt]) : '';
    const enrolled = !(left !== '' && left <= today);
    const birth = birthAt >= 0 ? dayOf(row[birthAt]) : '';
    const match: MemberMatch = {
      id, kana, name, enrolled, age: /^\d{4}-\d{2}-\d{2}$/.test(birth) ? ageOn(birth, today) : null,
      district: districtAt >= 0 ? cellText(row[districtAt]) : '',
    };
    found.push({ match, rank: (enrolled ? 0 : 3) + rank, order: raw.rowNumbers?.[i] ?? first + i });
  });
  found.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return { found, unmatched };
}

/** The answer of `found`, SEARCH_LIMIT at most, `more` when `total` matches are more than that. */
function answerOf(found: readonly Found[], total: number): SearchMembersOutput {
  return { members: found.slice(0, SEARCH_LIMIT).map((f) => f.match), more: total > SEARCH_LIMIT };
}

/** The search over 会員 read by column (the picker's rules applied to every row): what a search
 *  does when the keys cannot be had (another run holds the lock the rebuild needs), and what the
 *  stored keys' search is held to (test/app/members/member-search-index.property.test.ts). */
export function searchMembersInTab(store: TableStore, today: string, query: string): SearchMembersOutput {
  const key = searchKey(query);
  if (key === '') return { members: [], more: false };
  const raw = readColumnsOf(store, MEMBERS_TAB, [...SHOWN]);
  if (!raw) return { members: [], more: false };
  const { found } = matchesIn(raw, key, today);
  return answerOf(found, found.length);
}

/** Sheet rows listed once, in the order first given. */
function distinct(rows: readonly number[]): number[] {
  return [...new Set(rows)];
}

/**
 * The search through the stored keys, or 'out_of_step' when they are missing or a key found a row
 * of 会員 that does not match (the tabs no longer line up). At most SEARCH_LIMIT rows of 会員 are
 * read: with more matches than that, among the enrolled (keys without the leavers' mark) the exact
 * ones first, then those starting with the query, then the enrolled, then the first in sheet order
 * (each search asked only when the looser one found too many) —
 * the answer says `more`, and a person narrows what they typed.
 */
function searchByKeys(store: TableStore, lang: CallContext['lang'], today: string, key: string): SearchMembersOutput | 'out_of_step' {
  const names = [MEMBER_SEARCH_TAB];
  const any = matchRowsOf(store, names, 0, keyPatterns(key).any, SEARCH_LIMIT);
  if (!any) return 'out_of_step';
  if (any.total === 0) return { members: [], more: false };
  let rows = [...any.rows];
  if (any.total > SEARCH_LIMIT) {
    // The enrolled first, as searchMembersInTab ranks (keys without the leavers' mark); among
    // them, past the limit too, the exact ones, then those starting with the query.
    const patterns = keyPatterns(key, false);
    const enrolled = matchRowsOf(store, names, 0, patterns.any, SEARCH_LIMIT);
    const starting = enrolled && enrolled.total > SEARCH_LIMIT ? matchRowsOf(store, names, 0, patterns.starting, SEARCH_LIMIT) : null;
    const exact = starting && starting.total > SEARCH_LIMIT ? matchRowsOf(store, names, 0, patterns.exact, SEARCH_LIMIT) : null;
    rows = distinct([...(exact?.rows ?? []), ...(starting?.rows ?? []), ...(enrolled?.rows ?? []), ...any.rows]).slice(0, SEARCH_LIMIT);
  }
  const wanted = (header: readonly string[]): number[] => {
    const { index } = locateColumns(MEMBERS_TAB, '', header);
    return SHOWN.map((k) => index.get(k) ?? -1).filter((i) => i >= 0);
  };
  const raw = readRowsOf(store, tabNames(MEMBERS_TAB, lang), [...rows].sort((a, b) => a - b), wanted);
  if (!raw) return { members: [], more: false };
  const { found, unmatched } = matchesIn(raw, key, today);
  return unmatched > 0 ? 'out_of_step' : answerOf(found, any.total);
}

/** Members whose ID starts with `query` or whose kana or name contains it: enrolled members
 *  first, and among each the exact ones, then those starting with it, then those containing it,
 *  in sheet order. At most SEARCH_LIMIT, with `more` saying whether others were cut off. */
export function searchMembers(ports: { store: TableStore; props: KeyValueStore; lock: Lock }, ctx: CallContext, query: string): SearchMembersOutput {
  const key = searchKey(query);
  if (key === '') return { members: [], more: false };
  const { store } = ports;
  const rebuilt = (): boolean => rebuildMemberSearchLocked(ports, ctx.today) !== null;
  if (!searchStampFresh(ports.props.get(MEMBER_SEARCH_PROPERTY), ctx.today) && !rebuilt()) return searchMembersInTab(store, ctx.today, query);
  const first = searchByKeys(store, ctx.lang, ctx.today, key);
  if (first !== 'out_of_step') return first;
  // Once: rebuilt, searched again; a second miss (or a busy lock) reads 会員 as before.
  const again = rebuilt() ? searchByKeys(store, ctx.lang, ctx.today, key) : 'out_of_step';
  return again === 'out_of_step' ? searchMembersInTab(store, ctx.today, query) : again;
}
