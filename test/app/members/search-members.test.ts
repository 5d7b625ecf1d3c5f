import type { Cell } from '../../../src/domain/cell';
import type { TableStore } from '../../../src/app/ports';
import { createSidebarApi } from '../../../src/app/sidebar/sidebar-api';
import { SEARCH_LIMIT, searchKey } from '../../../src/app/members/search-members';
import type { ApiResult, SearchMembersOutput } from '../../../src/app/shared/api-types';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { COORDINATOR, VIEWER, sidebarPorts, sidebarTables } from '../sidebar/sidebar-fixture';

// The member picker's server search (src/app/members/search-members.ts) over the small fixture center:
// M001 アオキ イチロウ 青木 一郎 … M005 オオノ サツキ 大野 五月 (left 2024-03-31; today is 2025-06-11).

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

const quiet = (): void => undefined;

function search(query: unknown, email: string = COORDINATOR, store?: MemoryTableStore): ApiResult<SearchMembersOutput> {
  return createSidebarApi(sidebarPorts(email, store), quiet).searchMembers(query);
}

const ids = (r: ApiResult<SearchMembersOutput>): string[] => ok(r).members.map((m) => m.id);

/** The fixture with `n` more enrolled members M1000… whose kana all start with タナカ. */
function crowded(n: number, left: string | null = null): MemoryTableStore {
  const store = MemoryTableStore.from(sidebarTables());
  const rows: Cell[][] = Array.from({ length: n }, (_, i) => [
    `M${1000 + i}`, `田中 ${i}`, `タナカ ${i}`, '男性', { date: '1950-01-01' }, { date: '2020-04-01' }, left ? { date: left } : null,
    '説明会', '柏', '', '', '清掃', '清掃', '月AM', 2, '健康', true, '',
  ]);
  store.append('会員', rows);
  return store;
}

describe('searching members for the picker', () => {
  test('finds a member by the start of the ID, in any case and in full-width letters', () => {
    expect(ids(search('M00'))).toEqual(['M001', 'M002', 'M003', 'M004', 'M005']);
    expect(ids(search('m003'))).toEqual(['M003']);
    expect(ids(search('Ｍ００２'))).toEqual(['M002']);
    // The ID is matched from its start only: "01" is inside M001 but no ID starts with it.
    expect(ids(search('01'))).toEqual([]);
  });

  test('finds a member by part of the kana, typed in katakana, hiragana or without the space', () => {
    // Born 1950-04-01: 75 on 2025-06-11.
    expect(ok(search('アオキ')).members).toEqual([{ id: 'M001', kana: 'アオキ イチロウ', name: '青木 一郎', enrolled: true, age: 75, district: '柏' }]);
    expect(ids(search('いのうえ'))).toEqual(['M002']);
    expect(ids(search('ウエノサブ'))).toEqual(['M003']);
    // "ウエ" starts ウエノ and is inside イノウエ: both, the one it starts first.
    expect(ids(search('ウエ'))).toEqual(['M003', 'M002']);
  });

  test('finds a member by part of the name in kanji', () => {
    expect(ids(search('江藤'))).toEqual(['M004']);
    expect(ids(search('一郎'))).toEqual(['M001']);
  });

  test('lists enrolled members before those who have left, whatever the sheet order', () => {
    // M005 left on 2024-03-31; the three タナカ below M005 are enrolled, so M005 (オオノ) is last.
    const store = crowded(3);
    const out = ok(search('M', COORDINATOR, store));
    expect(out.members.map((m) => m.id)).toEqual(['M001', 'M002', 'M003', 'M004', 'M1000', 'M1001', 'M1002', 'M005']);
    expect(out.members.at(-1)?.enrolled).toBe(false);
    expect(out.more).toBe(false);
  });

  test('answers at most 20 and says there were more', () => {
    const out = ok(search('タナカ', COORDINATOR, crowded(50)));
    expect(SEARCH_LIMIT).toBe(20);
    expect(out.members).toHaveLength(20);
    expect(out.members[0]?.id).toBe('M1000');
    expect(out.more).toBe(true);
    // Exactly 20 matches: all of them, and nothing more.
    const exact = ok(search('タナカ', COORDINATOR, crowded(20)));
    expect([exact.members.length, exact.more]).toEqual([20, false]);
  });

  test('still fills the 20 with members who have left when fewer are enrolled', () => {
    const out = ok(search('タナカ', COORDINATOR, crowded(25, '2024-01-01')));
    expect(out.members).toHaveLength(20);
    expect(out.members.every((m) => !m.enrolled)).toBe(true);
    expect(out.more).toBe(true);
  });

  test('builds its keys from the ID, name and kana columns of 会員 once, then reads only the rows it finds', () => {
    const inner = MemoryTableStore.from(sidebarTables());
    const seen: string[] = [];
    const nonNull = (t: { rows: readonly (readonly unknown[])[] } | null): number => (t?.rows ?? []).reduce((s, r) => s + r.filter((c) => c !== null).length, 0);
    const store: TableStore = {
      // 設定 and コーディネータ (who is calling) are read whole by every call: not counted here.
      read: (n) => { if (n[0] !== '設定' && n[0] !== 'コーディネータ') seen.push(`read ${n[0] ?? ''}`); return inner.read(n); },
      readColumns: (n, pick) => { const t = inner.readColumns(n, pick); seen.push(`columns ${n[0] ?? ''}: ${nonNull(t)}`); return t; },
      matchRows: (n, column, pattern, limit) => { seen.push(`search ${n[0] ?? ''}`); return inner.matchRows(n, column, pattern, limit); },
      readRows: (n, rows, pick) => { const t = inner.readRows(n, rows, pick); seen.push(`rows ${n[0] ?? ''}: ${nonNull(t)}`); return t; },
      header: (n) => inner.header(n),
      tabNames: () => inner.tabNames(),
      replace: (...a) => inner.replace(...a),
      appendCells: (...a) => inner.appendCells(...a),
      writeCells: (...a) => inner.writeCells(...a), flush: () => undefined,
    };
    const api = createSidebarApi({ ...sidebarPorts(COORDINATOR), store }, quiet);
    expect(ok(api.searchMembers('アオキ')).members).toHaveLength(1);
    // 5 members × 4 columns (ID, name, kana and the required 入会日) and 退会日 (the leavers'
    // mark, read where filled) for the keys, compared with the
    // tab (none yet: a rebuild that would write the same keys writes nothing); then one search of
    // them and M001's row: ID, name, kana, 生年月日, 地区 (退会日 blank) = 5 cells.
    expect(seen).toEqual(['columns 会員: 21', 'read _会員検索', 'search _会員検索', 'rows 会員: 5']);
    seen.length = 0;
    expect(ok(api.searchMembers('ウエ')).members).toHaveLength(2);
    // Two characters: the enrolled starting with them first (2 here, so every match next), as a
    // center past 会員一覧の上限 has more than 20 of nearly any two (search-members.ts rowsToRead).
    expect(seen).toEqual(['search _会員検索', 'search _会員検索', 'rows 会員: 10']);
  });

  test('lets a viewer search (it is a read) but refuses someone not in コーディネータ, with no data', () => {
    expect(ids(search('アオキ', VIEWER))).toEqual(['M001']);
    const r = search('アオキ', 'stranger@example.com');
    expect(r).toEqual({ ok: false, code: 'unknown_user', message: expect.stringContaining('stranger@example.com') });
    expect(JSON.stringify(r)).not.toContain('青木');
  });

  test('refuses a query that is not text, empty or longer than 40 characters', () => {
    for (const bad of [42, '', '   ', 'ア'.repeat(41), null]) expect(search(bad)).toMatchObject({ ok: false, code: 'bad_input' });
  });

  test('folds hiragana to katakana, full-width to half-width and drops spaces for comparing', () => {
    expect(searchKey('あおき いちろう')).toBe('アオキイチロウ');
    expect(searchKey('ＡＢ１')).toBe('ab1');
    expect(searchKey('ｱｵｷ')).toBe('アオキ');
  });
});

describe('the bootstrap at a large center', () => {
  test('sends every enrolled member and no search flag up to the limit', () => {
    const boot = ok(createSidebarApi(sidebarPorts(), quiet, { memberListLimit: 4 }).sidebarBootstrap());
    expect(boot.memberSearch).toBe(false);
    expect(boot.members.map((m) => m.id)).toEqual(['M001', 'M002', 'M003', 'M004']);
  });

  test('above the limit sends no member and the search flag (recent entries name members by ID: no read of 会員)', () => {
    const ports = sidebarPorts();
    const api = createSidebarApi(ports, quiet, { memberListLimit: 3 });
    ok(api.logActivity({ date: '2025-06-11', area: 'matching', member_id: 'M003' }));
    const boot = ok(api.sidebarBootstrap());
    expect(boot.memberSearch).toBe(true);
    expect(boot.members).toEqual([]);
    expect(boot.recentActivities.map((a) => a.member_id)).toContain('M003');
  });
});

describe('a search that forgives (issue 12)', () => {
  /** The fixture with two 山下 隆 (different ages and districts), a 髙橋 and a キヨウコ written with a large ヨ. */
  function namesakes(): MemoryTableStore {
    const store = MemoryTableStore.from(sidebarTables());
    const row = (id: string, name: string, kana: string, birth: string, district: string): Cell[] => [
      id, name, kana, '男性', { date: birth }, { date: '2020-04-01' }, null, '窓口', district, '', '', '', '', '', null, '', true, '',
    ];
    store.append('会員', [
      row('M101', '山下 隆', 'ヤマシタ タカシ', '1950-07-01', '豊四季'),
      row('M102', '山下　隆', 'ヤマシタ タカシ', '1944-02-10', '南柏'),
      row('M103', '髙橋 恭子', 'タカハシ キヨウコ', '1952-12-01', '柏'),
    ]);
    return store;
  }
  const found = (q: string): { id: string; age: number | null; district: string }[] =>
    ok(search(q, COORDINATOR, namesakes())).members.map((m) => ({ id: m.id, age: m.age, district: m.district }));

  test('finds names kept in katakana from hiragana, half-width kana, and with or without the space', () => {
    for (const q of ['やました', 'ﾔﾏｼﾀ', 'ヤマシタタカシ', 'やました　たかし']) expect(found(q).map((m) => m.id)).toEqual(['M101', 'M102']);
  });

  test('lists two members of one name with their IDs, ages and districts to choose between', () => {
    // 山下 隆 typed with a half-width space finds the one written with a full-width space too.
    // Ages on 2025-06-11: born 1950-07-01 → 74 (birthday not yet), 1944-02-10 → 81.
    expect(found('山下 隆')).toEqual([{ id: 'M101', age: 74, district: '豊四季' }, { id: 'M102', age: 81, district: '南柏' }]);
  });

  test('finds an old kanji form by the common one and a large ヨ by the small one', () => {
    expect(found('高橋').map((m) => m.id)).toEqual(['M103']);
    expect(found('きょうこ').map((m) => m.id)).toEqual(['M103']);
  });

  test('puts the exact and starting matches before those found inside a name', () => {
    // タカ starts タカハシ (M103) and is inside ヤマシタ タカシ (M101, M102).
    expect(found('たか').map((m) => m.id)).toEqual(['M103', 'M101', 'M102']);
  });

  test('folds the way searchKey says, hiragana, width, spaces, small kana and old forms alike', () => {
    expect(searchKey('ｷｮｳｺ　髙﨑')).toBe(searchKey('きようこ 高崎'));
    expect(searchKey('ヂヅ')).toBe('ジズ');
  });
});
