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
 *  center, and the weekly run reads every day of the tab.) */
export function parseDay(text: string): DayTotals | null {
  let v: Json;
  try { v = JSON.parse(text); } catch { return null; }
  if (!isRecord(v) || !isInt(v.n) || !isInt(v.m) || !isRecord(v.a) || !isRecord(v.k) || !isRecord(v.c) || !isRecord(v.f)) return null;
  const day = emptyDay();
  day.count = v.n;
  day.minutes = v.m;
  const { a, k, c, f } = v;
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
  for (const id in f) {
    const n = f[id];
    if (!isInt(n)) return null;
    day.followUps.set(id, n);
  }
  return day;
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
