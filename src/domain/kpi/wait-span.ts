// How long a member has waited, as a manager reads it. The count of days stays the KPI's (kpi.md
// 待機会員, "days waiting"); only its wording changes past a year: a member who joined fifteen years
// ago and was never placed showed as "待機5800日", which reads as nonsense. From a year on the wait
// is given in whole years, floored ("15年以上": never more than is true), and a wait counted from
// the join day says so ("入会から"), since then the center has had no work with them at all.

/** Under this many days a wait is said in days. */
export const WAIT_DAYS_IN_DAYS = 365;
/** The mean calendar year, so whole years are never overstated (1,460 days are 3 years, not 4). */
const YEAR_DAYS = 365.2425;

/** Whole years in `days` (floored), or null when under a year: then say the days. */
export function waitYears(days: number): number | null {
  if (!Number.isFinite(days) || days < WAIT_DAYS_IN_DAYS) return null;
  return Math.max(1, Math.floor(days / YEAR_DAYS));
}
