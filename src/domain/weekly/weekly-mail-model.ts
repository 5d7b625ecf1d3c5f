import type { Language } from '../enums';
import type { Report } from '../kpi/report';
import type { Coordinator, EventRecord } from '../schema/tabs';
import type { WeeklyPeriods } from './week-period';

// Everything the weekly mail shows, gathered once so the HTML and the text body say the same
// thing. Members appear only as IDs (the Report carries IDs, never member records); the only
// names are those of staff (coordinators) and of events, both the center's own text.

/** A short note at the end of the mail, about the desk rather than the week (no address in it). */
export type WeeklyNotice = 'trigger_owner_inactive';
export interface WeeklyMailModel {
  readonly language: Language;
  readonly centerName: string;
  readonly periods: WeeklyPeriods;
  readonly week: Report;
  readonly previousWeek: Report;
  readonly fiscalYearToDate: Report;
  /** Coordinator e-mail → name from the コーディネータ tab. */
  readonly coordinatorNames: Readonly<Record<string, string>>;
  /** Event ID → title, for the events held (the Report's event lines carry IDs only). */
  readonly eventTitles: Readonly<Record<string, string>>;
  /** Data problems found while reading the workbook (counted, not listed: they may quote personal data). */
  readonly problemCount: number;
  readonly notices: readonly WeeklyNotice[];
}

export function weeklyMailModel(input: {
  language: Language;
  centerName: string;
  periods: WeeklyPeriods;
  reports: { week: Report; previousWeek: Report; fiscalYearToDate: Report };
  coordinators: readonly Coordinator[];
  events: readonly EventRecord[];
  problemCount: number;
  notices?: readonly WeeklyNotice[];
}): WeeklyMailModel {
  const coordinatorNames: Record<string, string> = {};
  for (const c of input.coordinators) if (c.name) coordinatorNames[c.email.toLowerCase()] = c.name;
  const eventTitles: Record<string, string> = {};
  for (const e of input.events) if (e.title) eventTitles[e.event_id] = e.title;
  return {
    language: input.language,
    centerName: input.centerName,
    periods: input.periods,
    week: input.reports.week,
    previousWeek: input.reports.previousWeek,
    fiscalYearToDate: input.reports.fiscalYearToDate,
    coordinatorNames,
    eventTitles,
    problemCount: input.problemCount,
    notices: input.notices ?? [],
  };
}
