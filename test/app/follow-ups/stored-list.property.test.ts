import fc from 'fast-check';
import { addDays } from '../../../src/domain/civil-date';
import type { Cell } from '../../../src/domain/cell';
import { parseSettings } from '../../../src/domain/settings';
import { capItems, recountFollowUps } from '../../../src/app/follow-ups/keep-list';
import { readStoredList } from '../../../src/app/follow-ups/stored-list';
import { desk, TODAY, type Desk } from '../day-fixture';

// 継続支援's stored list (_継続支援, src/app/follow-ups) against a recount from the tabs: after
// any sequence of the writes that keep it true — a follow-up or another activity logged (today,
// days or months back), a placement proposed, made or ended, a member leaving or edited, an
// activity corrected or withdrawn — the list the panel reads holds exactly the members a full
// recount of 会員, マッチング and 活動記録 finds due, with the same reason, dates and names. Hand
// edits and days passing are caught by the rebuild (the nightly run, 作り直す): a hand edit is
// always followed by one here, as the night would. The day fixture is small, so no group is capped.

type Step =
  | { readonly kind: 'follow_up'; readonly member: string; readonly back: number }
  | { readonly kind: 'activity'; readonly member: string; readonly back: number; readonly area: 'matching' | 'recruitment' | 'follow_up' }
  | { readonly kind: 'match'; readonly action: 'propose' | 'place' | 'end' | 'decline' | 'undo_place'; readonly member: string; readonly job: string; readonly back: number }
  | { readonly kind: 'leave'; readonly member: string; readonly ahead: number }
  | { readonly kind: 'edit'; readonly member: string; readonly consent: boolean; readonly availability: readonly string[] }
  // An edit of fields the list does not depend on (地区, 技能): the write does not look the list up.
  | { readonly kind: 'edit_other'; readonly member: string; readonly district: string }
  | { readonly kind: 'withdraw'; readonly nth: number }
  | { readonly kind: 'correct'; readonly nth: number; readonly member: string; readonly back: number }
  // A correction of the minutes alone: the write does not look the list up either.
  | { readonly kind: 'correct_minutes'; readonly nth: number; readonly minutes: number }
  | { readonly kind: 'hand_edit'; readonly row: number; readonly status: string }
  | { readonly kind: 'next_day'; readonly days: number };

const MEMBERS = ['M001', 'M002', 'M003', 'M004', 'M006', 'M007', 'M008', 'M009'];
const member = fc.constantFrom(...MEMBERS);
const back = fc.constantFrom(0, 0, 2, 10, 20, 60, 100);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('follow_up' as const), member, back }),
  fc.record({ kind: fc.constant('activity' as const), member, back, area: fc.constantFrom('matching' as const, 'recruitment' as const, 'follow_up' as const) }),
  fc.record({
    kind: fc.constant('match' as const), action: fc.constantFrom('propose' as const, 'place' as const, 'place' as const, 'end' as const, 'decline' as const, 'undo_place' as const),
    member, job: fc.constantFrom('J001', 'J002', 'J003'), back: fc.constantFrom(0, 5, 10, 35, 95),
  }),
  fc.record({ kind: fc.constant('leave' as const), member, ahead: fc.constantFrom(0, 1, 30) }),
  fc.record({ kind: fc.constant('edit' as const), member, consent: fc.boolean(), availability: fc.constantFrom([], ['Mon-AM'], ['Tue-AM', 'Fri-AM']) }),
  fc.record({ kind: fc.constant('edit_other' as const), member, district: fc.constantFrom('豊四季', '南柏', '') }),
  fc.record({ kind: fc.constant('withdraw' as const), nth: fc.nat(12) }),
  fc.record({ kind: fc.constant('correct_minutes' as const), nth: fc.nat(12), minutes: fc.constantFrom(5, 45) }),
  fc.record({ kind: fc.constant('correct' as const), nth: fc.nat(12), member, back }),
  fc.record({ kind: fc.constant('hand_edit' as const), row: fc.nat(6), status: fc.constantFrom('成立', '終了', '辞退', '提案') }),
  fc.record({ kind: fc.constant('next_day' as const), days: fc.constantFrom(1, 3, 8, 25) }),
);

function play(d: Desk, today: { value: string }, step: Step, logged: string[]): void {
  const api = d.api();
  const day = (n: number): string => addDays(today.value, -n);
  const keep = (r: { ok: boolean; data?: unknown }): void => {
    const id = r.ok ? (r.data as { activity?: { activity_id?: string }; activity_id?: string | null }) : null;
    const a = id?.activity?.activity_id ?? id?.activity_id ?? null;
    if (a) logged.push(a);
  };
  switch (step.kind) {
    case 'follow_up': keep(api.logFollowUp({ member_id: step.member, date: day(step.back) })); return;
    case 'activity': keep(api.logActivity({ date: day(step.back), area: step.area, member_id: step.member, minutes: 10 })); return;
    case 'match': keep(api.changeMatchStatus({ action: step.action, job_id: step.job, member_id: step.member, date: day(step.back) })); return;
    case 'leave': api.leaveMember({ member_id: step.member, date: addDays(today.value, step.ahead), reason: 'moved' }); return;
    case 'edit': api.saveMember({ member_id: step.member, consent: step.consent, availability: [...step.availability] }); return;
    case 'edit_other': api.saveMember({ member_id: step.member, district: step.district, skills: step.district ? ['清掃'] : [] }); return;
    case 'withdraw': { const id = logged[step.nth % Math.max(1, logged.length)]; if (id) api.withdrawActivity(id); return; }
    case 'correct_minutes': { const id = logged[step.nth % Math.max(1, logged.length)]; if (id) api.correctActivity({ activity_id: id, minutes: step.minutes }); return; }
    case 'correct': {
      const id = logged[step.nth % Math.max(1, logged.length)];
      if (id) api.correctActivity({ activity_id: id, member_id: step.member, date: day(step.back) });
      return;
    }
    case 'hand_edit': {
      // A person changes a match's 状態 in the sheet: the add-in hears nothing until the rebuild.
      const raw = d.store.read(['マッチング']);
      const at = raw?.header.indexOf('状態') ?? -1;
      if (raw && at >= 0 && raw.rows.length > 0) {
        const row = step.row % raw.rows.length;
        d.store.writeCells('マッチング', row + 2, { columns: [at], rows: [[step.status as Cell]] });
      }
      api.rebuildFollowUps();
      return;
    }
    case 'next_day':
      today.value = addDays(today.value, step.days);
      d.day(today.value);
      // Time moving on is the rebuild's job (the nightly trigger run).
      api.rebuildFollowUps();
      return;
  }
}

describe('the stored 継続支援 list', () => {
  it('equals the recount from the tabs after any sequence of writes, hand edits and rebuilds', () => {
    fc.assert(fc.property(fc.array(stepArb, { minLength: 1, maxLength: 14 }), (steps) => {
      const d = desk();
      const today = { value: TODAY };
      const logged: string[] = [];
      // The first listing makes the list (the nightly run would have).
      expect(d.api().listFollowUps().ok).toBe(true);
      steps.forEach((step, i) => {
        play(d, today, step, logged);
        const settings = parseSettings(d.store.read(['設定'])).settings;
        const stored = readStoredList(d.store, 'ja', today.value);
        const recount = capItems(recountFollowUps(d.store, settings, today.value)).kept;
        const key = (x: { member_id: string }): string => x.member_id;
        const sortById = <T extends { member_id: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
        expect({ step: i, items: sortById(stored?.items ?? []) }).toEqual({ step: i, items: sortById(recount) });
        // And the panel's answer is the one a recount would give.
        const shown = d.api().listFollowUps();
        expect(shown.ok).toBe(true);
      });
    }), {
      numRuns: 120, seed: 15_2,
      // A placement at its one-month milestone whose member leaves in a month: leaveMember passes
      // the member's matches to the refresh (follow-ups/keep-list.ts KnownRows); passing none was
      // found only past 500 random runs, so it is run every time.
      examples: [[[
        { kind: 'match', action: 'place', member: 'M004', job: 'J001', back: 35 }, { kind: 'leave', member: 'M004', ahead: 30 }, { kind: 'withdraw', nth: 0 },
      ]]],
    });
  });

  it('a follow-up logged today takes the member off with one search of the list, and a rebuild brings no change', () => {
    const d = desk();
    const api = d.api();
    expect(api.changeMatchStatus({ action: 'place', job_id: 'J002', member_id: 'M003', date: '2025-06-02' }).ok).toBe(true);
    const before = api.listFollowUps();
    expect(before.ok && before.data.items[0]?.member_id).toBe('M003');
    expect(api.logFollowUp({ member_id: 'M003', job_id: 'J002' }).ok).toBe(true);
    const after = api.listFollowUps();
    expect(after.ok && after.data.items.map((i) => i.member_id)).not.toContain('M003');
    const rebuilt = api.rebuildFollowUps();
    expect(rebuilt.ok && after.ok && rebuilt.data.items).toEqual(after.ok ? after.data.items : null);
  });

  it('says how old the list is once the day has changed, until the rebuild', () => {
    const d = desk();
    const api = d.api();
    const first = api.listFollowUps();
    expect(first.ok && [first.data.built_on, first.data.stale]).toEqual([TODAY, false]);
    d.day('2025-06-12');
    const next = api.listFollowUps();
    expect(next.ok && [next.data.built_on, next.data.stale]).toEqual([TODAY, true]);
    const rebuilt = api.rebuildFollowUps();
    expect(rebuilt.ok && [rebuilt.data.built_on, rebuilt.data.stale]).toEqual(['2025-06-12', false]);
  });
  it('an undo_place takes back the contact its 成立 logged: the member is due again, as a recount finds', () => {
    // M002 (joined 2021-04-01, never matched nor contacted) is waiting. 成立 today logs a contact:
    // off the list. The undo withdraws that activity, the only contact M002 had, so the re-count
    // must not take the withdrawn row as a contact (the undo's shortcut skips 会員 and 活動記録
    // only for a contact that still stands): M002 is due again (the proposal the undo leaves
    // keeps them busy, so under no_contact).
    const d = desk();
    const api = d.api();
    const onList = (): string[] => (readStoredList(d.store, 'ja', TODAY)?.items ?? []).map((i) => i.member_id);
    expect(api.listFollowUps().ok).toBe(true);
    expect(onList()).toContain('M002');
    expect(api.changeMatchStatus({ action: 'place', job_id: 'J001', member_id: 'M002' }).ok).toBe(true);
    expect(onList()).not.toContain('M002');
    expect(api.changeMatchStatus({ action: 'undo_place', job_id: 'J001', member_id: 'M002' }).ok).toBe(true);
    const settings = parseSettings(d.store.read(['設定'])).settings;
    const recount = capItems(recountFollowUps(d.store, settings, TODAY)).kept;
    expect(recount.map((i) => i.member_id)).toContain('M002');
    const byId = <T extends { member_id: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => a.member_id.localeCompare(b.member_id));
    expect(byId(readStoredList(d.store, 'ja', TODAY)?.items ?? [])).toEqual(byId(recount));
  });
});
