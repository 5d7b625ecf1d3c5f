import type { TableStore } from '../../../src/app/ports';
import { countActivities, weeklyProblemCount } from '../../../src/app/weekly/count-activities';
import { loadWeeklyWorkbook } from '../../../src/app/weekly/weekly-reads';
import type { CivilDate } from '../../../src/domain/civil-date';
import type { ActivityTotals } from '../../../src/domain/kpi/activity-totals';
import type { Period } from '../../../src/domain/weekly/week-period';
import { weeklySummary, type WeeklySummary } from '../../../src/domain/weekly/weekly-summary';
import type { WeeklyWorkbook } from '../../../src/app/weekly/weekly-reads';

// What the weekly run computes from (run-weekly-summary.ts): the workbook of weekly-reads.ts,
// 活動記録's totals (count-activities.ts: stored plus the rows after them, or a whole count, and
// `_活動集計` written into `store`), and the problem count the mail shows.
export interface WeeklyInputs {
  readonly workbook: WeeklyWorkbook;
  readonly totals: ActivityTotals;
  readonly problemCount: number;
}

export function weeklyInputs(store: TableStore, today: CivilDate = '2099-01-01'): WeeklyInputs {
  const workbook = loadWeeklyWorkbook(store);
  const counted = countActivities({ store, today, language: workbook.settings.language });
  return { workbook, totals: counted.totals, problemCount: weeklyProblemCount(workbook, counted) };
}

/** The week's summary as the run makes it from `inputs`. */
export function weeklyOf(inputs: WeeklyInputs, week: Period, problemCount: number = inputs.problemCount): WeeklySummary {
  return weeklySummary(inputs.workbook, week, problemCount, [], { activityTotals: inputs.totals, members: inputs.workbook.memberColumns, matches: inputs.workbook.matchColumns });
}
