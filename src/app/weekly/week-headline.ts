import { addDays, mondayOf } from '../../domain/civil-date';
import { computeReport } from '../../domain/kpi/compute-report';
import type { Report } from '../../domain/kpi/report';
import type { Workbook } from '../../domain/workbook';
import type { HeadlineFigure, HeadlineKey, WeekHeadline } from '../shared/api-types';

// The 今週 panel: the weekly mail's figures (computeReport, kpi.md) for this week so far
// (Monday .. today) beside the whole week before, so a coordinator sees on Wednesday how the
// week is going rather than waiting for Monday's mail.
const PICK: ReadonlyArray<[HeadlineKey, (r: Report) => number]> = [
  ['members_enrolled', (r) => r.members.enrolled.total],
  ['new_members', (r) => r.members.new_members.total],
  ['placed_members', (r) => r.work.placed_members.total],
  ['working_members', (r) => r.work.working_members],
  ['jobs_developed', (r) => r.work.jobs_developed.total],
  ['activities', (r) => r.activities.total],
  ['activity_minutes', (r) => r.activities.minutes],
  ['open_jobs', (r) => r.work.open_jobs],
  ['follow_ups_due', (r) => r.activities.follow_ups_due.length],
  ['waiting_members', (r) => r.activities.waiting_members.length],
];

/** The headline's figures in the panel's order. */
export const HEADLINE_KEYS: readonly HeadlineKey[] = PICK.map(([key]) => key);

/** Per figure: [this week so far, the whole week before]. */
export type HeadlineValues = Readonly<Record<HeadlineKey, readonly [number, number]>>;

function periodsOf(today: string): { current: { from: string; to: string }; previous: { from: string; to: string } } {
  const current = { from: mondayOf(today), to: today };
  return { current, previous: { from: addDays(current.from, -7), to: addDays(current.from, -1) } };
}

/** The figures of the week of `today` and the week before (stored-headline.ts keeps them). */
export function headlineFiguresOf(workbook: Workbook, today: string): HeadlineValues {
  const { current, previous } = periodsOf(today);
  const now = computeReport(workbook, current);
  const before = computeReport(workbook, previous);
  const out: Partial<Record<HeadlineKey, readonly [number, number]>> = {};
  for (const [key, pick] of PICK) out[key] = [pick(now), pick(before)];
  return out as HeadlineValues;
}

export function weekHeadlineOf(workbook: Workbook, today: string): WeekHeadline {
  const { current, previous } = periodsOf(today);
  const values = headlineFiguresOf(workbook, today);
  const figures: HeadlineFigure[] = PICK.map(([key]) => ({ key, current: values[key][0], previous: values[key][1] }));
  return { current, previous, figures };
}
