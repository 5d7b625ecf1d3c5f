import { createSidebarApi } from '../../../src/app/sidebar/sidebar-api';
import type { ApiResult } from '../../../src/app/shared/api-types';
import { COORDINATOR, INACTIVE, MANAGER, VIEWER, sidebarPorts } from './sidebar-fixture';

function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

const quietLog = (): void => undefined;
const visit = { date: '2025-06-11', area: 'development', kind: 'visit', client_id: 'C001', minutes: 30, outcome: '好感触', notes: '園長と面談' };

describe('who may use the sidebar', () => {
  test('refuses every call, reads included, to someone not in コーディネータ, in Japanese, with no data', () => {
    const ports = sidebarPorts('stranger@example.com');
    const api = createSidebarApi(ports, quietLog);
    const r = api.sidebarBootstrap();
    expect(r).toEqual({ ok: false, code: 'unknown_user', message: expect.stringContaining('stranger@example.com は「コーディネータ」シートに登録されていません') });
    expect(api.logActivity(visit).ok).toBe(false);
    expect(ports.store.read(['活動記録'])?.rows).toHaveLength(1);
  });

  test('refuses a coordinator who is no longer active', () => {
    const r = createSidebarApi(sidebarPorts(INACTIVE), quietLog).sidebarBootstrap();
    expect(r.ok ? '' : r.code).toBe('inactive_user');
  });

  test('lets a viewer read the sidebar but not record an activity, and writes nothing', () => {
    const ports = sidebarPorts(VIEWER);
    const api = createSidebarApi(ports, quietLog);
    const boot = ok(api.sidebarBootstrap());
    expect(boot.user).toEqual({ email: VIEWER, name: '佐藤 閲子', role: 'viewer', canWrite: false });
    const r = api.logActivity(visit);
    expect(r).toMatchObject({ ok: false, code: 'read_only' });
    expect(ports.store.read(['活動記録'])?.rows).toHaveLength(1);
    expect(ports.store.read(['監査ログ'])?.rows).toHaveLength(0);
    // Only the first open's store of the 今週 figures (a document property, no cell) took the lock.
    expect(ports.lock.tries).toBe(1);
  });

  test('answers in English when the center language is en', () => {
    const ports = sidebarPorts('nobody@example.com');
    ports.store.replace('設定', ['項目', '値'], [['言語', 'en']]);
    const r = createSidebarApi(ports, quietLog).sidebarBootstrap();
    expect(r.ok ? '' : r.message).toBe('nobody@example.com is not listed in the Coordinators tab. Ask a manager to add you.');
  });

  test('a manager may write', () => {
    expect(createSidebarApi(sidebarPorts(MANAGER), quietLog).logActivity(visit).ok).toBe(true);
  });
});

describe('logging an activity', () => {
  test('appends one row in the tab’s own column order, with labels in Japanese and the caller as 担当', () => {
    const ports = sidebarPorts();
    const out = ok(createSidebarApi(ports, quietLog).logActivity(visit));
    // The fixture's highest activity ID is A000007, so the counter is seeded to 7 and this is 8.
    expect(out.activity.activity_id).toBe('A000008');
    const rows = ports.store.read(['活動記録'])?.rows ?? [];
    expect(rows).toHaveLength(2);
    // No member or job: empty cells (null), as the record codec writes every blank.
    expect(rows[1]).toEqual(['A000008', { date: '2025-06-11' }, COORDINATOR, '開拓', '訪問', null, 'C001', null, 30, '好感触', '園長と面談', { date: '2025-06-11T10:00:00' }]);
  });

  test('keeps a formula typed into the notes as text: =HYPERLINK(...) is stored as \'=HYPERLINK(...)', () => {
    const ports = sidebarPorts();
    ok(createSidebarApi(ports, quietLog).logActivity({ ...visit, notes: '=HYPERLINK("http://evil.example","x")', outcome: '+1' }));
    const row = ports.store.read(['活動記録'])?.rows[1] ?? [];
    expect(row[10]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(row[9]).toBe("'+1");
  });

  test('writes an audit row with who, what and which ID, without the notes or the outcome', () => {
    const ports = sidebarPorts();
    ok(createSidebarApi(ports, quietLog).logActivity({ ...visit, member_id: 'M001', notes: '青木さん 電話 04-0000-0001' }));
    const audit = ports.store.read(['監査ログ'])?.rows ?? [];
    expect(audit).toEqual([[{ date: '2025-06-11T10:00:00' }, COORDINATOR, 'log_activity', '活動記録', 'A000008', 'area=development kind=visit member=M001 client=C001']]);
    expect(JSON.stringify(audit)).not.toMatch(/青木|04-0000|好感触|園長/);
  });

  test('gives every activity its own ID, and reads the big tab only the first time', () => {
    const ports = sidebarPorts();
    const api = createSidebarApi(ports, quietLog);
    const reads: string[] = [];
    const read = ports.store.read.bind(ports.store);
    ports.store.read = (names) => { reads.push(names[0] ?? ''); return read(names); };
    const readColumns = ports.store.readColumns.bind(ports.store);
    const columnsRead: number[][] = [];
    ports.store.readColumns = (names, pick) => {
      reads.push(names[0] ?? '');
      return readColumns(names, (header) => { const wanted = pick(header); columnsRead.push([...wanted]); return wanted; });
    };
    const ids = Array.from({ length: 5 }, () => ok(api.logActivity(visit)).activity.activity_id);
    expect(ids).toEqual(['A000008', 'A000009', 'A000010', 'A000011', 'A000012']);
    expect(reads.filter((n) => n === '活動記録')).toHaveLength(1);
    // …and of it only the ID column (A), to seed the counter.
    expect(columnsRead).toEqual([[0]]);
  });

  test('says the document is busy when another save holds the lock, and writes nothing', () => {
    const ports = sidebarPorts();
    ports.lock.busy = true;
    const r = createSidebarApi(ports, quietLog).logActivity(visit);
    expect(r).toEqual({ ok: false, code: 'busy', message: 'ほかの人が保存中です。数秒待ってからもう一度押してください。' });
    expect(ports.store.read(['活動記録'])?.rows).toHaveLength(1);
  });

  test('rejects bad input before taking the lock, naming the fields', () => {
    const ports = sidebarPorts();
    const r = createSidebarApi(ports, quietLog).logActivity({ date: '2025-02-30', area: 'gardening', minutes: -5 });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(/^入力を確認してください: .*date.*area.*minutes/);
    // Each field with why, in the catalog's words: zod's English ("Invalid input") never shows.
    expect(r.ok ? '' : r.message).toBe(
      '入力を確認してください: date (書き方が違います: YYYY-MM-DD), area (選べる値ではありません), minutes (小さすぎるか短すぎます)');
    expect(ports.lock.tries).toBe(0);
  });

  test('releases the lock after a save and after a failure', () => {
    const ports = sidebarPorts();
    const api = createSidebarApi(ports, quietLog);
    ok(api.logActivity(visit));
    expect(ports.lock.held).toBe(false);
    // Google fails on the 活動記録 append (appendCells, the port's only append).
    ports.store.appendCells = () => { throw new Error('Service Spreadsheets failed'); };
    const r = api.logActivity(visit);
    expect(r).toMatchObject({ ok: false, code: 'internal' });
    expect(r.ok ? '' : r.message).not.toMatch(/Service|Error|at /);
    expect(ports.lock.held).toBe(false);
  });
});

describe('matching from the sidebar', () => {
  test('lists ranked candidates for a job with reasons, never a member without consent or who has left', () => {
    const out = ok(createSidebarApi(sidebarPorts(), quietLog).listCandidates('J001'));
    const ids = out.candidates.map((c) => c.member_id);
    expect(ids).toEqual(expect.arrayContaining(['M001', 'M002']));
    expect(ids).not.toContain('M004'); // no consent
    expect(ids).not.toContain('M005'); // left in 2024
    expect(ids).not.toContain('M003'); // no shared slot (火AM/木AM vs 月AM/水AM)
    expect(out.candidates[0]?.reasons.length).toBeGreaterThan(0);
    expect(out.team.uncovered_slots).toEqual([]);
  });

  test('proposes, interviews and places a member: one マッチング row with its dates and status 成立', () => {
    const ports = sidebarPorts();
    const api = createSidebarApi(ports, quietLog);
    const proposed = ok(api.changeMatchStatus({ action: 'propose', job_id: 'J001', member_id: 'M002', fit_score: 87, date: '2025-06-10' }));
    // J001 needs one person on 月AM and 水AM; nobody is placed yet.
    const openJob = { id: 'J001', status: 'open', slots: ['Mon-AM', 'Wed-AM'], headcount: 1, open_slots: ['Mon-AM', 'Wed-AM'], places_left: 2 };
    expect(proposed).toEqual({ match_id: 'X000001', status: 'proposed', proposed_on: '2025-06-10', placed_on: null, ended_on: null, slots: [], job: openJob, activity_id: 'A000008' });
    ok(api.changeMatchStatus({ action: 'interview', job_id: 'J001', member_id: 'M002' }));
    const placed = ok(api.changeMatchStatus({ action: 'place', job_id: 'J001', member_id: 'M002' }));
    // M002 works 月AM, 月PM and 水AM: she takes both of the job's slots, so J001 is covered and 充足.
    expect(placed).toEqual({
      match_id: 'X000001', status: 'placed', proposed_on: '2025-06-10', placed_on: '2025-06-11', ended_on: null, slots: ['Mon-AM', 'Wed-AM'],
      job: { ...openJob, status: 'filled', open_slots: [], places_left: 0 }, activity_id: 'A000010',
    });
    expect(ports.store.read(['マッチング'])?.rows).toEqual([
      // No notes: the cell is left empty (null), not written as ''. The fixture's tab has no 担当枠
      // column (a center that has not run setup since): nothing is written for it.
      ['X000001', 'J001', 'M002', '請負', '成立', { date: '2025-06-10' }, { date: '2025-06-11' }, null, COORDINATOR, 87, null],
    ]);
    expect(ports.store.read(['仕事'])?.rows[0]?.[13]).toBe('充足');
    const audit = (ports.store.read(['監査ログ'])?.rows ?? []).map((r) => [r[2], r[4], r[5]]);
    expect(audit).toEqual([
      ['match_propose', 'X000001', 'job=J001 member=M002 status=none->proposed'],
      ['log_activity', 'A000008', 'area=matching kind=proposal member=M002 client=C001 job=J001'],
      ['match_interview', 'X000001', 'job=J001 member=M002 status=proposed->interview'],
      ['log_activity', 'A000009', 'area=matching kind=interview member=M002 client=C001 job=J001'],
      ['match_place', 'X000001', 'job=J001 member=M002 status=interview->placed slots=Mon-AM,Wed-AM'],
      ['job_status_auto', 'J001', 'status=open->filled placed=1'],
      ['log_activity', 'A000010', 'area=matching member=M002 client=C001 job=J001'],
    ]);
    // Each change logged its マッチング activity, 結果 the new status.
    expect((ports.store.read(['活動記録'])?.rows ?? []).slice(1).map((r) => [r[0], r[3], r[4], r[9]])).toEqual([
      ['A000008', 'マッチング', '提案', '提案'], ['A000009', 'マッチング', '面談', '面接'], ['A000010', 'マッチング', null, '成立'],
    ]);
  });

  test('will not propose the same member twice for one job, nor end a match that is not placed', () => {
    const api = createSidebarApi(sidebarPorts(), quietLog);
    ok(api.changeMatchStatus({ action: 'propose', job_id: 'J001', member_id: 'M001' }));
    expect(api.changeMatchStatus({ action: 'propose', job_id: 'J001', member_id: 'M001' })).toMatchObject({ ok: false, code: 'duplicate_match' });
    const end = api.changeMatchStatus({ action: 'end', job_id: 'J001', member_id: 'M001' });
    expect(end).toMatchObject({ ok: false, code: 'bad_transition', message: '状態「提案」から「終了」には変更できません。' });
  });

  test('ends a placement with ended_on, after which the member may be proposed again', () => {
    const ports = sidebarPorts();
    const api = createSidebarApi(ports, quietLog);
    ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003', date: '2025-06-02' }));
    expect(ok(api.changeMatchStatus({ action: 'end', job_id: 'J002', member_id: 'M003' })).ended_on).toBe('2025-06-11');
    expect(ok(api.changeMatchStatus({ action: 'propose', job_id: 'J002', member_id: 'M003' })).match_id).toBe('X000002');
  });

  test('says which job is unknown', () => {
    const r = createSidebarApi(sidebarPorts(), quietLog).changeMatchStatus({ action: 'propose', job_id: 'J999', member_id: 'M001' });
    expect(r).toMatchObject({ ok: false, code: 'not_found', message: '仕事「J999」が見つかりません。シートを確認してください。' });
  });
});

describe('opening the sidebar', () => {
  test('gives pick lists, my recent entries and the week’s figures as plain JSON', () => {
    const boot = ok(createSidebarApi(sidebarPorts(), quietLog).sidebarBootstrap());
    expect(JSON.parse(JSON.stringify(boot))).toEqual(boot);
    expect(boot.centerName).toBe('柏市シルバー人材センター');
    expect(boot.today).toBe('2025-06-11');
    // M005 left in 2024, so the member picker has four people.
    expect(boot.members.map((m) => m.id)).toEqual(['M001', 'M002', 'M003', 'M004']);
    expect(boot.recentActivities.map((a) => a.activity_id)).toEqual(['A000007']);
    // This week so far is Mon 2025-06-09 .. Wed 06-11: one activity (A000007, 60 min), one job
    // developed (J002, created 06-10), two open jobs; last week (06-02 .. 06-08): no activity, no
    // job developed, and only J001 open (J002 did not exist before 06-10).
    expect(boot.week.current).toEqual({ from: '2025-06-09', to: '2025-06-11' });
    expect(boot.week.previous).toEqual({ from: '2025-06-02', to: '2025-06-08' });
    const fig = Object.fromEntries(boot.week.figures.map((f) => [f.key, [f.current, f.previous]]));
    expect(fig.activities).toEqual([1, 0]);
    expect(fig.activity_minutes).toEqual([60, 0]);
    expect(fig.jobs_developed).toEqual([1, 0]);
    expect(fig.open_jobs).toEqual([2, 1]);
    // Enrolled: M001..M004 (M005 left 2024-03-31) on both days.
    expect(fig.members_enrolled).toEqual([4, 4]);
  });
});
