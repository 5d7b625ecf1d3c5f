import { recordWork } from '../../../src/app/work/record-work';
import { closeMonth } from '../../../src/app/work/close-month';
import { reopenMonth } from '../../../src/app/work/reopen-month';
import { MemoryKeyValueStore } from '../../../src/local/memory-key-value-store';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import type { Lock } from '../../../src/app/ports';
import { workCenterTabs } from './work-center';

const freeLock: Lock = { tryLock: () => true, release: () => undefined };
const ctx = { lang: 'ja' as const, now: '2015-07-03T10:00:00', user: 'kanri@c.jp' };
const row = (date: string, over: Record<string, unknown> = {}) => ({ date, member_id: 'M004', job_id: 'J01', hours: 2, ...over });

function setup(closed?: readonly string[]) {
  const store = MemoryTableStore.from(workCenterTabs(closed ? { closed } : {}));
  return { store, props: new MemoryKeyValueStore(), lock: freeLock };
}

describe('recordWork: the one way the add-in adds work rows', () => {
  test('appends the rows under 就業実績\'s own headers, numbered after the W IDs already there, with one audit row', () => {
    const ports = setup();
    const result = recordWork(ports, ctx, [row('2015-07-02'), row('2015-07-03', { amount: 2500, confirmed: true, notes: '=HYPERLINK("x")' })]);
    // The tab holds W01…W13: the counter starts from the highest W number of the tab's form (W13 → 14).
    expect(result).toEqual({ ok: true, workIds: ['W0000014', 'W0000015'] });
    const table = ports.store.read(['就業実績'])!;
    expect(table.rows.slice(-2)).toEqual([
      ['W0000014', { date: '2015-07-02' }, 'M004', 'J01', 2, null, false, { date: '2015-07-03T10:00:00' }, null],
      // The store neutralises a formula-like note; 金額 and 確認 as given.
      ['W0000015', { date: '2015-07-03' }, 'M004', 'J01', 2, 2500, true, { date: '2015-07-03T10:00:00' }, '\'=HYPERLINK("x")'],
    ]);
    expect(ports.props.get('ikigai.last_id.work')).toBe('15');
    const audit = ports.store.read(['監査ログ'])!.rows;
    expect(audit.at(-1)?.slice(1)).toEqual(['kanri@c.jp', 'record_work', '就業実績', 'W0000014..W0000015', 'rows=2 months=2015-07']);
    expect(loadWorkbook(ports.store).problems).toEqual([]);
  });

  test('refuses the whole batch when a row falls in a closed month, naming the months, and writes nothing', () => {
    const ports = setup(['2015-06']);
    const before = ports.store.read(['就業実績'])!.rows.length;
    expect(recordWork(ports, ctx, [row('2015-07-01'), row('2015-06-30'), row('2015-06-01')])).toEqual({ ok: false, code: 'month_closed', months: ['2015-06'] });
    expect(ports.store.read(['就業実績'])!.rows).toHaveLength(before);
    expect(ports.props.get('ikigai.last_id.work')).toBeNull();
    expect(ports.store.read(['監査ログ'])).toBeNull();
  });

  test('takes a closed month\'s rows again once a manager reopens it, and refuses them after the next close', () => {
    const ports = setup();
    expect(closeMonth(ports, ctx, '2015-06')).toMatchObject({ ok: true, written: true, wasClosed: false });
    expect(recordWork(ports, ctx, [row('2015-06-30')])).toMatchObject({ ok: false, code: 'month_closed' });
    expect(reopenMonth(ports, { ...ctx, now: '2015-07-04T09:00:00' }, '2015-06')).toEqual({ ok: true });
    expect(recordWork(ports, ctx, [row('2015-06-30')])).toMatchObject({ ok: true });
    expect(closeMonth(ports, ctx, '2015-06')).toMatchObject({ ok: true, written: true, wasClosed: false });
    expect(recordWork(ports, ctx, [row('2015-06-29')])).toMatchObject({ ok: false, code: 'month_closed', months: ['2015-06'] });
  });

  test('checks every row before the lock: a bad day, negative hours or an ID that reads as a formula is bad input', () => {
    const ports = setup();
    for (const bad of [[row('2015-02-30')], [row('2015-07-01', { hours: -1 })], [row('2015-07-01', { member_id: '=1+1' })], [], [{ ...row('2015-07-01'), extra: 1 }]]) {
      expect(recordWork(ports, ctx, bad)).toMatchObject({ ok: false, code: 'bad_input' });
    }
    expect(ports.store.read(['監査ログ'])).toBeNull();
  });

  test('says busy and writes nothing when another run holds the lock', () => {
    const ports = { ...setup(), lock: { tryLock: () => false, release: () => undefined } };
    expect(recordWork(ports, ctx, [row('2015-07-01')])).toEqual({ ok: false, code: 'busy' });
  });

  test('makes 就業実績 (and 月次締め is not needed) in a workbook that has neither', () => {
    const store = MemoryTableStore.from(workCenterTabs().filter((t) => t.name !== '就業実績'));
    const ports = { store, props: new MemoryKeyValueStore(), lock: freeLock };
    expect(recordWork(ports, { ...ctx, lang: 'en' }, [row('2015-07-01')])).toEqual({ ok: true, workIds: ['W0000001'] });
    expect(store.read(['WorkLog'])?.header).toEqual(['work_id', 'date', 'member_id', 'job_id', 'hours', 'amount', 'confirmed', 'recorded_at', 'notes']);
  });

  test('refuses to guess when 月次締め has lost its 状態 header', () => {
    const tabs = workCenterTabs({ closed: ['2015-06'] }).map((t) => (t.name === '月次締め' ? { ...t, header: t.header.map((h) => (h === '状態' ? 'メモ' : h)) } : t));
    const ports = { store: MemoryTableStore.from(tabs), props: new MemoryKeyValueStore(), lock: freeLock };
    expect(recordWork(ports, ctx, [row('2015-06-10')])).toMatchObject({ ok: false, code: 'bad_workbook' });
  });
});
