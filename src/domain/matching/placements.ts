import type { CivilDate } from '../civil-date';
import type { Job, Match } from '../schema/tabs';
import { dayNumber } from './day-number';
import { bitCount, slotMask } from './slot-bits';

// A member's placements (成立 and 終了 matches with a job), indexed by member once so that ranking
// reads each member's own few placements instead of scanning every match per member
// (O(members + matches) for a whole ranking).
export interface Placement {
  readonly job_id: string;
  /** The slots the member works: the match's 担当枠 among the job's slots, or — 担当枠 blank — all of
   *  the job's slots (the cautious reading for the work caps). */
  readonly slots: number;
  readonly slotCount: number;
  readonly from: CivilDate;
  /** Last day worked; null while open. */
  readonly to: CivilDate | null;
  /** Status 終了 / ended: with a blank end date it is over, but we do not know since when. */
  readonly ended: boolean;
  /** `from` and `to` as day numbers (day-number.ts), for the fairness window. */
  readonly fromDay: number;
  readonly toDay: number | null;
}

export type PlacementIndex = ReadonlyMap<string, readonly Placement[]>;

export function indexPlacements(
  matches: readonly Pick<Match, 'job_id' | 'member_id' | 'status' | 'placed_on' | 'ended_on' | 'slots'>[], jobs: readonly Pick<Job, 'job_id' | 'slots'>[],
): PlacementIndex {
  const jobSlots = new Map<string, number>();
  const jobSlotCount = new Map<string, number>();
  for (const j of jobs) {
    jobSlots.set(j.job_id, slotMask(j.slots));
    jobSlotCount.set(j.job_id, j.slots.length);
  }
  const byMember = new Map<string, Placement[]>();
  for (const m of matches) {
    // Only work counts: consultations (no job) and matches never placed add no load.
    if ((m.status !== 'placed' && m.status !== 'ended') || m.placed_on === null || m.job_id === null || m.job_id === '') continue;
    const all = jobSlots.get(m.job_id) ?? 0;
    const own = m.slots.length > 0 ? slotMask(m.slots) & all : 0;
    const slots = own !== 0 ? own : all;
    const p: Placement = {
      job_id: m.job_id, slots, slotCount: own !== 0 ? bitCount(own) : jobSlotCount.get(m.job_id) ?? 0,
      from: m.placed_on, to: m.ended_on, ended: m.status === 'ended',
      fromDay: dayNumber(m.placed_on), toDay: m.ended_on === null ? null : dayNumber(m.ended_on),
    };
    const list = byMember.get(m.member_id);
    if (list) list.push(p); else byMember.set(m.member_id, [p]);
  }
  return byMember;
}

/** The member works this placement on day `d`: placed on or before d, and not ended before d.
 *  An ended placement with a blank end date is over (it is not current on any asOf). */
export function activeOn(p: Placement, d: CivilDate): boolean {
  if (p.from > d) return false;
  if (p.to !== null) return p.to >= d;
  return !p.ended;
}
