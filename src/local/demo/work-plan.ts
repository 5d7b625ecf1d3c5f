import { addDays, weekdayIndex, type CivilDate } from '../../domain/civil-date';
import type { WorkRowInput } from '../../app/work/record-work';
import { enrolledOn } from '../../domain/matching/hard-rules';
import type { Workbook } from '../../domain/workbook';
import { monthPeriod, type Month } from '../../domain/work/month';
import { weekKey } from '../../domain/work/week-key';
import { Prng } from './prng';

// The demo's work log (issue 13 item 6): what the members placed worked in a month, as their
// paper reports give it to the desk at the start of the next month. A member works the weekdays
// of their 担当枠 (the job's 勤務枠 when the placement names none), each half-day slot 枠時間
// hours (a 請負 half-day is sometimes cut short: 3 or 3.5 hours), and misses about one planned day
// in seven (a holiday, a cold, rain on a garden job). The 臨短軽 caps are kept — at most
// 月上限日数 days a month, 週上限時間 hours a week — except by a few members, as in any real
// year: in some months one member works a day more than the cap, in others one works an hour
// or more past the weekly cap (overtime to finish a job). 職業紹介 rows are the hours the employer
// reports: only counted. 就労相談 has no job, so no rows. Each month draws from its own PRNG, so
// the rest of the demo does not move when this plan changes.

/** The months where one member goes over a cap, and which cap (0-based from April). */
const OVER_DAYS_MONTHS: ReadonlySet<number> = new Set([1, 5, 9]);
const OVER_HOURS_MONTHS: ReadonlySet<number> = new Set([3, 7, 10]);

const SLOT_WEEKDAY: Readonly<Record<string, number>> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

interface PlannedRow { date: CivilDate; member_id: string; job_id: string; hours: number; engagement: string }

/** The rows of `month`, sorted by date then member then job (how paper reports are typed in). */
export function monthWork(workbook: Pick<Workbook, 'members' | 'matches' | 'jobs' | 'settings' | 'workLog'>, month: Month, monthIndex: number): WorkRowInput[] {
  const rng = new Prng(1300 + monthIndex);
  const { from, to } = monthPeriod(month);
  const jobs = new Map(workbook.jobs.map((j) => [j.job_id, j]));
  const members = new Map(workbook.members.map((m) => [m.member_id, m]));
  const slotHours = workbook.settings.slotHours;
  const rows: PlannedRow[] = [];
  const placements = workbook.matches
    .filter((m) => m.job_id !== null && m.placed_on !== null && (m.status === 'placed' || m.status === 'ended'))
    .sort((a, b) => (a.member_id < b.member_id ? -1 : a.member_id > b.member_id ? 1 : a.match_id < b.match_id ? -1 : 1));
  for (const p of placements) {
    const job = jobs.get(p.job_id ?? '');
    const member = members.get(p.member_id);
    if (!job || !member || p.placed_on === null) continue;
    const slots = p.slots.length > 0 ? p.slots : job.slots;
    const perWeekday = new Map<number, number>();
    for (const s of slots) {
      const d = SLOT_WEEKDAY[s.slice(0, 3)];
      if (d !== undefined) perWeekday.set(d, (perWeekday.get(d) ?? 0) + 1);
    }
    const last = [to, p.ended_on, job.end_on].filter((d): d is CivilDate => d !== null).sort()[0] ?? to;
    for (let day = p.placed_on > from ? p.placed_on : from; day <= last; day = addDays(day, 1)) {
      const halves = perWeekday.get(weekdayIndex(day));
      if (halves === undefined || !enrolledOn(member, day)) continue;
      if (rng.chance(1 / 7)) continue;
      const perHalf = job.engagement === 'contract' && rng.chance(0.3) ? rng.pick([3, 3.5]) : slotHours;
      rows.push({ date: day, member_id: p.member_id, job_id: job.job_id, hours: halves * perHalf, engagement: job.engagement ?? 'contract' });
    }
  }
  // A week that starts in the month before already holds that month's hours (typed in last month).
  const firstWeek = weekKey(from);
  const carried = new Map<string, number>();
  for (const r of workbook.workLog) {
    if (r.date < from && weekKey(r.date) === firstWeek) carried.set(r.member_id, (carried.get(r.member_id) ?? 0) + r.hours);
  }
  const kept = keepCaps(rows, carried, firstWeek, workbook.settings.monthlyDaysCap, workbook.settings.weeklyHoursCap, {
    overDays: OVER_DAYS_MONTHS.has(monthIndex), overHours: OVER_HOURS_MONTHS.has(monthIndex), rng,
  });
  return kept
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.member_id < b.member_id ? -1 : a.member_id > b.member_id ? 1 : a.job_id < b.job_id ? -1 : 1))
    // The client signs most sheets off; a few are still to be confirmed when they reach the desk.
    .map((r, i) => ({ date: r.date, member_id: r.member_id, job_id: r.job_id, hours: r.hours, confirmed: i % 11 !== 0 }));
}

/** Each member's rows cut to the caps (their latest days first to go), and, when asked, one member
 *  let over the day cap by one day and one over the weekly cap by at least an hour. */
function keepCaps(
  rows: readonly PlannedRow[], carried: ReadonlyMap<string, number>, firstWeek: number, daysCap: number, hoursCap: number,
  over: { overDays: boolean; overHours: boolean; rng: Prng },
): PlannedRow[] {
  const byMember = new Map<string, PlannedRow[]>();
  for (const r of rows) {
    const list = byMember.get(r.member_id);
    if (list) list.push(r); else byMember.set(r.member_id, [r]);
  }
  const ids = [...byMember.keys()].sort();
  // Who goes over this month: a member with more planned days than the cap (or weeks long enough).
  const dayCandidates = ids.filter((id) => new Set((byMember.get(id) ?? []).map((r) => r.date)).size > daysCap);
  const overDaysId = over.overDays && dayCandidates.length > 0 ? over.rng.pick(dayCandidates) : null;
  const out: PlannedRow[] = [];
  const overHoursPool: string[] = [];
  for (const id of ids) {
    const list = (byMember.get(id) ?? []).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.job_id < b.job_id ? -1 : 1));
    const allowedDays = id === overDaysId ? daysCap + 1 : daysCap;
    const days = new Set<string>();
    const weekHours = new Map<number, number>([[firstWeek, carried.get(id) ?? 0]]);
    const mine: PlannedRow[] = [];
    for (const r of list) {
      if (!days.has(r.date) && days.size >= allowedDays) continue;
      const w = weekKey(r.date);
      const h = weekHours.get(w) ?? 0;
      if (h + r.hours > hoursCap) continue;
      days.add(r.date);
      weekHours.set(w, h + r.hours);
      mine.push(r);
    }
    if ([...weekHours.values()].some((h) => h >= hoursCap - 4)) overHoursPool.push(id);
    out.push(...mine);
  }
  if (over.overHours && overHoursPool.length > 0) {
    // Overtime on the last day of their fullest week: the week ends one hour or more over the cap.
    const id = over.rng.pick(overHoursPool);
    const mine = out.filter((r) => r.member_id === id);
    const weekHours = new Map<number, number>([[firstWeek, carried.get(id) ?? 0]]);
    for (const r of mine) weekHours.set(weekKey(r.date), (weekHours.get(weekKey(r.date)) ?? 0) + r.hours);
    const [week, hours] = [...weekHours.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [-1, 0];
    const lastRow = mine.filter((r) => weekKey(r.date) === week).pop();
    if (lastRow) lastRow.hours += hoursCap - hours + 1;
  }
  return out;
}
