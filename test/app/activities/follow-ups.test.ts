import { desk, ok } from '../day-fixture';

// The 継続支援 panel's server side (src/app/activities/follow-ups.ts) on the day fixture, today
// 2025-06-11: who to call, with name, phone and the reason in words, and the call logged in one tap.

describe('the follow-up worklist', () => {
  it('names the member to call with phone and reason, and a logged follow-up takes them off', () => {
    const d = desk();
    const api = d.api();
    // M003 placed on J002 (植木の手入れ) on 2025-06-02: 9 days → the 1-week milestone, since 06-09.
    ok(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003', date: '2025-06-02' }));
    const list = ok(api.listFollowUps());
    expect(list.items[0]).toEqual({
      member_id: 'M003', name: '上野 三郎', kana: 'ウエノ サブロウ', phone: '04-0000-0003', reason: 'placed_1w',
      reason_text: '就業1週間（植木の手入れ、2025-06-02 成立）', since: '2025-06-09', days: 2, match_id: 'X000001', job_id: 'J002', last_contact: '2025-06-02',
    });
    // Then the members waiting for work (consent, availability, no match), longest first: M001
    // (joined 2020-04-01), M002 (2021-04-01), M006, M007, M008 (2022-04-01, by ID). Then those never
    // contacted: M004 (no consent; joined 2019-04-01) and M009 (no availability; 2022-04-01). M005 left.
    expect(list.items.slice(1).map((i) => [i.member_id, i.reason, i.since])).toEqual([
      ['M001', 'waiting', '2020-04-01'], ['M002', 'waiting', '2021-04-01'], ['M006', 'waiting', '2022-04-01'], ['M007', 'waiting', '2022-04-01'],
      ['M008', 'waiting', '2022-04-01'], ['M004', 'no_contact', '2019-04-01'], ['M009', 'no_contact', '2022-04-01'],
    ]);
    // 2021-04-01 → 2025-06-11: 4 years (365 × 4 + 1 leap day) + 71 days = 1,532.
    expect(list.items[2]?.reason_text).toBe('入会から4年以上（2021-04-01 入会）');
    // 2,263 days: said in whole years, as a manager reads it (kpi/wait-span.ts).
    expect(list.items[6]?.reason_text).toBe('連絡の記録なし（入会から6年以上）');
    expect(list.counts.placed_1w).toBe(1);
    const logged = ok(api.logFollowUp({ member_id: 'M003', job_id: 'J002', minutes: 10, outcome: '順調' }));
    expect(logged.activity).toMatchObject({ area: 'follow_up', kind: 'follow_up_contact', member_id: 'M003', job_id: 'J002', date: '2025-06-11', minutes: 10 });
    expect(ok(api.listFollowUps()).items.map((i) => i.member_id)).not.toContain('M003');
    // The audit has the IDs, never the name or phone.
    expect(JSON.stringify(d.rows('監査ログ'))).not.toMatch(/上野|0000-0003/);
  });

  it('is read by a viewer, written only by a coordinator, and refuses a call with no member', () => {
    const d = desk();
    expect(d.api('viewer@example.jp').listFollowUps().ok).toBe(true);
    expect(d.api('viewer@example.jp').logFollowUp({ member_id: 'M001' })).toMatchObject({ ok: false, code: 'read_only' });
    expect(d.api().logFollowUp({})).toMatchObject({ ok: false, code: 'bad_input' });
  });
});
