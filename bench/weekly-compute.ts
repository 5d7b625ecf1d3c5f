import { civilDateIn } from '../src/domain/civil-date';
import { weeklySummary } from '../src/domain/weekly/weekly-summary';
import { weekBefore } from '../src/domain/weekly/week-period';
import { loadWeeklyWorkbook } from '../src/app/weekly/weekly-reads';
import { countActivities, weeklyProblemCount } from '../src/app/weekly/count-activities';
import { BENCH_TODAY, SIZES, generateBenchCenter } from './generate-center';
import { barePass, RUN_AT, steadyRun, timed, wholeCountRun, type Timed, type WeeklyRunFixture } from './weekly-run';

// The weekly run's Node compute against a bare pass over the very cells it reads (issue 15 item 4:
// ≤ 3×), at one size (BENCH_WEEKLY_SIZE, M by default; L needs --max-old-space-size=12000), with
// where the time goes by step. Both figures are bench/weekly-run.ts's, the same the bench's compute
// line (bench/compute.ts) prints at every size.
//   node --expose-gc scripts/run-ts.cjs bench/weekly-compute.ts
//   node --cpu-prof --expose-gc scripts/run-ts.cjs bench/weekly-compute.ts   # and a CPU profile

function main(): void {
  const sizeName = process.env.BENCH_WEEKLY_SIZE ?? 'M';
  const size = SIZES.find((s) => s.name === sizeName);
  if (!size) throw new Error(`no size ${sizeName}`);
  const runs = Number(process.env.BENCH_WEEKLY_RUNS ?? 7);
  const center = generateBenchCenter(size);
  const week = weekBefore(BENCH_TODAY);
  const lines: string[] = [];
  const section = (title: string, fixture: WeeklyRunFixture): void => {
    const bare = timed(runs, () => barePass(fixture.reads));
    const line = (name: string, t: Timed<unknown>): string =>
      `| ${name} | ${t.ms.toFixed(0)} ms | ${t.minMs.toFixed(0)} ms | ${(t.minMs / bare.minMs).toFixed(2)}× | ${t.cpuMs.toFixed(0)} ms | **${(t.cpuMs / bare.cpuMs).toFixed(2)}×** | ${t.heapMb.toFixed(0)} MB |`;
    // The run's steps apart, over the same replaying store (their sum is a little more than the
    // run: each step's garbage is collected before the next is timed).
    const { store } = fixture;
    const today = civilDateIn(RUN_AT, 'Asia/Tokyo');
    const parse = timed(runs, () => loadWeeklyWorkbook(store));
    const count = timed(runs, () => countActivities({ store, today, language: 'ja' }));
    const figures = timed(runs, () => weeklySummary(parse.result, week, weeklyProblemCount(parse.result, count.result), [], { activityTotals: count.result.totals, members: parse.result.memberColumns, matches: parse.result.matchColumns }));
    lines.push(
      `${title}: ${fixture.cellsRead.toLocaleString('en')} cells read in ${fixture.reads.length} reads`,
      '| step | wall, median | wall, fastest | ÷ bare pass | CPU, least | ÷ bare pass | heap grown |',
      '|---|---:|---:|---:|---:|---:|---:|',
      line('bare pass over the cells read', bare),
      line('**the run** (runWeeklySummary)', timed(runs, fixture.run)),
      line('of which: the other tabs parsed (loadWeeklyWorkbook)', parse),
      line('of which: 活動記録 counted (countActivities)', count),
      line('of which: the figures and the mail (weeklySummary)', figures),
      '',
    );
  };
  section(`weekly at ${size.name} (${size.members} members / ${size.activities} activities), counting 活動記録 whole`, wholeCountRun(center.tables));
  section(`weekly at ${size.name}, the steady state`, steadyRun(center.tables));
  process.stdout.write(`${lines.join('\n')}least CPU and fastest wall of ${runs} after a warm-up\n`);
}

main();
