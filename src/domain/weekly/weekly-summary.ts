import { computeReport, reportBasisOf } from '../kpi/compute-report';
import type { Report } from '../kpi/report';
import { renderWeeklyMail, type RenderedMail } from '../mail/weekly-mail';
import { MOST_URGENT } from '../mail/weekly-sections';
import type { Workbook } from '../workbook';
import { weeklyPeriods, type Period, type WeeklyPeriods } from './week-period';
import { weeklyMailModel, type WeeklyNotice } from './weekly-mail-model';
import type { RawTable } from '../cell';
import { attentionItems } from '../kpi/attention-items';
import { coordinatorFigures } from '../kpi/coordinator-figures';
import { fiscalTargets, yearShareGone } from './fiscal-targets';
import { weeklyTrends, type WeeklyTrends } from './weekly-trends';
import { weeklySurveyLines, type WeeklySurveyInput } from '../mail/weekly-survey-section';
import type { ActivityTotals } from '../kpi/activity-totals';
import type { MemberColumns } from '../kpi/members';
import type { MatchColumns } from '../kpi/placements';

// The weekly summary's computation, in one place: the three reports (the week, the week before,
// the fiscal year to date) and the mail rendered from them. The weekly job, its tests and the
// benchmark all call this, so they measure and check the same thing.
export interface WeeklyReports {
  readonly week: Report;
  readonly previousWeek: Report;
  readonly fiscalYearToDate: Report;
}

export interface WeeklySummary {
  readonly periods: WeeklyPeriods;
  readonly reports: WeeklyReports;
  readonly mail: RenderedMail;
  /** The 13 weeks the mail draws (also written to 推移: trend-tab.ts). */
  readonly trends: WeeklyTrends;
}

/** What the run knows beyond the workbook: 週次KPI as read (the trends' history) and the
 *  spreadsheet's address (the link at the end of the mail). */
export interface WeeklyContext {
  readonly history?: RawTable | null;
  readonly spreadsheetUrl?: string | null;
  /** The surveys of アンケート with their answers' times (the mail's survey section). */
  readonly surveys?: readonly WeeklySurveyInput[];
  /** 活動記録's totals when the run made them itself (stored totals plus the rows after them, or a
   *  fold of the tab's columns: the workbook then holds no activity records); by default those
   *  of workbook.activities. */
  readonly activityTotals?: ActivityTotals;
  /** 会員 as the figures read it when the run folded its columns itself (the workbook then holds
   *  no member records: weekly-reads.ts); by default workbook.members. */
  readonly members?: MemberColumns;
  /** マッチング likewise (by default workbook.matches). */
  readonly matches?: MatchColumns;
}

/** The summary of `week` (Monday..Sunday) from `workbook`; `problemCount` is what the mail reports,
 *  `notices` the notes about the desk at its end. */
export function weeklySummary(workbook: Workbook, week: Period, problemCount: number = workbook.problems.length,
  notices: readonly WeeklyNotice[] = [], context: WeeklyContext = {}): WeeklySummary {
  const { settings } = workbook;
  const periods = weeklyPeriods(week, settings.fiscalYearStartMonth);
  // The counted activities and the follow-up days once, for the three reports.
  const basis = reportBasisOf(workbook, context.activityTotals, context.members, context.matches);
  const reports: WeeklyReports = {
    week: computeReport(workbook, periods.week, {}, basis),
    previousWeek: computeReport(workbook, periods.previousWeek, {}, basis),
    fiscalYearToDate: computeReport(workbook, periods.fiscalYearToDate, {}, basis),
  };
  const trends = weeklyTrends(context.history ?? null, week, reports.week);
  const mail = renderWeeklyMail(weeklyMailModel({
    language: settings.language, centerName: settings.centerName, periods, reports,
    coordinators: workbook.coordinators, events: workbook.events, problemCount, notices,
    extras: {
      trends,
      targets: fiscalTargets(settings, periods.fiscalYear, reports.fiscalYearToDate),
      yearShareGone: yearShareGone(periods.fiscalYear, settings.fiscalYearStartMonth, week.to),
      coordinatorWeek: coordinatorFigures({ activities: workbook.activities, matches: basis.matches, jobs: workbook.jobs }, periods.week, basis.activityTotals),
      coordinatorYear: coordinatorFigures({ activities: workbook.activities, matches: basis.matches, jobs: workbook.jobs }, periods.fiscalYearToDate, basis.activityTotals),
      attention: attentionItems({ jobs: workbook.jobs, matches: basis.matches, members: basis.members }, reports.week, MOST_URGENT, basis.memberIndex),
      spreadsheetUrl: context.spreadsheetUrl ?? null,
      surveys: weeklySurveyLines(context.surveys ?? [], periods.week),
    },
  }));
  return { periods, reports, mail, trends };
}
