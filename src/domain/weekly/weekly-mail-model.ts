import type { Language } from '../enums';
import type { Report } from '../kpi/report';
import type { Coordinator, EventRecord } from '../schema/tabs';
import type { WeeklyPeriods } from './week-period';
import type { AttentionItems } from '../kpi/attention-items';
import type { CoordinatorFigures } from '../kpi/coordinator-figures';
import type { TargetLine } from './fiscal-targets';
import type { WeeklyTrends } from './weekly-trends';
import type { WeeklySurveyLine } from '../mail/weekly-survey-section';

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
  /** The last 13 weeks of the main figures (weekly-trends.ts); null when not computed. */
  readonly trends: WeeklyTrends | null;
  /** The fiscal year's targets a center set, against the year to date (fiscal-targets.ts). */
  readonly targets: readonly TargetLine[];
  /** The share of the fiscal year gone by on the week's last day (0..1). */
  readonly yearShareGone: number;
  /** Per coordinator (key: 担当 in lower case) for the week and the fiscal year to date; the
   *  rows shown, in order, are `coordinatorRows`. */
  readonly coordinatorWeek: ReadonlyMap<string, CoordinatorFigures>;
  readonly coordinatorYear: ReadonlyMap<string, CoordinatorFigures>;
  readonly coordinatorRows: readonly string[];
  /** The attention lists with their urgency (attention-items.ts); null: IDs only, as the report has them. */
  readonly attention: AttentionItems | null;
  /** The spreadsheet's address for the link at the end; null when there is none (a local file). */
  readonly spreadsheetUrl: string | null;
  /** The surveys open in the week (mail/weekly-survey-section.ts): rate and answers, counts only. */
  readonly surveys: readonly WeeklySurveyLine[];
}

/** What the weekly mail adds to the three reports when the workbook is at hand (weekly-summary.ts). */
export interface WeeklyMailExtras {
  readonly trends?: WeeklyTrends | null;
  readonly targets?: readonly TargetLine[];
  readonly yearShareGone?: number;
  readonly coordinatorWeek?: ReadonlyMap<string, CoordinatorFigures>;
  readonly coordinatorYear?: ReadonlyMap<string, CoordinatorFigures>;
  readonly attention?: AttentionItems | null;
  readonly spreadsheetUrl?: string | null;
  readonly surveys?: readonly WeeklySurveyLine[];
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
  extras?: WeeklyMailExtras;
}): WeeklyMailModel {
  const coordinatorNames: Record<string, string> = {};
  for (const c of input.coordinators) if (c.name) coordinatorNames[c.email.toLowerCase()] = c.name;
  const x = input.extras ?? {};
  const coordinatorWeek = x.coordinatorWeek ?? new Map<string, CoordinatorFigures>();
  const coordinatorYear = x.coordinatorYear ?? new Map<string, CoordinatorFigures>();
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
    trends: x.trends ?? null,
    targets: x.targets ?? [],
    yearShareGone: x.yearShareGone ?? 0,
    coordinatorWeek,
    coordinatorYear,
    coordinatorRows: coordinatorRows(input.coordinators, coordinatorWeek, coordinatorYear),
    attention: x.attention ?? null,
    spreadsheetUrl: x.spreadsheetUrl ?? null,
    surveys: x.surveys ?? [],
  };
}

/** The coordinators the per-coordinator table lists: every active coordinator (a row of zeros
 *  says something too), then anyone else with a figure this year (a manager, a former
 *  coordinator, an unknown 担当, the blank one last), each once. */
function coordinatorRows(coordinators: readonly Coordinator[], week: ReadonlyMap<string, CoordinatorFigures>,
  year: ReadonlyMap<string, CoordinatorFigures>): string[] {
  const rows: string[] = [];
  const seen = new Set<string>();
  const add = (key: string): void => { if (!seen.has(key)) { seen.add(key); rows.push(key); } };
  for (const c of coordinators) if (c.active && c.role === 'coordinator') add(c.email.trim().toLowerCase());
  const busy = (f: CoordinatorFigures | undefined): boolean => f !== undefined && f.activities + f.proposals + f.placements + f.jobs_developed > 0;
  const others = [...new Set([...week.keys(), ...year.keys()])].filter((k) => k !== '' && (busy(week.get(k)) || busy(year.get(k)))).sort();
  for (const k of others) add(k);
  if (busy(week.get('')) || busy(year.get(''))) add('');
  return rows;
}
