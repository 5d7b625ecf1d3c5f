import { generateBenchCenter, SURVEY_SHEET, type BenchSize } from './generate-center';
import { baselineWeekly, type BaselineResult } from './baseline';
import { measureCompute, type ComputeTimes } from './compute';
import { project, type ProjectionRange, type Startup } from './cost-model';
import { measureThroughBundle, startKindOf, type BundleMeasure } from './measure-bundle';
import { callTargets, type TargetCheck } from './targets';
import { readWorkbook } from '../src/domain/workbook';
import { computeReport } from '../src/domain/kpi/compute-report';
import { weekBefore } from '../src/domain/weekly/week-period';
import { BENCH_TODAY } from './generate-center';
import { lookupOf } from './compute';
import type { CallLog } from '../test/fakes/call-log';
import { WEEKLY_KPI_COLUMNS } from '../src/domain/weekly/weekly-kpi-tab';

// One center size end to end: generate, time the computation in Node, run every operation
// through the bundle with the fakes, then the per-cell baseline on the same spreadsheet.

export interface MeasureWithProjection extends BundleMeasure {
  /** Both ends of the cost model (bench/cost-model.ts), start-up included. */
  readonly projected: ProjectionRange;
}

export interface SizeResult {
  readonly size: BenchSize;
  readonly rows: Record<string, number>;
  readonly cells: number;
  readonly generateMs: number;
  readonly fixtureMs: number;
  readonly measures: MeasureWithProjection[];
  readonly logActivityFirst: MeasureWithProjection | null;
  /** The weekly run that counts 活動記録 whole (a first run, a recount); `weekly` is the steady state. */
  readonly weeklyFirst?: MeasureWithProjection | null;
  readonly compute: Omit<ComputeTimes, 'weekReport'> | null;
  readonly baseline: (Omit<BaselineResult, 'tables'> & { projected: ProjectionRange; sameFigures: boolean | null }) | null;
  readonly checks: TargetCheck[];
  readonly missing: string[];
}

export interface RunOptions {
  /** Node compute and baseline too (false for BENCH_QUICK: calls only). */
  readonly full: boolean;
  readonly computeRuns: number;
  /** Rows per tab the per-cell baseline really reads before extrapolating. */
  readonly baselineCapRows: number;
  /** The execution's start-up, measured once per bench run (bench/startup.ts). */
  readonly startup: Startup;
}

export function runSize(size: BenchSize, options: RunOptions): SizeResult {
  const withProjection = (m: BundleMeasure): MeasureWithProjection => ({ ...m, projected: project(m.calls, startKindOf(m.op), options.startup) });
  const t0 = performance.now();
  const center = generateBenchCenter(size);
  const generateMs = performance.now() - t0;
  const rows: Record<string, number> = {};
  for (const t of center.tables) rows[t.name] = t.rows.length;

  const times = options.full ? measureCompute(center, options.computeRuns) : null;
  const weeklyTabs = center.tables.filter((t) => t.name !== SURVEY_SHEET);
  let baseline: SizeResult['baseline'] = null;
  const runBaseline = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet, log: CallLog): void => {
    const b = baselineWeekly(ss, log, weeklyTabs.map((t) => t.name), WEEKLY_KPI_COLUMNS.length, options.baselineCapRows);
    let sameFigures: boolean | null = null;
    if (b.tables && times) {
      // The figures the per-cell script gets from what it read, against ours on the same data.
      const week = weekBefore(BENCH_TODAY);
      sameFigures = JSON.stringify(computeReport(readWorkbook(lookupOf(b.tables)), week)) === JSON.stringify(times.weekReport);
    }
    const { tables: _tables, ...rest } = b;
    baseline = { ...rest, projected: project(b.calls, 'trigger', options.startup), sameFigures };
  };
  const run = measureThroughBundle(center, options.full ? runBaseline : undefined);
  const checks = callTargets(run.measures, run.weeklyExpectedCells, weeklyTabs.length);

  let compute: SizeResult['compute'] = null;
  if (times) {
    const { weekReport: _w, ...rest } = times;
    compute = rest;
  }
  return {
    size, rows, cells: center.cells, generateMs, fixtureMs: run.fixtureMs, measures: run.measures.map(withProjection),
    logActivityFirst: run.logActivityFirst ? withProjection(run.logActivityFirst) : null,
    weeklyFirst: run.weeklyFirst ? withProjection(run.weeklyFirst) : null, compute, baseline, checks, missing: run.missing,
  };
}
