import { runWeeklySummary } from '../../../src/app/weekly/run-weekly-summary';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { fixedClock, fyBoundaryStore, fyBoundaryTables, MONDAY_AFTER_FY_WEEK, RecordingMailer } from './fixture';
import type { Cell } from '../../../src/domain/cell';

function rowOf(store: MemoryTableStore, weekStart: string): Record<string, Cell> {
  const t = store.read(['週次KPI', 'WeeklyKPI']);
  if (!t) throw new Error('no weekly tab');
  const row = t.rows.find((r) => JSON.stringify(r[0]) === JSON.stringify({ date: weekStart }));
  if (!row) throw new Error(`no row for ${weekStart}`);
  return Object.fromEntries(t.header.map((h, i) => [h, row[i] ?? null]));
}

describe('runWeeklySummary on the week that crosses the fiscal year boundary', () => {
  const run = (store = fyBoundaryStore(), mailer = new RecordingMailer()) => ({
    store, mailer, result: runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK) }),
  });

  it('writes the hand-worked figures of 2016-03-28 .. 04-03 into one row of 週次KPI', () => {
    const { store, result } = run();
    expect(result.status).toBe('sent');
    expect(result.week).toEqual({ from: '2016-03-28', to: '2016-04-03' });
    const row = rowOf(store, '2016-03-28');
    // 会員数 on 04-03: M001 (2015-04-01), M002 (03-29), M003 (04-01), M004 (03-22); M005 left 03-31 → 4.
    expect(row['会員数']).toBe(4);
    // joined in the week: M002 (説明会, 03-29) and M003 (セミナー, 04-01) → 2; M004 joined the week before.
    expect(row['新規入会者数']).toBe(2);
    expect(row['新規入会者数（説明会）']).toBe(1);
    expect(row['新規入会者数（セミナー）']).toBe(1);
    expect(row['新規入会者数（紹介）']).toBe(0);
    expect(row['退会者数']).toBe(1); // M005 left 03-31
    // placed in the week: X001 M001 派遣 (03-30), X002 M004 請負 (04-02) → 2; X003 was 03-24.
    expect(row['就労者数']).toBe(2);
    expect(row['就労者数（派遣）']).toBe(1);
    expect(row['就労者数（請負）']).toBe(1);
    expect(row['就労者数（就労相談）']).toBe(0);
    // working on some day of the week: X001 and X002; X003 ended 03-25 → 2 of 4 enrolled = 0.5.
    expect(row['就業実人員']).toBe(2);
    expect(row['就業率']).toBe(0.5);
    expect(row['新規開拓件数']).toBe(1); // J002 created 04-01 (J001 03-15)
    expect(row['新規開拓件数（家庭）']).toBe(1); // J002's client C002 is 家庭
    expect(row['新規提供先']).toBe(1); // C002 developed 03-31
    // A001 60 + A002 30 + A003 45 = 3 activities, 135 minutes; A004 (03-23) and A005 (04-04) are outside.
    expect(row['活動件数']).toBe(3);
    expect(row['活動時間（分）']).toBe(135);
    expect(row['活動件数（開拓）']).toBe(1);
    expect(row['活動件数（継続支援）']).toBe(1);
    expect(row['活動時間（分）（マッチング）']).toBe(30);
    // E001 held 03-29; E003 cancelled → 1 held; R001 attended → 1 attendee.
    expect(row['開催数']).toBe(1);
    expect(row['参加者数']).toBe(1);
    // M003 is enrolled, consents, has 火PM and no match at all → waiting; M001 has X001; M002 no slots.
    expect(row['待機会員数']).toBe(1);
    expect(row['状態']).toBe('送信済');
    expect(row['送信先数']).toBe(3);
    // Run at 2016-04-03T23:00Z = 2016-04-04 08:00 in Tokyo.
    expect(row['送信日時']).toEqual({ date: '2016-04-04T08:00:00' });
  });

  it('mails the active coordinators and the manager, but not the inactive coordinator or the viewer', () => {
    const { mailer } = run();
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.to).toEqual(['jc1@center.example', 'jc2@center.example', 'boss@center.example']);
    expect(mailer.sent[0]?.subject).toBe('【柏市シルバー人材センター】週次サマリー 2016/03/28–04/03');
  });

  it('sends to the addresses of 設定 週次メール送信先 when they are set', () => {
    const store = fyBoundaryStore({ recipients: 'a@center.example、 b@center.example' });
    const { mailer } = run(store);
    expect(mailer.sent[0]?.to).toEqual(['a@center.example', 'b@center.example']);
  });

  it('changes nothing and sends nothing when the same week runs twice', () => {
    const store = fyBoundaryStore();
    const mailer = new RecordingMailer();
    runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK) });
    const after1 = JSON.stringify(store.read(['週次KPI']));
    const second = runWeeklySummary({ store, mailer, clock: fixedClock('2016-04-04T02:00:00Z') });
    expect(second.status).toBe('already_sent');
    expect(second.written).toBeNull();
    expect(mailer.sent).toHaveLength(1);
    expect(JSON.stringify(store.read(['週次KPI']))).toBe(after1);
    expect(store.read(['週次KPI'])?.rows).toHaveLength(1);
  });

  it('sends a second mail on resend but still keeps one row for the week, with the new sending time', () => {
    const store = fyBoundaryStore();
    const mailer = new RecordingMailer();
    runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK) });
    const again = runWeeklySummary({ store, mailer, clock: fixedClock('2016-04-04T02:00:00Z') }, { resend: true });
    expect(again.status).toBe('sent');
    expect(mailer.sent).toHaveLength(2);
    expect(store.read(['週次KPI'])?.rows).toHaveLength(1);
    expect(rowOf(store, '2016-03-28')['送信日時']).toEqual({ date: '2016-04-04T11:00:00' });
  });

  it('adds a row for another week below the first and keeps a column the center added', () => {
    const store = fyBoundaryStore();
    const mailer = new RecordingMailer();
    runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK) });
    const t = store.read(['週次KPI'])!;
    store.replace('週次KPI', [...t.header, 'メモ'], t.rows.map((r) => [...r, '所長確認済']));
    runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK) }, { week: '2016-03-23' });
    const after = store.read(['週次KPI'])!;
    expect(after.rows.map((r) => r[0])).toEqual([{ date: '2016-03-28' }, { date: '2016-03-21' }]);
    expect(after.header[after.header.length - 1]).toBe('メモ');
    expect(after.rows[0]?.[after.header.length - 1]).toBe('所長確認済');
  });

  it('records a short quota in the row and sends nothing, then sends on the next run once quota is back', () => {
    const store = fyBoundaryStore();
    const short = new RecordingMailer(2); // 3 recipients need 3
    const first = runWeeklySummary({ store, mailer: short, clock: fixedClock(MONDAY_AFTER_FY_WEEK) });
    expect(first.status).toBe('quota_short');
    expect(first.quota).toBe(2);
    expect(short.sent).toHaveLength(0);
    expect(rowOf(store, '2016-03-28')['状態']).toBe('送信枠不足');
    expect(rowOf(store, '2016-03-28')['送信日時']).toBeNull();
    const later = new RecordingMailer(100);
    expect(runWeeklySummary({ store, mailer: later, clock: fixedClock(MONDAY_AFTER_FY_WEEK) }).status).toBe('sent');
    expect(later.sent).toHaveLength(1);
  });

  it('writes English headers and an English mail for a center whose language is en', () => {
    const store = fyBoundaryStore({ language: 'en' });
    const { mailer } = run(store);
    const t = store.read(['WeeklyKPI']);
    expect(t?.header.slice(0, 4)).toEqual(['week_start', 'week_end', 'members_enrolled', 'new_members']);
    expect(mailer.sent[0]?.subject).toBe('[柏市シルバー人材センター] Weekly summary 2016-03-28 – 04-03');
  });

  it('tells the manager, without personal data, when a required tab is missing', () => {
    const tables = fyBoundaryTables().filter((t) => t.name !== '会員');
    const store = MemoryTableStore.from(tables);
    const mailer = new RecordingMailer();
    const result = runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK) });
    expect(result.status).toBe('failed');
    expect(result.failure).toBe('workbook_invalid');
    expect(result.failureNoticeSent).toBe(true);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.to).toEqual(['boss@center.example']);
    expect(mailer.sent[0]?.text).toContain('会員');
    expect(store.read(['週次KPI'])).toBeNull();
  });

  it('records a failed send and tells the manager', () => {
    const store = fyBoundaryStore();
    const mailer = new RecordingMailer(100, true);
    const result = runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK) });
    expect(result.failure).toBe('send_failed');
    expect(rowOf(store, '2016-03-28')['状態']).toBe('送信失敗');
  });
});

describe('runWeeklySummary on a week with no data', () => {
  it('writes a row of zeros and still sends a readable mail', () => {
    const store = fyBoundaryStore();
    const mailer = new RecordingMailer();
    // 2010-01-04 .. 01-10: before anyone joined (the first member joined 2014-05-01).
    const result = runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK) }, { week: '2010-01-06' });
    expect(result.week).toEqual({ from: '2010-01-04', to: '2010-01-10' });
    const row = rowOf(store, '2010-01-04');
    for (const key of ['会員数', '新規入会者数', '就労者数', '就業実人員', '就業率', '新規開拓件数', '活動件数', '活動時間（分）', '開催数', '参加者数', '要フォロー件数', '待機会員数']) {
      expect([key, row[key]]).toEqual([key, 0]);
    }
    expect(mailer.sent[0]?.text).toContain('該当なし');
  });
});

describe('the weekly run\'s stored activity totals', () => {
  it('are counted whole the first time, then read from the mark; a change no trigger saw is found by the 28-day count, corrected and audited', () => {
    const store = fyBoundaryStore();
    const first = runWeeklySummary({ store, mailer: new RecordingMailer(), clock: fixedClock(MONDAY_AFTER_FY_WEEK) });
    expect(first.activities).toMatchObject({ recount: 'missing', written: true, differed: null });
    const again = runWeeklySummary({ store, mailer: new RecordingMailer(), clock: fixedClock(MONDAY_AFTER_FY_WEEK) }, { resend: true });
    expect(again.activities).toMatchObject({ recount: null, rowsRead: 1, written: false });
    // A center's own script changes a counted row's minutes (fires no trigger): 28 days on, the
    // whole count finds the day, the mail counts it right, and 監査ログ says so (codes and dates only).
    const act = store.read(['活動記録'])!;
    store.writeCells('活動記録', 2, { columns: [act.header.indexOf('所要分')], rows: [[999]] });
    const later = new Date(new Date(fixedClock(MONDAY_AFTER_FY_WEEK).now()).getTime() + 28 * 86_400_000);
    const found = runWeeklySummary({ store, mailer: new RecordingMailer(), clock: { now: () => later } });
    expect(found.activities).toMatchObject({ recount: 'due', differed: { members: false, problems: false } });
    const audit = store.read(['監査ログ'])!;
    const detail = audit.rows.map((r) => String(r[audit.header.indexOf('内容')] ?? '')).find((t) => t.startsWith('reason=due'));
    expect(detail).toMatch(/^reason=due days=1 first=\d{4}-\d{2}-\d{2} last=\d{4}-\d{2}-\d{2} members=false problems=false$/);
  });
});
