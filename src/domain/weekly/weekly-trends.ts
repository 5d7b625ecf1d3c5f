import { addDays, type CivilDate } from '../civil-date';
import type { RawTable } from '../cell';
import type { Report } from '../kpi/report';
import { WEEKLY_FIGURE_COLUMNS } from './weekly-columns';
import { weekFigures } from './weekly-kpi-tab';
import type { Period } from './week-period';

// The trends of the weekly mail (kpi.md "Weekly summary"): the last 13 weeks of the main figures,
// the 12 weeks before from 週次KPI's rows (the run reads that tab anyway: no extra service call)
// and the week itself from its report, so the newest point is never stale. A week the tab has
// no row for is a gap (null), not a zero: the desk may not have run that week.

export const TREND_WEEKS = 13;

/** The figures drawn, in the mail's order: each a figure column of 週次KPI (weekly-columns.ts). */
export const TREND_FIGURES = ['members_enrolled', 'new_members', 'placed_members', 'jobs_developed', 'activities', 'waiting_members'] as const;
export type TrendFigure = (typeof TREND_FIGURES)[number];

export interface TrendSeries {
  readonly key: TrendFigure;
  /** Oldest first, TREND_WEEKS long; the last is the week reported. */
  readonly values: readonly (number | null)[];
}

export interface WeeklyTrends {
  /** The Mondays of the weeks drawn, oldest first. */
  readonly weeks: readonly CivilDate[];
  readonly series: readonly TrendSeries[];
}

export function weeklyTrends(table: RawTable | null, week: Period, report: Report): WeeklyTrends {
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => addDays(week.from, -7 * (TREND_WEEKS - 1 - i)));
  const history = weekFigures(table, TREND_FIGURES);
  const series = TREND_FIGURES.map((key): TrendSeries => {
    const column = WEEKLY_FIGURE_COLUMNS.find((c) => c.key === key);
    const values = weeks.map((monday, i) => (i === TREND_WEEKS - 1
      ? column?.value(report) ?? null
      : history.get(monday)?.get(key) ?? null));
    return { key, values };
  });
  return { weeks, series };
}
