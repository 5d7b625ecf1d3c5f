import type { CivilDate } from '../civil-date';

// Ranking 50,000 members compares placement dates with a 90-day window for each of them; going
// through date-fns (a Date per call) made that the slowest part of a ranking. A civil date as a
// whole day count since 1970-01-01 (from Date.UTC, so no time zone can shift it) turns those
// comparisons into integer arithmetic. Computed once per placement, when indexing.
export function dayNumber(day: CivilDate): number {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** 0 = Monday … 6 = Sunday (1970-01-01, day 0, was a Thursday). */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}
