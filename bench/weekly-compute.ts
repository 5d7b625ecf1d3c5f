import { parseCivilDate } from '../src/domain/civil-date';
import { isDateCell, type RawTable } from '../src/domain/cell';
import { readWorkbook } from '../src/domain/workbook';
import { weeklySummary } from '../src/domain/weekly/weekly-summary';
import { weekBefore } from '../src/domain/weekly/week-period';
import { loadWeeklyWorkbook } from '../src/app/weekly/weekly-reads';
import { countActivities } from '../src/app/weekly/count-activities';
import { readColumnsOf } from '../src/app/shared/read-part';
import { ACTIVITY_TOTAL_COLUMNS, emptyTotals, foldActivityColumns } from '../src/domain/kpi/activity-totals';
import { parseTotalsTab, ACTIVITY_TOTALS_TAB } from '../src/domain/weekly/activity-totals-tab';
import { ACTIVITIES_TAB } from '../src/domain/schema/tabs';
import { MemoryTableStore } from '../src/local/memory-table-store';
import type { TableStore } from '../src/app/ports';
import { BENCH_TODAY, SIZES, SURVEY_SHEET, generateBenchCenter } from './generate-center';
import { lookupOf, median } from './compute';

// The weekly run's Node compute against a bare pass over the very cells it reads (issue 15 item 4:
// ≤ 3×), at one size (BENCH_WEEKLY_SIZE, L by default), with the peak heap.
//   node --max-old-space-size=12000 --expose-gc scripts/run-ts.cjs bench/weekly-compute.ts
// The tables are read out of a memory store once, before any timing (what the Sheets adapter hands
// the domain after its getValues), so the copy a store makes is in neither figure.
//
// *Bare pass*: one loop over every row and every column the weekly run reads (WEEKLY_READS, the
// picked columns only), touching each cell once: text adds its length, a number itself, a date
// cell is converted to a civil date (parseCivilDate, the parser's own fast path). Nothing else:
// no records, no problems, no figures — the floor any parse of those cells must pay.

/** The memory store with its reads answered from `tables` when they hold the tab (no copy per
 *  call), and every read recorded in `log` (the columns picked) when a log is given. */
function recordingStore(source: MemoryTableStore, tables: Map<string, RawTable> | null, log: ReadTable[] | null): TableStore {
  const found = (names: readonly string[]): RawTable | null => {
    for (const n of names) { const t = tables?.get(n); if (t) return t; }
    return null;
  };
  const keep = (t: RawTable | null, columns: (t: RawTable) => readonly number[]): RawTable | null => {
    if (t && log) { log.push({ table: t, columns: columns(t) }); tables?.set(t.name, t); }
    return t;
  };
  return {
    read: (names) => found(names) ?? keep(source.read(names), (t) => t.header.map((_, i) => i)),
    readColumns: (names, pick) => found(names) ?? keep(source.readColumns(names, pick), (t) => pick(t.header)),
    header: (names) => source.header(names),
    replace: (n, h, r) => source.replace(n, h, r),
    appendCells: (n, c) => source.appendCells(n, c),
    writeCells: (n, f, c) => source.writeCells(n, f, c),
    flush: () => undefined,
    tabNames: () => source.tabNames(),
  };
}

interface ReadTable { readonly table: RawTable; readonly columns: readonly number[] }

function barePass(read: readonly ReadTable[]): number {
  let sum = 0;
  for (const { table, columns } of read) {
    const rows = table.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] ?? [];
      for (let k = 0; k < columns.length; k++) {
        const c = row[columns[k] as number];
        if (typeof c === 'string') sum += c.length;
        else if (typeof c === 'number') sum += c;
        else if (c !== null && c !== undefined && isDateCell(c)) sum += parseCivilDate(c.date.slice(0, 10)) === null ? 0 : 1;
      }
    }
  }
  return sum;
}

function gc(): void { (globalThis as { gc?: () => void }).gc?.(); }

interface Timed<T> { readonly ms: number; readonly minMs: number; readonly cpuMs: number; readonly heapMb: number; readonly result: T }

/** Median and fastest wall time of `runs` calls after one warm-up, the fastest CPU time of the
 *  process (all threads: V8's GC helpers too) — on a machine shared with other runs the wall time
 *  swells with the load, the CPU time much less — and the heap grown during a call. */
function timed<T>(runs: number, fn: () => T): Timed<T> {
  let result = fn();
  const times: number[] = [];
  const cpus: number[] = [];
  const heaps: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
    // Heap grown during the call, garbage included (no collection asked for in between): a lower
    // bound of the call's peak above its start, since V8 may collect on the way.
    heaps.push((process.memoryUsage().heapUsed - before) / 2 ** 20);
  }
  return { ms: median(times), minMs: Math.min(...times), cpuMs: Math.min(...cpus), heapMb: Math.max(...heaps), result };
}

function main(): void {
  const sizeName = process.env.BENCH_WEEKLY_SIZE ?? 'L';
  const size = SIZES.find((s) => s.name === sizeName) ?? SIZES[2];
  if (!size) throw new Error('no size');
  const runs = Number(process.env.BENCH_WEEKLY_RUNS ?? 7);
  const center = generateBenchCenter(size);
  const week = weekBefore(BENCH_TODAY);
  const tabs = center.tables.filter((t) => t.name !== SURVEY_SHEET);
  const memory = MemoryTableStore.from(tabs);
  // What the weekly run reads counting 活動記録 whole (its first run, a recount: the most it
  // computes), captured from one run over the memory store, then answered from memory. That run
  // also leaves `_活動集計` in the memory store, for the incremental line below.
  const captured = new Map<string, RawTable>();
  const read: ReadTable[] = [];
  const recording = recordingStore(memory, captured, read);
  loadWeeklyWorkbook(recording);
  countActivities({ store: recording, today: BENCH_TODAY, language: 'ja' });
  const totalsRead = read.findIndex((r) => r.table.name === ACTIVITY_TOTALS_TAB.ja);
  if (totalsRead >= 0) read.splice(totalsRead, 1);
  const store = recordingStore(memory, captured, null);
  const storedTab = memory.read([ACTIVITY_TOTALS_TAB.ja]);
  const activitiesTable = captured.get(ACTIVITIES_TAB.ja) ?? null;
  /** The weekly run's compute counting 活動記録 whole: the other tabs parsed, 活動記録's columns
   *  folded into totals (no records), the figures and the mail. */
  const fullCount = (): ReturnType<typeof weeklySummary> => {
    const wb = loadWeeklyWorkbook(store);
    const totals = emptyTotals();
    const table = readColumnsOf(store, ACTIVITIES_TAB, ACTIVITY_TOTAL_COLUMNS);
    if (table) foldActivityColumns(table, totals);
    return weeklySummary(wb, week, wb.problems.length, [], { activityTotals: totals });
  };
  /** The steady state: the stored totals read back, a week's rows folded (activities / 52, the
   *  tab's last rows), the figures and the mail. */
  const weekRows = Math.round(size.activities / 52);
  const incremental = (): ReturnType<typeof weeklySummary> => {
    const wb = loadWeeklyWorkbook(store);
    const stored = parseTotalsTab(storedTab);
    const totals = stored?.totals ?? emptyTotals();
    if (activitiesTable) foldActivityColumns({ ...activitiesTable, rows: activitiesTable.rows.slice(-weekRows) }, totals);
    return weeklySummary(wb, week, wb.problems.length, [], { activityTotals: totals });
  };
  const cellsRead = read.reduce((s, { table, columns }) => s + table.rows.length * columns.length, 0);
  const cellsHeld = read.reduce((s, { table }) => s + table.rows.length * table.header.length, 0);

  const parse = timed(runs, () => {
    const wb = loadWeeklyWorkbook(store);
    const totals = emptyTotals();
    const table = readColumnsOf(store, ACTIVITIES_TAB, ACTIVITY_TOTAL_COLUMNS);
    if (table) foldActivityColumns(table, totals);
    return { wb, totals };
  });
  const figures = timed(runs, () => weeklySummary(parse.result.wb, week, parse.result.wb.problems.length, [], { activityTotals: parse.result.totals }));
  const weekly = timed(runs, fullCount);
  const steady = timed(runs, incremental);
  const bare = timed(runs, () => barePass(read));
  const whole = process.env.BENCH_WEEKLY_WHOLE === '1' ? timed(runs, () => weeklySummary(readWorkbook(lookupOf(tabs)), week)) : null;
  const line = (name: string, t: Timed<unknown>): string =>
    `| ${name} | ${t.ms.toFixed(0)} ms | ${t.minMs.toFixed(0)} ms | ${(t.minMs / bare.minMs).toFixed(2)}× | ${t.cpuMs.toFixed(0)} ms | ${(t.cpuMs / bare.cpuMs).toFixed(2)}× | ${t.heapMb.toFixed(0)} MB |`;
  process.stdout.write([
    `weekly compute at ${size.name} (${size.members} members / ${size.activities} activities), median of ${runs}; ` +
      `${cellsRead.toLocaleString('en')} cells read (of ${cellsHeld.toLocaleString('en')} in the rows handed over)`,
    '| step | wall, median | wall, fastest | ÷ bare pass | CPU, least | ÷ bare pass | heap grown |',
    '|---|---:|---:|---:|---:|---:|---:|',
    line('bare pass over the cells read', bare),
    line('parse + fold (loadWeeklyWorkbook, 活動記録 folded whole)', parse),
    line('figures (weeklySummary on the totals)', figures),
    line('weekly compute, counting 活動記録 whole (parse + fold + figures)', weekly),
    line(`weekly compute, incremental (stored totals + ${weekRows.toLocaleString('en')} rows folded + figures)`, steady),
    ...(whole ? [line('every tab whole (readWorkbook + weeklySummary)', whole)] : []),
    `week's report: ${JSON.stringify(weekly.result.reports.week).length} bytes, problems ${parse.result.wb.problems.length}` +
      ` (the incremental line times the work only: its totals already hold the rows it folds again)`,
    '',
  ].join('\n'));
}

main();
