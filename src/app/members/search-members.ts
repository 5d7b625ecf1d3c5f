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
// one TextFinder of the keys (up to three past SEARCH_LIMIT matches: rowsToRead), and the ≤ 20
// rows found read from 会員 itself — the same at any center size.

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

/** The answer of `found`, SEARCH_LIMIT at most; `more` when more matched than that. */
function answerOf(found: readonly Found[], more: boolean): SearchMembersOutput {
  return { members: found.slice(0, SEARCH_LIMIT).map((f) => f.match), more };
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
  return answerOf(found, found.length > SEARCH_LIMIT);
}

/** Sheet rows listed once, in the order first given. */
function distinct(rows: readonly number[]): number[] {
  return [...new Set(rows)];
}

/** One TextFinder of the keys: the first SEARCH_LIMIT rows matching `pattern` and how many match. */
type KeySearch = (pattern: string) => { readonly rows: readonly number[]; readonly total: number } | null;

/** The rows of 会員 whose members the picker shows, and whether more matched. */
interface ToRead { readonly rows: readonly number[]; readonly more: boolean }

/** Queries this short ask the tightest search first (rowsToRead). */
const SHORT_QUERY = 2;

/**
 * Which rows of 会員 to read for the folded `key`: every match when they are SEARCH_LIMIT at most;
 * past it, among the enrolled (keys without the leavers' mark) the exact ones first, then those
 * starting with the query, then the enrolled, then the first in sheet order — the rows matchesIn
 * then ranks, so only which rows are read matters, not their order. Four searches at most give
 * them, each a set and its size (any ⊇ enrolled ⊇ starting ⊇ exact): a looser one asked only when
 * a tighter one cannot decide, or the other way round.
 *
 * The picker asks from two characters typed, and every search starts there; at a center past
 * 会員一覧の上限 (the only ones that search on the server) nearly any two characters start the kana
 * or name of more than SEARCH_LIMIT enrolled members, so a query of SHORT_QUERY characters asks
 * the enrolled starting ones first and, past the limit, the exact ones: two searches, not the
 * loosest-first four. A longer query narrows, so it asks the loosest first, and a name typed whole
 * is answered by that one search. Either way the same rows (test/app/members/search-order.property.test.ts).
 */
function rowsToRead(search: KeySearch, key: string): ToRead | null {
  const all = keyPatterns(key);
  const enrolledOnly = keyPatterns(key, false);
  if ([...key].length <= SHORT_QUERY) {
    const starting = search(enrolledOnly.starting);
    if (!starting) return null;
    if (starting.total > SEARCH_LIMIT) {
      const exact = search(enrolledOnly.exact);
      if (!exact) return null;
      return { rows: distinct([...exact.rows, ...starting.rows]).slice(0, SEARCH_LIMIT), more: true };
    }
    // Every enrolled member starting with the query is in `starting.rows` (SEARCH_LIMIT at most).
    const any = search(all.any);
    if (!any) return null;
    if (any.total <= SEARCH_LIMIT) return { rows: any.rows, more: false };
    if (starting.total === SEARCH_LIMIT) return { rows: starting.rows, more: true };
    const enrolled = search(enrolledOnly.any);
    if (!enrolled) return null;
    return { rows: distinct([...starting.rows, ...enrolled.rows, ...any.rows]).slice(0, SEARCH_LIMIT), more: true };
  }
  const any = search(all.any);
  if (!any) return null;
  if (any.total <= SEARCH_LIMIT) return { rows: any.rows, more: false };
  const enrolled = search(enrolledOnly.any);
  const starting = enrolled && enrolled.total > SEARCH_LIMIT ? search(enrolledOnly.starting) : null;
  const exact = starting && starting.total > SEARCH_LIMIT ? search(enrolledOnly.exact) : null;
  return { rows: distinct([...(exact?.rows ?? []), ...(starting?.rows ?? []), ...(enrolled?.rows ?? []), ...any.rows]).slice(0, SEARCH_LIMIT), more: true };
}

/**
 * The search through the stored keys, or 'out_of_step' when they are missing or a key found a row
 * of 会員 that does not match (the tabs no longer line up). At most SEARCH_LIMIT rows of 会員 are
 * read (rowsToRead); with more matches than that the answer says `more`, and a person narrows what
 * they typed.
 */
function searchByKeys(store: TableStore, lang: CallContext['lang'], today: string, key: string): SearchMembersOutput | 'out_of_step' {
  const picked = rowsToRead((pattern) => matchRowsOf(store, [MEMBER_SEARCH_TAB], 0, pattern, SEARCH_LIMIT), key);
  if (!picked) return 'out_of_step';
  if (picked.rows.length === 0) return { members: [], more: false };
  const wanted = (header: readonly string[]): number[] => {
    const { index } = locateColumns(MEMBERS_TAB, '', header);
    return SHOWN.map((k) => index.get(k) ?? -1).filter((i) => i >= 0);
  };
  const raw = readRowsOf(store, tabNames(MEMBERS_TAB, lang), [...picked.rows].sort((a, b) => a - b), wanted);
  if (!raw) return { members: [], more: false };
  const { found, unmatched } = matchesIn(raw, key, today);
  return unmatched > 0 ? 'out_of_step' : answerOf(found, picked.more);
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
