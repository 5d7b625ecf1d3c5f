import { bestTake, type Capacity } from './hard-rules';
import { bitCount, slotsOf } from './slot-bits';
import type { MosaicTeam, TeamMember } from './types';

// The mosaic team (モザイク型就労): several members who each take some of a job's slots so that
// together every slot is staffed `need` times (need = headcount less the members already placed).
//
// Finding the smallest such team is set cover (NP-hard), so this is the greedy set cover: again
// and again, add the candidate who can take the most still-needed slots within their own caps
// (ties: the better-ranked), until nobody outside the team can take a needed slot. Greedy is
// within a factor H(14) ≈ 3.25 of the minimum in theory and usually exact for a week of 14 slots;
// it is deterministic, explainable to a coordinator and costs O(team size × candidates).
//
// What it guarantees (tested): nobody takes a slot the job does not need or that they cannot
// take; each slot is staffed at most `need` times; and a slot staffed fewer than `need` times
// (listed in uncovered_slots) cannot be staffed by anyone else — every candidate able to work it
// is already on it, or would break their own caps by adding it.
export interface TeamInput {
  readonly member_id: string;
  readonly capacity: Capacity;
}

/** `need`: people still needed in each of the job's slots, one number for all of them or one per
 *  slot bit (index 0 = Mon-AM … 13 = Sun-PM), as the placements already holding places leave it. */
export function buildMosaicTeam(jobSlots: number, need: number | ArrayLike<number>, ranked: readonly TeamInput[]): MosaicTeam {
  const remaining = new Array<number>(14).fill(0);
  let needMask = 0;
  for (let i = 0; i < 14; i++) {
    const n = typeof need === 'number' ? need : need[i] ?? 0;
    if (jobSlots & (1 << i) && n > 0) { remaining[i] = n; needMask |= 1 << i; }
  }
  const used = new Uint8Array(ranked.length);
  const members: TeamMember[] = [];
  while (needMask !== 0) {
    const ceiling = bitCount(needMask);
    let best = -1;
    let bestTakeMask = 0;
    let bestGain = 0;
    for (let c = 0; c < ranked.length; c++) {
      if (used[c]) continue;
      const cap = (ranked[c] as TeamInput).capacity;
      // Cheap upper bound first: most candidates cannot beat the best so far.
      if (Math.min(cap.maxSlots, bitCount(cap.coverable & needMask)) <= bestGain) continue;
      const take = bestTake(cap, needMask);
      const gain = bitCount(take);
      if (gain > bestGain) {
        best = c; bestTakeMask = take; bestGain = gain;
        if (gain === ceiling) break;
      }
    }
    if (best < 0) break;
    used[best] = 1;
    members.push({ member_id: (ranked[best] as TeamInput).member_id, slots: slotsOf(bestTakeMask) });
    for (let i = 0; i < 14; i++) {
      if (bestTakeMask & (1 << i)) {
        const left = (remaining[i] ?? 0) - 1;
        remaining[i] = left;
        if (left === 0) needMask &= ~(1 << i);
      }
    }
  }

  // One backup per slot: the best-ranked candidate outside the team who can work it.
  const backups: { slot: MosaicTeam['backups'][number]['slot']; member_id: string }[] = [];
  for (let i = 0; i < 14; i++) {
    if (!(jobSlots & (1 << i))) continue;
    const c = ranked.findIndex((t, k) => !used[k] && (t.capacity.coverable & (1 << i)) !== 0);
    const slot = slotsOf(1 << i)[0];
    if (c >= 0 && slot) backups.push({ slot, member_id: (ranked[c] as TeamInput).member_id });
  }

  const uncovered = slotsOf(remaining.reduce((mask, left, i) => (left > 0 ? mask | (1 << i) : mask), 0));
  return { members, backups, uncovered_slots: uncovered };
}
