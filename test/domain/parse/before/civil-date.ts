// The parser as it was before the fast paths (git show 4cf5bc8:src/domain/civil-date.ts), kept unchanged as the
// oracle the property tests hold the fast parser to. Only the imports were changed.
import { addDays as addDaysFns, differenceInCalendarDays, startOfISOWeek, isValid } from 'date-fns';

// Inside the domain a day is a civil date `YYYY-MM-DD` with no time zone (conventions.md).
// date-fns does the arithmetic on a local Date at noon, so no time zone or DST shift can move
// the day; the result is read back with local getters, which makes TZ=UTC and TZ=Asia/Tokyo agree.
export type CivilDate = string;

const CIVIL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

function toLocalNoon(day: CivilDate): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

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

export function addDays(day: CivilDate, n: number): CivilDate {
  return fromLocal(addDaysFns(toLocalNoon(day), n));
}

export function daysBetween(from: CivilDate, to: CivilDate): number {
  return differenceInCalendarDays(toLocalNoon(to), toLocalNoon(from));
}

/** The Monday of the ISO week holding `day`. */
export function mondayOf(day: CivilDate): CivilDate {
  return fromLocal(startOfISOWeek(toLocalNoon(day)));
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: CivilDate): number {
  return (toLocalNoon(day).getDay() + 6) % 7;
}

export function inPeriod(day: CivilDate | null, from: CivilDate, to: CivilDate): boolean {
  return day !== null && day >= from && day <= to;
}

/** Fiscal year `fy` starting in `startMonth`: 2015 with April → 2015-04-01 .. 2016-03-31. */
export function fiscalYear(fy: number, startMonth: number): { from: CivilDate; to: CivilDate } {
  const from = `${String(fy).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-01`;
  const nextStart = startMonth === 1 ? `${fy + 1}-01-01` : `${fy + 1}-${String(startMonth).padStart(2, '0')}-01`;
  return { from, to: addDays(nextStart, -1) };
}

/** The fiscal year holding `day`. */
export function fiscalYearOf(day: CivilDate, startMonth: number): number {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m >= startMonth ? y : y - 1;
}

/** The civil date of `instant` in IANA zone `timeZone` (used by adapters, once, at the edge). */
export function civilDateIn(instant: Date, timeZone: string): CivilDate {
  return civilDateTimeIn(instant, timeZone).slice(0, 10);
}

/** `YYYY-MM-DDTHH:MM:SS` of `instant` in `timeZone`. */
export function civilDateTimeIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}
