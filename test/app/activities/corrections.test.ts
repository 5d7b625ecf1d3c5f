import { computeReport } from '../../../src/domain/kpi/compute-report';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import { desk, ok, TODAY } from '../day-fixture';
import { COORDINATOR, MANAGER, sidebarTables } from '../sidebar/sidebar-fixture';

// 活動記録 from the sidebar (src/app/activities/*): the empty-activity rule, a coordinator's
// corrections and withdrawals (取消) of their own entries, and the 継続支援 worklist. On the day
// fixture: A000007 is tanaka's (COORDINATOR) visit to C002 on 2025-06-09; today is 2025-06-11.

describe('an activity needs something to record', () => {
  it('refuses one with no member, client, job, minutes or text, with a clear message, and writes nothing', () => {
    const d = desk();
    const api = d.api();
    for (const empty of [
      { date: TODAY, area: 'follow_up' }, { date: TODAY, area: 'follow_up', kind: 'call', minutes: 0, outcome: '  ', notes: '', member_id: '' },
    ]) {
      expect(api.logActivity(empty)).toEqual({ ok: false, code: 'empty_activity', message: '記録する内容がありません。会員・提供先・仕事・所要時間・結果かメモのどれか一つは入れてください。' });
    }
    expect(d.rows('活動記録')).toHaveLength(1);
    // Any one of them is enough.
    for (const one of [{ member_id: 'M001' }, { client_id: 'C001' }, { job_id: 'J001' }, { minutes: 5 }, { outcome: '不在' }, { notes: '折り返し' }]) {
      expect(api.logActivity({ date: TODAY, area: 'follow_up', ...one }).ok).toBe(true);
    }
  });
});

describe('correcting and withdrawing one\'s own activity', () => {
  it('writes only the changed cells, audits the field names, and keeps the row', () => {
    const d = desk();
    const out = ok(d.api().correctActivity({ activity_id: 'A000007', minutes: 90, notes: '園長と面談（訂正）' }));
    expect(out.activity).toMatchObject({ activity_id: 'A000007', minutes: 90, notes: '園長と面談（訂正）', status: 'active', client_id: 'C002' });
    expect([d.record('活動記録', 'A000007')['所要分'], d.record('活動記録', 'A000007')['メモ']]).toEqual([90, '園長と面談（訂正）']);
    expect(d.rows('監査ログ').map((r) => [r[2], r[4], r[5]])).toEqual([['activity_correct', 'A000007', 'fields=minutes,notes area=development kind=visit client=C002']]);
    expect(d.api().correctActivity({ activity_id: 'A000007', minutes: 90 })).toMatchObject({ ok: false, code: 'no_change' });
    // Emptying it is refused like an empty new one.
    expect(d.api().correctActivity({ activity_id: 'A000007', client_id: '', minutes: null, outcome: '', notes: '' })).toMatchObject({ ok: false, code: 'empty_activity' });
  });

  it('withdraws it (状態 取消): kept in the tab, audited, counted in no figure, and no longer correctable', () => {
    const d = desk();
    const before = computeReport(loadWorkbook(d.store), { from: '2025-06-09', to: '2025-06-09' }).activities.total;
    const out = ok(d.api().withdrawActivity('A000007'));
    expect(out.activity).toMatchObject({ activity_id: 'A000007', status: 'withdrawn' });
    expect(d.rows('活動記録')).toHaveLength(1);
    expect(d.record('活動記録', 'A000007')['状態']).toBe('取消');
    expect(d.rows('監査ログ').map((r) => [r[2], r[4]])).toEqual([['activity_withdraw', 'A000007']]);
    // 1 activity on 2025-06-09 before, 0 after: the weekly figures skip it.
    expect([before, computeReport(loadWorkbook(d.store), { from: '2025-06-09', to: '2025-06-09' }).activities.total]).toEqual([1, 0]);
    expect(d.api().correctActivity({ activity_id: 'A000007', minutes: 10 })).toMatchObject({ ok: false, code: 'activity_withdrawn' });
    expect(d.api().withdrawActivity('A000007')).toMatchObject({ ok: false, code: 'activity_withdrawn' });
    // The bootstrap's recent entries show it as withdrawn.
    expect(ok(d.api().sidebarBootstrap()).recentActivities[0]).toMatchObject({ activity_id: 'A000007', status: 'withdrawn' });
  });

  it('refuses another coordinator\'s activity unless a manager asks, and an activity not among the recent rows', () => {
    const d = desk();
    const mine = ok(d.api(MANAGER).logActivity({ date: TODAY, area: 'development', client_id: 'C001' })).activity.activity_id;
    expect(d.api(COORDINATOR).withdrawActivity(mine)).toEqual({
      ok: false, code: 'not_yours', message: `活動「${mine}」はほかの担当者の記録です。直せるのは記録した本人か管理者だけです。`,
    });
    expect(ok(d.api(MANAGER).correctActivity({ activity_id: 'A000007', minutes: 45 })).activity.minutes).toBe(45);
    expect(d.api().withdrawActivity('A999999')).toMatchObject({ ok: false, code: 'activity_too_old' });
  });

  it('corrects an activity among the last 5,000 rows of 活動記録 only, found by its ID at any size of the tab', () => {
    // A000007 is in sheet row 2; 4,999 rows below it keep it the 5,000th from the end, one more
    // pushes it out (the rule the tail read made, now counted from the tab's last row).
    const d = desk();
    const header = d.store.header(['活動記録'])?.header ?? [];
    const filler = (n: number, from: number) => ({
      columns: [header.indexOf('活動ID'), header.indexOf('メモ')],
      rows: Array.from({ length: n }, (_, i) => [`B${String(from + i).padStart(6, '0')}`, '埋め']),
    });
    d.store.appendCells('活動記録', filler(4999, 1));
    expect(ok(d.api().correctActivity({ activity_id: 'A000007', minutes: 45 })).activity.minutes).toBe(45);
    d.store.appendCells('活動記録', filler(1, 5000));
    expect(d.api().correctActivity({ activity_id: 'A000007', minutes: 50 })).toEqual({
      ok: false, code: 'activity_too_old', message: expect.stringContaining('最近の 5000 件の中にない') as unknown,
    });
    expect(d.api().withdrawActivity('A000007')).toMatchObject({ ok: false, code: 'activity_too_old' });
    expect(d.record('活動記録', 'A000007')['所要分']).toBe(45);
  });

  it('says the tab needs its 状態 column (setup adds it) rather than pretend to withdraw', () => {
    // The sidebar fixture as it was before issue 12: 活動記録 without 状態.
    const d = desk(sidebarTables());
    expect(d.api().withdrawActivity('A000007')).toEqual({
      ok: false, code: 'bad_workbook', message: 'シートに問題があり読み込めません: シート「活動記録」に列「状態」がありません（初期設定をもう一度実行すると追加されます）',
    });
    expect(d.rows('監査ログ')).toHaveLength(0);
  });
});
