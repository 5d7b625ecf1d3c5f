import type { RawTable } from '../src/domain/cell';
import type { Report } from '../src/domain/kpi/report';
import { rankCandidates } from '../src/domain/matching/rank-candidates';
import { namedChoiceQuestions } from '../src/domain/survey/named-questions';
import { tallySurvey } from '../src/domain/survey/tally';
import { weekBefore } from '../src/domain/weekly/week-period';
import { weeklySummary } from '../src/domain/weekly/weekly-summary';
import { loadWorkbookPart } from '../src/app/shared/read-part';
import type { ActivityTotals } from '../src/domain/kpi/activity-totals';
import { BOOTSTRAP_READS } from '../src/app/sidebar/read-plans';
import { weekHeadlineOf } from '../src/app/weekly/week-headline';
import { MemoryTableStore } from '../src/local/memory-table-store';
import { readWorkbook, type Workbook } from '../src/domain/workbook';
import { BENCH_TODAY, SURVEY_CHOICES, SURVEY_SHEET, type BenchCenter } from './generate-center';
import { measureWeeklyCompute, type WeeklyCompute } from './weekly-run';

// The computation alone, in Node, on tables already in memory (what the adapters hand the
// domain after their one getValues per tab): the median of several runs after one warm-up.
// Wall time of single-threaded code (performance.now), so a busy machine inflates it a little;
// the weekly run's line is bench/weekly-run.ts's (its least CPU time against a bare pass over the
// cells it reads, both ways of counting 活動記録).

export interface ComputeTimes {
  readonly runs: number;
  /** The weekly run's own compute against a bare pass over the cells it reads, counting 活動記録
   *  whole and in the steady state: bench/weekly-run.ts, the one definition of both. */
  readonly weekly: WeeklyCompute;
  /** The sidebar opening: its partial read parsed, and the headline's two reports. */
  readonly sidebarMs: number;
  /** rankCandidates for one job over all members (indexing included, as each sidebar call does it). */
  readonly rankMs: number;
  readonly tallyMs: number;
  /** The week's report, to check the per-cell baseline computes the same figures. */
  readonly weekReport: Report;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median wall time of `runs` calls of `fn` after one warm-up call; the last result is returned. */
export function timeMedian<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let result = fn();
  const times: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < runs; i++) {
    // The garbage of the run before is collected outside the timed part (with --expose-gc).
    gc?.();
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

export function lookupOf(tables: readonly RawTable[]): (names: readonly [string, string]) => RawTable | null {
  const byName = new Map(tables.map((t) => [t.name, t]));
  return (names) => byName.get(names[0]) ?? byName.get(names[1]) ?? null;
}

export function weeklyFigures(wb: Workbook, activityTotals?: ActivityTotals): { week: Report; mailBytes: number } {
  const { reports, mail } = weeklySummary(wb, weekBefore(BENCH_TODAY), wb.problems.length, [], { activityTotals });
  return { week: reports.week, mailBytes: mail.html.length + mail.text.length };
}

export function measureCompute(center: BenchCenter, runs: number): ComputeTimes {
  const weeklyTabs = center.tables.filter((t) => t.name !== SURVEY_SHEET);
  const wb = readWorkbook(lookupOf(weeklyTabs));
  const weekReport = weeklyFigures(wb).week;
  // The weekly run itself (runWeeklySummary over what it reads, the fakes' time out) against a bare
  // pass over the cells it reads: bench/weekly-run.ts, also bench/weekly-compute.ts's figures.
  const weekly = measureWeeklyCompute(center.tables, runs);
  const store = MemoryTableStore.from(weeklyTabs);
  // The sidebar's own parse: the columns and last rows it reads (src/app/sidebar/read-plans.ts) out of
  // a memory store, then the headline's two reports.
  const sidebar = timeMedian(runs, () => weekHeadlineOf(loadWorkbookPart(store, BOOTSTRAP_READS, wb.settings), BENCH_TODAY));
  const rank = timeMedian(runs, () => rankCandidates(wb, center.jobId, BENCH_TODAY, { limit: 30 }));
  const responses = center.tables.find((t) => t.name === SURVEY_SHEET);
  const tally = timeMedian(runs, () => (responses ? tallySurvey(responses, {
    name: 'bench', target: null, crossBy: '年代', declared: namedChoiceQuestions(SURVEY_CHOICES, responses.header.map(String)).declared,
  }) : null));
  return { runs, weekly, sidebarMs: sidebar.ms, rankMs: rank.ms, tallyMs: tally.ms, weekReport };
}
