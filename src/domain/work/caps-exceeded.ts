import { mondayOf, type CivilDate } from '../civil-date';
import type { WorkRecord } from '../schema/tabs';
import { monthOf, type Month } from './month';
import type { WorkCapsSettings } from './over-caps';

// The 臨短軽 caps one member's recorded work goes over, in the months and weeks a new batch of
// rows touches: what the sidebar and the work-report form warn about when work is recorded (a
// warning, never a refusal: the work was done; the center talks to the member and the client).
// The same reading as over-caps.ts (distinct days a calendar month, hours a Monday–Sunday week),
// with the month and the week named so the person can see where.

export interface CapExcess {
  /** Months with more distinct work days than 月上限日数. */
  readonly months: readonly { readonly month: Month; readonly days: number }[];
  /** Weeks (by their Monday) with more hours than 週上限時間. */
  readonly weeks: readonly { readonly monday: CivilDate; readonly hours: number }[];
}

const MICRO = 1_000_000;

/** `rows`: the member's rows (those already recorded and the new ones); `touched`: the new rows' days. */
export function capsExceeded(rows: readonly Pick<WorkRecord, 'date' | 'hours'>[], touched: readonly CivilDate[], caps: WorkCapsSettings): CapExcess {
  const months = new Set(touched.map(monthOf));
  const weeks = new Set(touched.map(mondayOf));
  const days = new Map<Month, Set<CivilDate>>();
  const hours = new Map<CivilDate, number>();
  for (const r of rows) {
    const month = monthOf(r.date);
    if (months.has(month)) {
      const set = days.get(month) ?? new Set<CivilDate>();
      set.add(r.date);
      days.set(month, set);
    }
    const monday = mondayOf(r.date);
    // Hours in millionths: 0.1 + 0.2 must not go over a cap of 0.3.
    if (weeks.has(monday)) hours.set(monday, (hours.get(monday) ?? 0) + Math.round(r.hours * MICRO));
  }
  return {
    months: [...days].filter(([, s]) => s.size > caps.monthlyDaysCap).map(([month, s]) => ({ month, days: s.size })).sort((a, b) => a.month.localeCompare(b.month)),
    weeks: [...hours].filter(([, h]) => h > Math.round(caps.weeklyHoursCap * MICRO)).map(([monday, h]) => ({ monday, hours: h / MICRO })).sort((a, b) => a.monday.localeCompare(b.monday)),
  };
}
