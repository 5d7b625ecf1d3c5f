import { closeMonth } from '../../../src/app/work/close-month';
import { reopenMonth } from '../../../src/app/work/reopen-month';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import type { Lock } from '../../../src/app/ports';
import { JUNE, workCenterTabs } from './work-center';

const freeLock: Lock = { tryLock: () => true, release: () => undefined };
const ctx = { lang: 'ja' as const, now: '2015-07-03T10:00:00', user: 'kanri@c.jp' };

describe('the monthly close (月次締め) under the write boundary', () => {
  test('closes June with the hand-worked totals and records the month in 月次締め, made with its row', () => {
    const store = MemoryTableStore.from(workCenterTabs());
    const result = closeMonth({ store, lock: freeLock }, ctx, '2015-06');
    if (!result.ok) throw new Error(result.code);
    expect(result.pay.totals).toEqual({ amount: JUNE.amount, fee: JUNE.fee, billed: JUNE.billed, wages: JUNE.wages });
    expect(store.read(['月次締め'])).toEqual({ name: '月次締め',
      header: ['対象月', '状態', '締め日時', '締め担当', '再開日時', '再開担当', '就業行数', '配分金合計', '請求合計', '賃金合計'],
      rows: [['2015-06', '締め', { date: '2015-07-03T10:00:00' }, 'kanri@c.jp', null, null, 11, 15887, 17475, 4400]] });
    expect(store.read(['監査ログ'])!.rows.at(-1)?.slice(2)).toEqual(['close_month', '月次締め', '2015-06', 'status=closed rows=11 amount=15887 billed=17475 wages=4400']);
  });

  test('a second close with the same rows writes nothing; rows typed in by hand since make it close again', () => {
    const store = MemoryTableStore.from(workCenterTabs());
    closeMonth({ store, lock: freeLock }, ctx, '2015-06');
    const again = closeMonth({ store, lock: freeLock }, { ...ctx, now: '2015-07-05T10:00:00' }, '2015-06');
    expect(again).toMatchObject({ ok: true, written: false, wasClosed: true });
    expect(store.read(['監査ログ'])!.rows).toHaveLength(1);
    // A row typed into the sheet: M004 2 h on J01 = 2,000 more 配分金.
    store.append('就業実績', [['W99', { date: '2015-06-12' }, 'M004', 'J01', 2, null, false, null, null]]);
    const third = closeMonth({ store, lock: freeLock }, { ...ctx, now: '2015-07-06T10:00:00' }, '2015-06');
    expect(third).toMatchObject({ ok: true, written: true, wasClosed: true });
    expect(store.read(['月次締め'])!.rows).toEqual([['2015-06', '締め', { date: '2015-07-06T10:00:00' }, 'kanri@c.jp', null, null, 12, 17887, 19675, 4400]]);
  });

  test('reopening writes 状態, 再開日時 and 再開担当 only; closing again keeps one row per month', () => {
    const store = MemoryTableStore.from(workCenterTabs());
    closeMonth({ store, lock: freeLock }, ctx, '2015-06');
    expect(reopenMonth({ store, lock: freeLock }, { ...ctx, now: '2015-07-04T08:00:00', user: 'boss@c.jp' }, '2015-06')).toEqual({ ok: true });
    expect(store.read(['月次締め'])!.rows).toEqual([['2015-06', '再開', { date: '2015-07-03T10:00:00' }, 'kanri@c.jp', { date: '2015-07-04T08:00:00' }, 'boss@c.jp', 11, 15887, 17475, 4400]]);
    expect(reopenMonth({ store, lock: freeLock }, ctx, '2015-06')).toEqual({ ok: false, code: 'not_closed' });
    expect(reopenMonth({ store, lock: freeLock }, ctx, '2015-05')).toEqual({ ok: false, code: 'not_closed' });
    closeMonth({ store, lock: freeLock }, { ...ctx, now: '2015-07-05T10:00:00' }, '2015-06');
    expect(store.read(['月次締め'])!.rows).toHaveLength(1);
    expect(store.read(['月次締め'])!.rows[0]?.slice(0, 4)).toEqual(['2015-06', '締め', { date: '2015-07-05T10:00:00' }, 'kanri@c.jp']);
  });

  test('adds June below the months already closed, under the tab\'s own headers', () => {
    const store = MemoryTableStore.from(workCenterTabs({ closed: ['2015-05'] }));
    closeMonth({ store, lock: freeLock }, ctx, '2015-06');
    expect(store.read(['月次締め'])!.rows.map((r) => r.slice(0, 2))).toEqual([['2015-05', '締め'], ['2015-06', '締め']]);
  });

  test('stops on a data problem in what it reads, and writes nothing', () => {
    const tabs = workCenterTabs().map((t) => (t.name === '仕事' ? { ...t, rows: t.rows.map((r) => (r[0] === 'J06' ? [...r.slice(0, 6), null, null] : r)) } : t));
    const store = MemoryTableStore.from(tabs);
    const result = closeMonth({ store, lock: freeLock }, ctx, '2015-06');
    expect(result).toMatchObject({ ok: false, code: 'problems' });
    expect(result.ok === false && result.code === 'problems' ? result.problems.map((p) => `${p.tab}!${p.cell} ${p.code}`) : []).toEqual(['仕事!G7 unpriced_work']);
    expect(store.read(['月次締め'])).toBeNull();
  });

  test('says busy and writes nothing when another run holds the lock', () => {
    const store = MemoryTableStore.from(workCenterTabs());
    expect(closeMonth({ store, lock: { tryLock: () => false, release: () => undefined } }, ctx, '2015-06')).toEqual({ ok: false, code: 'busy' });
    expect(store.read(['月次締め'])).toBeNull();
  });
});
