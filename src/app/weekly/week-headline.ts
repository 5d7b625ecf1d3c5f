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

export function weekHeadlineOf(workbook: Workbook, today: string): WeekHeadline {
  const current = { from: mondayOf(today), to: today };
  const previous = { from: addDays(current.from, -7), to: addDays(current.from, -1) };
  const now = computeReport(workbook, current);
  const before = computeReport(workbook, previous);
  const figures: HeadlineFigure[] = PICK.map(([key, pick]) => ({ key, current: pick(now), previous: pick(before) }));
  return { current, previous, figures };
}
