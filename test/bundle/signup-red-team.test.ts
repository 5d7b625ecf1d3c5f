import { clockEvent, installTrigger } from './trigger-events';
import { COORDINATOR, MANAGER, SESSIONS, labelOf, signupWorld, type Person } from './signup-world';

// The red team's cases of issue 11 (measured on main 3105583), each through dist/Code.js with the
// fakes, as Apps Script would run them; each failed then, and must pass now.
const person = (i: number, email = `p${i}@example.jp`): Person => ({ name: `申込 太郎${i}`, phone: `090-0000-${String(1000 + i)}`, email });
const E001 = labelOf(SESSIONS[0]!); // tomorrow, 2 places
const E002 = labelOf(SESSIONS[1]!); // Wednesday, 3 places

const confirmedOf = (rows: Record<string, unknown>[], event: string): number => rows.filter((r) => r['イベントID'] === event && r['状態'] === '確定').length;

describe('the sign-up form under attack and load (issue 11 red team)', () => {
  it('is no mail relay: a 50-address answer is kept, mailed nothing, the row says why, and the reminder sends nothing either', () => {
    const w = signupWorld({ mailQuota: 100 });
    const fifty = Array.from({ length: 50 }, (_, i) => `v${i}@x.com`).join(',');
    const r = w.fire(w.answer(person(1, fifty), E001));
    expect(r).toMatchObject({ outcome: 'confirmed', mailed: false });
    expect(w.bundle.fakes!.mail.sent).toHaveLength(0);
    expect(w.bundle.fakes!.mail.quota()).toBe(100);
    const row = w.registrations()[0]!;
    expect(row['状態']).toBe('確定');
    expect(row['メモ']).toBe('メール欄が1つの正しいアドレスではないため、メールは送っていません');
    // The day before (E001 is tomorrow): no reminder to the 50 either.
    w.daily();
    expect(w.bundle.fakes!.mail.sent).toHaveLength(0);
    expect(w.bundle.fakes!.mail.quota()).toBe(100);
  });

  it('keeps the weekly summary\'s recipients in the day\'s quota: a submit never spends what Monday\'s run needs', () => {
    // Three recipients: every sign-up mail leaves 3 of the quota.
    const w = signupWorld({ mailQuota: 5, weeklyRecipients: 'a@center.jp, b@center.jp, c@center.jp' });
    w.call(MANAGER, 'syncSignupForm'); // the cache learns the reserve
    const outcomes = [1, 2, 3].map((i) => w.fire(w.answer(person(i), E002)));
    expect(outcomes.map((o) => o.mailed)).toEqual([true, true, false]);
    expect(w.bundle.fakes!.mail.quota()).toBe(3);
    expect(w.registrations()[2]?.['メモ']).toBe('本日のメール送信枠の残りが週次サマリーの分だけのため、確認メールは送っていません');
    // The weekly run can still send its one mail to its three recipients.
    const uid = installTrigger(w.bundle, 'weeklySummaryTrigger');
    const weekly = w.bundle.call('weeklySummaryTrigger', clockEvent(uid)) as { status: string; recipients: number };
    expect(weekly).toMatchObject({ status: 'sent', recipients: 3 });
  });

  it('never confirms 3 for 2 places when the sync, the reminders and a Forms failure land between submits', () => {
    const w = signupWorld();
    const ex = w.bundle.fakes!.executions;
    // The reminders run and a menu sync interleaved with the submits, each its own execution whose
    // unflushed writes Sheets applies late; and Forms fails just as the second answer fills E001.
    ex.begin('submit-1');
    w.fire(w.answer(person(1), E001));
    ex.begin('daily');
    w.daily();
    ex.begin('submit-2');
    w.formsFail(true);
    expect(w.fire(w.answer(person(2), E001)).outcome).toBe('confirmed');
    w.formsFail(false);
    ex.begin('sync');
    w.call(COORDINATOR, 'syncSignupForm');
    ex.begin('submit-3');
    const third = w.fire(w.answer(person(3), E001));
    ex.begin('submit-4');
    w.formsFail(true);
    const fourth = w.fire(w.answer(person(4), E001));
    w.formsFail(false);
    for (const id of ['submit-1', 'daily', 'submit-2', 'sync', 'submit-3', 'submit-4']) ex.end(id);
    expect([third.outcome, fourth.outcome]).toEqual(['waitlisted', 'waitlisted']);
    const rows = w.registrations();
    expect(confirmedOf(rows, 'E001')).toBe(2);
    expect(rows.map((r) => r['申込ID'])).toEqual(['R00001', 'R00002', 'R00003', 'R00004']);
  });

  it('takes 1,000 answers for one session with no property limit (the ledger threw on 301 of 700): every one a row, IDs unique, 1,000 mails', () => {
    const w = signupWorld({ sessions: [{ id: 'E001', date: '2026-12-20', time: '10:00', title: '大説明会', capacity: 1000 }], mailQuota: 5000 });
    const label = labelOf({ id: 'E001', date: '2026-12-20', time: '10:00', title: '大説明会', capacity: 1000 });
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 1000; i += 1) {
      const o = w.fire(w.answer(person(i), label)).outcome;
      outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
    }
    expect(Object.fromEntries(outcomes)).toEqual({ confirmed: 1000 });
    const rows = w.registrations();
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r['申込ID'])).size).toBe(1000);
    expect(w.bundle.fakes!.mail.sent).toHaveLength(1000);
    // Nothing about the places is in document properties: only the small cache.
    const props = w.bundle.fakes!.properties.document.getProperties();
    expect(Object.keys(props).filter((k) => k.startsWith('ikigai.signup.'))).toEqual(['ikigai.signup.core']);
    expect(JSON.stringify(props).length).toBeLessThan(2000);
  }, 60000);

  it('sends 2,000 reminders for one day (the sent-list is 申込\'s own column), and a rerun mails nobody again', () => {
    const w = signupWorld({ mailQuota: 5000 });
    const sheet = w.ss.getSheetByName('申込')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const rows = Array.from({ length: 2000 }, (_, i) => header.map((h) => ({
      申込ID: `R${String(i + 1).padStart(5, '0')}`, イベントID: 'E001', 氏名: `参加 者${i}`, 電話: `090-1111-${String(i).padStart(4, '0')}`,
      メール: `guest${i}@example.jp`, 申込日時: '2026-11-01 10:00:00', 状態: '確定', 出席: false, 個人情報同意: true,
    } as Record<string, unknown>)[h] ?? ''));
    sheet.insertRowsAfter(sheet.getMaxRows(), 2000);
    sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
    const first = w.daily() as { sent: number };
    expect(first.sent).toBe(2000);
    expect(w.bundle.fakes!.mail.sent.filter((m) => m.subject.includes('明日のご案内'))).toHaveLength(2000);
    // Each mail to its own one address.
    expect(new Set(w.bundle.fakes!.mail.sent.map((m) => m.to)).size).toBe(2000);
    const reminded = w.registrations().filter((r) => r['リマインド送信日時'] instanceof Date || (r['リマインド送信日時'] as { getTime?: unknown })?.getTime !== undefined);
    expect(reminded).toHaveLength(2000);
    expect(Object.keys(w.bundle.fakes!.properties.document.getProperties()).filter((k) => k.includes('reminder'))).toEqual([]);
    // A second run (a rerun, or the trigger firing twice) mails nobody.
    expect((w.daily() as { sent: number }).sent).toBe(0);
    expect(w.bundle.fakes!.mail.sent).toHaveLength(2000);
  }, 60000);

  it('never loses an answer to a busy lock: it waits in the response tab, and the menu 申込を再確認 takes it, once', () => {
    const w = signupWorld();
    w.fire(w.answer(person(1), E001));
    w.bundle.fakes!.locks.holdElsewhere('script');
    const busy = w.fire(w.answer(person(2), E002));
    expect(busy.outcome).toBe('busy');
    w.bundle.fakes!.locks.releaseElsewhere('script');
    w.fire(w.answer(person(3), E002));
    expect(w.registrations().map((r) => r['氏名'])).toEqual(['申込 太郎1', '申込 太郎3']);
    const recheck = w.call(COORDINATOR, 'recheckSignups') as { taken: number };
    expect(recheck.taken).toBe(1);
    const rows = w.registrations();
    expect(rows.map((r) => [r['申込ID'], r['氏名'], r['状態']])).toEqual([
      ['R00001', '申込 太郎1', '確定'], ['R00002', '申込 太郎3', '確定'], ['R00003', '申込 太郎2', '確定'],
    ]);
    // Its confirmation mail went too; and a second recheck, or the daily run, takes nothing more.
    expect(w.bundle.fakes!.mail.sent.map((m) => m.to)).toEqual(['p1@example.jp', 'p3@example.jp', 'p2@example.jp']);
    expect((w.call(COORDINATOR, 'recheckSignups') as { taken: number }).taken).toBe(0);
    expect((w.daily() as { taken: number }).taken).toBe(0);
    expect(w.registrations()).toHaveLength(3);
  });
});
