import type { Period } from '../kpi/period';
import type { WorkRecord } from '../schema/tabs';
import type { Settings } from '../settings';
import { monthOf } from './month';
import { weekKey } from './week-key';

// Over the caps (issue 13): a member with more distinct work days in a calendar month than
// 月上限日数, or more hours in a Monday–Sunday week than 週上限時間, counting rows of every
// engagement. For a period, the months and weeks that overlap it count, each with its rows
// dated up to the period's end (a week that starts before `from` counts whole up to then;
// nothing after `to` is known yet).

export type WorkCapsSettings = Pick<Settings, 'weeklyHoursCap' | 'monthlyDaysCap'>;

export interface OverCaps {
  readonly over_monthly_days: string[];
  readonly over_weekly_hours: string[];
}

const HOUR_MICRO = 1_000_000;

export function overCaps(workLog: readonly WorkRecord[], period: Period, caps: WorkCapsSettings): OverCaps {
  const firstMonth = monthOf(period.from);
  const lastMonth = monthOf(period.to);
  const firstWeek = weekKey(period.from);
  const daysInMonth = new Map<string, Set<string>>();
  const hoursInWeek = new Map<string, number>();
  for (const r of workLog) {
    if (r.date > period.to) continue;
    const month = monthOf(r.date);
    if (month >= firstMonth && month <= lastMonth) {
      const key = `${r.member_id}\u0000${month}`;
      let days = daysInMonth.get(key);
      if (!days) { days = new Set(); daysInMonth.set(key, days); }
      days.add(r.date);
    }
    const week = weekKey(r.date);
    if (week >= firstWeek) {
      const key = `${r.member_id}\u0000${week}`;
      hoursInWeek.set(key, (hoursInWeek.get(key) ?? 0) + Math.round(r.hours * HOUR_MICRO));
    }
  }
  const overDays = new Set<string>();
  for (const [key, days] of daysInMonth) if (days.size > caps.monthlyDaysCap) overDays.add(key.slice(0, key.indexOf('\u0000')));
  const overHours = new Set<string>();
  const capMicro = caps.weeklyHoursCap * HOUR_MICRO;
  for (const [key, micro] of hoursInWeek) if (micro > capMicro) overHours.add(key.slice(0, key.indexOf('\u0000')));
  return { over_monthly_days: [...overDays].sort(), over_weekly_hours: [...overHours].sort() };
}
