import type { CivilDate } from '../civil-date';
import type { WorkRecord } from '../schema/tabs';
import { dayNumber } from './day-number';

// What a member has really worked (issue 13 item 5): their 就業実績 rows of the last 4 weeks,
// asOf − 28 … asOf − 1, counted for the caps beside their current placements (hard-rules.ts).
// Placements say what is planned; the rows say what happened — extra days, a job the matches
// tab does not know, overtime.
export const WORKED_WEEKS = 4;
export const WORKED_WINDOW_DAYS = WORKED_WEEKS * 7;

export interface WorkedLoad {
  /** Most hours worked in one Monday–Sunday week of the window (a week cut by its edge counts its days inside). */
  readonly weekHours: number;
  /** Most distinct days worked in one such week. */
  readonly weekDays: number;
  /** Distinct days worked in the window: four weeks, about a month. */
  readonly days: number;
}

export const NO_WORK: WorkedLoad = { weekHours: 0, weekDays: 0, days: 0 };

/** One row as ranking needs it: its day number and hours. */
export interface WorkedRow { readonly day: number; readonly hours: number }

export type WorkIndex = ReadonlyMap<string, readonly WorkedRow[]>;

/** The rows by member, once per ranking context (O(rows)). */
export function indexWork(workLog: readonly Pick<WorkRecord, 'member_id' | 'date' | 'hours'>[]): WorkIndex {
  const out = new Map<string, WorkedRow[]>();
  for (const r of workLog) {
    const row = { day: dayNumber(r.date), hours: r.hours };
    const list = out.get(r.member_id);
    if (list) list.push(row); else out.set(r.member_id, [row]);
  }
  return out;
}

const weekOf = (day: number): number => Math.floor((day + 3) / 7);

export function workedLoad(rows: readonly WorkedRow[] | undefined, asOf: CivilDate | number): WorkedLoad {
  if (!rows || rows.length === 0) return NO_WORK;
  const last = (typeof asOf === 'number' ? asOf : dayNumber(asOf)) - 1;
  const first = last - WORKED_WINDOW_DAYS + 1;
  const days = new Set<number>();
  const hoursByWeek = new Map<number, number>();
  const daysByWeek = new Map<number, Set<number>>();
  for (const r of rows) {
    if (r.day < first || r.day > last) continue;
    days.add(r.day);
    const w = weekOf(r.day);
    hoursByWeek.set(w, (hoursByWeek.get(w) ?? 0) + Math.round(r.hours * 1_000_000));
    let d = daysByWeek.get(w);
    if (!d) { d = new Set(); daysByWeek.set(w, d); }
    d.add(r.day);
  }
  if (days.size === 0) return NO_WORK;
  let weekHours = 0;
  for (const micro of hoursByWeek.values()) weekHours = Math.max(weekHours, micro / 1_000_000);
  let weekDays = 0;
  for (const d of daysByWeek.values()) weekDays = Math.max(weekDays, d.size);
  return { weekHours, weekDays, days: days.size };
}
