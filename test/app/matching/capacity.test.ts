import { slotLabel } from '../../../src/domain/slots';
import { desk, ok, TODAY } from '../day-fixture';
import { MANAGER } from '../sidebar/sidebar-fixture';

// The job lifecycle of issue 12 through the use cases: 成立 within each slot's headcount, 充足 and
// 募集中 following the placements, undo the same day, 終了 and 再開. Hand-worked on the day
// fixture (test/app/day-fixture.ts): J002 needs one person on 火AM; J003 two on each of 月AM, 水AM
// and 金AM.

describe('a job with one slot and one person (the issue\'s J0044)', () => {
  it('takes one placement, becomes 充足, offers no more candidates and refuses a second 成立 naming the full slot', () => {
    const d = desk();
    const api = d.api();
    const first = ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003' }));
    // M003 works 火AM and 木AM: of the job's only slot, 火AM. 1/1 → covered.
    expect(first).toMatchObject({ status: 'placed', slots: ['Tue-AM'], job: { status: 'filled', open_slots: [], places_left: 0 } });
    expect(d.record('仕事', 'J002')['状態']).toBe('充足');
    expect(d.record('マッチング', first.match_id)['担当枠']).toBe('火AM');
    // M006 also works 火AM, but the slot is full: no candidate is offered.
    const list = ok(api.listCandidates('J002'));
    expect(list.candidates).toEqual([]);
    expect(list.qualified).toBe(0);
    expect(list.excluded).toContain('合う枠はすでに必要人数に達している: 1');
    const second = api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M006' });
    expect(second).toEqual({ ok: false, code: 'slots_full', message: expect.stringContaining('火AM（1/1名）') });
    // Nothing was written for the refusal: still one match, one activity for it.
    expect(d.rows('マッチング')).toHaveLength(1);
  });

  it('comes back to 募集中 when the placement ends, the place free from the next day', () => {
    const d = desk();
    const api = d.api();
    ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003', date: '2025-06-02' }));
    const ended = ok(api.changeMatchStatus({ action: 'end', job_id: 'J002', member_id: 'M003' }));
    expect(ended).toMatchObject({ status: 'ended', ended_on: TODAY, job: { status: 'open', open_slots: ['Tue-AM'], places_left: 1 } });
    expect(d.record('仕事', 'J002')['状態']).toBe('募集中');
    // Today is M003's last day: a replacement starts tomorrow.
    expect(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M006' })).toMatchObject({ ok: false, code: 'slots_full' });
    expect(ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M006', date: '2025-06-12' }))).toMatchObject({ job: { status: 'filled' } });
  });
});

describe('a job with three slots and two people in each', () => {
  it('fills slot by slot: the third person who shares only full slots is refused, the fourth covers the job', () => {
    const d = desk();
    const api = d.api();
    const place = (member: string) => api.changeMatchStatus({ action: 'place', job_id: 'J003', member_id: member });
    // M007 works all three, but 月上限日数 10 allows two weekdays a week (10 × 12 / 52 = 2.3,
    // matching.md): she takes 月AM and 水AM, Monday first. 月AM 1/2, 水AM 1/2, 金AM 0/2: 4 left.
    expect(ok(place('M007'))).toMatchObject({ slots: ['Mon-AM', 'Wed-AM'], job: { status: 'open', places_left: 4 } });
    // M001 (月AM, 水AM): 月AM 2/2, 水AM 2/2, 金AM 0/2.
    expect(ok(place('M001'))).toMatchObject({ slots: ['Mon-AM', 'Wed-AM'], job: { status: 'open', open_slots: ['Fri-AM'], places_left: 2 } });
    // M002 (月AM, 月PM, 水AM) shares only the two full slots.
    expect(place('M002')).toEqual({ ok: false, code: 'slots_full', message: '仕事 J003 の 月AM（2/2名）、水AM（2/2名） はすでに必要人数に達しているため、成立にできません。ほかの枠の候補を選ぶか、必要人数を見直してください。' });
    // M008 (金AM): 金AM 1/2.
    expect(ok(place('M008'))).toMatchObject({ slots: ['Fri-AM'], job: { status: 'open', places_left: 1 } });
    // M009 has no availability yet: the job's open slots, 金AM → 2/2, every slot at its headcount: 充足.
    expect(ok(place('M009'))).toMatchObject({ slots: ['Fri-AM'], job: { status: 'filled', places_left: 0 } });
    // And the mosaic view has nobody left to add.
    expect(ok(api.listCandidates('J003')).team).toEqual({ members: [], backups: [], uncovered_slots: [] });
  });

  it('refuses a member whose availability misses every slot of the job, and places one with none entered on the open slots', () => {
    const api = desk().api();
    expect(api.changeMatchStatus({ action: 'place', job_id: 'J003', member_id: 'M003' })).toMatchObject({ ok: false, code: 'no_shared_slot' });
    // M009 has not given any availability yet (joined at an event): the job's slots, as many as
    // the caps allow at once (two weekdays: 月AM, 水AM).
    expect(ok(api.changeMatchStatus({ action: 'place', job_id: 'J003', member_id: 'M009' }))).toMatchObject({ slots: ['Mon-AM', 'Wed-AM'] });
  });

  it('counts what the member really worked in the last 4 weeks (就業実績) for the caps of a 成立', () => {
    const work = (rows: [string, string, number][]) => {
      const d = desk();
      d.store.replace('就業実績', ['実績ID', '就業日', '会員ID', '仕事ID', '時間', '金額', '確認', '記録日時', 'メモ'],
        rows.map(([date, member, hours], i) => [`W${String(i + 1).padStart(7, '0')}`, { date }, member, 'J001', hours, null, true, null, '']));
      return d.api().changeMatchStatus({ action: 'place', job_id: 'J003', member_id: 'M007' });
    };
    // Today 2025-06-11: the window is 2025-05-14 … 06-10. M007 worked 8 + 8 = 16 hours in the week
    // of Monday 06-02: (20 − 16) / 4 = 1 more slot a week, so of 月AM, 水AM, 金AM only 月AM (Monday first).
    expect(ok(work([['2025-06-02', 'M007', 8], ['2025-06-03', 'M007', 8], ['2025-06-03', 'M001', 8]]))).toMatchObject({ slots: ['Mon-AM'] });
    // The same hours in the week of 05-05 are older than 4 weeks; another member's rows are not hers:
    // two weekdays, as with no work at all.
    expect(ok(work([['2025-05-05', 'M007', 8], ['2025-05-06', 'M007', 8], ['2025-06-02', 'M001', 8], ['2025-06-03', 'M001', 8]]))).toMatchObject({ slots: ['Mon-AM', 'Wed-AM'] });
    // 4 days in the window: (10 − 4) / 4 = 1 new weekday within 月上限日数 → 月AM only.
    expect(ok(work([['2025-05-19', 'M007', 2], ['2025-05-26', 'M007', 2], ['2025-06-02', 'M007', 2], ['2025-06-09', 'M007', 2]]))).toMatchObject({ slots: ['Mon-AM'] });
  });

  it('takes only the slots given (the mosaic team\'s), and those planned at the proposal', () => {
    const d = desk();
    const api = d.api();
    ok(api.changeMatchStatus({ action: 'propose', job_id: 'J003', member_id: 'M007', slots: ['Fri-AM'] }));
    expect(d.record('マッチング', 'X000001')['担当枠']).toBe('金AM');
    expect(ok(api.changeMatchStatus({ action: 'place', job_id: 'J003', member_id: 'M007' }))).toMatchObject({ slots: ['Fri-AM'], job: { places_left: 5 } });
    expect(ok(api.changeMatchStatus({ action: 'place', job_id: 'J003', member_id: 'M001', slots: ['Wed-AM', 'Sat-AM'] }))).toMatchObject({ slots: ['Wed-AM'] });
  });
});

describe('undoing a 成立 made by mistake', () => {
  it('the same day puts the match back to 提案, frees the place and withdraws the activity the 成立 logged', () => {
    const d = desk();
    const api = d.api();
    const placed = ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003' }));
    const undone = ok(api.changeMatchStatus({ action: 'undo_place', job_id: 'J002', member_id: 'M003' }));
    expect(undone).toMatchObject({ match_id: placed.match_id, status: 'proposed', placed_on: null, activity_id: null, job: { status: 'open', places_left: 1 } });
    expect(d.record('仕事', 'J002')['状態']).toBe('募集中');
    expect(d.record('活動記録', placed.activity_id ?? '')['状態']).toBe('取消');
    const audit = d.rows('監査ログ').map((r) => r[2]);
    expect(audit.slice(-3)).toEqual(['match_undo_place', 'job_status_auto', 'activity_withdraw']);
    // The place is free again.
    expect(ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M006' }))).toMatchObject({ status: 'placed' });
  });

  it('is refused the next day, and for another coordinator\'s match unless a manager asks', () => {
    const d = desk();
    ok(d.api().changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003' }));
    expect(d.api('viewer@example.jp').changeMatchStatus({ action: 'undo_place', job_id: 'J002', member_id: 'M003' })).toMatchObject({ ok: false, code: 'read_only' });
    expect(ok(d.api(MANAGER).changeMatchStatus({ action: 'undo_place', job_id: 'J002', member_id: 'M003' }))).toMatchObject({ status: 'proposed' });
    ok(d.api(MANAGER).changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M006' }));
    // The manager's own proposal row: the coordinator may not undo it.
    expect(d.api().changeMatchStatus({ action: 'undo_place', job_id: 'J002', member_id: 'M006' })).toMatchObject({ ok: false, code: 'not_yours' });
    d.day('2025-06-12');
    expect(d.api(MANAGER).changeMatchStatus({ action: 'undo_place', job_id: 'J002', member_id: 'M006' })).toEqual({
      ok: false, code: 'undo_not_today', message: 'マッチング X000002 の成立日は 2025-06-11 です。成立の取り消しは成立した当日だけできます。終わった就業は「終了」にしてください。',
    });
  });
});

describe('終了 and 再開', () => {
  it('closes a job (no proposal, interview or 成立 while closed) and reopens it as 募集中, or 充足 when already covered', () => {
    const d = desk();
    const api = d.api();
    expect(ok(api.setJobStatus({ job_id: 'J002', status: 'closed' }))).toEqual({
      job: { id: 'J002', status: 'closed', slots: ['Tue-AM'], headcount: 1, open_slots: ['Tue-AM'], places_left: 1 }, changed: true,
    });
    expect(d.record('仕事', 'J002')['状態']).toBe('終了');
    for (const action of ['propose', 'interview', 'place'] as const) {
      expect(api.changeMatchStatus({ action, job_id: 'J002', member_id: 'M003' })).toMatchObject({ ok: false, code: 'job_closed' });
    }
    expect(ok(api.setJobStatus({ job_id: 'J002', status: 'closed' })).changed).toBe(false);
    expect(ok(api.setJobStatus({ job_id: 'J002', status: 'open' })).job.status).toBe('open');
    ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003' }));
    ok(api.setJobStatus({ job_id: 'J002', status: 'closed' }));
    // Closing left the placement as it was; reopening finds the job covered.
    expect(ok(api.setJobStatus({ job_id: 'J002', status: 'open' })).job.status).toBe('filled');
    // 提案中 → 再開: the client agreed.
    expect(ok(api.setJobStatus({ job_id: 'J004', status: 'open' })).job.status).toBe('open');
    expect(d.rows('監査ログ').filter((r) => String(r[2]).startsWith('job_')).map((r) => [r[2], r[4], r[5]])).toEqual([
      ['job_close', 'J002', 'status=open->closed placed=0'],
      ['job_reopen', 'J002', 'status=closed->open placed=0'],
      ['job_status_auto', 'J002', 'status=open->filled placed=1'],
      ['job_close', 'J002', 'status=filled->closed placed=1'],
      ['job_reopen', 'J002', 'status=closed->filled placed=1'],
      ['job_reopen', 'J004', 'status=proposed->open placed=0'],
    ]);
  });
});

describe('the job picker', () => {
  it('lists open jobs by default, newest first, each with its client, slots and places left; include_all adds the others', () => {
    const d = desk();
    const api = d.api();
    ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003' }));
    const open = ok(api.listJobs());
    // J002 is 充足 now and J004 提案中: J003 (created 06-05) and J001 (05-20).
    expect(open.jobs.map((j) => [j.id, j.title, j.client_name, j.status, j.places_left])).toEqual([
      ['J003', '食堂の配膳', 'ひまわり園', 'open', 6], ['J001', '施設の清掃', 'ひまわり園', 'open', 2],
    ]);
    expect(open.total).toBe(4);
    expect(ok(api.listJobs({ include_all: true })).jobs.map((j) => [j.id, j.status])).toEqual([
      ['J003', 'open'], ['J001', 'open'], ['J004', 'proposed'], ['J002', 'filled'],
    ]);
    expect(api.listJobs({ include_all: 'yes' })).toMatchObject({ ok: false, code: 'bad_input' });
  });
});

describe('proposing the mosaic team in one call', () => {
  it('proposes every member with the slots the team gave them, skips one already proposed, and logs each', () => {
    const d = desk();
    const api = d.api();
    const { team } = ok(api.listCandidates('J003'));
    // The greedy team: M002 (best score, 2 slots: the monthly cap allows two weekdays, so M007's
    // three would be two as well, and M002 ranks first), M001 (月AM and 水AM again), then 金AM twice:
    // M007 and M008. M004 has no consent, M009 no availability.
    expect(team).toEqual({
      members: [
        { member_id: 'M002', name: '井上 和子', slots: ['Mon-AM', 'Wed-AM'] }, { member_id: 'M001', name: '青木 一郎', slots: ['Mon-AM', 'Wed-AM'] },
        { member_id: 'M007', name: '木村 七子', slots: ['Fri-AM'] }, { member_id: 'M008', name: '久保 八郎', slots: ['Fri-AM'] },
      ],
      backups: [], uncovered_slots: [],
    });
    ok(api.changeMatchStatus({ action: 'propose', job_id: 'J003', member_id: 'M008' }));
    const out = ok(api.proposeTeam({ job_id: 'J003', members: team.members.map((m) => ({ member_id: m.member_id, slots: m.slots })) }));
    expect(out.skipped).toEqual([{ member_id: 'M008', message: '会員 M008 はこの仕事にすでに提案されています（X000001）。' }]);
    expect(out.proposed).toEqual([
      { member_id: 'M002', match_id: 'X000002', slots: ['Mon-AM', 'Wed-AM'] }, { member_id: 'M001', match_id: 'X000003', slots: ['Mon-AM', 'Wed-AM'] },
      { member_id: 'M007', match_id: 'X000004', slots: ['Fri-AM'] },
    ]);
    for (const p of out.proposed) expect([d.record('マッチング', p.match_id)['状態'], d.record('マッチング', p.match_id)['担当枠']]).toEqual(['提案', p.slots.map((s) => slotLabel(s, 'ja')).join('、')]);
    // Placing the team then takes the planned slots: M007 only 金AM.
    expect(ok(api.changeMatchStatus({ action: 'place', job_id: 'J003', member_id: 'M007' })).slots).toEqual(['Fri-AM']);
    // One マッチング activity per member proposed, after M008's own, then the 成立's.
    expect(d.rows('活動記録').filter((r) => r[3] === 'マッチング' && r[7] === 'J003').map((r) => [r[0], r[5], r[9]])).toEqual([
      ['A000008', 'M008', '提案'], ['A000009', 'M002', '提案'], ['A000010', 'M001', '提案'], ['A000011', 'M007', '提案'], ['A000012', 'M007', '成立'],
    ]);
    expect(api.proposeTeam({ job_id: 'J003', members: [] })).toMatchObject({ ok: false, code: 'bad_input' });
  });
});
