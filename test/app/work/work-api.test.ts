import { createWorkApi } from '../../../src/app/work/work-api';
import { closeMonth } from '../../../src/app/work/close-month';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import type { Lock } from '../../../src/app/ports';
import { MemoryKeyValueStore } from '../../../src/local/memory-key-value-store';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { workPanelTabs } from './work-center';

// The 就業実績 panel's calls over the hand-worked center (work-center.ts), with placements: M004
// placed on J01 from 2015-07-01, placed on J03 2015-06-01 … 2015-07-10 (ended), M001 on J01 since
// May. Today is 2015-07-20 in Tokyo. Caps: 10 days a month, 20 hours a week (設定's defaults).
const NOW = new Date('2015-07-20T01:00:00Z');

function world(options: { viewer?: boolean; lock?: Lock } = {}) {
  const tabs = workPanelTabs();
  const store = MemoryTableStore.from(tabs);
  const user = options.viewer ? 'etsu@c.jp' : 'coord@c.jp';
  const ports = { store, lock: options.lock ?? { tryLock: () => true, release: () => undefined }, clock: { now: () => NOW }, user: { email: () => user }, props: new MemoryKeyValueStore() };
  return { store, ports, api: createWorkApi(ports, () => undefined) };
}

const days = (from: number, to: number, hours: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ date: `2015-07-${String(from + i).padStart(2, '0')}`, hours }));

describe('the 就業実績 panel\'s calls', () => {
  test('lists the placements holding in the month (not a proposal) and the member\'s rows of the month', () => {
    const { api } = world();
    const out = api.listMemberWork({ member_id: 'M004', month: '2015-07' });
    expect(out).toMatchObject({ ok: true, data: {
      member_id: 'M004', month: '2015-07', closed: false, rows: [], caps: { weekly_hours: 20, monthly_days: 10 }, excess: { months: [], weeks: [] },
      placements: [
        { match_id: 'X01', job_id: 'J01', title: '公園清掃', engagement: 'contract', placed_on: '2015-07-01', ended_on: null },
        { match_id: 'X02', job_id: 'J03', title: '除草', engagement: 'contract', placed_on: '2015-06-01', ended_on: '2015-07-10' },
      ],
    } });
    // M001's July row of the fixture (W13), by day.
    const m1 = api.listMemberWork({ member_id: 'M001', month: '2015-07' });
    expect(m1.ok && m1.data.rows).toEqual([{ work_id: 'W13', date: '2015-07-01', job_id: 'J01', hours: 2, amount: null, confirmed: false }]);
  });

  test('records a month at once, one row per day, and warns (does not refuse) over the caps', () => {
    const { api, store } = world();
    // 11 days of 4 h: more than 10 days in July, and 6–12 July is 7 × 4 = 28 h > 20.
    const out = api.recordWork({ member_id: 'M004', job_id: 'J01', days: days(1, 11, 4) });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.data.work_ids).toHaveLength(11);
    expect(out.data.work_ids[0]).toBe('W0000014');
    expect(out.data.rows.map((r) => r.date)).toEqual(days(1, 11, 4).map((x) => x.date));
    expect(out.data.excess).toEqual({
      months: [{ month: '2015-07', days: 11 }],
      // 29 Jun–5 Jul: 1–5 July, 20 h (not over); 6–12 July: 6 days, 24 h.
      weeks: [{ monday: '2015-07-06', hours: 24 }],
    });
    const table = store.read(['就業実績'])!;
    expect(table.rows.slice(-11).map((r) => [r[2], r[3], r[4], r[6]])).toEqual(Array.from({ length: 11 }, () => ['M004', 'J01', 4, false]));
    expect(store.read(['監査ログ'])!.rows.at(-1)?.slice(1)).toEqual(['coord@c.jp', 'record_work', '就業実績', 'W0000014..W0000024', 'rows=11 months=2015-07']);
    expect(loadWorkbook(store).problems).toEqual([]);
  });

  test('refuses a day the placement does not hold, a day already recorded, and a closed month, naming them; nothing written', () => {
    const { api, store, ports } = world();
    const before = JSON.stringify(store.read(['就業実績']));
    // J03 ended on 10 July; J06 is only proposed.
    expect(api.recordWork({ member_id: 'M004', job_id: 'J03', days: [{ date: '2015-07-10', hours: 2 }, { date: '2015-07-11', hours: 2 }] }))
      .toEqual({ ok: false, code: 'not_placed', message: '会員 M004 は 2015-07-11 に仕事 J03 で成立していません。マッチングの成立日・終了日を確かめてください。' });
    expect(api.recordWork({ member_id: 'M004', job_id: 'J06', days: [{ date: '2015-07-10', hours: 2 }] })).toMatchObject({ ok: false, code: 'not_placed' });
    expect(api.recordWork({ member_id: 'M001', job_id: 'J01', days: [{ date: '2015-07-01', hours: 2 }, { date: '2015-07-02', hours: 1 }] }))
      .toEqual({ ok: false, code: 'work_exists', message: '会員 M001 の仕事 J01 の 2015-07-01 はすでに記録されています。直す場合はシート「就業実績」で直してください。' });
    expect(closeMonth(ports, { lang: 'ja', now: '2015-07-02T09:00:00', user: 'kanri@c.jp' }, '2015-06')).toMatchObject({ ok: true });
    const afterClose = JSON.stringify(store.read(['就業実績']));
    expect(afterClose).toBe(before);
    expect(api.recordWork({ member_id: 'M004', job_id: 'J03', days: [{ date: '2015-06-30', hours: 2 }, { date: '2015-07-01', hours: 2 }] }))
      .toEqual({ ok: false, code: 'month_closed', message: '2015-06 は月次締め済みのため記録・変更できません。必要なら管理者が月次締めを再開してください。' });
    expect(JSON.stringify(store.read(['就業実績']))).toBe(before);
    expect(api.listMemberWork({ member_id: 'M004', month: '2015-06' })).toMatchObject({ ok: true, data: { closed: true } });
  });

  test('checks the arguments: two rows for one day, no hours, a month that is not one', () => {
    const { api } = world();
    expect(api.recordWork({ member_id: 'M004', job_id: 'J01', days: [{ date: '2015-07-02', hours: 1 }, { date: '2015-07-02', hours: 2 }] })).toMatchObject({ ok: false, code: 'bad_input' });
    expect(api.recordWork({ member_id: 'M004', job_id: 'J01', days: [{ date: '2015-07-02', hours: 0 }] })).toMatchObject({ ok: false, code: 'bad_input' });
    expect(api.listMemberWork({ member_id: 'M004', month: '2015-13' })).toMatchObject({ ok: false, code: 'bad_input' });
  });

  test('ticks 確認 on rows (only the 確認 cells), skips rows already so, and refuses a closed month', () => {
    const { api, store, ports } = world();
    const rec = api.recordWork({ member_id: 'M004', job_id: 'J01', days: days(13, 15, 2) });
    if (!rec.ok) throw new Error(rec.message);
    const ids = rec.data.work_ids;
    expect(api.confirmWork({ work_ids: ids, confirmed: true })).toEqual({ ok: true, data: { confirmed: true, changed: ids } });
    expect(api.confirmWork({ work_ids: [ids[0]], confirmed: true })).toEqual({ ok: true, data: { confirmed: true, changed: [] } });
    expect(store.read(['就業実績'])!.rows.slice(-3).map((r) => r[6])).toEqual([true, true, true]);
    expect(api.confirmWork({ work_ids: ['W99'], confirmed: true })).toMatchObject({ ok: false, code: 'not_found', message: '就業実績「W99」が見つかりません。シートを確認してください。' });
    closeMonth(ports, { lang: 'ja', now: '2015-07-02T09:00:00', user: 'kanri@c.jp' }, '2015-06');
    expect(api.confirmWork({ work_ids: ['W01'], confirmed: false })).toMatchObject({ ok: false, code: 'month_closed' });
  });

  test('a viewer may read but not record; a busy lock writes nothing', () => {
    const viewer = world({ viewer: true });
    expect(viewer.api.listMemberWork({ member_id: 'M004', month: '2015-07' })).toMatchObject({ ok: true });
    expect(viewer.api.recordWork({ member_id: 'M004', job_id: 'J01', days: days(1, 1, 1) })).toMatchObject({ ok: false, code: 'read_only' });
    const busy = world({ lock: { tryLock: () => false, release: () => undefined } });
    expect(busy.api.recordWork({ member_id: 'M004', job_id: 'J01', days: days(1, 1, 1) })).toMatchObject({ ok: false, code: 'busy' });
    expect(busy.store.read(['就業実績'])!.rows).toHaveLength(13);
  });
});

test('confirmWork names the 確認 column a hand-made 就業実績 lacks, and writes nothing', () => {
  const tabs = workPanelTabs().map((t) => (t.name === '就業実績' ? { ...t, header: t.header.slice(0, 6), rows: t.rows.map((r) => r.slice(0, 6)) } : t));
  const store = MemoryTableStore.from(tabs);
  const api = createWorkApi({ store, lock: { tryLock: () => true, release: () => undefined }, clock: { now: () => NOW }, user: { email: () => 'coord@c.jp' }, props: new MemoryKeyValueStore() }, () => undefined);
  expect(api.confirmWork({ work_ids: ['W13'], confirmed: true })).toEqual({ ok: false, code: 'bad_workbook', message: 'シートに問題があり読み込めません: シート「就業実績」に列「確認」がありません（初期設定をもう一度実行すると追加されます）' });
  expect(store.read(['監査ログ'])).toBeNull();
});
