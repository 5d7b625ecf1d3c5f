import type { CivilDate } from '../civil-date';

/** Full years of age on `day` for a birth date (both `YYYY-MM-DD`); null when unknown or after
 *  `day`. A person born on 29 February turns a year older on 1 March in a common year (the day
 *  after 28 February), as Japanese law counts it. */
export function ageOn(birthDate: CivilDate | null, day: CivilDate): number | null {
  if (birthDate === null || birthDate === '' || birthDate > day) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}
