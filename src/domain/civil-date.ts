import { startOfISOWeek } from 'date-fns';
import { foldWidth } from './parse/fold-width';

// Inside the domain a day is a civil date `YYYY-MM-DD` with no time zone (conventions.md).
// Adding and counting days is UTC arithmetic on the day's number (dayNumber); the week's Monday is
// date-fns' on a local Date at noon, so no time zone or DST shift can move the day; the result is
// read back with local getters, which makes TZ=UTC and TZ=Asia/Tokyo agree.
export type CivilDate = string;

const CIVIL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

function toLocalNoon(day: CivilDate): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

function fromLocal(date: Date): CivilDate {
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether year `y`, month `m`, day `d` is a day of the (proleptic Gregorian) calendar. Checked
 *  with integers rather than a Date per cell, since a large center parses a million date cells;
 *  a property test holds it to Date's own answer. Years below 100 are refused, as they always
 *  were: `new Date(99, …)` means 1999, so no such date ever round-tripped. */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (y < 100 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const days = m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m - 1] as number);
  return d <= days;
}

/** The value of `length` ASCII digits of `text` from `at`, or -1 if any is not a digit. */
function digitsAt(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** `YYYY-MM-DD` exactly (what date cells and the add-in write): the text itself if it is a real
 *  day, null if not, undefined when the text has another shape and needs the general reading. */
function canonicalDay(text: string): CivilDate | null | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y = digitsAt(text, 0, 4);
  const m = digitsAt(text, 5, 2);
  const d = digitsAt(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return undefined;
  return isRealDay(y, m, d) ? text : null;
}

/** `2015-04-01`, `2015/4/1` → `2015-04-01`; impossible dates (`2015-02-30`) and other text → null. */
export function parseCivilDate(text: string): CivilDate | null {
  const canonical = canonicalDay(text);
  if (canonical !== undefined) return canonical;
  const m = CIVIL.exec(foldWidth(text).trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isRealDay(y, mo, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a civil date, by UTC arithmetic: no time zone, no daylight saving, so
 *  exact for every date (the weekly run asks it for tens of thousands of members: date-fns' local
 *  noon and its zone offset were a tenth of the figures' time). */
function dayNumber(day: CivilDate): number {
  // Integers only, no Date per call (the attention lists ask it for every waiting member): the
  // proleptic Gregorian count of days from 0000-03-01, shifted to 1970-01-01 (H. Hinnant's
  // days_from_civil); a property test holds it to date-fns.
  const m = digitsAt(day, 5, 2);
  const y = digitsAt(day, 0, 4) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + digitsAt(day, 8, 2) - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

export function addDays(day: CivilDate, n: number): CivilDate {
  // The inverse of dayNumber (civil_from_days), again without a Date.
  const z = dayNumber(day) + n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function daysBetween(from: CivilDate, to: CivilDate): number {
  return dayNumber(to) - dayNumber(from);
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

/** One formatter per zone: making one costs far more than formatting with it (a sync formats a
 *  time per answer). Filled on first use, never at load time. */
const FORMATS = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DDTHH:MM:SS` of `instant` in `timeZone`. */
export function civilDateTimeIn(instant: Date, timeZone: string): string {
  let format = FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    FORMATS.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}
