import { ListBoundStore } from '../../src/app/follow-ups/list-bound';
import type { Cell } from '../../src/domain/cell';
import type { Clock, KeyValueStore } from '../../src/app/ports';
import { createSidebarApi, type SidebarApi } from '../../src/app/sidebar/sidebar-api';
import type { ApiResult } from '../../src/app/shared/api-types';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { COORDINATOR, sidebarPorts, sidebarTables } from './sidebar/sidebar-fixture';

// The sidebar fixture (test/app/sidebar/sidebar-fixture.ts) after setup has added the columns of
// issue 12 — 会員 退会理由, 活動記録 状態, マッチング 担当枠, each at the right end — with a few more
// members and jobs for the coordinator's day. Today is Wednesday 2025-06-11 in Tokyo.
//
// Members (就業可能枠): M001 月AM,水AM · M002 月AM,月PM,水AM · M003 火AM,木AM · M004 水AM, no consent ·
// M005 left 2024-03-31 · M006 火AM · M007 月AM,水AM,金AM · M008 金AM · M009 no availability yet.
// Jobs: J001 月AM,水AM ×1 · J002 火AM ×1 (the J0044: one person, one slot) ·
// J003 月AM,水AM,金AM ×2 (the three slots, two per slot) · J004 土AM ×1, 提案中.

export const TODAY = '2025-06-11';

export function dayTables(): { name: string; header: string[]; rows: Cell[][] }[] {
  const d = (date: string): Cell => ({ date });
  const member = (id: string, name: string, kana: string, birth: string, slots: string, consent = true): Cell[] =>
    [id, name, kana, '男性', d(birth), d('2022-04-01'), null, '窓口', '柏', `04-0000-0${id.slice(1)}`, '', '清掃', '清掃', slots, 5, '健康', consent, '', null];
  return sidebarTables().map((t) => {
    if (t.name === '会員') {
      return {
        ...t, header: [...t.header, '退会理由'], rows: [
          ...t.rows.map((r) => [...r, null]),
          member('M006', '加藤 六郎', 'カトウ ロクロウ', '1953-03-03', '火AM'),
          member('M007', '木村 七子', 'キムラ ナナコ', '1954-07-07', '月AM,水AM,金AM'),
          member('M008', '久保 八郎', 'クボ ハチロウ', '1955-08-08', '金AM'),
          member('M009', '小林 九', 'コバヤシ キュウ', '1956-09-09', ''),
        ],
      };
    }
    if (t.name === '仕事') {
      return {
        ...t, rows: [
          ...t.rows,
          ['J003', 'C001', '食堂の配膳', '配膳', '請負', '', '月AM,水AM,金AM', 2, '柏', d('2025-06-01'), null, '', true, '募集中', d('2025-06-05'), COORDINATOR],
          ['J004', 'C002', '倉庫の整理', '軽作業', '派遣', '', '土AM', 1, '柏', null, null, '', false, '提案中', d('2025-06-10'), COORDINATOR],
        ],
      };
    }
    if (t.name === '活動記録') return { ...t, header: [...t.header, '状態'], rows: t.rows.map((r) => [...r, null]) };
    if (t.name === 'マッチング') return { ...t, header: [...t.header, '担当枠'] };
    return t;
  });
}

export const quiet = (): void => undefined;

export function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

/** A day at the desk: the store, a clock that can move, and the API as `email`. */
export interface Desk {
  readonly store: MemoryTableStore;
  /** The document properties every API call of this desk shares (the on-edit trigger's stamps…). */
  readonly props: KeyValueStore;
  readonly api: (email?: string) => SidebarApi;
  /** Sets today (10:00 in Tokyo). */
  day(date: string): void;
  rows(tab: string): Cell[][];
  /** The cells of a record by its ID in the first column, under the tab's headers. */
  record(tab: string, id: string): Record<string, Cell>;
}

export function desk(tables = dayTables()): Desk {
  const store = MemoryTableStore.from(tables);
  let today = TODAY;
  const clock: Clock = { now: () => new Date(`${today}T10:00:00+09:00`) };
  const base = sidebarPorts(COORDINATOR, store);
  return {
    store,
    props: base.props,
    // The list's bound kept by the writes as on Google (follow-ups/list-bound.ts); a hand edit of
    // `store` goes around it, as a person's edit goes around the add-in.
    api: (email = COORDINATOR) => createSidebarApi({ ...base, store: new ListBoundStore(store, base.props), clock, user: { email: () => email } }, quiet),
    day: (date) => { today = date; },
    rows: (tab) => (store.read([tab])?.rows ?? []).map((r) => [...r]),
    record: (tab, id) => {
      const raw = store.read([tab]);
      const row = raw?.rows.find((r) => r[0] === id) ?? [];
      return Object.fromEntries((raw?.header ?? []).map((h, i) => [h, row[i] ?? null]));
    },
  };
}
