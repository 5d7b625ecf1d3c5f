// The parser as it was before the fast paths (git show 4cf5bc8:src/domain/civil-date.ts), kept unchanged as the
// oracle the property tests hold the fast parser to. Only parseCivilDate changed, so only it is kept;
// the rest of civil-date.ts did not change and the oracle does not need it.
import { isValid } from 'date-fns';

// Inside the domain a day is a civil date `YYYY-MM-DD` with no time zone (conventions.md).
// date-fns does the arithmetic on a local Date at noon, so no time zone or DST shift can move
// the day; the result is read back with local getters, which makes TZ=UTC and TZ=Asia/Tokyo agree.
export type CivilDate = string;

const CIVIL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

function fromLocal(date: Date): CivilDate {
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** `2015-04-01`, `2015/4/1` → `2015-04-01`; impossible dates (`2015-02-30`) and other text → null. */
export function parseCivilDate(text: string): CivilDate | null {
  const m = CIVIL.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = new Date(y, mo - 1, d, 12);
  if (!isValid(date) || date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return fromLocal(date);
}
