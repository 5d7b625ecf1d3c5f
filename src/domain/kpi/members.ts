import { GENDER, JOIN_ROUTE } from '../enums';
import { inPeriod, type CivilDate } from '../civil-date';
import type { Member } from '../schema/tabs';
import type { GenderCounts, Report } from './report';
import type { Period } from './period';
import { zeroCounts } from './counts';

// 会員 figures of kpi.md. One pass over the members.

/** workbook.md: enrolled on day d when joined_on <= d and (left_on blank or left_on > d). */
export function isEnrolledOn(member: Pick<Member, 'joined_on' | 'left_on'>, day: CivilDate): boolean {
  return member.joined_on <= day && (member.left_on === null || member.left_on > day);
}

function genderCounts(): GenderCounts {
  return { total: 0, ...zeroCounts(GENDER.codes) };
}

export function memberFigures(members: readonly Member[], period: Period, population60Plus: number | null): Report['members'] {
  const enrolledAtStart = genderCounts();
  const enrolled = genderCounts();
  const byRoute = zeroCounts(JOIN_ROUTE.codes);
  const byGender = zeroCounts(GENDER.codes);
  let newTotal = 0;
  let resigned = 0;
  for (const m of members) {
    // A blank gender is "not answered"; a blank route is counted as other so the split adds up.
    const gender = m.gender ?? 'unknown';
    if (isEnrolledOn(m, period.from)) { enrolledAtStart.total++; enrolledAtStart[gender]++; }
    if (isEnrolledOn(m, period.to)) { enrolled.total++; enrolled[gender]++; }
    if (inPeriod(m.joined_on, period.from, period.to)) {
      newTotal++;
      byRoute[m.join_route ?? 'other']++;
      byGender[gender]++;
    }
    if (inPeriod(m.left_on, period.from, period.to)) resigned++;
  }
  return {
    enrolled_at_start: enrolledAtStart,
    enrolled,
    new_members: { total: newTotal, by_route: byRoute, by_gender: byGender },
    resigned_members: resigned,
    crude_enrollment_rate: population60Plus ? enrolled.total / population60Plus : null,
  };
}
