import { addDays, fiscalYear, fiscalYearOf, mondayOf, type CivilDate } from '../civil-date';

// The three periods a weekly summary shows (kpi.md "Weekly summary"): the week (Monday to
// Sunday), the week before it, and the fiscal year up to the week's last day.
export interface Period {
  readonly from: CivilDate;
  readonly to: CivilDate;
}

export interface WeeklyPeriods {
  readonly week: Period;
  readonly previousWeek: Period;
  /** From the first day of the fiscal year holding the week's Sunday, to that Sunday. A week
   *  that straddles the start of a fiscal year therefore counts only its days in the new year. */
  readonly fiscalYearToDate: Period;
  /** The fiscal year of `fiscalYearToDate` (2015 = 平成27年度 = 2015-04-01 .. 2016-03-31). */
  readonly fiscalYear: number;
}

/** The week a run on `runDay` reports: the Monday–Sunday week that ended on the Sunday before
 *  the run day. A run on a Sunday reports the week before, since that Sunday is not over yet. */
export function weekBefore(runDay: CivilDate): Period {
  const sunday = addDays(mondayOf(runDay), -1);
  return { from: addDays(sunday, -6), to: sunday };
}

/** The Monday–Sunday week holding `day` (what `--week DATE` names). */
export function weekHolding(day: CivilDate): Period {
  const monday = mondayOf(day);
  return { from: monday, to: addDays(monday, 6) };
}

export function weeklyPeriods(week: Period, fiscalYearStartMonth: number): WeeklyPeriods {
  const fy = fiscalYearOf(week.to, fiscalYearStartMonth);
  return {
    week,
    previousWeek: { from: addDays(week.from, -7), to: addDays(week.to, -7) },
    fiscalYearToDate: { from: fiscalYear(fy, fiscalYearStartMonth).from, to: week.to },
    fiscalYear: fy,
  };
}
