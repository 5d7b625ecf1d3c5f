import { GENDER, JOIN_ROUTE } from '../enums';
import { inPeriod, type CivilDate } from '../civil-date';
import type { Member } from '../schema/tabs';
import type { GenderCounts, Report } from './report';
import type { Period } from './period';
import { zeroCounts } from './counts';

// 会員 figures of kpi.md. One pass over the members.

/** The fields of 会員 every report reads (the figures here, the waiting members, the attention
 *  lists): the weekly run reads only these columns (weekly-reads.ts). */
export const MEMBER_FIGURE_KEYS = ['member_id', 'gender', 'joined_on', 'left_on', 'join_route', 'availability', 'consent'] as const;
type MemberFigureKey = (typeof MEMBER_FIGURE_KEYS)[number];

/** The members as the figures read them: one array per field, a member's at one index. The weekly
 *  run folds them straight from 会員's columns (parseColumns: no record per row); other callers
 *  have records (memberColumnsOf). */
export type MemberColumns = { readonly count: number } & { readonly [K in MemberFigureKey]: readonly Member[K][] };

export function memberColumnsOf(members: readonly Member[]): MemberColumns {
  return {
    count: members.length,
    member_id: members.map((m) => m.member_id), gender: members.map((m) => m.gender), joined_on: members.map((m) => m.joined_on),
    left_on: members.map((m) => m.left_on), join_route: members.map((m) => m.join_route), availability: members.map((m) => m.availability),
    consent: members.map((m) => m.consent),
  };
}

/** workbook.md: enrolled on day d when joined_on <= d and (left_on blank or left_on > d). */
export function isEnrolledOn(member: Pick<Member, 'joined_on' | 'left_on'>, day: CivilDate): boolean {
  return enrolledOn(member.joined_on, member.left_on, day);
}

/** isEnrolledOn of a member's two days. */
export function enrolledOn(joinedOn: CivilDate, leftOn: CivilDate | null, day: CivilDate): boolean {
  return joinedOn <= day && (leftOn === null || leftOn > day);
}

function genderCounts(): GenderCounts {
  return { total: 0, ...zeroCounts(GENDER.codes) };
}

export function memberFigures(members: MemberColumns, period: Period, population60Plus: number | null): Report['members'] {
  const enrolledAtStart = genderCounts();
  const enrolled = genderCounts();
  const byRoute = zeroCounts(JOIN_ROUTE.codes);
  const byGender = zeroCounts(GENDER.codes);
  let newTotal = 0;
  let resigned = 0;
  const { gender: genders, joined_on: joinedOn, left_on: leftOn, join_route: route } = members;
  for (let i = 0; i < members.count; i++) {
    // A blank gender is "not answered"; a blank route is counted as other so the split adds up.
    const gender = genders[i] ?? 'unknown';
    const joined = joinedOn[i] as CivilDate;
    const left = leftOn[i] ?? null;
    if (enrolledOn(joined, left, period.from)) { enrolledAtStart.total++; enrolledAtStart[gender]++; }
    if (enrolledOn(joined, left, period.to)) { enrolled.total++; enrolled[gender]++; }
    if (inPeriod(joined, period.from, period.to)) {
      newTotal++;
      byRoute[route[i] ?? 'other']++;
      byGender[gender]++;
    }
    if (inPeriod(left, period.from, period.to)) resigned++;
  }
  return {
    enrolled_at_start: enrolledAtStart,
    enrolled,
    new_members: { total: newTotal, by_route: byRoute, by_gender: byGender },
    resigned_members: resigned,
    crude_enrollment_rate: population60Plus ? enrolled.total / population60Plus : null,
  };
}
