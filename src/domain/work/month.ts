import { addMonths, lastDayOfMonth } from 'date-fns';
import type { CivilDate } from '../civil-date';
import { foldWidth } from '../parse/fold-width';

// A calendar month `YYYY-MM`: what 配分金 is cut off by (month end), what 月次締め closes, and
// the unit of the monthly work cap. Arithmetic through date-fns on a local noon, as civil-date.ts.
export type Month = string;

const MONTH = /^(\d{4})[-/](\d{1,2})(?:[-/]\d{1,2})?$/;

/** `2015-04`, `2015/4` (and a whole day, `2015-04-01`, for a cell Sheets turned into a date) → `2015-04`. */
export function parseMonth(text: string): Month | null {
  const m = MONTH.exec(foldWidth(text).trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}`;
}

/** The month a day falls in. */
export function monthOf(day: CivilDate): Month {
  return day.slice(0, 7);
}

function noonOf(month: Month): Date {
  return new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1, 12);
}

function monthOfDate(d: Date): Month {
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The first and last day of `month`. */
export function monthPeriod(month: Month): { from: CivilDate; to: CivilDate } {
  const last = lastDayOfMonth(noonOf(month)).getDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** `month` moved by `n` months (`2015-12` + 1 → `2016-01`). */
export function addMonthsTo(month: Month, n: number): Month {
  return monthOfDate(addMonths(noonOf(month), n));
}

/** 配分金 is cut off at month end and paid the next month (issue 13): the month a work month is paid in. */
export const PAYMENT_LAG_MONTHS = 1;

/** The work months whose 配分金 is paid in calendar year `year`: December of the year before to
 *  November (paid January to December). */
export function workMonthsPaidIn(year: number): Month[] {
  const first = addMonthsTo(`${String(year).padStart(4, '0')}-01`, -PAYMENT_LAG_MONTHS);
  return Array.from({ length: 12 }, (_, i) => addMonthsTo(first, i));
}
