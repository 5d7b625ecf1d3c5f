import { MEMBER_SEARCH_TAB } from '../../../src/app/members/member-search-index';
import { JOB_SEARCH_TAB } from '../../../src/app/matching/job-search-index';
import type { Clock, SharedCache, TableStore } from '../../../src/app/ports';
import { CachedHeaderStore, deskHeaderMemo } from '../../../src/app/shared/cached-header-store';
import { DESK_CACHE_KEYS, DESK_CACHE_TTL_SECONDS, DeskCache, headerKey, OWN_HEADER_TABS, SETTINGS_KEY, WRITTEN_HEADERS, writtenHeader } from '../../../src/app/shared/desk-cache';
import { rebuildJobSearch } from '../../../src/app/matching/job-search-index';
import { rebuildMemberSearch } from '../../../src/app/members/member-search-index';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import { CANDIDATE_INDEX_TAB, rebuildCandidateIndex } from '../../../src/app/matching/candidate-index';
import { ACTIVITY_TOTALS_HEADER, ACTIVITY_TOTALS_HEADER_EN, ACTIVITY_TOTALS_TAB } from '../../../src/domain/weekly/activity-totals-tab';
import { FOLLOW_UP_LIST_TAB } from '../../../src/domain/schema/tabs';
import { createSidebarApi } from '../../../src/app/sidebar/sidebar-api';
import { MemorySharedCache } from '../../../src/local/memory-shared-cache';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { COORDINATOR, INACTIVE, MemoryLock, MemoryProps, NOW, sidebarTables } from '../sidebar/sidebar-fixture';

// The desk cache (src/app/shared/desk-cache.ts) in Node, with the memory SharedCache: each "run"
// builds its own DeskCache over one shared cache, as every Apps Script run builds its ports. The
// sheet is a MemoryTableStore; a person's edit is a write straight into it, which no trigger
// reports (the on-edit trigger is tested through the bundle: test/bundle/desk-cache.test.ts).

const ACTIVE = 3; // コーディネータ's 有効 column (0-based)

/** Counts the reads that reach the sheet. */
class CountingStore implements TableStore {
  reads: string[] = [];
  constructor(readonly inner: MemoryTableStore) {}
  read(names: readonly string[]) { this.reads.push(`read ${names[0]}`); return this.inner.read(names); }
  header(names: readonly string[]) { this.reads.push(`header ${names[0]}`); return this.inner.header(names); }
  readColumns(names: readonly string[], pick: (h: readonly string[]) => readonly number[]) { this.reads.push(`columns ${names[0]}`); return this.inner.readColumns(names, pick); }
  replace(...a: Parameters<TableStore['replace']>) { this.inner.replace(...a); }
  appendCells(...a: Parameters<TableStore['appendCells']>) { this.inner.appendCells(...a); }
  writeCells(...a: Parameters<TableStore['writeCells']>) { this.inner.writeCells(...a); }
  flush() { this.inner.flush(); }
  tabNames() { return this.inner.tabNames(); }
}

function desk(tables = sidebarTables()) {
  let now = NOW.getTime();
  const clock: Clock = { now: () => new Date(now) };
  const sheet = MemoryTableStore.from(tables);
  const counting = new CountingStore(sheet);
  const shared = new MemorySharedCache(clock);
  const props = new MemoryProps();
  /** One run of a sidebar call as `email`. */
  const run = <T>(email: string, call: (api: ReturnType<typeof createSidebarApi>) => T): { result: T; reads: string[] } => {
    counting.reads = [];
    const cache = new DeskCache(shared);
    const store = new CachedHeaderStore(counting, cache);
    const api = createSidebarApi({ store, lock: new MemoryLock(), clock, user: { email: () => email }, props, cache }, () => undefined);
    return { result: call(api), reads: [...counting.reads] };
  };
  return { sheet, shared, run, later: (seconds: number) => { now += seconds * 1000; } };
}

const visit = { date: '2025-06-11', area: 'matching', kind: 'visit', member_id: 'M001', minutes: 30 };

describe('the desk cache', () => {
  it('reads 設定, コーディネータ and the header rows once, then answers the next calls from the cache', () => {
    const d = desk();
    const first = d.run(COORDINATOR, (api) => api.logActivity(visit));
    expect(first.result).toMatchObject({ ok: true });
    // Cold: 設定, コーディネータ, 活動記録's header, its ID column (the counter's seed), 監査ログ's header;
    // then the member looked up in 継続支援's stored list (this store has no findRows, so it reads
    // the list whole; the desk has none yet, and no cache stands in for it).
    expect(first.reads).toEqual(['read 設定', 'read コーディネータ', 'header 活動記録', 'columns 活動記録', 'header 監査ログ', 'read _継続支援']);
    const second = d.run(COORDINATOR, (api) => api.logActivity({ ...visit, minutes: 10 }));
    expect(second.result).toMatchObject({ ok: true, data: { activity: { activity_id: 'A000009' } } });
    expect(second.reads).toEqual(['read _継続支援']);
    // The rows went under the headers, as the cold run's did.
    const rows = d.sheet.read(['活動記録'])!.rows;
    expect(rows.map((r) => [r[0], r[8]])).toEqual([['A000007', 60], ['A000008', 30], ['A000009', 10]]);
    // A read call is checked from the cache too.
    expect(d.run(COORDINATOR, (api) => api.weekHeadline()).reads.filter((r) => /設定|コーディネータ/.test(r))).toEqual([]);
  });

  it('lets a coordinator switched off behind its back in until the TTL runs out, and not a second longer', () => {
    const d = desk();
    expect(d.run(COORDINATOR, (api) => api.logActivity(visit)).result).toMatchObject({ ok: true });
    // A person unticks 有効 (row 2 is the coordinator's); no trigger tells the cache.
    d.sheet.writeCells('コーディネータ', 2, { columns: [ACTIVE], rows: [[false]] });
    d.later(DESK_CACHE_TTL_SECONDS - 1);
    expect(d.run(COORDINATOR, (api) => api.logActivity(visit)).result).toMatchObject({ ok: true });
    d.later(1);
    const refused = d.run(COORDINATOR, (api) => api.logActivity(visit));
    expect(refused.result).toMatchObject({ ok: false, code: 'inactive_user' });
    expect(refused.reads).toEqual(['read 設定', 'read コーディネータ']);
  });

  it('drops everything when the add-in itself writes to コーディネータ, so the next call is checked on the sheet', () => {
    const d = desk();
    d.run(COORDINATOR, (api) => api.logActivity(visit));
    const cache = new DeskCache(d.shared);
    new CachedHeaderStore(d.sheet, cache).writeCells('コーディネータ', 2, { columns: [ACTIVE], rows: [[false]] });
    expect(d.shared.getAll(DESK_CACHE_KEYS)).toEqual({});
    expect(d.run(COORDINATOR, (api) => api.logActivity(visit)).result).toMatchObject({ ok: false, code: 'inactive_user' });
  });

  it('keeps a refusal final: a person added behind the cache\'s back is let in only once the entry goes', () => {
    const d = desk();
    expect(d.run(INACTIVE, (api) => api.weekHeadline()).result).toMatchObject({ ok: false, code: 'inactive_user' });
    d.sheet.writeCells('コーディネータ', 5, { columns: [ACTIVE], rows: [[true]] });
    const again = d.run(INACTIVE, (api) => api.weekHeadline());
    expect(again.result).toMatchObject({ ok: false, code: 'inactive_user' });
    expect(again.reads.filter((r) => r.includes('コーディネータ'))).toEqual([]);
    d.later(DESK_CACHE_TTL_SECONDS);
    expect(d.run(INACTIVE, (api) => api.weekHeadline()).result).toMatchObject({ ok: true });
  });

  it('drops a header when the add-in rewrites row 1 of a desk tab, and not for a data row or another tab', () => {
    const d = desk();
    d.run(COORDINATOR, (api) => api.logActivity(visit));
    const store = (): CachedHeaderStore => new CachedHeaderStore(d.sheet, new DeskCache(d.shared));
    const filled = (): number => Object.keys(d.shared.getAll(DESK_CACHE_KEYS)).length;
    expect(filled()).toBe(4); // 設定, コーディネータ (ja order), 活動記録 and 監査ログ headers
    store().appendCells('活動記録', { columns: [0], rows: [['A000099']] });
    store().writeCells('活動記録', 3, { columns: [9], rows: [['ok']] });
    store().replace('週次KPI', ['週開始'], []);
    expect(filled()).toBe(4);
    store().writeCells('活動記録', 1, { columns: [11], rows: [['記録日時']] });
    expect(filled()).toBe(0);
    d.run(COORDINATOR, (api) => api.logActivity(visit));
    store().replace('監査ログ', ['日時', 'ユーザー', '操作', 'シート', 'ID', '内容', '備考'], []);
    expect(filled()).toBe(0);
  });

  it('caches the header only of the desk\'s own tabs, asked in either language\'s order', () => {
    expect(headerKey(['活動記録', 'Activities'])).toBe('ikigai.desk.v1.header.activities.ja');
    expect(headerKey(['Activities', '活動記録'])).toBe('ikigai.desk.v1.header.activities.en');
    expect(headerKey(['活動記録'])).toBeNull();
    expect(headerKey(['フォームの回答 1', 'Form Responses 1'])).toBeNull();
    expect(DESK_CACHE_KEYS.every((k) => k.length <= 250)).toBe(true);
  });

  it('costs one getAll for a whole run, one putAll for what it read, nothing more when it read nothing', () => {
    const calls: string[] = [];
    const inner = new MemorySharedCache({ now: () => NOW });
    const spy: SharedCache = {
      getAll: (k) => { calls.push(`getAll ${k.length}`); return inner.getAll(k); },
      putAll: (e, t) => { calls.push(`putAll ${Object.keys(e).length} ${t}`); inner.putAll(e, t); },
      removeAll: (k) => { calls.push(`removeAll ${k.length}`); inner.removeAll(k); },
    };
    const sheet = MemoryTableStore.from(sidebarTables());
    const runOnce = (): void => {
      const cache = new DeskCache(spy);
      const api = createSidebarApi({ store: new CachedHeaderStore(sheet, cache), lock: new MemoryLock(), clock: { now: () => NOW }, user: { email: () => COORDINATOR }, props: new MemoryProps(), cache });
      expect(api.logActivity(visit)).toMatchObject({ ok: true });
    };
    runOnce();
    runOnce();
    // Every desk key at once: 設定, コーディネータ in two orders, two header keys for each of DATA_TABS' tabs.
    expect(calls).toEqual([`getAll ${DESK_CACHE_KEYS.length}`, 'putAll 4 300', `getAll ${DESK_CACHE_KEYS.length}`]);
  });
});

describe('the memory SharedCache', () => {
  it('leaves out a key over 250 characters and a value over 100 KB, and keeps the rest', () => {
    const cache = new MemorySharedCache({ now: () => NOW });
    cache.putAll({ ['k'.repeat(251)]: 1, big: 'ア'.repeat(33_334), fine: { a: [1, 'x'] } }, 60);
    // 33,334 kana = 100,002 bytes of UTF-8 plus the quotes: over 100,000.
    expect(cache.getAll(['k'.repeat(251), 'big', 'fine'])).toEqual({ fine: { a: [1, 'x'] } });
  });
});

describe('the add-in\'s own hidden tabs in the desk cache', () => {
  test('_候補索引, _会員検索, _仕事検索, _活動集計 and _継続支援 have header keys, read by the one getAll, by the names their writers ask with', () => {
    expect(OWN_HEADER_TABS.map((t) => t.names)).toEqual([
      [CANDIDATE_INDEX_TAB], [MEMBER_SEARCH_TAB], [JOB_SEARCH_TAB], [ACTIVITY_TOTALS_TAB.ja, ACTIVITY_TOTALS_TAB.en],
      // findListRows asks in the desk language's order: both orders are keys of their own.
      [FOLLOW_UP_LIST_TAB.ja, FOLLOW_UP_LIST_TAB.en], [FOLLOW_UP_LIST_TAB.en, FOLLOW_UP_LIST_TAB.ja],
    ]);
    for (const t of OWN_HEADER_TABS) {
      const key = headerKey(t.names);
      expect(key).not.toBeNull();
      expect(DESK_CACHE_KEYS).toContain(key);
    }
    expect(headerKey([ACTIVITY_TOTALS_TAB.en, ACTIVITY_TOTALS_TAB.ja])).toBeNull();
  });
});

describe('the headers the add-in writes to its own tabs (WRITTEN_HEADERS)', () => {
  // A run whose cache has no entry for these tabs takes this header instead of reading row 1 (two
  // round trips in Sheets, and a putAll): it must be the very header each tab's writer writes.
  test('are what the rebuilds of _候補索引, _会員検索 and _仕事検索 write, and what the weekly run writes to _活動集計 in each language', () => {
    const store = MemoryTableStore.from(sidebarTables());
    const props = new MemoryProps();
    rebuildCandidateIndex(store, loadWorkbook(store).settings, '2025-06-11');
    rebuildMemberSearch(store, props, '2025-06-11');
    rebuildJobSearch(store, props, '2025-06-11');
    for (const tab of [CANDIDATE_INDEX_TAB, MEMBER_SEARCH_TAB, JOB_SEARCH_TAB]) {
      expect([tab, store.header([tab])?.header]).toEqual([tab, writtenHeader(tab)]);
    }
    expect([...WRITTEN_HEADERS.keys()]).toEqual([CANDIDATE_INDEX_TAB, MEMBER_SEARCH_TAB, JOB_SEARCH_TAB, ACTIVITY_TOTALS_TAB.ja, ACTIVITY_TOTALS_TAB.en]);
    expect(writtenHeader(ACTIVITY_TOTALS_TAB.ja)).toEqual([...ACTIVITY_TOTALS_HEADER]);
    expect(writtenHeader(ACTIVITY_TOTALS_TAB.en)).toEqual([...ACTIVITY_TOTALS_HEADER_EN]);
    // _継続支援's columns are found by their header text: never assumed.
    expect(writtenHeader(FOLLOW_UP_LIST_TAB.ja)).toBeNull();
  });

  test('are not put in the cache (nothing to remember that the code knows), and a header read from the sheet still comes first', () => {
    const store = MemoryTableStore.from(sidebarTables());
    rebuildJobSearch(store, new MemoryProps(), '2025-06-11');
    const shared = new MemorySharedCache({ now: () => NOW });
    const cache = new DeskCache(shared);
    const cached = new CachedHeaderStore(store, cache);
    expect(cached.header([JOB_SEARCH_TAB])?.header).toEqual(writtenHeader(JOB_SEARCH_TAB));
    const memo = deskHeaderMemo(cache);
    cache.lookup(SETTINGS_KEY);
    expect(memo.recall([JOB_SEARCH_TAB], JOB_SEARCH_TAB)?.header).toEqual(writtenHeader(JOB_SEARCH_TAB));
    memo.keep([JOB_SEARCH_TAB], { name: JOB_SEARCH_TAB, header: [...(writtenHeader(JOB_SEARCH_TAB) ?? [])] });
    cache.commit();
    expect(shared.getAll(DESK_CACHE_KEYS)).toEqual({});
    // Another header in row 1 (a person typed over it), read by a whole read: kept, and recalled first.
    memo.keep([JOB_SEARCH_TAB], { name: JOB_SEARCH_TAB, header: ['キー'] });
    expect(memo.recall([JOB_SEARCH_TAB], JOB_SEARCH_TAB)?.header).toEqual(['キー']);
  });
});
