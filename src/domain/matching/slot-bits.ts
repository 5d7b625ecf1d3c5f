import { WEEKDAYS, HALVES, type Slot } from '../slots';

// Slots as bits of one integer (14 slots: bit 2·weekday for AM, +1 for PM), so the matching
// engine can intersect a member's week with a job's in one `&` — ranking 50,000 members stays
// a handful of integer operations per member.

// Written out rather than computed, so reading a member's slots is one property lookup per
// slot (50,000 members' masks in a few ms) and nothing runs at load time.
const BIT_INDEX: Readonly<Record<Slot, number>> = {
  'Mon-AM': 0, 'Mon-PM': 1, 'Tue-AM': 2, 'Tue-PM': 3, 'Wed-AM': 4, 'Wed-PM': 5, 'Thu-AM': 6,
  'Thu-PM': 7, 'Fri-AM': 8, 'Fri-PM': 9, 'Sat-AM': 10, 'Sat-PM': 11, 'Sun-AM': 12, 'Sun-PM': 13,
};

export function slotBit(slot: Slot): number {
  return 1 << BIT_INDEX[slot];
}

export function slotMask(slots: readonly Slot[]): number {
  let mask = 0;
  for (const s of slots) mask |= slotBit(s);
  return mask;
}

/** The slots of `mask`, Monday AM first. */
export function slotsOf(mask: number): Slot[] {
  const out: Slot[] = [];
  for (let i = 0; i < 14; i++) {
    if (mask & (1 << i)) out.push(`${WEEKDAYS[i >> 1]}-${HALVES[i & 1]}` as Slot);
  }
  return out;
}

/** Weekdays touched by `mask`, as a 7-bit mask (bit 0 = Monday). */
export function weekdaysOf(mask: number): number {
  let days = 0;
  for (let d = 0; d < 7; d++) if (mask & (3 << (d * 2))) days |= 1 << d;
  return days;
}

/** Both slots (AM and PM) of every weekday in the 7-bit `days`. */
export function slotsOnWeekdays(days: number): number {
  let mask = 0;
  for (let d = 0; d < 7; d++) if (days & (1 << d)) mask |= 3 << (d * 2);
  return mask;
}

export function bitCount(n: number): number {
  let c = 0;
  let x = n;
  while (x) { x &= x - 1; c++; }
  return c;
}
