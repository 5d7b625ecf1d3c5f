import { missedWeek, runWeeklySummary } from '../../../src/app/weekly/run-weekly-summary';
import { fixedClock, fyBoundaryStore, MONDAY_AFTER_FY_WEEK, RecordingMailer } from './fixture';

// A week that was never mailed goes out with the next one (issue 11 item 2). The fixture's three
// recipients (jc1, jc2, boss) need 3 of the quota per mail. Monday 2016-03-28 08:00 in Tokyo
// reports 03-21 .. 03-27; Monday 04-04 reports 03-28 .. 04-03.
const MONDAY_0328 = '2016-03-27T23:00:00Z';
const MONDAY_0321 = '2016-03-20T23:00:00Z';

const statuses = (store: ReturnType<typeof fyBoundaryStore>): [unknown, unknown][] => {
  const t = store.read(['週次KPI'])!;
  const status = t.header.indexOf('状態');
  return t.rows.map((r) => [r[0], r[status]]);
};

describe('a week that was never mailed', () => {
  it('goes out before the next week\'s, in the same run, when its own run found the quota short', () => {
    const store = fyBoundaryStore();
    expect(runWeeklySummary({ store, mailer: new RecordingMailer(2), clock: fixedClock(MONDAY_0328) }).status).toBe('quota_short');
    const mailer = new RecordingMailer(100);
    const r = runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK) });
    expect(r).toMatchObject({ status: 'sent', caughtUp: { from: '2016-03-21', to: '2016-03-27' } });
    // Two mails of three recipients each, the older week first; both rows 送信済.
    expect(mailer.sent.map((m) => m.subject)).toEqual(['【柏市シルバー人材センター】週次サマリー 2016/03/21–03/27', '【柏市シルバー人材センター】週次サマリー 2016/03/28–04/03']);
    expect(mailer.quota).toBe(94);
    expect(statuses(store)).toEqual([[{ date: '2016-03-21' }, '送信済'], [{ date: '2016-03-28' }, '送信済']]);
  });

  it('goes out with the next one when no run got through at all that week (the lock held past every retry)', () => {
    const store = fyBoundaryStore();
    // 03-14's week was sent on 03-21; the run of 03-28 never happened.
    runWeeklySummary({ store, mailer: new RecordingMailer(100), clock: fixedClock(MONDAY_0321) });
    const mailer = new RecordingMailer(100);
    const r = runWeeklySummary({ store, mailer, clock: fixedClock(MONDAY_AFTER_FY_WEEK) });
    expect(r.caughtUp).toEqual({ from: '2016-03-21', to: '2016-03-27' });
    expect(mailer.sent).toHaveLength(2);
    expect(statuses(store).map((s) => s[0])).toEqual([{ date: '2016-03-14' }, { date: '2016-03-21' }, { date: '2016-03-28' }]);
  });

  it('is not chased on a desk\'s first run, on a resend, or when the quota holds only one mail (then only this week goes)', () => {
    const first = new RecordingMailer(100);
    expect(runWeeklySummary({ store: fyBoundaryStore(), mailer: first, clock: fixedClock(MONDAY_AFTER_FY_WEEK) }).caughtUp).toBeNull();
    expect(first.sent).toHaveLength(1);

    const store = fyBoundaryStore();
    runWeeklySummary({ store, mailer: new RecordingMailer(2), clock: fixedClock(MONDAY_0328) });
    const short = new RecordingMailer(5); // 3 + 3 > 5
    expect(runWeeklySummary({ store, mailer: short, clock: fixedClock(MONDAY_AFTER_FY_WEEK) })).toMatchObject({ status: 'sent', caughtUp: null });
    expect(short.sent).toHaveLength(1);
    expect(statuses(store)).toEqual([[{ date: '2016-03-21' }, '送信枠不足'], [{ date: '2016-03-28' }, '送信済']]);

    const again = fyBoundaryStore();
    runWeeklySummary({ store: again, mailer: new RecordingMailer(2), clock: fixedClock(MONDAY_0328) });
    const resend = new RecordingMailer(100);
    expect(runWeeklySummary({ store: again, mailer: resend, clock: fixedClock(MONDAY_AFTER_FY_WEEK) }, { resend: true }).caughtUp).toBeNull();
    expect(resend.sent).toHaveLength(1);
  });

  it('reads 週次KPI as the rule says: 送信枠不足 or 送信失敗 chased, 送信済 and 送信先なし not, a gap only after a running week', () => {
    const table = (rows: [string, string][]) => ({ name: '週次KPI', header: ['週開始', '状態'], rows: rows.map(([d, s]) => [{ date: d }, s]) });
    const week = { from: '2016-03-28', to: '2016-04-03' };
    const before = { from: '2016-03-21', to: '2016-03-27' };
    expect(missedWeek(table([['2016-03-21', '送信枠不足']]), week)).toEqual(before);
    expect(missedWeek(table([['2016-03-21', '送信失敗']]), week)).toEqual(before);
    expect(missedWeek(table([['2016-03-21', '送信済']]), week)).toBeNull();
    expect(missedWeek(table([['2016-03-21', '送信先なし']]), week)).toBeNull();
    expect(missedWeek(table([['2016-03-14', '送信済']]), week)).toEqual(before);
    expect(missedWeek(table([['2016-03-07', '送信済']]), week)).toBeNull();
    expect(missedWeek(null, week)).toBeNull();
  });
});
