import type { CivilDate } from '../civil-date';
import type { Match } from '../schema/tabs';

// What "a placed match" means across kpi.md: status placed (成立) or ended (終了), with a placed-on day.

export function isPlacement(m: Match): m is Match & { placed_on: CivilDate } {
  return (m.status === 'placed' || m.status === 'ended') && m.placed_on !== null;
}

/** A placement is active on at least one day of [from, to] when placed_on <= to and
 *  (ended_on blank or ended_on >= from). */
export function isActiveBetween(m: Match, from: CivilDate, to: CivilDate): boolean {
  return isPlacement(m) && m.placed_on <= to && (m.ended_on === null || m.ended_on >= from);
}
