import { AREA, EVENT_KIND, JOIN_ROUTE, MATCH_ENGAGEMENT, labelOf, type Language } from '../enums';
import { weekdayIndex } from '../civil-date';
import type { Report } from '../kpi/report';
import { waitYears } from '../kpi/wait-span';
import type { WeeklyMailModel } from '../weekly/weekly-mail-model';
import { formatChange, formatCount, formatPercent, shortDay } from './weekly-format';
import type { UrgentItem } from '../kpi/attention-items';
import type { CoordinatorFigures } from '../kpi/coordinator-figures';
import type { TrendFigure } from '../weekly/weekly-trends';
import { WEEKLY_STRINGS, type WeeklyStrings } from './weekly-strings';

// The weekly mail's content as plain (unescaped) strings and numbers, section by section.
// The HTML and the text renderer both draw from this, so the two bodies cannot disagree.

export interface HeadlineRow {
  readonly label: string;
  readonly week: string;
  readonly change: string;
  /** -1 down, 0 same, 1 up: the HTML colours the arrow. */
  readonly direction: -1 | 0 | 1;
  readonly lastWeek: string;
  readonly fiscalYearToDate: string;
}

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** What the bar's number reads as (`3`, `2時間30分`). */
  readonly shown: string;
  /** A second, smaller figure beside it (FY to date, minutes). */
  readonly aside: string;
}

export interface EventRow {
  readonly day: string;
  readonly title: string;
  readonly cells: readonly string[];
  /** 0..1 for the fill bar; null when the event has no capacity. */
  readonly fill: number | null;
}

/** An attention list: its count first, then its most urgent entries with what makes them so. */
export interface AttentionList {
  readonly label: string;
  readonly count: number;
  readonly items: readonly { readonly id: string; readonly detail: string }[];
  readonly more: number;
}

export interface TrendRow {
  readonly label: string;
  /** This week's figure. */
  readonly latest: string;
  /** `1,346–1,623`: the 13 weeks' low and high. */
  readonly range: string;
  /** Oldest first: each bar's height 0..1, null for a week without a row. */
  readonly heights: readonly (number | null)[];
}

export interface TargetRow {
  readonly label: string;
  readonly line: string;
  /** `82%`: the year to date against the pro-rata target; `—` when that is 0. */
  readonly achievement: string;
  /** 0..1 for the bar (achievement capped at 100%). */
  readonly fraction: number;
  /** At least 90% of the pro-rata target: the bar is green, else orange. */
  readonly onTrack: boolean;
}

export interface CoordinatorRow {
  readonly name: string;
  /** Activities, proposals, placements, jobs developed. */
  readonly week: readonly string[];
  readonly year: readonly string[];
}

export interface WeeklySections {
  readonly strings: WeeklyStrings;
  readonly headline: readonly HeadlineRow[];
  readonly placements: readonly Bar[];
  readonly newMembers: readonly Bar[];
  readonly activitiesByArea: readonly Bar[];
  readonly activitiesByCoordinator: readonly Bar[];
  readonly eventsHeld: { readonly columns: readonly string[]; readonly rows: readonly EventRow[] };
  readonly upcoming: { readonly columns: readonly string[]; readonly rows: readonly EventRow[] };
  readonly attention: readonly AttentionList[];
  readonly trends: readonly TrendRow[];
  readonly trendsNote: string;
  readonly targets: readonly TargetRow[];
  readonly targetsNote: string;
  readonly coordinators: { readonly columns: readonly string[]; readonly rows: readonly CoordinatorRow[] };
  readonly spreadsheetUrl: string | null;
}

/** Entries shown per attention list, most urgent first; the rest are counted, so a list of
 *  1,367 waiting members cannot swamp the mail (issue 14). */
export const MOST_URGENT = 10;

/** A stock (a count on the week's last day) moves little against its size: its trend bars span
 *  the 13 weeks' low to high (the low drawn at 15%), where a flow's bars start from zero. */
const STOCK_TRENDS: ReadonlySet<TrendFigure> = new Set(['members_enrolled', 'waiting_members']);

function trendHeights(key: TrendFigure, values: readonly (number | null)[]): (number | null)[] {
  const known = values.filter((v): v is number => v !== null);
  const max = Math.max(0, ...known);
  const min = Math.min(max, ...known);
  if (STOCK_TRENDS.has(key)) {
    return values.map((v) => (v === null ? null : max === min ? (max === 0 ? 0 : 0.6) : 0.15 + (0.85 * (v - min)) / (max - min)));
  }
  return values.map((v) => (v === null ? null : max === 0 ? 0 : Math.max(0, v) / max));
}

function urgentDetail(kind: 'job' | 'follow_up' | 'member', item: UrgentItem, s: WeeklyStrings): string {
  const u = s.urgency;
  if (kind === 'job') return [u.daysOpen(item.days), item.filled ? u.filled(item.filled.placed, item.filled.headcount) : '', item.jobTitle ?? ''].filter((p) => p !== '').join(' · ');
  if (kind === 'follow_up') return [u.sincePlacement(item.days), item.memberId ? u.member(item.memberId) : '', item.jobTitle ?? ''].filter((p) => p !== '').join(' · ');
  return u.waiting(item.days, waitYears(item.days), item.fromJoining === true);
}

/** `items`, most urgent first: only the first MOST_URGENT are shown (the callers word no more than
 *  those: thousands of waiting members at a large center). */
function attentionList(label: string, count: number, items: readonly { id: string; detail: string }[]): AttentionList {
  const shown = items.slice(0, MOST_URGENT);
  return { label, count, items: shown, more: Math.max(0, count - shown.length) };
}

/** A list from the report alone (IDs, sorted), when no urgency was worked out (a model without the workbook). */
function idsOnly(label: string, ids: readonly string[]): AttentionList {
  return attentionList(label, ids.length, [...ids].sort().map((id) => ({ id, detail: '' })));
}

function coordinatorCells(f: CoordinatorFigures | undefined): string[] {
  const z = f ?? { activities: 0, proposals: 0, placements: 0, jobs_developed: 0 };
  return [z.activities, z.proposals, z.placements, z.jobs_developed].map(formatCount);
}

type Kind = 'count' | 'rate' | 'minutes';
/** `stock`: a count on the week's last day (会員数, 募集中の仕事), for which a year-to-date
 *  total means nothing, so that column shows a dash. */
interface Figure {
  key: keyof WeeklyStrings['figures']; kind: Kind; value: (r: Report) => number; stock?: boolean;
  /** From 就業実績: shown only when the center keeps work rows (work.actual is not null). */
  actual?: boolean;
}

const HEADLINE: readonly Figure[] = [
  { key: 'members_enrolled', kind: 'count', value: (r) => r.members.enrolled.total, stock: true },
  { key: 'new_members', kind: 'count', value: (r) => r.members.new_members.total },
  { key: 'resigned_members', kind: 'count', value: (r) => r.members.resigned_members },
  { key: 'placed_members', kind: 'count', value: (r) => r.work.placed_members.total },
  { key: 'working_members', kind: 'count', value: (r) => r.work.working_members },
  { key: 'employment_rate', kind: 'rate', value: (r) => r.work.employment_rate },
  { key: 'person_days', kind: 'count', value: (r) => r.work.actual?.person_days ?? 0, actual: true },
  { key: 'jobs_developed', kind: 'count', value: (r) => r.work.jobs_developed.total },
  { key: 'clients_developed', kind: 'count', value: (r) => r.work.clients_developed },
  { key: 'open_jobs', kind: 'count', value: (r) => r.work.open_jobs, stock: true },
  { key: 'activities', kind: 'count', value: (r) => r.activities.total },
  { key: 'activity_minutes', kind: 'minutes', value: (r) => r.activities.minutes },
  { key: 'events_held', kind: 'count', value: (r) => r.events.held.total },
  { key: 'attendees', kind: 'count', value: (r) => r.events.attendees },
];

function show(n: number, kind: Kind, s: WeeklyStrings): string {
  return kind === 'rate' ? formatPercent(n) : kind === 'minutes' ? s.minutesUnit(n) : formatCount(n);
}

function enumBars<C extends string>(
  e: { codes: readonly C[]; ja: Readonly<Record<C, string>>; name: string },
  week: Readonly<Record<C, number>>, fy: Readonly<Record<C, number>>, lang: Language, s: WeeklyStrings,
): Bar[] {
  return e.codes.map((code) => ({
    label: labelOf({ name: e.name, codes: e.codes, ja: e.ja }, code, lang),
    value: week[code],
    shown: formatCount(week[code]),
    aside: `${s.fyToDate} ${formatCount(fy[code])}`,
  }));
}


export function weeklySections(model: WeeklyMailModel): WeeklySections {
  const lang = model.language;
  const s = WEEKLY_STRINGS[lang];
  const { week, previousWeek: prev, fiscalYearToDate: fy } = model;

  const headline = HEADLINE.filter((f) => !f.actual || week.work.actual !== null).map((f): HeadlineRow => {
    const now = f.value(week);
    const before = f.value(prev);
    return {
      label: s.figures[f.key],
      week: show(now, f.kind, s),
      change: formatChange(now, before, f.kind, s.minutesUnit),
      direction: now > before ? 1 : now < before ? -1 : 0,
      lastWeek: show(before, f.kind, s),
      fiscalYearToDate: f.stock ? '—' : show(f.value(fy), f.kind, s),
    };
  });

  const activitiesByArea = AREA.codes.map((code): Bar => ({
    label: labelOf(AREA, code, lang),
    value: week.activities.by_area[code],
    shown: formatCount(week.activities.by_area[code]),
    aside: s.minutesUnit(week.activities.minutes_by_area[code]),
  }));

  const noName = s.noCoordinator;
  const activitiesByCoordinator = Object.entries(week.activities.by_coordinator)
    .map(([email, count]): Bar => ({
      label: email === '' ? noName : model.coordinatorNames[email.toLowerCase()] ?? email,
      value: count,
      shown: formatCount(count),
      aside: s.minutesUnit(week.activities.minutes_by_coordinator[email] ?? 0),
    }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));

  const kindLabel = (k: (typeof EVENT_KIND.codes)[number]): string => labelOf(EVENT_KIND, k, lang);
  const eventsHeld = {
    columns: [s.columns.registrations, s.columns.attendees, s.columns.converted],
    rows: week.events.list.map((e): EventRow => ({
      day: shortDay(e.date, weekdayIndex(e.date), lang),
      title: model.eventTitles[e.event_id] || `${kindLabel(e.kind)} ${e.event_id}`,
      cells: [formatCount(e.registrations), formatCount(e.attendees), formatCount(e.converted)],
      fill: null,
    })),
  };
  const upcoming = {
    columns: [s.columns.confirmed, s.columns.capacity, s.columns.waitlisted, s.columns.fill],
    rows: week.events.upcoming.map((e): EventRow => ({
      day: shortDay(e.date, weekdayIndex(e.date), lang) + (e.start_time ? ` ${e.start_time}` : ''),
      title: e.title || `${kindLabel(e.kind)} ${e.event_id}`,
      cells: [
        formatCount(e.confirmed),
        e.capacity === null ? s.noCapacity : formatCount(e.capacity),
        formatCount(e.waitlisted),
        e.fill_rate === null ? '—' : formatPercent(e.fill_rate),
      ],
      fill: e.fill_rate === null ? null : Math.max(0, Math.min(1, e.fill_rate)),
    })),
  };

  const a = model.attention;
  const attention: AttentionList[] = [
    a ? attentionList(s.attention.staleOpenJobs, week.work.stale_open_jobs.length, a.staleOpenJobs.slice(0, MOST_URGENT).map((i) => ({ id: i.id, detail: urgentDetail('job', i, s) })))
      : idsOnly(s.attention.staleOpenJobs, week.work.stale_open_jobs),
    a ? attentionList(s.attention.followUpsDue, week.activities.follow_ups_due.length, a.followUpsDue.slice(0, MOST_URGENT).map((i) => ({ id: i.id, detail: urgentDetail('follow_up', i, s) })))
      : idsOnly(s.attention.followUpsDue, week.activities.follow_ups_due),
    a ? attentionList(s.attention.waitingMembers, week.activities.waiting_members.length, a.waitingMembers.slice(0, MOST_URGENT).map((i) => ({ id: i.id, detail: urgentDetail('member', i, s) })))
      : idsOnly(s.attention.waitingMembers, week.activities.waiting_members),
    // Members over a cap (issue 13), by ID: counted from the work rows, so only with a work log.
    ...(week.work.actual === null ? [] : [
      idsOnly(s.attention.overMonthlyDays, week.work.actual.over_monthly_days),
      idsOnly(s.attention.overWeeklyHours, week.work.actual.over_weekly_hours),
    ]),
  ];

  const trends = (model.trends?.series ?? []).map((t): TrendRow => {
    const known = t.values.filter((v): v is number => v !== null);
    const latest = t.values[t.values.length - 1] ?? null;
    return {
      label: s.trendFigures[t.key],
      latest: latest === null ? '—' : formatCount(latest),
      range: known.length === 0 ? '—' : `${formatCount(Math.min(...known))}–${formatCount(Math.max(...known))}`,
      heights: trendHeights(t.key, t.values),
    };
  });

  const targets = model.targets.map((t): TargetRow => ({
    label: s.targets.labels[t.key],
    line: s.targets.line(formatCount(t.actual), formatCount(t.proRata), formatCount(t.annual)),
    achievement: t.achievement === null ? '—' : `${Math.round(t.achievement * 100)}%`,
    fraction: t.achievement === null ? (t.actual > 0 ? 1 : 0) : Math.min(1, t.achievement),
    onTrack: t.achievement === null || t.achievement >= 0.9,
  }));

  return {
    strings: s,
    headline,
    placements: enumBars(MATCH_ENGAGEMENT, week.work.placed_members.by_engagement, fy.work.placed_members.by_engagement, lang, s),
    newMembers: enumBars(JOIN_ROUTE, week.members.new_members.by_route, fy.members.new_members.by_route, lang, s),
    activitiesByArea,
    activitiesByCoordinator,
    eventsHeld,
    upcoming,
    attention,
    trends,
    trendsNote: model.trends ? s.trendsNote(weekShort(model.trends.weeks[0] ?? '', lang), weekShort(model.periods.week.from, lang)) : '',
    targets,
    targetsNote: s.targets.note(formatPercent(model.yearShareGone)),
    coordinators: {
      columns: [s.coordinatorColumns.activities, s.coordinatorColumns.proposals, s.coordinatorColumns.placements, s.coordinatorColumns.jobs],
      rows: model.coordinatorRows.map((key): CoordinatorRow => ({
        name: key === '' ? noName : model.coordinatorNames[key] ?? key,
        week: coordinatorCells(model.coordinatorWeek.get(key)),
        year: coordinatorCells(model.coordinatorYear.get(key)),
      })),
    },
    spreadsheetUrl: model.spreadsheetUrl !== null && /^https:\/\/[^\s"'<>]+$/.test(model.spreadsheetUrl) ? model.spreadsheetUrl : null,
  };
}

/** `11/23` / `11-23`: a week's Monday in the trends' note. */
function weekShort(day: string, lang: Language): string {
  const md = day.slice(5);
  return lang === 'ja' ? md.replace('-', '/') : md;
}
