import { daysBetween, fiscalYear, type CivilDate } from '../civil-date';
import type { Report } from '../kpi/report';
import type { Settings, TargetKey } from '../settings';

// The fiscal year's targets against the year to date (kpi.md "Targets"): a target set in 設定 is
// taken pro rata to the days of the fiscal year gone by on the week's last day, so a center in
// its 26th week of 52 is on track with half its annual target.

export interface TargetLine {
  readonly key: TargetKey;
  /** The fiscal year to date (from the week's 年度累計 report). */
  readonly actual: number;
  readonly annual: number;
  /** annual × days gone by / days of the year, rounded to a whole number. */
  readonly proRata: number;
  /** actual / proRata; null when the pro-rata target is 0. */
  readonly achievement: number | null;
}

const ACTUAL: Readonly<Record<TargetKey, (r: Report) => number | null>> = {
  targetNewMembers: (r) => r.members.new_members.total,
  targetPlacedDispatch: (r) => r.work.placed_members.by_engagement.dispatch,
  targetPlacedPlacement: (r) => r.work.placed_members.by_engagement.placement,
  targetPlacedContract: (r) => r.work.placed_members.by_engagement.contract,
  targetPlacedMandate: (r) => r.work.placed_members.by_engagement.mandate,
  targetPlacedConsultation: (r) => r.work.placed_members.by_engagement.consultation,
  targetJobsDeveloped: (r) => r.work.jobs_developed.total,
  // From 就業実績: a center without work rows has no 就業延人員 to compare.
  targetPersonDays: (r) => r.work.actual?.person_days ?? null,
};

export const TARGET_ORDER: readonly TargetKey[] = [
  'targetNewMembers', 'targetPlacedDispatch', 'targetPlacedPlacement', 'targetPlacedContract', 'targetPlacedMandate',
  'targetPlacedConsultation', 'targetJobsDeveloped', 'targetPersonDays',
];

/** The share of fiscal year `fy` gone by on `to` (both ends counted): 1 on its last day. */
export function yearShareGone(fy: number, fiscalYearStartMonth: number, to: CivilDate): number {
  const year = fiscalYear(fy, fiscalYearStartMonth);
  const total = daysBetween(year.from, year.to) + 1;
  const gone = Math.max(0, Math.min(total, daysBetween(year.from, to) + 1));
  return gone / total;
}

/** The targets a center set, in 設定's order, each against the year to date in `fyToDate`. */
export function fiscalTargets(settings: Pick<Settings, TargetKey | 'fiscalYearStartMonth'>, fy: number, fyToDate: Report): TargetLine[] {
  const share = yearShareGone(fy, settings.fiscalYearStartMonth, fyToDate.period.to);
  const lines: TargetLine[] = [];
  for (const key of TARGET_ORDER) {
    const annual = settings[key];
    const actual = ACTUAL[key](fyToDate);
    if (annual === null || actual === null) continue;
    const proRata = Math.round(annual * share);
    lines.push({ key, actual, annual, proRata, achievement: proRata === 0 ? null : actual / proRata });
  }
  return lines;
}
