import { desk, ok, TODAY } from '../day-fixture';

// The 会員 panel's server side (src/app/members/*): a walk-in registered at the window, a member
// edited field by field, a member leaving. On the day fixture (test/app/day-fixture.ts): members
// M001…M009, today 2025-06-11.

const walkIn = {
  name: '山下 隆', kana: 'やました　たかし', gender: 'male', birth_date: '1955-10-02', join_route: 'window', district: '豊四季',
  phone: '04-7100-1234', email: 'takashi@example.jp', skills: ['清掃', '草刈り', '清掃'], preferred_categories: ['清掃'],
  availability: ['Wed-AM', 'Mon-AM'], max_days_per_week: 3, motivations: ['income', 'health'], consent: true, notes: '窓口で登録',
};

describe('registering a member', () => {
  it('numbers from the members\' counter, the ID checked free by a search: one typed by hand moves the counter above every M ID', () => {
    const d = desk();
    expect(ok(d.api().saveMember(walkIn)).member.member_id).toBe('M00010');
    // Somebody types members into 会員 by hand, one of them with the next ID.
    const header = d.store.header(['会員'])?.header ?? [];
    const typed = (ids: string[]) => d.store.appendCells('会員', {
      columns: [header.indexOf('会員ID'), header.indexOf('氏名'), header.indexOf('入会日')], rows: ids.map((id) => [id, '手入力', { date: TODAY }]),
    });
    typed(['M00011', 'M00015']);
    // M00011 is taken: 会員's ID column is read and the counter moves above M00015.
    expect(ok(d.api().saveMember(walkIn)).member.member_id).toBe('M00016');
    // An ID typed further ahead is not looked for while the next ID is free (no column read): M00017
    // is used; M00018, typed, is found taken when the counter reaches it and the counter moves past.
    typed(['M00018']);
    expect(ok(d.api().saveMember(walkIn)).member.member_id).toBe('M00017');
    expect(ok(d.api().saveMember(walkIn)).member.member_id).toBe('M00019');
    const ids = d.rows('会員').map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('appends one 会員 row: the next M ID, today as 入会日, katakana kana, codes as labels, and answers the member', () => {
    const d = desk();
    const out = ok(d.api().saveMember(walkIn));
    // The fixture's highest M ID is M009, so this is M00010 (five digits, as the add-in numbers).
    expect(out.created).toBe(true);
    expect(out.member).toEqual({
      member_id: 'M00010', name: '山下 隆', kana: 'ヤマシタ タカシ', gender: 'male', birth_date: '1955-10-02', age: 69, joined_on: TODAY,
      left_on: null, leave_reason: null, join_route: 'window', district: '豊四季', phone: '04-7100-1234', email: 'takashi@example.jp',
      skills: ['清掃', '草刈り'], preferred_categories: ['清掃'], availability: ['Mon-AM', 'Wed-AM'], max_days_per_week: 3,
      motivations: ['health', 'income'], consent: true, notes: '窓口で登録', enrolled: true,
    });
    const row = d.record('会員', 'M00010');
    expect([row['フリガナ'], row['性別'], row['入会日'], row['入会経路'], row['技能'], row['就業可能枠'], row['生きがい志向'], row['個人情報同意'], row['退会理由']])
      .toEqual(['ヤマシタ タカシ', '男性', { date: TODAY }, '窓口', '清掃、草刈り', '月AM、水AM', '健康、収入', true, null]);
    const audit = d.rows('監査ログ').at(-1) ?? [];
    // IDs and codes only: no name, phone, birth date or note.
    expect([audit[2], audit[4]]).toEqual(['member_register', 'M00010']);
    expect(String(audit[5])).toBe('route=window joined_on=2025-06-11 consent=true fields=name,kana,gender,birth_date,join_route,district,phone,email,skills,preferred_categories,availability,max_days_per_week,motivations,consent,notes');
    expect(String(audit[5])).not.toMatch(/山下|7100|1955|窓口で/);
  });

  it('saves a member without consent (matching, not saving, needs it) and with only a name', () => {
    const d = desk();
    const out = ok(d.api().saveMember({ name: '村上 春子' }));
    expect(out.member).toMatchObject({ member_id: 'M00010', consent: false, joined_on: TODAY, availability: [] });
    // Never a candidate: not in J001's list, counted under 個人情報同意なし.
    ok(d.api().saveMember({ member_id: 'M00010', availability: ['Mon-AM', 'Wed-AM'] }));
    const list = ok(d.api().listCandidates('J001'));
    expect(list.candidates.map((c) => c.member_id)).not.toContain('M00010');
  });

  it('refuses a new member without a name, a birth date after joining, a bad field, and writes nothing', () => {
    const d = desk();
    const api = d.api();
    expect(api.saveMember({ kana: 'ナナシ' })).toMatchObject({ ok: false, code: 'bad_input', message: expect.stringContaining('name') });
    expect(api.saveMember({ name: '未来 太郎', birth_date: '2030-01-01' })).toEqual({
      ok: false, code: 'birth_after_join', message: '生年月日 2030-01-01 が入会日 2025-06-11 より後です。日付を確かめてください。',
    });
    expect(api.saveMember({ name: 'x', gender: '男性' })).toMatchObject({ ok: false, code: 'bad_input' });
    expect(api.saveMember({ name: 'x', left_on: '2025-06-01' })).toMatchObject({ ok: false, code: 'bad_input' });
    expect(api.saveMember({ name: 'x', availability: ['月AM'] })).toMatchObject({ ok: false, code: 'bad_input' });
    expect(d.rows('会員')).toHaveLength(9);
    expect(d.rows('監査ログ')).toHaveLength(0);
  });

  it('keeps a formula typed into the name as text', () => {
    const d = desk();
    ok(d.api().saveMember({ name: '=HYPERLINK("http://evil.example","x")' }));
    expect(d.record('会員', 'M00010')['氏名']).toBe('\'=HYPERLINK("http://evil.example","x")');
  });
});

describe('editing a member', () => {
  it('writes only the cells of the given fields that change, and audits their names', () => {
    const d = desk();
    const writes: { row: number; columns: readonly number[] }[] = [];
    const inner = d.store.writeCells.bind(d.store);
    d.store.writeCells = (name, row, cells) => { if (name === '会員') writes.push({ row, columns: cells.columns }); inner(name, row, cells); };
    // M009 joined at an event with no availability: the coordinator completes the profile.
    const out = ok(d.api().saveMember({ member_id: 'M009', availability: ['Fri-AM'], district: '柏', skills: ['清掃'], max_days_per_week: 2 }));
    // 地区 柏 and 技能 清掃 were already so: only 就業可能枠 (column N, 14th) and 週上限日数 (O) change.
    expect(out.changed).toEqual(['availability', 'max_days_per_week']);
    expect(writes).toEqual([{ row: 10, columns: [13, 14] }]);
    expect(out.member).toMatchObject({ member_id: 'M009', availability: ['Fri-AM'], max_days_per_week: 2, name: '小林 九' });
    expect(d.rows('監査ログ').map((r) => [r[2], r[4], r[5]])).toEqual([['member_edit', 'M009', 'fields=availability,max_days_per_week']]);
  });

  it('changes nothing and audits nothing when the values are the same, and refuses an unknown member', () => {
    const d = desk();
    expect(ok(d.api().saveMember({ member_id: 'M001', district: '柏' })).changed).toEqual([]);
    expect(d.rows('監査ログ')).toHaveLength(0);
    expect(d.api().saveMember({ member_id: 'M404', district: '柏' })).toEqual({ ok: false, code: 'not_found', message: '会員「M404」が見つかりません。シートを確認してください。' });
  });

  it('finds the member for the form with their open matches', () => {
    const d = desk();
    ok(d.api().changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003' }));
    const got = ok(d.api('viewer@example.jp').getMember('M003'));
    expect(got.member).toMatchObject({ member_id: 'M003', name: '上野 三郎', age: 77, district: '我孫子', availability: ['Tue-AM', 'Thu-AM'], enrolled: true });
    expect(got.matches).toEqual([{ match_id: 'X000001', job_id: 'J002', status: 'placed', placed_on: TODAY }]);
  });
});

describe('a member leaving (退会)', () => {
  it('writes 退会日 and 退会理由, ends the running placement, declines the proposal, reopens the job', () => {
    const d = desk();
    const api = d.api();
    ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003', date: '2025-06-02' }));
    ok(api.changeMatchStatus({ action: 'propose', job_id: 'J001', member_id: 'M003' }));
    expect(d.record('仕事', 'J002')['状態']).toBe('充足');
    const out = ok(api.leaveMember({ member_id: 'M003', date: '2025-06-30', reason: 'health' }));
    expect(out).toEqual({
      member: expect.objectContaining({ member_id: 'M003', left_on: '2025-06-30', leave_reason: 'health', enrolled: true }),
      ended: [{ match_id: 'X000001', job_id: 'J002' }], declined: [{ match_id: 'X000002', job_id: 'J001' }], reopened_jobs: ['J002'],
      // J002's fill, so the sidebar's マッチング panel redraws it without a call: its place is back.
      jobs: [{ id: 'J002', status: 'open', slots: ['Tue-AM'], headcount: 1, open_slots: ['Tue-AM'], places_left: 1 }],
    });
    expect([d.record('会員', 'M003')['退会日'], d.record('会員', 'M003')['退会理由']]).toEqual([{ date: '2025-06-30' }, '健康']);
    expect([d.record('マッチング', 'X000001')['状態'], d.record('マッチング', 'X000001')['終了日']]).toEqual(['終了', { date: '2025-06-29' }]);
    expect(d.record('マッチング', 'X000002')['状態']).toBe('辞退');
    expect(d.record('仕事', 'J002')['状態']).toBe('募集中');
    // Each status change logged its マッチング activity; the audit names codes and IDs only.
    expect(d.rows('活動記録').slice(-2).map((r) => [r[5], r[7], r[9]])).toEqual([['M003', 'J002', '終了'], ['M003', 'J001', '辞退']]);
    expect(d.rows('監査ログ').slice(-6).map((r) => [r[2], r[4], r[5]])).toEqual([
      ['member_leave', 'M003', 'left_on=2025-06-30 reason=health'],
      ['match_end', 'X000001', 'job=J002 member=M003 status=placed->ended member_leave'],
      ['match_decline', 'X000002', 'job=J001 member=M003 status=proposed->declined member_leave'],
      ['job_status_auto', 'J002', 'status=filled->open placed=0'],
      ['log_activity', 'A000010', 'area=matching member=M003 job=J002'],
      ['log_activity', 'A000011', 'area=matching member=M003 job=J001'],
    ]);
    // On 2025-06-30 M003 is no longer enrolled (left_on <= d), so not a candidate from that day,
    // and cannot be placed from then on.
    d.day('2025-06-30');
    expect(ok(api.getMember('M003')).member.enrolled).toBe(false);
    expect(api.changeMatchStatus({ action: 'place', job_id: 'J003', member_id: 'M003', slots: ['Mon-AM'] })).toEqual({
      ok: false, code: 'member_left', message: '会員 M003 は 2025-06-30 に退会しているため、成立にできません。',
    });
  });

  it('frees the place on the leaving day itself: a placement that had not started is declined, the job reopens at once', () => {
    const d = desk();
    const api = d.api();
    // Placed today and leaving today: the member is not enrolled on their 退会日, so the
    // placement never started — 辞退, no 終了日, no 就労者 — and J002 has its place back today.
    ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003' }));
    expect(d.record('仕事', 'J002')['状態']).toBe('充足');
    const out = ok(api.leaveMember({ member_id: 'M003', date: TODAY, reason: 'moved' }));
    expect(out).toMatchObject({ ended: [], declined: [{ match_id: 'X000001', job_id: 'J002' }], reopened_jobs: ['J002'] });
    expect([d.record('マッチング', 'X000001')['状態'], d.record('マッチング', 'X000001')['終了日']]).toEqual(['辞退', null]);
    expect(d.record('仕事', 'J002')['状態']).toBe('募集中');
    expect(ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M006' })).status).toBe('placed');
  });

  it('refuses a day before joining and a reason outside the list; a second leave corrects the first', () => {
    const d = desk();
    const api = d.api();
    expect(api.leaveMember({ member_id: 'M001', date: '2019-01-01', reason: 'moved' })).toMatchObject({ ok: false, code: 'leave_before_join' });
    expect(api.leaveMember({ member_id: 'M001', date: '2025-06-30', reason: '引っ越し' })).toMatchObject({ ok: false, code: 'bad_input' });
    ok(api.leaveMember({ member_id: 'M001', date: '2025-06-30', reason: 'moved' }));
    ok(api.leaveMember({ member_id: 'M001', date: '2025-07-31', reason: 'family' }));
    expect([d.record('会員', 'M001')['退会日'], d.record('会員', 'M001')['退会理由']]).toEqual([{ date: '2025-07-31' }, '家庭の事情']);
  });
});
