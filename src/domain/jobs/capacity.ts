import type { CivilDate } from '../civil-date';
import type { JobStatus } from '../enums';
import type { Job, Match } from '../schema/tabs';
import type { Slot } from '../slots';
import { slotMask, slotsOf } from '../matching/slot-bits';

// How full a job is, slot by slot (workbook.md 仕事 必要人数, マッチング 担当枠). 必要人数 is the
// number of people each of the job's slots needs; a placement covers the slots in its 担当枠
// (those of the job's slots it lists), or every slot of the job when 担当枠 is blank (rows written
// before the column existed, or by hand: the cautious reading). A slot is full when the
// placements holding a place on it reach 必要人数; the job is covered when every slot is full.
// A job that lists no slot is one slot of its own: covered when 必要人数 placements hold a place.

/** A match holds a place on `day`: a placement (成立 or 終了) whose 終了日 is `day` or later, or
 *  blank while still 成立 (a 終了 without a date is over). One that starts after `day` already
 *  holds its place, so two people can never be promised the same place for next month. */
export function holdsPlace(m: Pick<Match, 'status' | 'ended_on'>, day: CivilDate): boolean {
  if (m.status !== 'placed' && m.status !== 'ended') return false;
  return m.ended_on === null ? m.status === 'placed' : m.ended_on >= day;
}

/** The job's slots (mask) a placement covers: its 担当枠 among the job's slots, else all of them. */
export function coveredSlots(m: Pick<Match, 'slots'>, job: Pick<Job, 'slots'>): number {
  const jobMask = slotMask(job.slots);
  const own = slotMask(m.slots) & jobMask;
  return own !== 0 ? own : jobMask;
}

export interface SlotFill {
  readonly slot: Slot;
  /** Placements holding a place on this slot. */
  readonly filled: number;
}

export interface JobCapacity {
  readonly job_id: string;
  /** People needed in each slot (blank 必要人数 = 1). */
  readonly headcount: number;
  /** Each of the job's slots, in week order, with its placements. */
  readonly fill: readonly SlotFill[];
  /** Slots at (or over) the headcount. */
  readonly full: readonly Slot[];
  /** Slots with room left. */
  readonly open: readonly Slot[];
  /** Places still to fill: Σ over the slots of (headcount − filled), never below 0 per slot; for a
   *  job without slots, headcount − placements. */
  readonly places_left: number;
  /** Placements holding a place on the job. */
  readonly placed: number;
  /** Every slot is full (a job without slots: placed ≥ headcount). */
  readonly covered: boolean;
}

/** The job's fill on `day` from `matches` (any matches: those of other jobs are ignored). */
export function jobCapacity(
  job: Pick<Job, 'job_id' | 'slots' | 'headcount'>, matches: Iterable<Pick<Match, 'job_id' | 'status' | 'ended_on' | 'slots'>>, day: CivilDate,
): JobCapacity {
  const headcount = Math.max(1, job.headcount ?? 1);
  const slots = slotsOf(slotMask(job.slots));
  const counts = new Array<number>(slots.length).fill(0);
  let placed = 0;
  for (const m of matches) {
    if (m.job_id !== job.job_id || !holdsPlace(m, day)) continue;
    placed++;
    const mask = coveredSlots(m, job);
    slots.forEach((s, i) => { if (mask & slotMask([s])) counts[i] = (counts[i] ?? 0) + 1; });
  }
  const fill = slots.map((slot, i) => ({ slot, filled: counts[i] ?? 0 }));
  const full = fill.filter((f) => f.filled >= headcount).map((f) => f.slot);
  const open = fill.filter((f) => f.filled < headcount).map((f) => f.slot);
  const placesLeft = slots.length === 0
    ? Math.max(0, headcount - placed)
    : fill.reduce((sum, f) => sum + Math.max(0, headcount - f.filled), 0);
  return {
    job_id: job.job_id, headcount, fill, full, open, places_left: placesLeft, placed,
    covered: slots.length === 0 ? placed >= headcount : open.length === 0,
  };
}

/** What a new placement would take: `take`, the slots (mask) it covers, or `full`, the slots it
 *  wanted that are all at their headcount. `wanted` is the job's slots the member would work
 *  (already cut to the job's); 0 = the job has no slots. */
export type PlacementVerdict = { readonly ok: true; readonly take: number } | { readonly ok: false; readonly full: readonly Slot[] };

export function placementTake(capacity: JobCapacity, wanted: number): PlacementVerdict {
  if (capacity.fill.length === 0) return capacity.covered ? { ok: false, full: [] } : { ok: true, take: 0 };
  const open = slotMask(capacity.open);
  const take = wanted & open;
  if (take === 0) return { ok: false, full: slotsOf(wanted & ~open) };
  return { ok: true, take };
}

/** The slots a placement of a member would want: the planned ones (担当枠 written at the proposal)
 *  among the job's, else the member's 就業可能枠 among the job's, else — availability not entered
 *  yet — all of the job's slots (the coordinator knows better than an empty cell). */
export function wantedSlots(job: Pick<Job, 'slots'>, planned: readonly Slot[], availability: readonly Slot[]): number {
  const jobMask = slotMask(job.slots);
  const plan = slotMask(planned) & jobMask;
  if (plan !== 0) return plan;
  if (availability.length === 0) return jobMask;
  return slotMask(availability) & jobMask;
}

/** Which way a change moved a job: a placement made (`fill`) or one ended or undone (`release`). */
export type CapacityChange = 'fill' | 'release';

/** The job's status after a change: 募集中 becomes 充足 once covered; 充足 becomes 募集中 again
 *  when no longer covered. 提案中 and 終了 are a coordinator's decision and stay. */
export function statusAfter(status: JobStatus | null, capacity: Pick<JobCapacity, 'covered'>, change: CapacityChange): JobStatus | null {
  if (change === 'fill' && status === 'open' && capacity.covered) return 'filled';
  if (change === 'release' && status === 'filled' && !capacity.covered) return 'open';
  return status;
}
