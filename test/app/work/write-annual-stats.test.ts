import { writeAnnualStats } from '../../../src/app/work/write-annual-stats';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import type { Lock } from '../../../src/app/ports';
import type { Cell } from '../../../src/domain/cell';
import { workCenterTabs } from './work-center';

// The 年度統計 tab written from the hand-worked work center (work-center.ts), fiscal 2015:
// members at the year's end M001 男, M002 女, M003 男, M004 女 (no 生年月日 column: 年齢不明 2 + 2);
// 就業実人員 M001, M003 (男), M002 (女) = 3; 就業延人員 11 (男 7, 女 4; test/domain/work/annual-statistics.test.ts
// works the same rows); 契約金額: May 1,100 + June bills 17,475 + July 2,200 = 20,775, wages 4,400,
// 計 25,175; 就業率 男 2/2 = 100, 女 1/2 = 50, 計 3/4 = 75.

const freeLock: Lock = { tryLock: () => true, release: () => undefined };
const ctx = { lang: 'ja' as const, now: '2016-04-20T10:00:00', user: 'kanri@c.jp' };
const HEADER = ['年度', '区分', '項目', '男性', '女性', 'その他・未回答', '計'];
const line = (store: MemoryTableStore, section: string, item: string, year = 2015): readonly Cell[] | undefined =>
  store.read(['年度統計'])?.rows.find((r) => r[0] === year && r[1] === section && r[2] === item);

describe('the 年度統計 tab', () => {
  test('is made by the first write, one row per line of the form, in the form\'s order', () => {
    const store = MemoryTableStore.from(workCenterTabs());
    const result = writeAnnualStats({ store, lock: freeLock }, ctx, 2015);
    expect(result).toMatchObject({ ok: true, tab: '年度統計', lines: 26, cellsChanged: 26 * 7 });
    const tab = store.read(['年度統計']);
    expect(tab?.header).toEqual(HEADER);
    expect(tab?.rows[0]).toEqual([2015, '会員数（年度末現在）', '60歳未満', 0, 0, 0, 0]);
    expect(line(store, '会員数（年度末現在）', '年齢不明')).toEqual([2015, '会員数（年度末現在）', '年齢不明', 2, 2, 0, 4]);
    expect(line(store, '就業実人員', '計')).toEqual([2015, '就業実人員', '計', 2, 1, 0, 3]);
    expect(line(store, '就業延人員（契約形態別）', '計')).toEqual([2015, '就業延人員（契約形態別）', '計', 7, 4, 0, 11]);
    // C03 is a 家庭 here: M002's 06-11 (J05) and M003's 06-20 (J06).
    expect(line(store, '就業延人員（業種別）', '家庭')).toEqual([2015, '就業延人員（業種別）', '家庭', 1, 1, 0, 2]);
    expect(line(store, '契約金額（円）', '請負・委任（配分金＋事務費）')).toEqual([2015, '契約金額（円）', '請負・委任（配分金＋事務費）', null, null, null, 20775]);
    expect(line(store, '契約金額（円）', '計')?.[6]).toBe(25175);
    expect(line(store, '就業率（%）', '計')).toEqual([2015, '就業率（%）', '計', 100, 50, 0, 75]);
    expect(store.read(['監査ログ'])?.rows.at(-1)?.slice(2)).toEqual(['write_annual_stats', '年度統計', '2015', 'lines=26 cells=182']);
    expect(result.ok && result.message).toBe('2015年度の年度統計をシート「年度統計」に書きました（26 行、変わったセル 182）');
  });

  test('rewrites only the year\'s changed numbers: the center\'s own column, other years and a person\'s rows stay', () => {
    const store = MemoryTableStore.from(workCenterTabs());
    writeAnnualStats({ store, lock: freeLock }, ctx, 2015);
    // The center adds its own column with a formula, a 2014 row and a line of its own.
    const before = store.read(['年度統計'])!;
    store.replace('年度統計', [...before.header, '前年比'], [
      ...before.rows.map((r, i) => [...r, `=G${i + 2}/G${i + 30}`]),
      [2014, '就業実人員', '計', 1, 1, 0, 2, null],
      [2015, '独自集計', '送迎回数', null, null, null, 12, '=G29'],
    ]);
    // A work row typed in by hand since: M004 (女) 2 h on J01 (C01 福祉施設, 請負) on 2015-08-03 = 2,000 + fee 200.
    store.append('就業実績', [['W99', { date: '2015-08-03' }, 'M004', 'J01', 2, null, false, null, null]]);
    const again = writeAnnualStats({ store, lock: freeLock }, { ...ctx, now: '2016-04-21T10:00:00' }, 2015);
    // Changed: 就業実人員 女, 計 (2); 請負 女, 計 and the engagements' 計 女, 計 (4); 福祉施設 and the
    // sectors' 計 (4); 請負・委任 and 契約金額 計 (2); 就業率 女 50 → 100, 計 75 → 100 (2) = 14.
    expect(again).toMatchObject({ ok: true, cellsChanged: 14 });
    const after = store.read(['年度統計'])!;
    expect(after.rows).toHaveLength(before.rows.length + 2);
    expect(line(store, '就業実人員', '計')).toEqual([2015, '就業実人員', '計', 2, 2, 0, 4, '=G11/G39']);
    expect(line(store, '契約金額（円）', '計')?.[6]).toBe(27375);
    expect(line(store, '就業率（%）', '計')?.slice(3, 7)).toEqual([100, 100, 0, 100]);
    // Every formula of the center's column, the 2014 row and the center's own line are as they were.
    expect(after.rows.slice(0, 26).map((r) => r[7])).toEqual(before.rows.map((_, i) => `=G${i + 2}/G${i + 30}`));
    expect(after.rows.slice(26)).toEqual([[2014, '就業実人員', '計', 1, 1, 0, 2, null], [2015, '独自集計', '送迎回数', null, null, null, 12, '=G29']]);
    // Nothing changed since: nothing written, no audit row.
    const audits = store.read(['監査ログ'])!.rows.length;
    expect(writeAnnualStats({ store, lock: freeLock }, ctx, 2015)).toMatchObject({ ok: true, cellsChanged: 0, message: '2015年度の年度統計はシート「年度統計」の内容と同じです（書き換えていません）' });
    expect(store.read(['監査ログ'])!.rows).toHaveLength(audits);
  });

  test('appends the lines a tab lacks (a person deleted one), and writes in English for an English center', () => {
    const store = MemoryTableStore.from(workCenterTabs());
    writeAnnualStats({ store, lock: freeLock }, ctx, 2015);
    const t = store.read(['年度統計'])!;
    store.replace('年度統計', t.header, t.rows.filter((r) => r[1] !== '就業実人員'));
    expect(writeAnnualStats({ store, lock: freeLock }, ctx, 2015)).toMatchObject({ ok: true, cellsChanged: 7 });
    expect(store.read(['年度統計'])!.rows.at(-1)).toEqual([2015, '就業実人員', '計', 2, 1, 0, 3]);

    const en = MemoryTableStore.from(workCenterTabs());
    const result = writeAnnualStats({ store: en, lock: freeLock }, { ...ctx, lang: 'en' }, 2015);
    expect(result).toMatchObject({ ok: true, tab: 'AnnualStats' });
    expect(en.read(['AnnualStats'])?.header).toEqual(['fiscal_year', 'section', 'item', 'male', 'female', 'other', 'total']);
    expect(en.read(['AnnualStats'])?.rows.find((r) => r[1] === 'Members who worked')).toEqual([2015, 'Members who worked', 'Total', 2, 1, 0, 3]);
  });

  test('writes nothing when what it reads has a problem (named tab!cell), or when another run holds the lock', () => {
    const tabs = workCenterTabs();
    const log = tabs.find((t) => t.name === '就業実績')!;
    log.rows[0]![4] = '三時間';
    const store = MemoryTableStore.from(tabs);
    const result = writeAnnualStats({ store, lock: freeLock }, ctx, 2015);
    expect(result).toMatchObject({ ok: false, code: 'problems', problems: [{ tab: '就業実績', cell: 'E2', code: 'bad_number' }] });
    expect(store.read(['年度統計'])).toBeNull();
    expect(store.read(['監査ログ'])).toBeNull();
    const busy = MemoryTableStore.from(workCenterTabs());
    expect(writeAnnualStats({ store: busy, lock: { tryLock: () => false, release: () => undefined } }, ctx, 2015)).toEqual({ ok: false, code: 'busy' });
    expect(busy.read(['年度統計'])).toBeNull();
  });
});
