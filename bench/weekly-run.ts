import { parseCivilDate, addDays, type CivilDate } from '../src/domain/civil-date';
import { isDateCell, type Cell, type RawTable } from '../src/domain/cell';
import { weekBefore } from '../src/domain/weekly/week-period';
import { ACTIVITIES_TAB } from '../src/domain/schema/tabs';
import { ACTIVITY_TOTALS_TAB } from '../src/domain/weekly/activity-totals-tab';
import { runWeeklySummary, type WeeklyRunResult } from '../src/app/weekly/run-weekly-summary';
import { countActivities } from '../src/app/weekly/count-activities';
import type { Mailer, MailMessage, TableStore } from '../src/app/ports';
import { MemoryTableStore } from '../src/local/memory-table-store';
import { BENCH_TODAY } from './generate-center';

// The one definition of the weekly run's Node compute and of its floor (issue 15 item 4: the
// compute ≤ 3× a bare pass over the cells it reads), used by the bench's compute line
// (bench/compute.ts, every size) and by bench/weekly-compute.ts (one size, with its breakdown).
//
// *The run's compute*: `runWeeklySummary` itself — the use case the trigger calls, every step of
// it (設定, the columns of weekly-reads.ts parsed, 活動記録 counted, the problems, 週次KPI, the
// surveys, the three reports, the attention lists, the mail, the week's row and 推移's cells) —
// over a store that answers every read with the table it answered the first time (captured once
// from a memory store, before any timing: what the Sheets adapter hands the domain after its
// getValues) and drops every write, and a mailer that keeps nothing. So the fakes' own time (a
// store's copy of its rows, a sheet's cells) is in neither figure, and every timed run sees the
// same workbook.
//
// *The bare pass over the cells it reads*: one loop over every cell of every read the run made
// (rows × the columns it asked for, the header not counted), touching each cell once: text adds
// its length, a number itself, a date cell is turned into a civil date by `parseCivilDate` (the
// parser's own fast path). No record, no problem, no figure: the floor any run over those cells pays.
//
// Two runs are timed: counting 活動記録 whole (a first run, a recount: `_活動集計` missing) and the
// steady state (`_活動集計` holding every row before the week reported, the week's rows after its
// mark), as bench/measure-bundle.ts runs them through the bundle.

/** One read the run made: the table answered and the columns it asked for. */
export interface WeeklyRead { readonly table: RawTable; readonly columns: readonly number[] }

/** A weekly run ready to time: `run()` is the use case over the replaying store. */
export interface WeeklyRunFixture {
  readonly run: () => WeeklyRunResult;
  /** The replaying store (for a breakdown of the run by step: bench/weekly-compute.ts). */
  readonly store: TableStore;
  readonly reads: readonly WeeklyRead[];
  /** Σ rows × columns of `reads`: the cells the run reads. */
  readonly cellsRead: number;
}

/** Monday 09:00 in Tokyo, the trigger's hour (as bench/measure-bundle.ts freezes the bundle's clock). */
export const RUN_AT = new Date(`${BENCH_TODAY}T00:00:00Z`);

const SILENT_MAILER: Mailer = { remainingQuota: () => 1500, send: (_message: MailMessage): void => undefined };

function everyColumn(t: RawTable): number[] {
  return t.header.map((_, i) => i);
}

/**
 * A store answering each read the way `source` answered it the first time. While `capturing`, a
 * read goes to `source`, is kept and recorded (with its columns) in `reads`; after, a read not
 * kept is an error (the run changed its reads between two runs: the figures would mean nothing).
 * Writes are dropped in both phases, so every run starts from the same workbook.
 */
function replayingStore(source: TableStore): { store: TableStore; reads: WeeklyRead[]; stopCapturing: () => void } {
  const kept = new Map<string, unknown>();
  const reads: WeeklyRead[] = [];
  let capturing = true;
  const answer = <T>(key: string, fetch: () => T, record: ((value: T) => WeeklyRead | null) | null): T => {
    if (kept.has(key)) return kept.get(key) as T;
    if (!capturing) throw new Error(`weekly run read what it did not read before: ${key}`);
    const value = fetch();
    kept.set(key, value);
    const read = record?.(value) ?? null;
    if (read) reads.push(read);
    return value;
  };
  const at = (...parts: readonly unknown[]): string => parts.map((p) => (Array.isArray(p) ? p.join('\u0001') : String(p))).join('\u0000');
  const picked = (t: RawTable | null, pick: ((h: readonly string[]) => readonly number[]) | undefined): WeeklyRead | null =>
    t ? { table: t, columns: pick ? pick(t.header).filter((c) => c >= 0 && c < t.header.length) : everyColumn(t) } : null;
  const store: TableStore = {
    read: (names) => answer(at('read', names), () => source.read(names), (t) => picked(t, undefined)),
    header: (names) => answer(at('header', names), () => source.header(names), null),
    readColumns: (names, pick) => answer(at('columns', names), () => source.readColumns?.(names, pick) ?? source.read(names), (t) => picked(t, pick)),
    readTail: (names, count, pick) => answer(at('tail', names, count, pick ? 'pick' : ''), () => source.readTail?.(names, count, pick) ?? null, (t) => picked(t, pick)),
    readFrom: (names, firstRow, pick) => answer(at('from', names, firstRow), () => source.readFrom?.(names, firstRow, pick) ?? null, (t) => picked(t, pick)),
    replace: () => undefined,
    appendCells: () => undefined,
    writeCells: () => undefined,
    flush: () => undefined,
    tabNames: () => answer(at('tabNames'), () => source.tabNames(), null),
  };
  return { store, reads, stopCapturing: () => { capturing = false; } };
}

/** The weekly run over `source`, its reads captured by one run (not timed). */
function fixtureOver(source: TableStore): WeeklyRunFixture {
  const { store, reads, stopCapturing } = replayingStore(source);
  const run = (): WeeklyRunResult => runWeeklySummary({ store, mailer: SILENT_MAILER, clock: { now: () => RUN_AT } });
  const first = run();
  if (first.status !== 'sent') throw new Error(`the bench's weekly run did not send: ${first.status} ${first.failure ?? ''}`);
  stopCapturing();
  return { run, store, reads, cellsRead: cellsOf(reads) };
}

export function cellsOf(reads: readonly WeeklyRead[]): number {
  return reads.reduce((s, { table, columns }) => s + table.rows.length * columns.length, 0);
}

/** The run counting 活動記録 whole: no `_活動集計` (a first run; a recount reads the same). */
export function wholeCountRun(tables: readonly RawTable[]): WeeklyRunFixture {
  return fixtureOver(MemoryTableStore.from(tables));
}

/** The steady state: `_活動集計` made by last Monday's run, which counted 活動記録 up to the week
 *  now reported (rows dated from its Monday on are appended after it: the generator writes them in
 *  date order), and this Monday's run. */
export function steadyRun(tables: readonly RawTable[]): WeeklyRunFixture {
  const from = weekBefore(BENCH_TODAY).from;
  const activities = tables.find((t) => t.name === ACTIVITIES_TAB.ja);
  if (!activities) throw new Error('no 活動記録');
  const dateAt = activities.header.indexOf(ACTIVITIES_TAB.columns[1].ja);
  const day = (c: Cell | undefined): string => (c !== null && c !== undefined && isDateCell(c) ? c.date.slice(0, 10) : String(c ?? ''));
  const cut = activities.rows.findIndex((r) => day(r[dateAt]) >= from);
  const before = MemoryTableStore.from(tables.map((t) => (t === activities && cut >= 0 ? { ...t, rows: t.rows.slice(0, cut) } : t)));
  countActivities({ store: before, today: addDays(BENCH_TODAY, -7) as CivilDate, language: 'ja' });
  const totals = before.read([ACTIVITY_TOTALS_TAB.ja]);
  if (!totals) throw new Error('no _活動集計 written');
  return fixtureOver(MemoryTableStore.from([...tables, totals]));
}

/** The floor: every cell of every read touched once, folded into a number (so no loop is skipped). */
export function barePass(reads: readonly WeeklyRead[]): number {
  let sum = 0;
  for (const { table, columns } of reads) {
    const rows = table.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] ?? [];
      for (let k = 0; k < columns.length; k++) {
        const c = row[columns[k] as number];
        if (typeof c === 'string') sum += c.length;
        else if (typeof c === 'number') sum += c;
        else if (c !== null && c !== undefined && typeof c === 'object' && isDateCell(c)) sum += parseCivilDate(c.date.slice(0, 10)) === null ? 0 : 1;
      }
    }
  }
  return sum;
}

export interface Timed<T> {
  /** Median and fastest wall time (performance.now). */
  readonly ms: number;
  readonly minMs: number;
  /** The least CPU time of the process over the runs (all threads: V8's GC helpers too). */
  readonly cpuMs: number;
  /** Heap grown during a call (garbage included, GC'd before): a lower bound of its peak. */
  readonly heapMb: number;
  readonly result: T;
}

/** `runs` calls after one warm-up, the garbage of the call before collected first (--expose-gc).
 *  On a shared machine the wall time swells with the load, the CPU time much less: ratios are
 *  taken on the least CPU time. */
export function timed<T>(runs: number, fn: () => T): Timed<T> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let result = fn();
  const times: number[] = [];
  const cpus: number[] = [];
  const heaps: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
    heaps.push((process.memoryUsage().heapUsed - heap0) / 2 ** 20);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { ms: median, minMs: Math.min(...times), cpuMs: Math.min(...cpus), heapMb: Math.max(...heaps), result };
}

/** One weekly run against its own floor. */
export interface WeeklyRatio {
  readonly cellsRead: number;
  readonly bare: Omit<Timed<unknown>, 'result'>;
  readonly run: Omit<Timed<unknown>, 'result'>;
  /** run ÷ bare on the least CPU time (the steadier figure), and on the fastest wall time. */
  readonly cpuRatio: number;
  readonly wallRatio: number;
}

export interface WeeklyCompute {
  /** Counting 活動記録 whole (a first run, a recount): the most a run computes. */
  readonly whole: WeeklyRatio;
  /** The steady state: the stored totals and a week's rows of 活動記録. */
  readonly steady: WeeklyRatio;
}

function ratioOf(fixture: WeeklyRunFixture, runs: number): WeeklyRatio {
  const strip = <T>({ result: _r, ...t }: Timed<T>): Omit<Timed<T>, 'result'> => t;
  const run = strip(timed(runs, fixture.run));
  const bare = strip(timed(runs, () => barePass(fixture.reads)));
  return { cellsRead: fixture.cellsRead, bare, run, cpuRatio: run.cpuMs / bare.cpuMs, wallRatio: run.minMs / bare.minMs };
}

/** The weekly run's compute against its floor, both ways of counting 活動記録. */
export function measureWeeklyCompute(tables: readonly RawTable[], runs: number): WeeklyCompute {
  return { whole: ratioOf(wholeCountRun(tables), runs), steady: ratioOf(steadyRun(tables), runs) };
}
