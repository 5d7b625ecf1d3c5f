import fc from 'fast-check';
import type { Cell } from '../../../src/domain/cell';
import { keyPatterns } from '../../../src/domain/members/member-search-key';
import { MEMBER_SEARCH_TAB } from '../../../src/app/members/member-search-index';
import { SEARCH_LIMIT, searchKey, searchMembersInTab } from '../../../src/app/members/search-members';
import { matchRowsIn } from '../../../src/app/shared/rows-by-number';
import { createSidebarApi } from '../../../src/app/sidebar/sidebar-api';
import type { ApiResult, SearchMembersOutput } from '../../../src/app/shared/api-types';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { sidebarPorts, sidebarTables } from '../sidebar/sidebar-fixture';

// The member picker asks its stored keys in one of two orders (search-members.ts rowsToRead): a
// query of two characters or fewer the tightest search first (the enrolled starting with it, then
// the exact ones), a longer one the loosest first — the order the search had before (issue 15,
// h-search-open). Both must answer exactly what the loosest-first search answered, members and
// `more`, for random centers where many members share a kana, a name or an ID's start, some of
// them leavers: `loosestFirst` below is that search as it was, the oracle.

const TODAY = '2025-06-11';
const quiet = (): void => undefined;

interface Row { id: string; name: string; kana: string; left: string | null }
// Few characters, so that one or two of them start, are or are inside many kana and names: the
// counts at each level (every match, the enrolled, those starting with the query, the exact ones)
// fall on both sides of SEARCH_LIMIT and on it, with 0–120 members.
const KANA = ['ヤ', 'や', 'ﾔ', 'マ', 'ま', 'シ'];
const NAME = ['山', '下', '髙', '高', ' '];
const textOf = (chars: readonly string[], min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
const rowArb: fc.Arbitrary<Row> = fc.record({
  id: fc.integer({ min: 1, max: 200 }).map((n) => `M${n}`),
  name: textOf(NAME, 0, 2),
  kana: textOf(KANA, 1, 3),
  left: fc.option(fc.constantFrom('2024-03-31', '2025-06-11', '2025-06-12'), { nil: null }),
});
const queryArb = fc.oneof(
  textOf([...KANA, ...NAME], 1, 2), textOf([...KANA, ...NAME], 3, 4),
  fc.constantFrom('m', 'M1', 'm2', 'M10', 'ｍ１', 'やま', 'まや', 'ヤマシ', '山下', '髙', 'ヤ'),
  // What an attacker types is text, never a pattern: each matches itself only (nobody here).
  fc.constantFrom('.*', '(', '\\', 'ヤ.*', '[ヤ]', 'ヤ|マ', 'や'.repeat(40)), // 40: the call's longest (SEARCH_MEMBERS_INPUT)
)
  // What folds to nothing (spaces) the call refuses, and the picker never sends.
  .filter((q) => searchKey(q) !== '');

const d = (date: string | null): Cell => (date === null ? null : { date });
function centerOf(rows: readonly Row[]): MemoryTableStore {
  const member = (r: Row): Cell[] => [r.id, r.name, r.kana, '', d('1950-04-01'), d('2020-04-01'), d(r.left), '', '柏', '', '', '', '', '', null, '', true, ''];
  return MemoryTableStore.from(sidebarTables().map((t) => (t.name === '会員' ? { ...t, rows: rows.map(member) } : t)));
}

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

/** The search as it was before h-search-open: the loosest first (every key), then, past the limit,
 *  the enrolled, those starting with the query and the exact ones, each only when the looser one
 *  found too many; the rows chosen ranked by the picker's rules (searchMembersInTab over them). */
function loosestFirst(store: MemoryTableStore, query: string): SearchMembersOutput {
  const key = searchKey(query);
  const keys = store.read([MEMBER_SEARCH_TAB]);
  const members = store.read(['会員']);
  if (!keys || !members || key === '') return { members: [], more: false };
  const find = (pattern: string) => matchRowsIn(keys, 0, pattern, SEARCH_LIMIT);
  const any = find(keyPatterns(key).any);
  let rows = [...any.rows];
  if (any.total > SEARCH_LIMIT) {
    const p = keyPatterns(key, false);
    const enrolled = find(p.any);
    const starting = enrolled.total > SEARCH_LIMIT ? find(p.starting) : null;
    const exact = starting && starting.total > SEARCH_LIMIT ? find(p.exact) : null;
    rows = [...new Set([...(exact?.rows ?? []), ...(starting?.rows ?? []), ...enrolled.rows, ...any.rows])].slice(0, SEARCH_LIMIT);
  }
  const chosen = new Set(rows);
  const only = MemoryTableStore.from([{ name: '会員', header: members.header, rows: members.rows.filter((_, i) => chosen.has(i + 2)) }]);
  return { members: searchMembersInTab(only, TODAY, query).members, more: any.total > SEARCH_LIMIT };
}

describe('the member search\'s order of asking its keys', () => {
  test('answers exactly what the loosest-first search answered, for random centers and queries', () => {
    let past = 0;
    fc.assert(fc.property(fc.array(rowArb, { maxLength: 120, size: 'max' }), fc.array(queryArb, { minLength: 1, maxLength: 6 }), (rows, queries) => {
      const ports = sidebarPorts(undefined, centerOf(rows));
      const api = createSidebarApi(ports, quiet);
      ok(api.searchMembers('や')); // the first search builds the keys
      for (const q of queries) {
        const want = loosestFirst(ports.store, q);
        const searches = jest.spyOn(ports.store, 'matchRows');
        const got = ok(api.searchMembers(q));
        const asked = searches.mock.calls.length;
        searches.mockRestore();
        expect(got).toEqual(want);
        if (/[.*(\\[|]/.test(q)) expect(got.members).toEqual([]);
        if (want.more) past += 1;
        // Two searches for a short query past the limit among the enrolled starting ones; never more than the four before.
        expect(asked).toBeLessThanOrEqual(4);
      }
    }), { numRuns: 200 });
    // The comparison reaches past the limit, where the orders differ.
    expect(past).toBeGreaterThan(50);
  });

  test('a two-character query past the limit asks two searches, a name typed whole one', () => {
    const rows: Row[] = Array.from({ length: 40 }, (_, i) => ({ id: `M${100 + i}`, name: '山下', kana: `ヤマ${['シ', 'シタ', 'ダ'][i % 3] ?? ''}`, left: i % 4 === 0 ? '2024-03-31' : null }));
    rows.push({ id: 'M900', name: '', kana: 'ヤマ', left: null }, { id: 'M901', name: '', kana: 'タカハシジュン', left: null });
    const ports = sidebarPorts(undefined, centerOf(rows));
    const api = createSidebarApi(ports, quiet);
    ok(api.searchMembers('や'));
    const asked = (q: string): { out: SearchMembersOutput; patterns: string[] } => {
      const searches = jest.spyOn(ports.store, 'matchRows');
      const out = ok(api.searchMembers(q));
      const patterns = searches.mock.calls.map((c) => c[2]);
      searches.mockRestore();
      return { out, patterns };
    };
    const short = asked('やま');
    // The enrolled starting with ヤマ (30 of them), then the exact ones: M900, the last row, first.
    expect(short.patterns).toEqual([keyPatterns('ヤマ', false).starting, keyPatterns('ヤマ', false).exact]);
    expect(short.out.members[0]?.id).toBe('M900');
    expect([short.out.members.length, short.out.more]).toEqual([20, true]);
    expect(short.out).toEqual(loosestFirst(ports.store, 'やま'));
    const whole = asked('たかはしじゅん');
    expect(whole.patterns).toEqual([keyPatterns('タカハシジユン').any]);
    expect(whole.out).toEqual({ members: [expect.objectContaining({ id: 'M901' })], more: false });
  });
});
