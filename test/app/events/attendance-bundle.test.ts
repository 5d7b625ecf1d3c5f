import { jsonRoundTrip, loadBundle, type LoadedBundle } from '../../bundle/harness';
import type { Cell } from '../../../src/domain/cell';
import { attendanceTables, COORDINATOR, NOW, VIEWER } from './attendance-fixture';

// The イベント panel's server functions through dist/Code.js in a bare realm with the Apps Script
// fakes, called as google.script.run calls them (JSON in, JSON out), with every service call
// counted: the figures the design's call budget quotes come from here.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Reply = { ok: boolean; code?: string; message?: string; data?: Record<string, unknown> };

function toSheetValue(c: Cell): unknown {
  if (c === null) return '';
  if (typeof c === 'object') return c.date; // ISO text: the readers accept it
  return c;
}

function world(email = COORDINATOR): { bundle: LoadedBundle; ss: GSpreadsheet; run: (name: string, ...args: unknown[]) => Reply } {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', activeUserEmail: email, now: NOW });
  const ss = bundle.fakes!.spreadsheet;
  for (const t of attendanceTables()) {
    const sheet = ss.insertSheet(t.name);
    const rows = [t.header, ...t.rows.map((r) => t.header.map((_, i) => toSheetValue(r[i] ?? null)))];
    sheet.getRange(1, 1, rows.length, t.header.length).setValues(rows);
  }
  const run = (name: string, ...args: unknown[]): Reply => jsonRoundTrip(bundle.call(name, ...jsonRoundTrip(args)) as Reply);
  return { bundle, ss, run };
}

function rows(ss: GSpreadsheet, name: string): unknown[][] {
  return ss.getSheetByName(name)!.getDataRange().getValues().slice(1);
}

const WRITES = /\.(setValues|setValue|appendRow|setProperty|setProperties)$/;

describe('the attendance functions through the bundle', () => {
  it('are globals of the bundle', () => {
    const { bundle } = world();
    expect(bundle.functionNames).toEqual(expect.arrayContaining(['listEventSessions', 'listAttendance', 'checkIn', 'joinAsMember', 'cancelRegistration']));
  });

  it('list the sessions and a session\'s people for a viewer, reading without the lock', () => {
    const { run, bundle } = world(VIEWER);
    const sessions = bundle.log.measure(() => run('listEventSessions'));
    expect(sessions.result).toMatchObject({ ok: true, data: { suggested: 'E001', today: '2026-12-07' } });
    const list = bundle.log.measure(() => run('listAttendance', 'E001'));
    const regs = (list.result.data?.registrations ?? []) as { registration_id: string }[];
    expect(regs.map((r) => r.registration_id)).toEqual(['R00001', 'R00002', 'R00006', 'R00004', 'R00005']);
    expect(Object.keys(list.calls.byMethod).some((k) => k.startsWith('Lock'))).toBe(false);
    console.log(`listEventSessions: total ${sessions.calls.total}, round trips ${sessions.calls.roundTrips}; listAttendance: total ${list.calls.total}, round trips ${list.calls.roundTrips} ${JSON.stringify(list.calls.byMethod)}`);
  });

  it('check a person in with one write to 申込 and one audit row, within a counted budget', () => {
    const { run, ss, bundle } = world();
    const m = bundle.log.measure(() => run('checkIn', 'R00001', true));
    expect(m.result).toEqual({ ok: true, data: { registration_id: 'R00001', attended: true, changed: true } });
    expect(rows(ss, '申込')[0]?.[11]).toBe(true);
    expect(rows(ss, '監査ログ').map((r) => r.slice(1))).toEqual([[COORDINATOR, 'registration_check_in', '申込', 'R00001', 'event=E001 attended=true']]);
    const writes = Object.entries(m.calls.byMethod).filter(([k]) => WRITES.test(k));
    console.log(`checkIn: total ${m.calls.total}, round trips ${m.calls.roundTrips} ${JSON.stringify(m.calls.byMethod)}`);
    // Reads: 設定, コーディネータ, 申込, 監査ログ's header (4 getValues); writes: the 申込 row's 出席
    // cell, the only field the tick changes (writeCells: getRange + 1 setValues), and the audit row
    // under the log's own headers (a one-row append: 1 appendRow); then the write boundary's flush,
    // and the lock left to the call's execution, whose end frees it (no releaseLock:
    // src/app/shared/write-boundary.ts `lastSection`; test/bundle/lock-at-run-end.test.ts).
    expect(m.calls.byMethod['Range.getValues']).toBe(4);
    expect(writes).toEqual([['Range.setValues', 1], ['Sheet.appendRow', 1]]);
    expect(m.calls.byMethod['SpreadsheetApp.flush']).toBe(1);
    expect(m.calls.byMethod['Lock.tryLock']).toBe(1);
    expect(m.calls.byMethod['Lock.releaseLock'] ?? 0).toBe(0);
    expect(bundle.fakes!.locks.isHeld('script')).toBe(false);
  });

  it('join a checked-in person as a member: one 会員 row, the member ID in 申込, one audit row', () => {
    const { run, ss, bundle } = world();
    run('checkIn', 'R00001', true);
    const m = bundle.log.measure(() => run('joinAsMember', 'R00001', { district: '柏' }));
    expect(m.result).toEqual({ ok: true, data: { registration_id: 'R00001', member_id: 'M00037', joined_on: '2026-12-07', join_route: 'orientation' } });
    const members = rows(ss, '会員');
    expect(members).toHaveLength(3);
    expect(members[2]?.slice(0, 4)).toEqual(['M00037', '山田 花子', 'ヤマダ ハナコ', '女性']);
    expect(members[2]?.[7]).toBe('説明会');
    expect(rows(ss, '申込')[0]?.[12]).toBe('M00037');
    console.log(`joinAsMember: total ${m.calls.total}, round trips ${m.calls.roundTrips} ${JSON.stringify(m.calls.byMethod)}`);
    // Reads: 設定, コーディネータ and 監査ログ's header come from the desk cache the check-in just
    // filled (one Cache.getAll); from the sheet 申込, イベント whole (2 getValues) and 会員 by column:
    // its header, then one getValues per run of wanted columns — 会員ID (A) and the required 入会日 (F)
    // are two runs — so 3 more: 5 in all, each a few cells instead of the whole member tab. Writes: the 申込
    // row's 会員ID cell, the only field the link changes (1 setValues), then two one-row appends,
    // the 会員 row and the audit row (2 appendRow, no setValues); the member-ID counter: read
    // with getProperties and written with one setProperties at the release (document-properties.ts);
    // one flush before the lock is released.
    expect(m.calls.byMethod['Range.getValues']).toBe(5);
    expect(m.calls.byMethod['Cache.getAll']).toBe(1);
    expect(m.calls.byMethod['Range.setValues']).toBe(1);
    expect(m.calls.byMethod['Sheet.appendRow']).toBe(2);
    expect(m.calls.byMethod['SpreadsheetApp.flush']).toBe(1);
    expect(m.calls.byMethod['Properties.setProperties']).toBe(1);
    expect(m.calls.byMethod['Properties.setProperty']).toBeUndefined();
    const again = run('joinAsMember', 'R00001');
    expect(again).toMatchObject({ ok: false, code: 'already_member', message: '申込 R00001 の方はすでに会員 M00037 として登録されています。' });
    expect(rows(ss, '会員')).toHaveLength(3);
  });

  it('refuse a viewer\'s write in Japanese, and write nothing', () => {
    const { run, ss, bundle } = world(VIEWER);
    const m = bundle.log.measure(() => run('joinAsMember', 'R00006'));
    expect(m.result).toMatchObject({ ok: false, code: 'read_only', message: expect.stringContaining('閲覧の役割では記録できません') });
    expect(Object.keys(m.calls.byMethod).filter((k) => WRITES.test(k))).toEqual([]);
    expect(rows(ss, '会員')).toHaveLength(2);
  });
});
