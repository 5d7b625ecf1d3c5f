import { addDays, type CivilDate } from '../civil-date';
import type { Activity, Match } from '../schema/tabs';
import { enrolledOn, type MemberColumns } from './members';
import { activeBetween, placedStatus, type MatchColumns } from './placements';

// The attention lists of kpi.md (要フォロー, 待機会員): IDs only, sorted, never names.

/** kpi.md: a placement needs follow-up from 14 days after placed_on until 60 days after. */
export const FOLLOW_UP_FROM_DAYS = 14;
export const FOLLOW_UP_UNTIL_DAYS = 60;
/** kpi.md: a member is waiting with no match active in the last 90 days. */
export const WAITING_DAYS = 90;

/** Whether a member had a 継続支援 activity on a day of [from, to]: all the follow-ups due ask
 *  (a placement is due when none since its placed-on day). Made once per run and asked for every
 *  period (the weekly run's three reports scanned 500,000 activities three times). */
export interface FollowUpDays { anyBetween(memberId: string, from: CivilDate, to: CivilDate): boolean }

/** Each member's 継続支援 days, sorted: one pass over the activities. */
export function followUpDaysOf(activities: readonly Activity[]): FollowUpDays {
  const days = new Map<string, CivilDate[]>();
  for (const a of activities) {
    if (a.area !== 'follow_up' || a.member_id === null) continue;
    const seen = days.get(a.member_id);
    if (seen === undefined) days.set(a.member_id, [a.date]);
    else seen.push(a.date);
  }
  for (const d of days.values()) d.sort();
  return {
    anyBetween(memberId, from, to) {
      const seen = days.get(memberId);
      const last = seen === undefined ? undefined : lastOnOrBefore(seen, to);
      return last !== undefined && last >= from;
    },
  };
}

/** The latest of sorted `days` on or before `to`, or undefined. */
function lastOnOrBefore(days: readonly CivilDate[], to: CivilDate): CivilDate | undefined {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as CivilDate) <= to) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? days[lo - 1] : undefined;
}

/** Match IDs of placed (成立) matches with placed_on between 60 and 14 days before `to` and no
 *  継続支援 activity for that member dated on or after placed_on (up to `to`: the report is as of `to`).
 *  `followUps` may be given when made once for several periods (followUpDaysOf of the same activities). */
export function followUpsDue(matches: MatchColumns, activities: readonly Activity[], to: CivilDate,
  followUps: FollowUpDays = followUpDaysOf(activities)): string[] {
  const earliest = addDays(to, -FOLLOW_UP_UNTIL_DAYS);
  const latest = addDays(to, -FOLLOW_UP_FROM_DAYS);
  const due: string[] = [];
  const { status, placed_on: placedOn, member_id: memberIds, match_id: matchIds } = matches;
  for (let i = 0; i < matches.count; i++) {
    const placed = placedOn[i] ?? null;
    if (status[i] !== 'placed' || placed === null) continue;
    if (placed < earliest || placed > latest) continue;
    // Due when the member's last 継続支援 day up to `to` is before placed_on, or there is none.
    if (!followUps.anyBetween(memberIds[i] as string, placed, to)) due.push(matchIds[i] as string);
  }
  return due.sort();
}

/** A match keeps a member busy in [from, to]: a placement active on a day of it, or a match still
 *  in progress (候補・提案・面接) proposed in it or with no proposed-on day. Declined and rejected
 *  matches leave the member waiting. */
function busyBetween(status: Match['status'], proposedOn: CivilDate | null, placedOn: CivilDate | null, endedOn: CivilDate | null, from: CivilDate, to: CivilDate): boolean {
  // A placement (isPlacement): active in the span.
  if (placedStatus(status) && placedOn !== null) return activeBetween(status, placedOn, endedOn, from, to);
  if (status === 'candidate' || status === 'proposed' || status === 'interview') {
    return proposedOn === null || (proposedOn >= from && proposedOn <= to);
  }
  return false;
}

/** The members by index, made once per run and shared by the waiting members of every period and
 *  the attention lists: a Set of ~13,000 waiting IDs asked for every match and member was their
 *  cost at a large center. `first[i]` is the index of the first member with member i's ID (a
 *  duplicate ID is one member, as a Set of IDs has it); `ofMatch[j]` that of match j's member, -1
 *  when no member has that ID. */
export interface MemberIndex {
  readonly first: Int32Array;
  readonly ofMatch: Int32Array;
}

export function memberIndexOf(members: MemberColumns, matches: MatchColumns): MemberIndex {
  const at = new Map<string, number>();
  const first = new Int32Array(members.count);
  const ids = members.member_id;
  for (let i = 0; i < members.count; i++) {
    const id = ids[i] as string;
    const seen = at.get(id);
    if (seen === undefined) { at.set(id, i); first[i] = i; } else first[i] = seen;
  }
  const ofMatch = new Int32Array(matches.count);
  const matchMembers = matches.member_id;
  for (let j = 0; j < matches.count; j++) ofMatch[j] = at.get(matchMembers[j] as string) ?? -1;
  return { first, ofMatch };
}

/** Member IDs enrolled on `to`, with consent and at least one availability slot, and no match
 *  active in the 90 days ending on `to` (to - 89 .. to). `index`: memberIndexOf of the same
 *  members and matches, when made once for several periods. */
export function waitingMembers(members: MemberColumns, matches: MatchColumns, to: CivilDate,
  index: MemberIndex = memberIndexOf(members, matches)): string[] {
  const from = addDays(to, -(WAITING_DAYS - 1));
  // Busy by the first index of the member's ID (a match of no member makes no one busy).
  const busy = new Uint8Array(members.count);
  const { ofMatch, first } = index;
  const { status, proposed_on: proposedOn, placed_on: placedOn, ended_on: endedOn } = matches;
  for (let i = 0; i < matches.count; i++) {
    const member = ofMatch[i] as number;
    if (member < 0 || busy[member] === 1) continue;
    if (busyBetween(status[i] as Match['status'], proposedOn[i] ?? null, placedOn[i] ?? null, endedOn[i] ?? null, from, to)) busy[member] = 1;
  }
  const waiting: string[] = [];
  const { member_id: ids, joined_on: joinedOn, left_on: leftOn, consent, availability } = members;
  for (let i = 0; i < members.count; i++) {
    if (enrolledOn(joinedOn[i] as CivilDate, leftOn[i] ?? null, to) && consent[i] === true && (availability[i]?.length ?? 0) > 0 && busy[first[i] as number] !== 1) waiting.push(ids[i] as string);
  }
  return waiting.sort();
}
