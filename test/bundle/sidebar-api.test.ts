import { loadBundle, jsonRoundTrip, type LoadedBundle } from './harness';
import type { CallSnapshot } from '../fakes';
import { COORDINATOR, VIEWER, sidebarTables } from '../app/sidebar/sidebar-fixture';
import type { Cell } from '../../src/domain/cell';
import { ageOn } from '../../src/domain/members/age';

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
    const first = bundle.log.measure(() => run('logActivity', visit));
    expect(first.result).toMatchObject({ ok: true, data: { activity: { activity_id: 'A000008' } } });
    // Cold: the desk cache empty (Google may drop it any time; an edit of 設定 or コーディネータ does).
    bundle.fakes!.cache.evictAll();
    const cold = bundle.log.measure(() => run('logActivity', { ...visit, notes: '' }));
    expect(cold.result).toMatchObject({ ok: true, data: { activity: { activity_id: 'A000009' } } });
    // Warm: what the cold call read is in the cache.
    const warm = bundle.log.measure(() => run('logActivity', { ...visit, notes: '', minutes: 10 }));
    expect(warm.result).toMatchObject({ ok: true, data: { activity: { activity_id: 'A000010' } } });
    const saved = rows(ss, '活動記録');
    expect(saved[1]?.[0]).toBe('A000008');
    // Written as '=HYPERLINK(...): Sheets keeps it as text (no formula) and shows it without the apostrophe.
    expect(saved[1]?.[10]).toBe('=HYPERLINK("http://evil.example","x")');
    expect(ss.getSheetByName('活動記録')!.getRange(3, 11).getFormulas()[0]?.[0]).toBe('');
    // The warm call wrote under the same headers as the cold one.
    expect(saved.map((r) => [r[0], r[2], r[8]])).toEqual([['A000007', COORDINATOR, 60], ['A000008', COORDINATOR, 30], ['A000009', COORDINATOR, 30], ['A000010', COORDINATOR, 10]]);
    const audit = rows(ss, '監査ログ');
    expect(audit.map((r) => r.slice(1, 6))).toEqual(['A000008', 'A000009', 'A000010'].map((id) => [COORDINATOR, 'log_activity', '活動記録', id, 'area=matching kind=visit member=M001']));
    const lockCalls = (c: CallSnapshot): number => (c.byMethod['Lock.tryLock'] ?? 0) + (c.byMethod['Lock.releaseLock'] ?? 0);
    console.log(`logActivity (1st, seeds the ID counter): ${JSON.stringify(first.calls.byMethod)}`);
    for (const [label, m] of [['cold', cold], ['warm', warm]] as const) {
      console.log(`logActivity (${label}): total ${m.calls.total}, round trips ${m.calls.roundTrips} (lock ${lockCalls(m.calls)}), with metadata ${m.calls.roundTripsWithMetadata} ${JSON.stringify(m.calls.byMethod)}`);
      // tryLock alone: the lock is left to the call's execution, whose end frees it (no
      // releaseLock: src/app/shared/write-boundary.ts `lastSection`).
      expect(lockCalls(m.calls)).toBe(1);
    }
    // Before the desk cache (commit 0859cf8), every save besides tryLock/releaseLock: 設定 +
    // コーディネータ + 活動記録's header + 監査ログ's header (4 getValues), User.getEmail, the ID
    // counter (getProperty + setProperty), 2 one-row appends (1 appendRow each), the write
    // boundary's flush = 4 + 1 + 2 + 2 + 1 = 10 round trips; with the size questions too (getDataRange
    // of 設定 and コーディネータ, getLastColumn of the two headers: 4) = 14.
    // Cold: the same 10, plus Cache.getAll (every desk key at once, all missing) and one
    // Cache.putAll at the end (the four tables and headers it read) = 12; with metadata 12 + 4 = 16.
    expect(cold.calls.roundTrips - 1).toBe(12);
    expect(cold.calls.roundTripsWithMetadata - 1).toBe(16);
    // (The counter is read with getProperties under the lock and written with one setProperties
    // just before the lock is released: src/gas/document-properties.ts.)
    expect(pick(cold.calls, ['Cache.getAll', 'Cache.putAll', 'Range.getValues', 'Sheet.getDataRange', 'Sheet.getLastColumn', 'User.getEmail', 'Properties.getProperties', 'Properties.setProperty', 'Properties.setProperties', 'Sheet.appendRow', 'SpreadsheetApp.flush']))
      .toEqual({ 'Cache.getAll': 1, 'Cache.putAll': 1, 'Range.getValues': 4, 'Sheet.getDataRange': 2, 'Sheet.getLastColumn': 2, 'User.getEmail': 1, 'Properties.getProperties': 1, 'Properties.setProperty': 0, 'Properties.setProperties': 1, 'Sheet.appendRow': 2, 'SpreadsheetApp.flush': 1 });
    // Warm: Cache.getAll (設定, コーディネータ and both headers in one call), User.getEmail, the ID
    // counter (2), 2 appendRow, the flush = 1 + 1 + 2 + 2 + 1 = 7; no getValues, no size question,
    // nothing put back (a run never writes back what it got from the cache): 7 with metadata too.
    expect(warm.calls.roundTrips - 1).toBe(7);
    expect(warm.calls.roundTripsWithMetadata - 1).toBe(7);
    expect(pick(warm.calls, ['Cache.getAll', 'Cache.putAll', 'Range.getValues', 'Sheet.getDataRange', 'Sheet.getLastColumn', 'User.getEmail', 'Properties.getProperties', 'Properties.setProperty', 'Properties.setProperties', 'Sheet.appendRow', 'SpreadsheetApp.flush']))
      .toEqual({ 'Cache.getAll': 1, 'Cache.putAll': 0, 'Range.getValues': 0, 'Sheet.getDataRange': 0, 'Sheet.getLastColumn': 0, 'User.getEmail': 1, 'Properties.getProperties': 1, 'Properties.setProperty': 0, 'Properties.setProperties': 1, 'Sheet.appendRow': 2, 'SpreadsheetApp.flush': 1 });
    expect(warm.calls.byMethod['Range.setValues']).toBeUndefined();
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
    // The first open finds no stored 今週 figures: it recounts and stores them under the lock.
    const first = bundle.log.measure(() => run('sidebarBootstrap'));
    expect(first.calls.byMethod['Lock.tryLock']).toBe(1);
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
    // The desk cache starts empty in this world. registerClient, first: 設定 + コーディネータ +
    // 業務提供先's header + 監査ログ's header, and the counter's seed from 業務提供先's ID column
    // (column A; its header read once a run) = 5 getValues, with one Cache.getAll (all missing)
    // and one Cache.putAll (the four it read). Later: all four from the cache (one getAll), no getValues.
    expect(pick(c1.calls, ['Range.getValues', 'Cache.getAll', 'Cache.putAll'])).toEqual({ 'Range.getValues': 5, 'Cache.getAll': 1, 'Cache.putAll': 1 });
    expect(pick(c2.calls, ['Range.getValues', 'Cache.getAll', 'Cache.putAll'])).toEqual({ 'Range.getValues': 0, 'Cache.getAll': 1, 'Cache.putAll': 0 });
    // registerJob, first: 設定, コーディネータ, 監査ログ's and 業務提供先's headers from the cache (issue
    // 15: readColumns takes the desk cache's header too); 業務提供先's ID column + 仕事's header + the
    // seed of J from 仕事's ID column (column A) = 3 getValues, and one putAll (仕事's header).
    // Later: 業務提供先's ID column only = 1.
    expect(pick(j1.calls, ['Range.getValues', 'Cache.getAll', 'Cache.putAll'])).toEqual({ 'Range.getValues': 3, 'Cache.getAll': 1, 'Cache.putAll': 1 });
    expect(pick(j2.calls, ['Range.getValues', 'Cache.getAll', 'Cache.putAll'])).toEqual({ 'Range.getValues': 1, 'Cache.getAll': 1, 'Cache.putAll': 0 });
    // Of 業務提供先 only 提供先ID…地区 (the name for the answer, the district as the job's default;
    // 業種 between them keeps it one run): 4 clients by then × 4 columns, whatever its other columns
    // hold; nothing else is read from the sheet by the later job: 16 (its header was 9 more).
    expect(j2.calls.cellsRead).toBe(4 * 4);
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
  test('answers the picker with matching members from its stored keys and the rows found, without the lock', () => {
    const { run, bundle } = world();
    // The first search of a desk without keys builds _会員検索 (under the lock, once).
    const built = bundle.log.measure(() => run('searchMembers', 'あおき'));
    expect(built.calls.byMethod['Lock.tryLock']).toBe(1);
    const found = bundle.log.measure(() => run('searchMembers', 'あおき'));
    // The bundle runs on the real clock: M001 was born on 1950-04-01.
    const age = ageOn('1950-04-01', Utilities_format(new Date()));
    expect(found.result).toEqual({ ok: true, data: { members: [{ id: 'M001', kana: 'アオキ イチロウ', name: '青木 一郎', enrolled: true, age, district: '柏' }], more: false } });
    expect(built.result).toEqual(found.result);
    const calls = found.calls;
    console.log(`searchMembers: total ${calls.total}, round trips ${calls.roundTrips}, cells read ${calls.cellsRead} ${JSON.stringify(calls.byMethod)}`);
    expect(Object.keys(calls.byMethod).some((k) => k.startsWith('Lock'))).toBe(false);
    expect(calls.byMethod['Range.setValues'] ?? 0).toBe(0);
    // The keys' stamp (one getProperty), one TextFinder of _会員検索 (no cell read), and M001's row
    // of 会員 from 会員ID to 地区: the same at 5 members as at 50,000.
    expect(pick(calls, ['Properties.getProperty', 'TextFinder.findAll'])).toEqual({ 'Properties.getProperty': 1, 'TextFinder.findAll': 1 });
    // 設定 and コーディネータ come from the desk cache: M001's 9 cells are all that is read.
    expect(calls.byMethod['Range.getValues']).toBe(1);
    expect(calls.cellsRead).toBe(9);
  });

  test('refuses a stranger and a bad query with a message, not an exception', () => {
    expect(world('stranger@example.com').run('searchMembers', 'アオキ')).toMatchObject({ ok: false, code: 'unknown_user' });
    expect(world().run('searchMembers', '')).toMatchObject({ ok: false, code: 'bad_input' });
  });
});

/** The counts of `methods` (0 for one not called). */
function pick(calls: CallSnapshot, methods: readonly string[]): Record<string, number> {
  return Object.fromEntries(methods.map((m) => [m, calls.byMethod[m] ?? 0]));
}

/** A date cell read back from the fake is a Date of the vm realm: its Tokyo day. */
function Utilities_format(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
