import { AREA, EVENT_KIND, JOIN_ROUTE, MATCH_ENGAGEMENT, labelOf, type Language } from '../enums';
import { weekdayIndex } from '../civil-date';
import type { Report } from '../kpi/report';
import type { WeeklyMailModel } from '../weekly/weekly-mail-model';
import { formatChange, formatCount, formatPercent, shortDay } from './weekly-format';
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

export interface IdList {
  readonly label: string;
  readonly ids: readonly string[];
  readonly more: number;
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
  readonly attention: readonly IdList[];
}

/** IDs shown per attention list; the rest are counted, so a long list cannot swamp the mail. */
export const MAX_IDS = 30;

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

function idList(label: string, ids: readonly string[]): IdList {
  const sorted = [...ids].sort();
  return { label, ids: sorted.slice(0, MAX_IDS), more: Math.max(0, sorted.length - MAX_IDS) };
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

  const noName = lang === 'ja' ? '（担当未記入）' : '(no coordinator)';
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

  return {
    strings: s,
    headline,
    placements: enumBars(MATCH_ENGAGEMENT, week.work.placed_members.by_engagement, fy.work.placed_members.by_engagement, lang, s),
    newMembers: enumBars(JOIN_ROUTE, week.members.new_members.by_route, fy.members.new_members.by_route, lang, s),
    activitiesByArea,
    activitiesByCoordinator,
    eventsHeld,
    upcoming,
    attention: [
      idList(s.attention.staleOpenJobs, week.work.stale_open_jobs),
      idList(s.attention.followUpsDue, week.activities.follow_ups_due),
      idList(s.attention.waitingMembers, week.activities.waiting_members),
      // Members over a cap (issue 13), by ID: counted from the work rows, so only with a work log.
      ...(week.work.actual === null ? [] : [
        idList(s.attention.overMonthlyDays, week.work.actual.over_monthly_days),
        idList(s.attention.overWeeklyHours, week.work.actual.over_weekly_hours),
      ]),
    ],
  };
}
