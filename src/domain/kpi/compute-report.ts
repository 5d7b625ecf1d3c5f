import type { Workbook } from '../workbook';
import type { Report } from './report';
import type { Period } from './period';
import { memberFigures } from './members';
import { workFigures } from './work';
import { activityCounts } from './activities';
import { followUpDaysOf, followUpsDue, waitingMembers, type FollowUpDays } from './attention-lists';
import type { Activity } from '../schema/tabs';
import { eventFigures } from './events';
import { actualWork } from '../work/work-actual';

export interface ReportOptions {
  /** Overrides the workbook's 60歳以上人口 setting (for what-if figures). */
  readonly population60Plus?: number | null;
}

/** What every period's report of one workbook shares, worked out once (weeklySummary makes three
 *  reports of the same workbook): the activities that count, and each member's follow-up days. */
export interface ReportBasis {
  readonly activities: readonly Activity[];
  readonly followUps: FollowUpDays;
}

export function reportBasisOf(workbook: Workbook): ReportBasis {
  // A withdrawn activity (状態 取消) stays in the tab but counts in no figure.
  const activities = workbook.activities.filter((a) => a.status !== 'withdrawn');
  return { activities, followUps: followUpDaysOf(activities) };
}

/** Every figure of kpi.md for [from, to], in cli.md's JSON shape. Linear in the size of the
 *  workbook: each tab is walked a fixed number of times, look-ups go through maps by ID.
 *  `basis`: reportBasisOf(workbook), when the caller makes several reports of it. */
export function computeReport(workbook: Workbook, period: Period, options: ReportOptions = {}, basis: ReportBasis = reportBasisOf(workbook)): Report {
  const population = options.population60Plus !== undefined ? options.population60Plus : workbook.settings.population60Plus;
  const members = memberFigures(workbook.members, period, population);
  const work = {
    ...workFigures(workbook, period, members.enrolled.total),
    actual: actualWork(workbook, period, members.enrolled.total),
  };
  const { activities } = basis;
  return {
    period: { from: period.from, to: period.to },
    members,
    work,
    activities: {
      ...activityCounts(activities, period),
      follow_ups_due: followUpsDue(workbook.matches, activities, period.to, basis.followUps),
      waiting_members: waitingMembers(workbook.members, workbook.matches, period.to),
    },
    events: eventFigures(workbook.events, workbook.registrations, period),
  };
}
