import fc from 'fast-check';
import { addDays, type CivilDate } from '../../../src/domain/civil-date';
import { MATCH_STATUS } from '../../../src/domain/enums';
import { memberIndexOf, waitingMembers } from '../../../src/domain/kpi/attention-lists';
import { enrolledOn, type MemberColumns } from '../../../src/domain/kpi/members';
import { activeBetween, placedStatus, type MatchColumns } from '../../../src/domain/kpi/placements';
import type { Match } from '../../../src/domain/schema/tabs';
import { ALL_SLOTS } from '../../../src/domain/slots';

// The waiting members by member index (memberIndexOf, issue 15 item 4: a Set of member IDs asked
// for every match and member was their cost) are the old Set-of-IDs list: on random columns where
// member IDs repeat, matches name members that are not there, and dates are blank or anywhere
// around the day asked, for that day and for the same index reused across days.

function waitingMembersBefore(members: MemberColumns, matches: MatchColumns, to: CivilDate): string[] {
  const from = addDays(to, -89);
  const busy = new Set<string>();
  for (let i = 0; i < matches.count; i++) {
    const status = matches.status[i] as Match['status'];
    const proposedOn = matches.proposed_on[i] ?? null;
    const placedOn = matches.placed_on[i] ?? null;
    const isBusy = placedStatus(status) && placedOn !== null ? activeBetween(status, placedOn, matches.ended_on[i] ?? null, from, to)
      : (status === 'candidate' || status === 'proposed' || status === 'interview') && (proposedOn === null || (proposedOn >= from && proposedOn <= to));
    if (isBusy) busy.add(matches.member_id[i] as string);
  }
  const waiting: string[] = [];
  for (let i = 0; i < members.count; i++) {
    const id = members.member_id[i] as string;
    if (enrolledOn(members.joined_on[i] as CivilDate, members.left_on[i] ?? null, to) && members.consent[i] === true
      && (members.availability[i]?.length ?? 0) > 0 && !busy.has(id)) waiting.push(id);
  }
  return waiting.sort();
}

const DAY0 = '2026-06-01';
const day = fc.integer({ min: -400, max: 400 }).map((n) => addDays(DAY0, n));
const maybeDay = fc.option(day, { nil: null });
const memberId = fc.integer({ min: 0, max: 30 }).map((n) => `M${String(n).padStart(5, '0')}`);

const membersArb = fc.array(fc.record({
  member_id: memberId, joined_on: day, left_on: maybeDay, consent: fc.boolean(),
  availability: fc.subarray([...ALL_SLOTS], { maxLength: 2 }),
}), { maxLength: 25 }).map((rows): MemberColumns => ({
  count: rows.length,
  member_id: rows.map((r) => r.member_id), gender: rows.map(() => null), joined_on: rows.map((r) => r.joined_on),
  left_on: rows.map((r) => r.left_on), join_route: rows.map(() => null), consent: rows.map((r) => r.consent),
  availability: rows.map((r) => r.availability),
}));

const matchesArb = fc.array(fc.record({
  member_id: memberId, status: fc.constantFrom(...MATCH_STATUS.codes),
  proposed_on: maybeDay, placed_on: maybeDay, ended_on: maybeDay,
}), { maxLength: 40 }).map((rows): MatchColumns => ({
  count: rows.length,
  match_id: rows.map((_, i) => `X${i}`), job_id: rows.map(() => null), member_id: rows.map((r) => r.member_id),
  engagement: rows.map(() => 'dispatch' as const), status: rows.map((r) => r.status), proposed_on: rows.map((r) => r.proposed_on),
  placed_on: rows.map((r) => r.placed_on), ended_on: rows.map((r) => r.ended_on), coordinator: rows.map(() => 'C1'),
}));

test('waiting members by member index are the old Set-of-IDs list', () => {
  fc.assert(fc.property(membersArb, matchesArb, fc.array(day, { minLength: 1, maxLength: 3 }), (members, matches, days) => {
    const index = memberIndexOf(members, matches);
    for (const to of days) {
      const before = waitingMembersBefore(members, matches, to);
      expect(waitingMembers(members, matches, to)).toEqual(before);
      expect(waitingMembers(members, matches, to, index)).toEqual(before);
    }
  }), { numRuns: 500 });
});
