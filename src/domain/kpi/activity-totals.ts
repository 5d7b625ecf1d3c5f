import { ACTIVITY_KIND, AREA, type ActivityKind, type Area } from '../enums';
import { inPeriod, type CivilDate } from '../civil-date';
import type { Cell, RawTable } from '../cell';
import type { Problem } from '../messages/problem';
import { locateColumns } from '../parse/parse-table';
import { CellProblem, isBlankCell, readerOf } from '../parse/parse-cell';
import { ACTIVITIES_TAB, type Activity } from '../schema/tabs';
import type { Report } from './report';
import type { Period } from './period';
import { sortedKeys } from './counts';
import type { FollowUpDays } from './attention-lists';

// What every figure of 活動記録 needs, per day (issue 15 items 3–4): the count and minutes by
// area, kind and 担当, and who had a 継続支援 activity that day — plus, for the whole tab, how
// many of its cells the parse would report and which 会員ID each counted row names (a reference
// to a member that does not exist is a problem the mail counts). Everything else of a row (its
// ID, notes, outcome) no figure uses. Two things make these totals:
// - foldActivityColumns: straight from the tab's columns, one pass, no record per row (500,000
//   rows of 13 fields and their garbage were most of the weekly run's compute);
// - addActivity: one record (±1), for a correction or a withdrawal of a row already counted.
// Sums of integers, so a total is the same whatever the order the rows were added in: the stored
// totals plus the rows after them equal a count of every row (the model test holds it).

/** One day's counted (not withdrawn) activities. Coordinator keys are the 担当 cell as read. */
export interface DayTotals {
  count: number;
  minutes: number;
  readonly area: Record<Area, number>;
  readonly areaMinutes: Record<Area, number>;
  /** A blank kind counts as other (kpi.md: every split adds up to its total). */
  readonly kind: Record<ActivityKind, number>;
  /** 担当 → [count, minutes]; an entry is removed when its count falls to 0. */
  readonly coordinators: Map<string, [number, number]>;
  /** 会員ID → 継続支援 activities of that day. */
  readonly followUps: Map<string, number>;
}

export interface ActivityTotals {
  readonly days: Map<CivilDate, DayTotals>;
  /** 会員ID → rows naming it (withdrawn ones too: a row is checked whatever its state). */
  readonly members: Map<string, number>;
  /** Cell problems the parse finds in the rows folded (a row's own: a bad date, area, minutes…). */
  problems: number;
  /** A day's text as read from `_活動集計` (activity-totals-tab.ts), kept while the day is as read
   *  (addActivity drops it when it changes the day): writing the tab back re-uses it, where making
   *  every day's JSON again was a tenth of the weekly run's compute. */
  readonly dayTexts: Map<CivilDate, string>;
}

export function emptyTotals(): ActivityTotals {
  return { days: new Map(), members: new Map(), problems: 0, dayTexts: new Map() };
}

function zeros<C extends string>(codes: readonly C[]): Record<C, number> {
  const out = {} as Record<C, number>;
  for (const c of codes) out[c] = 0;
  return out;
}

export function emptyDay(): DayTotals {
  return {
    count: 0, minutes: 0, area: zeros(AREA.codes), areaMinutes: zeros(AREA.codes), kind: zeros(ACTIVITY_KIND.codes),
    coordinators: new Map(), followUps: new Map(),
  };
}

function bumpMap(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

/** The fields of a row the totals use, as the parse reads them. */
export type CountedFields = Pick<Activity, 'date' | 'coordinator' | 'area' | 'kind' | 'member_id' | 'minutes' | 'status'>;

/** Adds (sign 1) or takes away (sign -1) one usable row. */
export function addActivity(totals: ActivityTotals, a: CountedFields, sign: 1 | -1): void {
  if (a.member_id !== null && a.member_id !== '') bumpMap(totals.members, a.member_id, sign);
  if (a.status === 'withdrawn') return;
  if (totals.dayTexts.size > 0) totals.dayTexts.delete(a.date);
  let day = totals.days.get(a.date);
  if (day === undefined) totals.days.set(a.date, (day = emptyDay()));
  addToDay(totals, day, a, sign);
}

/** The row's counts into its day (found or made by the caller). */
function addToDay(totals: ActivityTotals, day: DayTotals, a: CountedFields, sign: 1 | -1): void {
  const m = (a.minutes ?? 0) * sign;
  day.count += sign;
  day.minutes += m;
  day.area[a.area] += sign;
  day.areaMinutes[a.area] += m;
  day.kind[a.kind ?? 'other'] += sign;
  const c = day.coordinators.get(a.coordinator);
  if (c === undefined) day.coordinators.set(a.coordinator, [sign, m]);
  else if (c[0] + sign === 0) day.coordinators.delete(a.coordinator);
  else { c[0] += sign; c[1] += m; }
  if (a.area === 'follow_up' && a.member_id !== null) bumpMap(day.followUps, a.member_id, sign);
  if (day.count === 0) totals.days.delete(a.date);
}

/** The totals of records already parsed (the sidebar's headline, `ikigai report`, a test). */
export function totalsOfActivities(activities: readonly CountedFields[]): ActivityTotals {
  const totals = emptyTotals();
  for (const a of activities) addActivity(totals, a, 1);
  return totals;
}

const FOLDED = ['activity_id', 'date', 'coordinator', 'area', 'kind', 'member_id', 'minutes', 'status'] as const;

/** The columns the fold reads (the weekly run reads only these of 活動記録: weekly-reads.ts). */
export const ACTIVITY_TOTAL_COLUMNS: readonly string[] = FOLDED;

function isBlankRow(row: readonly Cell[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

/**
 * Folds 活動記録's rows into `totals`, column by column: every cell of the columns above goes
 * through the parser's own reader (parse-cell.ts), so a row counts, and a cell is a problem,
 * exactly as parseTable(ACTIVITIES_TAB, raw, FOLDED) would say — only no record is made. Rows
 * `from` (0-based in raw.rows) on. Answers the header's problems (a missing or doubled column:
 * then nothing is folded, as the parse would read no row).
 */
export function foldActivityColumns(raw: RawTable, totals: ActivityTotals, from = 0): Problem[] {
  const { index, problems } = locateColumns(ACTIVITIES_TAB, raw.name, raw.header);
  if (problems.some((p) => p.code === 'missing_header')) return problems;
  const col = (key: (typeof FOLDED)[number]): { at: number; read: (c: Cell | undefined) => unknown } => {
    const column = ACTIVITIES_TAB.columns.find((c) => c.key === key);
    if (!column) throw new Error(`no column ${key}`);
    const reader = readerOf(column);
    return { at: index.get(key) ?? -1, read: reader.read };
  };
  const id = col('activity_id'); const date = col('date'); const coordinator = col('coordinator');
  const area = col('area'); const kind = col('kind'); const member = col('member_id');
  const minutes = col('minutes'); const status = col('status');
  const cell = (row: readonly Cell[], at: number): Cell | undefined => (at >= 0 ? row[at] : null);
  // One reusable record: the fields addActivity reads, overwritten row by row (no garbage).
  const fields: { -readonly [K in keyof CountedFields]: CountedFields[K] } = {
    date: '', coordinator: '', area: 'development', kind: null, member_id: null, minutes: null, status: null,
  };
  let bad = 0;
  let lastDate: CivilDate | null = null;
  let lastDay: DayTotals | undefined;
  const rows = raw.rows;
  for (let r = from; r < rows.length; r++) {
    const row = rows[r];
    if (row === undefined || isBlankRow(row)) continue;
    // Required cells (ID, date, area) decide whether the row counts; every bad cell is a problem
    // and reads as its blank, as parseTable does.
    const i = id.read(cell(row, id.at));
    const d = date.read(cell(row, date.at));
    const a = area.read(cell(row, area.at));
    const c = coordinator.read(cell(row, coordinator.at));
    const k = kind.read(cell(row, kind.at));
    const mem = member.read(cell(row, member.at));
    const min = minutes.read(cell(row, minutes.at));
    const st = status.read(cell(row, status.at));
    let usable = true;
    if (i instanceof CellProblem) { bad++; usable = false; }
    if (d instanceof CellProblem) { bad++; usable = false; }
    if (a instanceof CellProblem) { bad++; usable = false; }
    if (c instanceof CellProblem) bad++;
    if (k instanceof CellProblem) bad++;
    if (mem instanceof CellProblem) bad++;
    if (min instanceof CellProblem) bad++;
    if (st instanceof CellProblem) bad++;
    if (!usable) continue;
    fields.date = d as CivilDate;
    fields.area = a as Area;
    fields.coordinator = c instanceof CellProblem ? '' : (c as string);
    fields.kind = k instanceof CellProblem ? null : (k as ActivityKind | null);
    fields.member_id = mem instanceof CellProblem ? null : (mem as string | null);
    fields.minutes = min instanceof CellProblem ? null : (min as number | null);
    fields.status = st instanceof CellProblem ? null : (st as CountedFields['status']);
    // addActivity(totals, fields, 1), with the day of the row before kept: rows come in date
    // order, so most rows add to the day just used (a row adds, so no day empties on the way).
    if (fields.member_id !== null && fields.member_id !== '') bumpMap(totals.members, fields.member_id, 1);
    if (fields.status === 'withdrawn') continue;
    if (fields.date !== lastDate || lastDay === undefined) {
      if (totals.dayTexts.size > 0) totals.dayTexts.delete(fields.date);
      lastDate = fields.date;
      lastDay = totals.days.get(lastDate);
      if (lastDay === undefined) totals.days.set(lastDate, (lastDay = emptyDay()));
    }
    addToDay(totals, lastDay, fields, 1);
  }
  totals.problems += bad;
  return problems;
}

/** References to members that do not exist (workbook.md's missing_reference of 活動記録!会員ID). */
export function missingMemberReferences(totals: ActivityTotals, memberIds: { has(id: string): boolean }): number {
  let missing = 0;
  for (const [id, n] of totals.members) if (!memberIds.has(id)) missing += n;
  return missing;
}

export type ActivityCounts = Omit<Report['activities'], 'follow_ups_due' | 'waiting_members'>;

/** kpi.md's JC活動 counts of a period, from the days in it. */
export function countsIn(totals: ActivityTotals, period: Period): ActivityCounts {
  const byArea = zeros(AREA.codes);
  const minutesByArea = zeros(AREA.codes);
  const byKind = zeros(ACTIVITY_KIND.codes);
  const byCoordinator = new Map<string, number>();
  const minutesByCoordinator = new Map<string, number>();
  let total = 0;
  let minutes = 0;
  for (const [date, day] of totals.days) {
    if (!inPeriod(date, period.from, period.to)) continue;
    total += day.count;
    minutes += day.minutes;
    for (const code of AREA.codes) { byArea[code] += day.area[code]; minutesByArea[code] += day.areaMinutes[code]; }
    for (const code of ACTIVITY_KIND.codes) byKind[code] += day.kind[code];
    for (const [who, [n, m]] of day.coordinators) {
      byCoordinator.set(who, (byCoordinator.get(who) ?? 0) + n);
      minutesByCoordinator.set(who, (minutesByCoordinator.get(who) ?? 0) + m);
    }
  }
  return {
    total, minutes, by_area: byArea, minutes_by_area: minutesByArea, by_kind: byKind,
    by_coordinator: sortedKeys(byCoordinator), minutes_by_coordinator: sortedKeys(minutesByCoordinator),
  };
}

/** Activities per 担当 of a period, keyed as coordinator-figures.ts keys them (lower case, trimmed). */
export function activitiesByCoordinatorIn(totals: ActivityTotals, period: Period): Map<string, number> {
  const by = new Map<string, number>();
  for (const [date, day] of totals.days) {
    if (!inPeriod(date, period.from, period.to)) continue;
    for (const [who, [n]] of day.coordinators) {
      const key = who.trim().toLowerCase();
      by.set(key, (by.get(key) ?? 0) + n);
    }
  }
  return by;
}

/** Whether a member had a 継続支援 day in [from, to] (attention-lists.ts FollowUpDays), from the
 *  days of that span only: the follow-ups due ask about the few hundred members placed 14–60 days
 *  before a report's end, so neither an index of every member's days (tens of thousands of
 *  arrays) nor the 継続支援 members of older days (parsed from `_活動集計` only when asked for:
 *  activity-totals-tab.ts) are ever made. */
export function followUpDaysOfTotals(totals: ActivityTotals): FollowUpDays {
  // The days in date order, once (their keys only).
  let dates: CivilDate[] | null = null;
  let days: DayTotals[] = [];
  return {
    anyBetween(member: string, from: CivilDate, to: CivilDate): boolean {
      if (dates === null) {
        dates = [...totals.days.keys()].sort();
        days = dates.map((d) => totals.days.get(d) as DayTotals);
      }
      // The first day on or after `from`.
      let lo = 0;
      let hi = dates.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((dates[mid] as CivilDate) < from) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < dates.length && (dates[i] as CivilDate) <= to; i++) {
        if ((days[i] as DayTotals).followUps.has(member)) return true;
      }
      return false;
    },
  };
}
