import type { CivilDate } from '../civil-date';
import type { Member } from '../schema/tabs';
import type { RankedMember } from './types';
import type { CurrentLoad } from './work-load';
import { NO_WORK, WORKED_WEEKS } from './worked-load';
import { bitCount, slotMask, slotsOnWeekdays, weekdaysOf } from './slot-bits';

// The hard rules of matching (issue 4): a member who breaks one is never a candidate. Checked in
// this order, and a turned-away member is counted under the first rule broken.
export const EXCLUSIONS = [
  'not_enrolled', 'no_consent', 'already_placed', 'no_shared_slot', 'slots_full', 'slots_busy',
  'weekly_hours', 'max_days_per_week', 'monthly_days',
] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export interface WorkCaps {
  /** Hours in one half-day slot (設定 枠時間, default 4). */
  readonly slotHours: number;
  /** 週上限時間, default 20 (the 臨短軽 rule). */
  readonly weeklyHoursCap: number;
  /** 月上限日数, default 10. */
  readonly monthlyDaysCap: number;
}

/** What a member may still take on within the caps, given what they already work. */
export interface Capacity {
  /** The job's slots this member can take, each on its own without breaking a rule. */
  readonly coverable: number;
  /** Most further slots a week: ⌊(weekly hours cap − current hours) / slot hours⌋. */
  readonly maxSlots: number;
  /** Weekdays already worked (taking more slots on them adds no working day). */
  readonly weekdays: number;
  /** Most weekdays that may be added to a week. */
  readonly maxNewWeekdays: number;
}

export type Eligibility = { readonly ok: true; readonly capacity: Capacity } | { readonly ok: false; readonly rule: Exclusion };

/** The monthly cap read as weekdays worked every week: a weekday worked each week is 52 / 12
 *  ≈ 4.33 days a month, so w weekdays fit when w × 52 ≤ cap × 12 (10 days → at most 2 weekdays,
 *  since 3 × 4.33 = 13 > 10). A plain rule a coordinator can check by hand, and never under the
 *  real count of a typical month. */
export function weekdaysAllowedByMonthlyCap(monthlyDaysCap: number): number {
  return Math.floor((monthlyDaysCap * 12) / 52);
}

/** A member is enrolled on day d when joined_on ≤ d and (left_on blank or left_on > d) (workbook.md). */
export function enrolledOn(member: Pick<Member, 'joined_on' | 'left_on'>, d: CivilDate): boolean {
  return member.joined_on <= d && (member.left_on === null || member.left_on > d);
}

/** `availability` is the member's slots as a mask; callers ranking many jobs pass it precomputed.
 *  `openSlots`: the job's slots with a place left (design: workbook.md "Capacity, slot by slot");
 *  a member who shares only full slots with the job is turned away as `slots_full`. */
export function checkHardRules(
  member: RankedMember, jobId: string, jobSlots: number, load: CurrentLoad, caps: WorkCaps, asOf: CivilDate,
  availability: number = slotMask(member.availability), openSlots: number = jobSlots,
): Eligibility {
  if (!enrolledOn(member, asOf)) return { ok: false, rule: 'not_enrolled' };
  if (!member.consent) return { ok: false, rule: 'no_consent' };
  if (load.jobIds.includes(jobId)) return { ok: false, rule: 'already_placed' };
  const sharedAny = availability & jobSlots;
  if (sharedAny === 0) return { ok: false, rule: 'no_shared_slot' };
  const shared = sharedAny & openSlots;
  if (shared === 0) return { ok: false, rule: 'slots_full' };
  const free = shared & ~load.busySlots;
  if (free === 0) return { ok: false, rule: 'slots_busy' };
  // Real work (issue 13) counts beside the plan: the busier of the two, never their sum (a row on a
  // placed job is that placement's work, not more of it).
  const real = load.worked ?? NO_WORK;
  const maxSlots = Math.floor((caps.weeklyHoursCap - Math.max(load.weeklyHours, real.weekHours)) / caps.slotHours);
  if (maxSlots < 1) return { ok: false, rule: 'weekly_hours' };

  const worked = bitCount(load.weekdays);
  const onWorkedDays = free & slotsOnWeekdays(load.weekdays);
  const newDayBudgetWeek = (member.max_days_per_week ?? 7) - Math.max(worked, real.weekDays);
  const byWeek = newDayBudgetWeek >= 1 ? free : onWorkedDays;
  if (byWeek === 0) return { ok: false, rule: 'max_days_per_week' };
  // A new weekday adds about one day a week: WORKED_WEEKS days to the days of the last 4 weeks.
  const newDayBudgetMonth = Math.min(
    weekdaysAllowedByMonthlyCap(caps.monthlyDaysCap) - worked,
    Math.floor((caps.monthlyDaysCap - real.days) / WORKED_WEEKS),
  );
  const coverable = newDayBudgetMonth >= 1 ? byWeek : byWeek & onWorkedDays;
  if (coverable === 0) return { ok: false, rule: 'monthly_days' };

  return {
    ok: true,
    capacity: {
      coverable, maxSlots, weekdays: load.weekdays,
      maxNewWeekdays: Math.max(0, Math.min(newDayBudgetWeek, newDayBudgetMonth)),
    },
  };
}

/** The most of `wanted` this member can take at once within their capacity: every wanted slot on
 *  a weekday they already work, plus the wanted slots of the best `maxNewWeekdays` new weekdays
 *  (most wanted slots first, then Monday first), cut to `maxSlots` keeping already-worked days
 *  first. This is a largest such set (each weekday holds at most 2 slots, so taking the fullest
 *  weekdays first is optimal), and it cannot be grown without breaking a cap. */
export function bestTake(capacity: Capacity, wanted: number): number {
  const want = capacity.coverable & wanted;
  if (want === 0) return 0;
  const onWorked = want & slotsOnWeekdays(capacity.weekdays);
  let take = onWorked;
  const rest = want & ~onWorked;
  if (rest !== 0 && capacity.maxNewWeekdays > 0) {
    const days: { d: number; n: number }[] = [];
    for (let d = 0; d < 7; d++) {
      const n = bitCount(rest & (3 << (d * 2)));
      if (n > 0) days.push({ d, n });
    }
    days.sort((a, b) => b.n - a.n || a.d - b.d);
    for (const { d } of days.slice(0, capacity.maxNewWeekdays)) take |= rest & (3 << (d * 2));
  }
  if (bitCount(take) <= capacity.maxSlots) return take;
  // Too many slots for the weekly hours: keep slots on already-worked days first, then Monday first.
  let kept = 0;
  let room = capacity.maxSlots;
  for (const pool of [take & onWorked, take & ~onWorked]) {
    for (let i = 0; i < 14 && room > 0; i++) {
      if (pool & (1 << i)) { kept |= 1 << i; room--; }
    }
  }
  return kept;
}

/** Weekdays `take` would add to the member's week. */
export function newWeekdays(capacity: Capacity, take: number): number {
  return weekdaysOf(take) & ~capacity.weekdays;
}
