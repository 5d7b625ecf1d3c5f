import type { Workbook } from '../workbook';
import type { Report } from './report';
import type { Period } from './period';
import type { CivilDate } from '../civil-date';
import { memberColumnsOf, memberFigures, type MemberColumns } from './members';
import { matchColumnsOf, type MatchColumns } from './placements';
import { workFigures } from './work';
import { followUpsDue, memberIndexOf, waitingMembers, type FollowUpDays, type MemberIndex } from './attention-lists';
import { countsIn, followUpDaysOfTotals, totalsOfActivities, type ActivityTotals } from './activity-totals';
import { eventFigures } from './events';
import { actualWork } from '../work/work-actual';

export interface ReportOptions {
  /** Overrides the workbook's 60歳以上人口 setting (for what-if figures). */
  readonly population60Plus?: number | null;
}

/** What every period's report of one workbook shares, worked out once (weeklySummary makes three
 *  reports of the same workbook): 活動記録's totals per day (activity-totals.ts: withdrawn rows
 *  count in none of them), and each member's follow-up days. */
export interface ReportBasis {
  readonly activityTotals: ActivityTotals;
  readonly followUps: FollowUpDays;
  /** The members as the figures read them (the weekly run's folded from 会員's columns). */
  readonly members: MemberColumns;
  /** The matches as the figures read them (the weekly run's folded from マッチング's columns). */
  readonly matches: MatchColumns;
  /** The members by index and each match's member (memberIndexOf), for every period's waiting
   *  members and the attention lists. */
  readonly memberIndex: MemberIndex;
  /** The attention lists as of a day, once per day: they depend on the period's last day only, and
   *  the week and the fiscal year to date end on the same Sunday (each pass is over every member
   *  and match). */
  readonly listsAt?: Map<CivilDate, { readonly followUpsDue: readonly string[]; readonly waitingMembers: readonly string[] }>;
}

/** The basis of `totals`: the weekly run's (stored totals plus the rows after them, or a fold of
 *  the whole tab), or, by default, of the workbook's parsed activities; and of `members` (the
 *  weekly run's folded columns), by default the workbook's member records. */
export function reportBasisOf(workbook: Pick<Workbook, 'activities' | 'members' | 'matches'>, totals: ActivityTotals = totalsOfActivities(workbook.activities),
  members: MemberColumns = memberColumnsOf(workbook.members), matches: MatchColumns = matchColumnsOf(workbook.matches)): ReportBasis {
  return { activityTotals: totals, followUps: followUpDaysOfTotals(totals), members, matches, memberIndex: memberIndexOf(members, matches), listsAt: new Map() };
}

/** Every figure of kpi.md for [from, to], in cli.md's JSON shape. Linear in the size of the
 *  workbook: each tab is walked a fixed number of times, look-ups go through maps by ID.
 *  `basis`: reportBasisOf(workbook), when the caller makes several reports of it. */
export function computeReport(workbook: Workbook, period: Period, options: ReportOptions = {}, basis: ReportBasis = reportBasisOf(workbook)): Report {
  const population = options.population60Plus !== undefined ? options.population60Plus : workbook.settings.population60Plus;
  const members = memberFigures(basis.members, period, population);
  let lists = basis.listsAt?.get(period.to);
  if (lists === undefined) {
    lists = { followUpsDue: followUpsDue(basis.matches, [], period.to, basis.followUps), waitingMembers: waitingMembers(basis.members, basis.matches, period.to, basis.memberIndex) };
    basis.listsAt?.set(period.to, lists);
  }
  const work = {
    ...workFigures({ matches: basis.matches, jobs: workbook.jobs, clients: workbook.clients }, period, members.enrolled.total),
    actual: actualWork(workbook, period, members.enrolled.total),
  };
  return {
    period: { from: period.from, to: period.to },
    members,
    work,
    activities: {
      ...countsIn(basis.activityTotals, period),
      // (Copies: each report owns its lists.)
      follow_ups_due: [...lists.followUpsDue],
      waiting_members: [...lists.waitingMembers],
    },
    events: eventFigures(workbook.events, workbook.registrations, period),
  };
}
