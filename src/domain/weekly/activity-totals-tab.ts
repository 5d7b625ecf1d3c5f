import type { Cell, RawTable } from '../cell';
import { parseCivilDate, type CivilDate } from '../civil-date';
import { ACTIVITY_KIND, AREA } from '../enums';
import { emptyDay, emptyTotals, type ActivityTotals, type DayTotals } from '../kpi/activity-totals';

// The add-in's own hidden tab `_活動集計` (workbook.md): 活動記録's totals per day
// (activity-totals.ts) and the mark of the rows they count, so the weekly run reads only the rows
// appended since. Two columns, キー and 値; one row per key:
//   mark         {"v":1,"row":R,"id":"A…","recounted":"YYYY-MM-DD","stale":false,"problems":n}
//   day:YYYY-MM-DD  {"n":…,"m":…,"a":{area:[n,m]},"k":{kind:n},"c":{担当:[n,m]},"f":{会員ID:n}}
//   members:i    {"会員ID":n,…}  (the 会員ID every counted row names, in chunks of < 40,000 characters)
// Keys are text a sheet never turns into a date or a number; values JSON text (no cell starts
// with = + - @). IDs and 担当 addresses only: no member's name, phone or address.

export const ACTIVITY_TOTALS_TAB = { ja: '_活動集計', en: '_ActivityTotals' } as const;
export const ACTIVITY_TOTALS_HEADER = ['キー', '値'] as const;
/** The header of an English center's tab. */
export const ACTIVITY_TOTALS_HEADER_EN = ['key', 'value'] as const;
export const TOTALS_VERSION = 1;

/** Which rows of 活動記録 the totals count: sheet rows 2..row, the last of them holding `id`. */
export interface TotalsMark {
  readonly v: number;
  /** The last sheet row counted (1: none yet). */
  readonly row: number;
  /** That row's 活動ID cell as text ('' when blank): a sort or a deleted row above it moves it. */
  readonly id: string;
  /** The day of the last full count of the tab. */
  readonly recounted: CivilDate;
  /** Set when something changed rows already counted in a way no delta followed (a correction
   *  that moved a row's 会員ID): the next run counts the tab again. */
  readonly stale: boolean;
}

export interface StoredTotals {
  readonly mark: TotalsMark;
  readonly totals: ActivityTotals;
}

/** A cap well under Sheets' 50,000 characters a cell. */
const CHUNK = 40_000;

function dayJson(day: DayTotals): string {
  const a: Record<string, [number, number]> = {};
  for (const code of AREA.codes) if (day.area[code] !== 0 || day.areaMinutes[code] !== 0) a[code] = [day.area[code], day.areaMinutes[code]];
  const k: Record<string, number> = {};
  for (const code of ACTIVITY_KIND.codes) if (day.kind[code] !== 0) k[code] = day.kind[code];
  return JSON.stringify({ n: day.count, m: day.minutes, a, k, c: Object.fromEntries(day.coordinators), f: Object.fromEntries(day.followUps) });
}

/** The tab's rows for `totals` counted up to `mark` (days in date order). */
export function totalsTabRows(stored: StoredTotals): Cell[][] {
  const rows: Cell[][] = [['mark', JSON.stringify({ ...stored.mark, problems: stored.totals.problems })]];
  for (const date of [...stored.totals.days.keys()].sort()) {
    const day = stored.totals.days.get(date);
    if (day) rows.push([dayKey(date), stored.totals.dayTexts.get(date) ?? dayJson(day)]);
  }
  let chunk: string[] = [];
  let size = 0;
  let i = 0;
  const flush = (): void => {
    if (chunk.length === 0) return;
    rows.push([`members:${i++}`, `{${chunk.join(',')}}`]);
    chunk = [];
    size = 0;
  };
  for (const [id, n] of [...stored.totals.members].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    const entry = `${JSON.stringify(id)}:${n}`;
    if (size + entry.length + 1 > CHUNK) flush();
    chunk.push(entry);
    size += entry.length + 1;
  }
  flush();
  return rows;
}

export function dayKey(date: CivilDate): string {
  return `day:${date}`;
}

type Json = unknown;

function isRecord(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isInt(v: Json): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function isPair(v: Json): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && isInt(v[0]) && isInt(v[1]);
}

const AREAS: ReadonlySet<string> = new Set(AREA.codes);
const KINDS: ReadonlySet<string> = new Set(ACTIVITY_KIND.codes);

/** One day's JSON back into its totals; null when it is not what totalsTabRows wrote. (for…in
 *  over the parsed objects, not Object.entries: a day names ~200 継続支援 members at a large
 *  center, and the weekly run reads every day of the tab.) The 継続支援 members (`f`, written last,
 *  half the tab's text) are checked here but parsed into their Map only when asked for: the
 *  figures of a year ask for every day's counts, the follow-ups due only for the days of the last
 *  two months (bench/README.md: parsing every day's `f` was a fifth of the steady weekly run). */
export function parseDay(text: string): DayTotals | null {
  const at = text.lastIndexOf(FOLLOW_UPS_AT);
  const open = at + FOLLOW_UPS_AT.length - 1;
  // The fast way only for text as dayJson writes it: `{…,"f":{"ID":n,…}}`, `f` a flat object of
  // integers ending one character before the text (any other text takes the whole parse).
  if (at > 0 && text.charCodeAt(text.length - 1) === CLOSE && flatIntegersEnd(text, open) === text.length - 1) {
    let v: Json;
    try { v = JSON.parse(`${text.slice(0, at)}}`); } catch { return null; }
    // The head parses, so the whole text is the head's object with `f` added last (JSON's last
    // key wins, so an `f` of the head is what the whole parse would overwrite).
    const day = countsOf(v, false);
    if (day === null) return null;
    const followUps = text.slice(open, text.length - 1);
    let parsed: Map<string, number> | null = null;
    // A literal with its getter, not defineProperty over emptyDay's field: turning a field into a
    // getter leaves the object in V8's slow dictionary mode, and the figures read every day.
    return {
      count: day.count, minutes: day.minutes, area: day.area, areaMinutes: day.areaMinutes, kind: day.kind, coordinators: day.coordinators,
      get followUps(): Map<string, number> { return (parsed ??= followUpsOf(followUps)); },
    };
  }
  let v: Json;
  try { v = JSON.parse(text); } catch { return null; }
  const day = countsOf(v, true);
  if (day === null || !isRecord(v) || !isRecord(v.f)) return null;
  const { f } = v;
  for (const id in f) {
    const n = f[id];
    if (!isInt(n)) return null;
    day.followUps.set(id, n);
  }
  return day;
}

const FOLLOW_UPS_AT = ',"f":{';
const CLOSE = 125; // }

/** Everything of a day but its 継続支援 members (`withFollowUps`: its `f` must be an object too). */
function countsOf(v: Json, withFollowUps: boolean): DayTotals | null {
  if (!isRecord(v) || !isInt(v.n) || !isInt(v.m) || !isRecord(v.a) || !isRecord(v.k) || !isRecord(v.c) || (withFollowUps && !isRecord(v.f))) return null;
  const day = emptyDay();
  day.count = v.n;
  day.minutes = v.m;
  const { a, k, c } = v;
  for (const code in a) {
    const pair = a[code];
    if (!AREAS.has(code) || !isPair(pair)) return null;
    day.area[code as (typeof AREA.codes)[number]] = pair[0];
    day.areaMinutes[code as (typeof AREA.codes)[number]] = pair[1];
  }
  for (const code in k) {
    const n = k[code];
    if (!KINDS.has(code) || !isInt(n)) return null;
    day.kind[code as (typeof ACTIVITY_KIND.codes)[number]] = n;
  }
  for (const who in c) {
    const pair = c[who];
    if (!isPair(pair)) return null;
    day.coordinators.set(who, [pair[0], pair[1]]);
  }
  return day;
}

/** A day's `f` text, already checked by flatIntegersEnd, into its Map (as the whole parse makes it). */
function followUpsOf(text: string): Map<string, number> {
  const f = JSON.parse(text) as Record<string, number>;
  const map = new Map<string, number>();
  for (const id in f) map.set(id, f[id] as number);
  return map;
}

/** Where the object starting at `from` ends (the index after its `}`), when it is exactly a flat
 *  JSON object of strings to integers with no white space — `{}`, `{"M1":2,"M\"3":1}` — whose
 *  numbers are exact (at most 15 digits); -1 for anything else. What JSON.parse then makes of it
 *  is an object whose every value passes isInt. */
export function flatIntegersEnd(text: string, from: number): number {
  const end = text.length;
  let i = from;
  if (text.charCodeAt(i) !== 123 /* { */) return -1;
  i++;
  if (text.charCodeAt(i) === CLOSE) return i + 1;
  for (;;) {
    // "key"
    if (text.charCodeAt(i) !== 34) return -1;
    i++;
    for (;;) {
      if (i >= end) return -1;
      const ch = text.charCodeAt(i);
      if (ch === 34) { i++; break; }
      if (ch < 0x20) return -1;
      if (ch === 92 /* \ */) {
        const e = text.charCodeAt(i + 1);
        if (e === 117 /* u */) {
          for (let h = i + 2; h < i + 6; h++) if (!isHex(text.charCodeAt(h))) return -1;
          i += 6;
        } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          i += 2;
        } else {
          return -1;
        }
      } else {
        i++;
      }
    }
    if (text.charCodeAt(i) !== 58 /* : */) return -1;
    i++;
    // -?(0|[1-9][0-9]*), at most 15 digits
    if (text.charCodeAt(i) === 45 /* - */) i++;
    const first = i;
    const d0 = text.charCodeAt(i) - 48;
    if (!(d0 >= 0 && d0 <= 9)) return -1;
    i++;
    if (d0 !== 0) while (i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i - first > 15) return -1;
    const next = text.charCodeAt(i);
    if (next === CLOSE) return i + 1;
    if (next !== 44 /* , */) return -1;
    i++;
  }
}

function isHex(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 70) || (ch >= 97 && ch <= 102);
}

function parseMark(text: string): (TotalsMark & { problems: number }) | null {
  let v: Json;
  try { v = JSON.parse(text); } catch { return null; }
  if (!isRecord(v) || v.v !== TOTALS_VERSION || !isInt(v.row) || v.row < 1 || typeof v.id !== 'string' || !isInt(v.problems)) return null;
  const recounted = typeof v.recounted === 'string' ? parseCivilDate(v.recounted) : null;
  if (recounted === null) return null;
  return { v: TOTALS_VERSION, row: v.row, id: v.id, recounted, stale: v.stale === true, problems: v.problems };
}

function text(c: Cell | undefined): string {
  return typeof c === 'string' ? c : '';
}

/** The tab as written by totalsTabRows; null when it is missing, of another version, or any row
 *  is not what the add-in wrote (a hand edit): the run then counts 活動記録 again. */
export function parseTotalsTab(raw: RawTable | null): StoredTotals | null {
  if (!raw) return null;
  let mark: (TotalsMark & { problems: number }) | null = null;
  const totals = emptyTotals();
  for (const row of raw.rows) {
    const key = text(row[0]).trim();
    const value = text(row[1]);
    if (key === '' && value === '') continue;
    if (key === 'mark') {
      if (mark !== null) return null;
      mark = parseMark(value);
      if (mark === null) return null;
    } else if (key.startsWith('day:')) {
      const date = parseCivilDate(key.slice(4));
      const day = parseDay(value);
      if (date === null || day === null || totals.days.has(date)) return null;
      // A day a correction emptied (adjust-activity-totals.ts) holds nothing.
      if (day.count !== 0) { totals.days.set(date, day); totals.dayTexts.set(date, value); }
    } else if (key.startsWith('members:')) {
      let v: Json;
      try { v = JSON.parse(value); } catch { return null; }
      if (!isRecord(v)) return null;
      for (const id in v) {
        const n = v[id];
        if (!isInt(n) || totals.members.has(id)) return null;
        totals.members.set(id, n);
      }
    } else {
      return null;
    }
  }
  if (mark === null) return null;
  totals.problems = mark.problems;
  const { problems: _problems, ...rest } = mark;
  return { mark: rest, totals };
}

/** Where two totals differ: the days (as dated), and whether the members named or the problem
 *  count differ — what a full count says it found beside the stored totals. */
export function totalsDifference(a: ActivityTotals, b: ActivityTotals): { days: CivilDate[]; members: boolean; problems: boolean } {
  const days = new Set([...a.days.keys(), ...b.days.keys()]);
  const differ = [...days].filter((d) => {
    const x = a.days.get(d);
    const y = b.days.get(d);
    return x === undefined || y === undefined || dayJson(x) !== dayJson(y);
  }).sort();
  const members = a.members.size !== b.members.size || [...a.members].some(([id, n]) => b.members.get(id) !== n);
  return { days: differ, members, problems: a.problems !== b.problems };
}
