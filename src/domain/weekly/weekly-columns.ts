import { AREA, EVENT_KIND, JOIN_ROUTE, MATCH_ENGAGEMENT, SECTOR } from '../enums';
import type { Report } from '../kpi/report';

// The figure columns of 週次KPI / WeeklyKPI: one column per figure of kpi.md, so a center can
// chart any of them over the weeks. The English header is the key (workbook.md's rule); the
// Japanese header is the figure's name in kpi.md, a split written as `名前（内訳）`.
export interface WeeklyFigureColumn {
  readonly key: string;
  readonly ja: string;
  readonly value: (report: Report) => number;
}

/** Rounds a ratio to 4 places so the sheet shows 0.1234, not 0.12340000000000001. */
function ratio(n: number): number {
  return Math.round(n * 10000) / 10000;
}

function split<C extends string>(
  prefixKey: string, prefixJa: string, e: { codes: readonly C[]; ja: Readonly<Record<C, string>> },
  pick: (r: Report) => Readonly<Record<C, number>>,
): WeeklyFigureColumn[] {
  return e.codes.map((code) => ({ key: `${prefixKey}_${code}`, ja: `${prefixJa}（${e.ja[code]}）`, value: (r: Report) => pick(r)[code] }));
}

export const WEEKLY_FIGURE_COLUMNS: readonly WeeklyFigureColumn[] = [
  { key: 'members_enrolled', ja: '会員数', value: (r) => r.members.enrolled.total },
  { key: 'new_members', ja: '新規入会者数', value: (r) => r.members.new_members.total },
  ...split('new_members', '新規入会者数', JOIN_ROUTE, (r) => r.members.new_members.by_route),
  { key: 'resigned_members', ja: '退会者数', value: (r) => r.members.resigned_members },
  { key: 'placed_members', ja: '就労者数', value: (r) => r.work.placed_members.total },
  ...split('placed_members', '就労者数', MATCH_ENGAGEMENT, (r) => r.work.placed_members.by_engagement),
  { key: 'working_members', ja: '就業実人員', value: (r) => r.work.working_members },
  { key: 'employment_rate', ja: '就業率', value: (r) => ratio(r.work.employment_rate) },
  { key: 'jobs_developed', ja: '新規開拓件数', value: (r) => r.work.jobs_developed.total },
  ...split('jobs_developed', '新規開拓件数', SECTOR, (r) => r.work.jobs_developed.by_sector),
  { key: 'clients_developed', ja: '新規提供先', value: (r) => r.work.clients_developed },
  { key: 'open_jobs', ja: '募集中の仕事', value: (r) => r.work.open_jobs },
  { key: 'stale_open_jobs', ja: '未充足の長期募集', value: (r) => r.work.stale_open_jobs.length },
  { key: 'activities', ja: '活動件数', value: (r) => r.activities.total },
  { key: 'activity_minutes', ja: '活動時間（分）', value: (r) => r.activities.minutes },
  ...split('activities', '活動件数', AREA, (r) => r.activities.by_area),
  ...split('activity_minutes', '活動時間（分）', AREA, (r) => r.activities.minutes_by_area),
  { key: 'events_held', ja: '開催数', value: (r) => r.events.held.total },
  ...split('events_held', '開催数', EVENT_KIND, (r) => r.events.held.by_kind),
  { key: 'attendees', ja: '参加者数', value: (r) => r.events.attendees },
  { key: 'follow_ups_due', ja: '要フォロー件数', value: (r) => r.activities.follow_ups_due.length },
  { key: 'waiting_members', ja: '待機会員数', value: (r) => r.activities.waiting_members.length },
];
