import type { RawTable } from '../src/domain/cell';
import type { Report } from '../src/domain/kpi/report';
import { rankCandidates } from '../src/domain/matching/rank-candidates';
import { namedChoiceQuestions } from '../src/domain/survey/named-questions';
import { tallySurvey } from '../src/domain/survey/tally';
import { weekBefore } from '../src/domain/weekly/week-period';
import { weeklySummary } from '../src/domain/weekly/weekly-summary';
import { loadWorkbookPart, readColumnsOf } from '../src/app/shared/read-part';
import { loadWeeklyWorkbook } from '../src/app/weekly/weekly-reads';
import { ACTIVITY_TOTAL_COLUMNS, emptyTotals, foldActivityColumns, type ActivityTotals } from '../src/domain/kpi/activity-totals';
import { ACTIVITIES_TAB } from '../src/domain/schema/tabs';
import type { TableStore } from '../src/app/ports';
import { BOOTSTRAP_READS } from '../src/app/sidebar/read-plans';
import { weekHeadlineOf } from '../src/app/weekly/week-headline';
import { MemoryTableStore } from '../src/local/memory-table-store';
import { readWorkbook, type Workbook } from '../src/domain/workbook';
import { BENCH_TODAY, SURVEY_CHOICES, SURVEY_SHEET, type BenchCenter } from './generate-center';

// The computation alone, in Node, on tables already in memory (what the adapters hand the
// domain after their one getValues per tab): the median of several runs after one warm-up.
// Wall time of single-threaded code (performance.now), so a busy machine inflates it a little.

export interface ComputeTimes {
  readonly runs: number;
  /** readWorkbook: every tab's cells parsed into records, with every problem. */
  readonly parseMs: number;
  /** The sidebar opening: its partial read parsed, and the headline's two reports. */
  readonly sidebarMs: number;
  /** The weekly job's figures: three reports (week, week before, FY to date) and the mail. */
  readonly weeklyFiguresMs: number;
  /** parse + figures: the weekly run's whole computation. */
  readonly weeklyMs: number;
  /** The floor: one loop over every cell of every tab the weekly run reads, summing something. */
  readonly barePassMs: number;
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

/** The weekly run's compute when it counts 活動記録 whole (its first run, a recount: the most it
 *  ever does): the columns of weekly-reads.ts parsed, 活動記録's read columns folded into per-day
 *  totals (no records: count-activities.ts), the three reports and the mail. */
export function weeklyFullCount(store: TableStore): { week: Report; mailBytes: number } {
  const wb = loadWeeklyWorkbook(store);
  const totals = emptyTotals();
  const activities = readColumnsOf(store, ACTIVITIES_TAB, ACTIVITY_TOTAL_COLUMNS);
  if (activities) foldActivityColumns(activities, totals);
  return weeklyFigures(wb, totals);
}

/** The floor: touch every cell once and fold it into a number (so the loop cannot be skipped). */
export function barePass(tables: readonly RawTable[]): number {
  let sum = 0;
  for (const t of tables) {
    for (const row of t.rows) {
      for (let i = 0; i < row.length; i++) {
        const c = row[i];
        if (typeof c === 'string') sum += c.length;
        else if (typeof c === 'number') sum += c;
        else if (c !== null && c !== undefined && typeof c === 'object') sum += 1;
      }
    }
  }
  return sum;
}

export function measureCompute(center: BenchCenter, runs: number): ComputeTimes {
  const weeklyTabs = center.tables.filter((t) => t.name !== SURVEY_SHEET);
  const lookup = lookupOf(weeklyTabs);
  const parse = timeMedian(runs, () => readWorkbook(lookup));
  const wb = parse.result;
  const figures = timeMedian(runs, () => weeklyFigures(wb));
  const store = MemoryTableStore.from(weeklyTabs);
  // The weekly run's own computation counting 活動記録 whole (weeklyFullCount), out of a memory
  // store. The floor below still loops over every cell of every tab, so the ratio is against the
  // whole workbook, not the part read (bench/weekly-compute.ts takes it against the cells read).
  const whole = timeMedian(runs, () => weeklyFullCount(store));
  const bare = timeMedian(runs, () => barePass(weeklyTabs));
  // The sidebar's own parse: the columns and last rows it reads (src/app/sidebar/read-plans.ts) out of
  // a memory store, then the headline's two reports.
  const sidebar = timeMedian(runs, () => weekHeadlineOf(loadWorkbookPart(store, BOOTSTRAP_READS, wb.settings), BENCH_TODAY));
  const rank = timeMedian(runs, () => rankCandidates(wb, center.jobId, BENCH_TODAY, { limit: 30 }));
  const responses = center.tables.find((t) => t.name === SURVEY_SHEET);
  const tally = timeMedian(runs, () => (responses ? tallySurvey(responses, {
    name: 'bench', target: null, crossBy: '年代', declared: namedChoiceQuestions(SURVEY_CHOICES, responses.header.map(String)).declared,
  }) : null));
  return {
    runs, parseMs: parse.ms, sidebarMs: sidebar.ms, weeklyFiguresMs: figures.ms, weeklyMs: whole.ms, barePassMs: bare.ms, rankMs: rank.ms, tallyMs: tally.ms,
    weekReport: figures.result.week,
  };
}
