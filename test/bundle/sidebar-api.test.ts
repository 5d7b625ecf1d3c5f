import { loadBundle, jsonRoundTrip, type LoadedBundle } from './harness';
import type { CallSnapshot } from '../fakes';
import { COORDINATOR, VIEWER, sidebarTables } from '../app/sidebar/sidebar-fixture';
import type { Cell } from '../../src/domain/cell';

// The sidebar's server API through dist/Code.js in a bare realm with the Apps Script fakes,
// called as google.script.run calls it (JSON-shaped arguments and results), with the service
// calls of each action counted.
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function toSheetValue(c: Cell): unknown {
  if (c === null) return '';
  if (typeof c === 'object') return c.date; // text dates: the readers accept YYYY-MM-DD
  return c;
}

function world(email: string = COORDINATOR): { bundle: LoadedBundle; ss: GSpreadsheet; run: (name: string, ...args: unknown[]) => { ok: boolean; code?: string; message?: string; data?: unknown } } {
  const bundle = loadBundle({ timeZone: 'Asia/Tokyo', activeUserEmail: email });
  const ss = bundle.fakes!.spreadsheet;
  for (const t of sidebarTables()) {
    const sheet = ss.insertSheet(t.name);
    const rows = [t.header, ...t.rows.map((r) => t.header.map((_, i) => toSheetValue(r[i] ?? null)))];
    sheet.getRange(1, 1, rows.length, t.header.length).setValues(rows);
  }
  const run = (name: string, ...args: unknown[]): { ok: boolean; code?: string; message?: string; data?: unknown } =>
    jsonRoundTrip(bundle.call(name, ...jsonRoundTrip(args)) as { ok: boolean });
  return { bundle, ss, run };
}

function rows(ss: GSpreadsheet, name: string): unknown[][] {
  return ss.getSheetByName(name)!.getDataRange().getValues().slice(1);
}

const visit = { date: '2025-06-11', area: 'matching', kind: 'visit', member_id: 'M001', minutes: 30, notes: '=HYPERLINK("http://evil.example","x")' };

describe('the sidebar API through the bundle', () => {
  test('exposes the sidebar functions as globals and opens the sidebar from the built HTML', () => {
    const { bundle } = world();
    expect(bundle.functionNames).toEqual(expect.arrayContaining(['showSidebar', 'sidebarBootstrap', 'logActivity', 'listCandidates', 'changeMatchStatus', 'weekHeadline', 'searchMembers']));
    bundle.call('showSidebar');
    expect(JSON.stringify(bundle.fakes!.ui)).toContain('生きがい就労');
  });

  test('titles the sidebar in English for a center whose setup chose English', () => {
    const { bundle } = world();
    bundle.fakes!.properties.document.setProperty('ikigai.language', 'en');
    bundle.call('showSidebar');
    const shown = JSON.stringify(bundle.fakes!.ui);
    expect(shown).toContain('"title":"Ikigai Desk"');
    expect(shown).not.toContain('"title":"生きがい就労"');
  });

  test('refuses a stranger in Japanese with no data', () => {
    const { run } = world('stranger@example.com');
    const r = run('sidebarBootstrap');
    expect(r).toEqual({ ok: false, code: 'unknown_user', message: expect.stringContaining('「コーディネータ」シートに登録されていません') });
  });

  test('lets a viewer read but not write', () => {
    const { run, ss } = world(VIEWER);
    expect(run('sidebarBootstrap').ok).toBe(true);
    expect(run('logActivity', visit)).toMatchObject({ ok: false, code: 'read_only' });
    expect(rows(ss, '活動記録')).toHaveLength(1);
  });

  test('says busy when another run holds the lock, and writes nothing', () => {
    const { run, ss, bundle } = world();
    bundle.fakes!.locks.holdElsewhere('script');
    bundle.fakes!.locks.holdElsewhere('document');
    const r = run('logActivity', visit);
    expect(r).toMatchObject({ ok: false, code: 'busy', message: 'ほかの人が保存中です。数秒待ってからもう一度押してください。' });
    expect(rows(ss, '活動記録')).toHaveLength(1);
    expect(rows(ss, '監査ログ')).toHaveLength(0);
  });

  test('logs an activity with the formula neutralised and an audit row without personal data, within a call budget', () => {
    const { run, ss, bundle } = world();
    let calls: CallSnapshot | null = null;
    const first = bundle.log.measure(() => run('logActivity', visit));
    expect(first.result).toMatchObject({ ok: true, data: { activity: { activity_id: 'A000008' } } });
    const second = bundle.log.measure(() => run('logActivity', { ...visit, notes: '' }));
    calls = second.calls;
    expect(second.result).toMatchObject({ ok: true, data: { activity: { activity_id: 'A000009' } } });
    const saved = rows(ss, '活動記録');
    expect(saved[1]?.[0]).toBe('A000008');
    // Written as '=HYPERLINK(...): Sheets keeps it as text (no formula) and shows it without the apostrophe.
    expect(saved[1]?.[10]).toBe('=HYPERLINK("http://evil.example","x")');
    expect(ss.getSheetByName('活動記録')!.getRange(3, 11).getFormulas()[0]?.[0]).toBe('');
    const audit = rows(ss, '監査ログ');
    expect(audit.map((r) => r.slice(1, 6))).toEqual([
      [COORDINATOR, 'log_activity', '活動記録', 'A000008', 'area=matching kind=visit member=M001'],
      [COORDINATOR, 'log_activity', '活動記録', 'A000009', 'area=matching kind=visit member=M001'],
    ]);
    const lockCalls = (calls.byMethod['Lock.tryLock'] ?? 0) + (calls.byMethod['Lock.releaseLock'] ?? 0);
    console.log(`logActivity (1st, seeds the ID counter): ${JSON.stringify(first.calls.byMethod)}`);
    console.log(`logActivity (later): total ${calls.total}, round trips ${calls.roundTrips} (lock ${lockCalls}) ${JSON.stringify(calls.byMethod)}`);
    // Later saves, besides tryLock/releaseLock: 設定 + コーディネータ + 活動記録 header + 監査ログ
    // header (4 getValues: the audit row goes under the log's own headers), User.getEmail, the ID
    // counter (getProperty + setProperty), 2 one-row appends (activity, audit: 1 appendRow each,
    // no setValues), and the write boundary's SpreadsheetApp.flush before the lock is released
    // = 4 + 1 + 2 + 2 + 1 = 10.
    expect(calls.roundTrips - lockCalls).toBe(10);
    expect(calls.byMethod['Range.getValues']).toBe(4);
    expect(calls.byMethod['Range.setValues']).toBeUndefined();
    expect(calls.byMethod['Sheet.appendRow']).toBe(2);
    expect(calls.byMethod['SpreadsheetApp.flush']).toBe(1);
  });

  test('proposes and places a member; the マッチング row says 成立 with the dates', () => {
    const { run, ss, bundle } = world();
    const list = run('listCandidates', 'J001') as { ok: boolean; data: { candidates: { member_id: string; score: number }[] } };
    expect(list.ok).toBe(true);
    const m2 = list.data.candidates.find((c) => c.member_id === 'M002');
    expect(m2).toBeDefined();
    expect(run('changeMatchStatus', { action: 'propose', job_id: 'J001', member_id: 'M002', fit_score: m2!.score })).toMatchObject({ ok: true });
    const place = bundle.log.measure(() => run('changeMatchStatus', { action: 'place', job_id: 'J001', member_id: 'M002' }));
    // The bundle runs on the real clock: placed today, in Tokyo.
    const today = Utilities_format(new Date());
    expect(place.result).toMatchObject({ ok: true, data: { status: 'placed', placed_on: today } });
    console.log(`changeMatchStatus place: total ${place.calls.total}, round trips ${place.calls.roundTrips} ${JSON.stringify(place.calls.byMethod)}`);
    const match = rows(ss, 'マッチング')[0] ?? [];
    expect(match[0]).toBe('X000001');
    expect(match[4]).toBe('成立');
    const day = (v: unknown): string => (Object.prototype.toString.call(v) === '[object Date]' ? Utilities_format(v as Date) : String(v));
    expect(day(match[6]).slice(0, 10)).toBe(today);
  });

  test('reads are not locked and count their calls', () => {
    const { run, bundle } = world();
    const boot = bundle.log.measure(() => run('sidebarBootstrap'));
    expect(boot.result.ok).toBe(true);
    expect(Object.keys(boot.calls.byMethod).some((k) => k.startsWith('Lock'))).toBe(false);
    console.log(`sidebarBootstrap: total ${boot.calls.total}, round trips ${boot.calls.roundTrips} ${JSON.stringify(boot.calls.byMethod)}`);
    const cands = bundle.log.measure(() => run('listCandidates', 'J001'));
    console.log(`listCandidates: total ${cands.calls.total}, round trips ${cands.calls.roundTrips}`);
    const week = bundle.log.measure(() => run('weekHeadline'));
    console.log(`weekHeadline: total ${week.calls.total}, round trips ${week.calls.roundTrips}`);
  });
});

describe('開拓 through the bundle', () => {
  test('registers a client and a job for it under the lock, labels in Japanese, audited by IDs and codes, within a call budget', () => {
    const { run, ss, bundle } = world();
    expect(bundle.functionNames).toEqual(expect.arrayContaining(['registerClient', 'registerJob']));
    const client = { name: '=IMPORTXML("http://evil.example","//a")', sector: 'welfare', district: '柏', contact_person: '山田 施設長', phone: '04-7100-0001' };
    const c1 = bundle.log.measure(() => run('registerClient', client));
    expect(c1.result).toMatchObject({ ok: true, data: { client: { id: 'C0003' }, developed_on: Utilities_format(new Date()) } });
    const c2 = bundle.log.measure(() => run('registerClient', { name: 'さくら苑' }));
    expect(c2.result).toMatchObject({ ok: true, data: { client: { id: 'C0004', name: 'さくら苑' } } });
    const job = { client_id: 'C0004', title: '食堂の清掃', engagement: 'contract', slots: ['Wed-PM', 'Mon-AM'], headcount: 2 };
    const j1 = bundle.log.measure(() => run('registerJob', job));
    expect(j1.result).toMatchObject({ ok: true, data: { job: { id: 'J0003', client_id: 'C0004', slots: ['Mon-AM', 'Wed-PM'], status: 'open' } } });
    const j2 = bundle.log.measure(() => run('registerJob', { ...job, title: '配膳' }));
    expect(j2.result).toMatchObject({ ok: true, data: { job: { id: 'J0004' } } });
    expect(run('registerJob', { ...job, client_id: 'C0404' })).toMatchObject({ ok: false, code: 'not_found', message: '提供先「C0404」が見つかりません。シートを確認してください。' });

    const clients = rows(ss, '業務提供先');
    // Written as '=IMPORTXML(...): kept as text, shown without the apostrophe, never a formula.
    expect(clients[2]?.slice(0, 6)).toEqual(['C0003', '=IMPORTXML("http://evil.example","//a")', '福祉施設', '柏', '山田 施設長', '04-7100-0001']);
    expect(ss.getSheetByName('業務提供先')!.getRange(4, 2).getFormulas()[0]?.[0]).toBe('');
    const jobs = rows(ss, '仕事');
    expect(jobs[2]?.slice(0, 8)).toEqual(['J0003', 'C0004', '食堂の清掃', '', '請負', '', '月AM、水PM', 2]);
    expect(jobs[2]?.[13]).toBe('募集中');
    const audit = rows(ss, '監査ログ').map((r) => r.slice(1, 6));
    expect(audit).toEqual([
      [COORDINATOR, 'register_client', '業務提供先', 'C0003', `sector=welfare developed_on=${Utilities_format(new Date())}`],
      [COORDINATOR, 'register_client', '業務提供先', 'C0004', `sector= developed_on=${Utilities_format(new Date())}`],
      [COORDINATOR, 'register_job', '仕事', 'J0003', 'client=C0004 status=open engagement=contract slots=Mon-AM,Wed-PM headcount=2'],
      [COORDINATOR, 'register_job', '仕事', 'J0004', 'client=C0004 status=open engagement=contract slots=Mon-AM,Wed-PM headcount=2'],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/山田|04-7100|IMPORTXML|食堂/);

    for (const [label, m] of [['registerClient (1st, seeds C)', c1], ['registerClient (later)', c2], ['registerJob (1st, seeds J)', j1], ['registerJob (later)', j2]] as const) {
      console.log(`${label}: total ${m.calls.total}, round trips ${m.calls.roundTrips}, cells read ${m.calls.cellsRead} ${JSON.stringify(m.calls.byMethod)}`);
      expect(m.calls.byMethod['Lock.tryLock']).toBe(1);
      // The row and the audit row: two one-row appends, 1 appendRow each (no setValues); then
      // one flush before the lock is released.
      expect(m.calls.byMethod['Range.setValues']).toBeUndefined();
      expect(m.calls.byMethod['Sheet.appendRow']).toBe(2);
      expect(m.calls.byMethod['SpreadsheetApp.flush']).toBe(1);
    }
    // registerClient, later: 設定 + コーディネータ + 業務提供先's header + 監査ログ's header = 4
    // getValues. The first also seeds the counter from 業務提供先's ID column (its header + column A) = 6.
    expect(c2.calls.byMethod['Range.getValues']).toBe(4);
    expect(c1.calls.byMethod['Range.getValues']).toBe(6);
    // registerJob, later: 設定 + コーディネータ + 業務提供先's ID column (header + column A) + 仕事's
    // header + 監査ログ's header = 6 getValues; the first also seeds J from 仕事's ID column (header +
    // column A) = 8.
    expect(j2.calls.byMethod['Range.getValues']).toBe(6);
    expect(j1.calls.byMethod['Range.getValues']).toBe(8);
    // Of 業務提供先 only the ID column: 4 clients by then + the header of 9 cells, whatever its other columns hold.
    // Cells read, later job: 設定 (4 rows × 2 = 8) + コーディネータ (5 × 4 = 20) + 業務提供先 header 9 and
    // column A 4 + 仕事 header 16 + 監査ログ header 6 = 63.
    expect(j2.calls.cellsRead).toBe(8 + 20 + 9 + 4 + 16 + 6);
  });

  test('refuses a viewer before the lock, writing nothing', () => {
    const { run, ss, bundle } = world(VIEWER);
    const r = bundle.log.measure(() => run('registerJob', { client_id: 'C001', title: '受付' }));
    expect(r.result).toMatchObject({ ok: false, code: 'read_only' });
    expect(r.calls.byMethod['Lock.tryLock'] ?? 0).toBe(0);
    expect(rows(ss, '仕事')).toHaveLength(2);
    expect(rows(ss, '監査ログ')).toHaveLength(0);
  });
});

describe('the member search through the bundle', () => {
  test('answers the picker with matching members, reading only a few columns of 会員, without the lock', () => {
    const { run, bundle } = world();
    const found = bundle.log.measure(() => run('searchMembers', 'あおき'));
    expect(found.result).toEqual({ ok: true, data: { members: [{ id: 'M001', kana: 'アオキ イチロウ', name: '青木 一郎', enrolled: true }], more: false } });
    const calls = found.calls;
    console.log(`searchMembers: total ${calls.total}, round trips ${calls.roundTrips}, cells read ${calls.cellsRead} ${JSON.stringify(calls.byMethod)}`);
    expect(Object.keys(calls.byMethod).some((k) => k.startsWith('Lock'))).toBe(false);
    expect(calls.byMethod['Range.setValues'] ?? 0).toBe(0);
    // 設定 + コーディネータ + 会員's header + two runs of 会員's columns (会員ID…フリガナ = A:C,
    // 入会日…退会日 = F:G) = 5 getValues, the same at 5 members as at 50,000.
    expect(calls.byMethod['Range.getValues']).toBe(5);
    // 会員: the header row (18) + 5 rows × (3 + 2) columns = 43 cells of the tab; the rest are
    // 設定 (3 rows + header, 2 columns = 8) and コーディネータ (4 rows + header, 4 columns = 20).
    expect(calls.cellsRead).toBe(18 + 25 + 8 + 20);
  });

  test('refuses a stranger and a bad query with a message, not an exception', () => {
    expect(world('stranger@example.com').run('searchMembers', 'アオキ')).toMatchObject({ ok: false, code: 'unknown_user' });
    expect(world().run('searchMembers', '')).toMatchObject({ ok: false, code: 'bad_input' });
  });
});

/** A date cell read back from the fake is a Date of the vm realm: its Tokyo day. */
function Utilities_format(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
