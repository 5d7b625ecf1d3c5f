import { loadBundle, type LoadedBundle } from '../../bundle/harness';
import type { Cell } from '../../../src/domain/cell';
import { attendanceTables } from '../events/attendance-fixture';
import { clockEvent, installTrigger } from '../../bundle/trigger-events';

// The daily reminder trigger (sendEventReminders) through the bundle on a frozen clock: the day
// before a session it mails each confirmed registrant who gave an address, once; nobody else,
// and no mail carries another person's details. Each run is a real run of the installed daily
// trigger (its event, its triggerUid): the coordinator of the fixture may not send by hand.
type Reply = { date: string; sent: number };

function toSheetValue(c: Cell): unknown {
  if (c === null) return '';
  if (typeof c === 'object') return c.date;
  return c;
}

/** Extra sign-ups for E002 (セミナー, Wednesday 2026-12-09 13:30) besides R00003 (確定, saburo@…). */
const EXTRA: Cell[][] = [
  ['R00008', 'E002', '小林 八重', 'コバヤシ ヤエ', '090-1234-0008', '', '70代', '女性', '', '2026-11-21T09:00:00', '確定', false, '', 'x8', true, ''],
  ['R00009', 'E002', '加藤 九', 'カトウ キュウ', '090-1234-0009', 'kyu@example.jp', '70代', '男性', '', '2026-11-21T09:00:00', 'キャンセル待ち', false, '', 'x9', true, ''],
  ['R00010', 'E002', '吉田 十', 'ヨシダ ジュウ', '090-1234-0010', 'ju@example.jp', '70代', '男性', '', '2026-11-21T09:00:00', '取消', false, '', 'x10', true, ''],
  ['R00011', 'E002', '山口 清', 'ヤマグチ キヨシ', '090-1234-0011', ' Kiyoshi@Example.jp ', '60代後半', '男性', '', '2026-11-21T09:00:00', '確定', false, '', 'x11', true, ''],
];

/** A run of the daily trigger, as Apps Script fires it. */
function fire(bundle: LoadedBundle): unknown {
  const uid = bundle.fakes!.triggers.installed().find((t) => t.handler === 'sendEventReminders')?.uniqueId ?? installTrigger(bundle, 'sendEventReminders');
  return bundle.call('sendEventReminders', clockEvent(uid));
}

function world(now: string): LoadedBundle {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', now });
  const ss = bundle.fakes!.spreadsheet;
  for (const t of attendanceTables()) {
    const sheet = ss.insertSheet(t.name);
    const body = t.name === '申込' ? [...t.rows, ...EXTRA] : t.rows;
    const rows = [t.header, ...body.map((r) => t.header.map((_, i) => toSheetValue(r[i] ?? null)))];
    sheet.getRange(1, 1, rows.length, t.header.length).setValues(rows);
  }
  return bundle;
}

describe('the daily reminders', () => {
  it('mail the confirmed registrants with an address the day before, and nobody on a second run that day', () => {
    // 09:00 in Tokyo on Tuesday 2026-12-08: tomorrow is E002's day.
    const bundle = world('2026-12-08T00:00:00Z');
    const first = fire(bundle) as Reply;
    expect(first).toEqual({ date: '2026-12-09', sent: 2, taken: 0 });
    const sent = bundle.fakes!.mail.sent;
    // R00003 and R00011 are 確定 with an address; R00008 has none; R00009 waits; R00010 cancelled;
    // E001 (today) and E003 (past) are not tomorrow.
    expect(sent.map((m) => m.to)).toEqual(['saburo@example.jp', 'Kiyoshi@Example.jp']);
    expect(sent[0]?.subject).toBe('【柏市シルバー人材センター】明日のご案内');
    expect(sent[0]?.body).toContain('鈴木 三郎 様');
    expect(sent[0]?.body).toContain('2026/12/09（水）13:30 柏市役所 — 生きがいセミナー');
    expect(sent[0]?.body).toContain('受付番号: R00003');
    // A mail names only its own addressee: no other person's name, phone or address.
    const others = ['山口', '小林', '加藤', '吉田', '山田', '090-', 'kiyoshi', 'kyu@', 'ju@', 'hanako'];
    for (const word of others) expect(`${sent[0]?.body}${sent[0]?.htmlBody ?? ''}`.toLowerCase()).not.toContain(word.toLowerCase());
    expect(`${sent[1]?.body}`).toContain('山口 清 様');
    expect(`${sent[1]?.body}${sent[1]?.htmlBody ?? ''}`).not.toMatch(/鈴木|saburo|090-/);

    bundle.setNow('2026-12-08T08:00:00Z'); // 17:00 the same day: a second firing (or a manual run)
    expect(fire(bundle)).toEqual({ date: '2026-12-09', sent: 0, taken: 0 });
    expect(bundle.fakes!.mail.sent).toHaveLength(2);
  });

  it('mail nobody on a day with no session tomorrow', () => {
    const bundle = world('2026-12-09T00:00:00Z');
    expect(fire(bundle)).toEqual({ date: '2026-12-10', sent: 0, taken: 0 });
    expect(bundle.fakes!.mail.sent).toHaveLength(0);
  });
});
