import { addDays, fiscalYear, mondayOf, parseCivilDate, type CivilDate } from '../civil-date';
import type { Settings } from '../settings';

// The period a report covers: both days included, in the center's time zone (kpi.md).
export interface Period {
  readonly from: CivilDate;
  readonly to: CivilDate;
}

/** Fiscal year `fy` as the center counts it: 2015 with April → 2015-04-01 .. 2016-03-31. */
export function fiscalYearPeriod(fy: number, settings: Pick<Settings, 'fiscalYearStartMonth'>): Period {
  return fiscalYear(fy, settings.fiscalYearStartMonth);
}

/** The Monday..Sunday week holding `day`. */
export function weekPeriod(day: CivilDate): Period {
  const from = mondayOf(day);
  return { from, to: addDays(from, 6) };
}

/** An explicit `from`..`to` typed by a person; null when either is not a date or `from` is after `to`. */
export function explicitPeriod(fromText: string, toText: string): Period | null {
  const from = parseCivilDate(fromText);
  const to = parseCivilDate(toText);
  if (from === null || to === null || from > to) return null;
  return { from, to };
}
