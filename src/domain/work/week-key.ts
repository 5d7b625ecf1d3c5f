import type { CivilDate } from '../civil-date';
import { dayNumber } from '../matching/day-number';

/** The Monday–Sunday week of a day as one integer (consecutive weeks, consecutive numbers): day
 *  number 0 (1970-01-01) was a Thursday, so Monday 1969-12-29 (day −3) starts week 0. Integer
 *  arithmetic, since a large center's log has millions of rows. */
export function weekKey(day: CivilDate): number {
  return Math.floor((dayNumber(day) + 3) / 7);
}
