import type { CivilDate } from '../civil-date';
import { dayNumber, weekdayOfDayNumber } from './day-number';
import { activeOn, type Placement } from './placements';
import { weekdaysOf } from './slot-bits';
import type { WorkedLoad } from './worked-load';

// What a member already works, counted from their placements: the base of the work caps
// (hard-rules.ts) and of fairness (score.ts).
export interface CurrentLoad {
  /** Hours a week: Σ over placements active on asOf of the job's slots × slot hours. */
  readonly weeklyHours: number;
  /** Slots already taken by current placements (a member cannot be in two places at once). */
  readonly busySlots: number;
  /** Weekdays already worked each week (7-bit mask). */
  readonly weekdays: number;
  /** Jobs the member is placed on, active on asOf. */
  readonly jobIds: readonly string[];
  /** What 就業実績 says they worked in the last 4 weeks (worked-load.ts); absent = nothing known. */
  readonly worked?: WorkedLoad;
}

export const NO_LOAD: CurrentLoad = { weeklyHours: 0, busySlots: 0, weekdays: 0, jobIds: [] };

export function currentLoad(placements: readonly Placement[] | undefined, asOf: CivilDate, slotHours: number): CurrentLoad {
  if (!placements || placements.length === 0) return NO_LOAD;
  let weeklyHours = 0;
  let busySlots = 0;
  const jobIds: string[] = [];
  for (const p of placements) {
    if (!activeOn(p, asOf)) continue;
    weeklyHours += p.slotCount * slotHours;
    busySlots |= p.slots;
    jobIds.push(p.job_id);
  }
  return { weeklyHours, busySlots, weekdays: weekdaysOf(busySlots), jobIds };
}

/** The fairness window: the 90 days before asOf (asOf − 90 … asOf − 1). */
export const RECENT_DAYS = 90;

/** The window as day numbers, worked out once per ranking, with a scratch row of its days. */
export interface RecentWindow {
  readonly first: number;
  readonly last: number;
  readonly firstWeekday: number;
  readonly scratch: Uint8Array;
}

export function recentWindow(asOf: CivilDate): RecentWindow {
  const last = dayNumber(asOf) - 1;
  const first = last - RECENT_DAYS + 1;
  return { first, last, firstWeekday: weekdayOfDayNumber(first), scratch: new Uint8Array(RECENT_DAYS) };
}

/** Distinct days worked in the 90 days before asOf: each day of the window on which a placement
 *  was active and whose weekday is one of its job's slot weekdays. Two placements on the same
 *  day count once. An ended placement with a blank end date is taken to have run until the day
 *  before asOf (it ended, we do not know when; counting more is the cautious side for fairness). */
export function recentWorkDays(placements: readonly Placement[] | undefined, window: RecentWindow | CivilDate): number {
  if (!placements || placements.length === 0) return 0;
  const w = typeof window === 'string' ? recentWindow(window) : window;
  const worked = w.scratch;
  let touched = false;
  for (const p of placements) {
    const days = weekdaysOf(p.slots);
    if (days === 0 || p.fromDay > w.last) continue;
    const end = p.toDay ?? w.last;
    if (end < w.first) continue;
    if (!touched) { worked.fill(0); touched = true; }
    const lo = Math.max(p.fromDay, w.first) - w.first;
    const hi = Math.min(end, w.last) - w.first;
    for (let i = lo; i <= hi; i++) {
      if (days & (1 << ((w.firstWeekday + i) % 7))) worked[i] = 1;
    }
  }
  if (!touched) return 0;
  let n = 0;
  for (let i = 0; i < RECENT_DAYS; i++) n += worked[i] ?? 0;
  return n;
}
