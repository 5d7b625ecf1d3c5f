import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import type { TableStore } from '../../../src/app/ports';
import { loadWeeklyWorkbook, WEEKLY_READS } from '../../../src/app/weekly/weekly-reads';
import { addDays, type CivilDate } from '../../../src/domain/civil-date';
import type { RawTable } from '../../../src/domain/cell';
import { weekHolding } from '../../../src/domain/weekly/week-period';
import { weeklySummary } from '../../../src/domain/weekly/weekly-summary';
import type { Workbook } from '../../../src/domain/workbook';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { BENCH_TODAY, generateBenchCenter, QUICK_SIZES } from '../../../bench/generate-center';
import { fyBoundaryTables } from './fixture';
import { weeklyInputs, weeklyOf, type WeeklyInputs } from './weekly-inputs';

// The weekly run reads only the columns its figures use (weekly-reads.ts). The oracle is the
// full read (loadWorkbook, every tab whole, as the run did before): on the same store, every
// figure and the mail must come out the same.

/** The three reports and the rendered mail of the week holding `day`, from `workbook` (the full
 *  read, the oracle) or from the weekly run's inputs. */
function weeklyOutput(from: Workbook | WeeklyInputs, day: CivilDate, problemCount: number): unknown {
  const { reports, mail } = 'totals' in from ? weeklyOf(from, weekHolding(day), problemCount) : weeklySummary(from, weekHolding(day), problemCount);
  return { reports, mail };
}

/** The same tabs behind a store with no column reads: read-part.ts falls back to whole tabs. */
function withoutColumnReads(store: MemoryTableStore): TableStore {
  return {
    read: (names) => store.read(names),
    header: (names) => store.header(names),
    replace: (n, h, r) => store.replace(n, h, r),
    appendCells: (n, c) => store.appendCells(n, c),
    writeCells: (n, f, c) => store.writeCells(n, f, c),
    flush: () => undefined,
    tabNames: () => store.tabNames(),
  };
}

/** Every Monday from `from` for `weeks` weeks. */
function mondays(from: CivilDate, weeks: number): CivilDate[] {
  return Array.from({ length: weeks }, (_, i) => addDays(from, 7 * i));
}

describe('the weekly run reading only the columns its figures use', () => {
  it('gives the same reports and the same mail as the full read on the fiscal-year fixture, week by week', () => {
    const store = MemoryTableStore.from(fyBoundaryTables());
    const full = loadWorkbook(store);
    const part = weeklyInputs(store);
    expect(part.workbook.problems).toEqual(full.problems.filter((p) => p.tab !== '活動記録'));
    expect(part.problemCount).toBe(full.problems.length);
    // Ten weeks around the fixture's dates (2016-03-10 .. 04-12), so every row falls in some week.
    for (const day of mondays('2016-02-29', 10)) {
      expect([day, weeklyOutput(part, day, part.problemCount)]).toEqual([day, weeklyOutput(full, day, full.problems.length)]);
    }
  });

  it('leaves the columns it does not need unread, so members\' names and contacts never reach the run', () => {
    const part = loadWeeklyWorkbook(MemoryTableStore.from(fyBoundaryTables()));
    // 会員 is folded from the figures' columns: no record, and no column of names or contacts.
    expect(part.members).toEqual([]);
    expect(part.memberColumns.member_id).toEqual(['M001', 'M002', 'M003', 'M004', 'M005']);
    expect(Object.keys(part.memberColumns).sort()).toEqual(['availability', 'consent', 'count', 'gender', 'join_route', 'joined_on', 'left_on', 'member_id']);
    // A text cell not read parses as blank text.
    for (const r of part.registrations) expect([r.name, r.phone, r.email]).toEqual(['', '', '']);
    expect(part.surveys).toEqual([]);
    expect(Object.keys(WEEKLY_READS)).not.toContain('surveys');
  });

  it('gives the same figures through a store without column reads, which reads the tabs whole', () => {
    const store = MemoryTableStore.from(fyBoundaryTables());
    const whole = weeklyInputs(withoutColumnReads(MemoryTableStore.from(fyBoundaryTables())));
    const part = weeklyInputs(store);
    // The store hands over whole rows, but the run parses only its columns (WEEKLY_PARSE): the
    // names are in the rows it got, never in its records.
    expect(withoutColumnReads(store).read(['会員'])?.rows[0]).toContain('山田花子');
    expect(JSON.stringify(whole.workbook.memberColumns)).not.toContain('山田花子');
    expect(weeklyOutput(part, '2016-03-28', 0)).toEqual(weeklyOutput(whole, '2016-03-28', 0));
  });

  it('gives the same reports as the full read on a generated center, over a year of weeks', () => {
    const center = generateBenchCenter(QUICK_SIZES[0]!);
    const store = MemoryTableStore.from(center.tables as RawTable[]);
    const full = loadWorkbook(store);
    const part = weeklyInputs(store);
    // The generator writes a clean center (bench/README.md); the full read is the oracle of that too.
    expect(full.problems).toEqual([]);
    expect(part.problemCount).toBe(0);
    // No record is made of 活動記録: its rows are folded into totals per day.
    expect(part.workbook.activities).toEqual([]);
    const counted = [...part.totals.days.values()].reduce((s, d) => s + d.count, 0);
    expect(counted).toBe(full.activities.filter((a) => a.status !== 'withdrawn').length);
    // 53 Mondays back from the bench's today, and two ahead (upcoming events, nothing logged yet).
    for (const day of mondays(addDays(BENCH_TODAY, -7 * 53), 55)) {
      expect([day, weeklyOutput(part, day, 0)]).toEqual([day, weeklyOutput(full, day, 0)]);
    }
  });

  it('still counts 設定\'s problems and those in the columns it reads, and leaves the others to ikigai check', () => {
    const tables = fyBoundaryTables();
    const byName = (n: string): { header: string[]; rows: (typeof tables)[number]['rows'] } => tables.find((t) => t.name === n)!;
    byName('設定').rows.push(['言語', 'fr']);
    // 会員 row 2 (M001): 入会日 is read by the figures. 仕事 勤務枠 is not (電話 would be free
    // text, which cannot be bad, so the unread column is a slot list).
    const members = byName('会員');
    members.rows[0]![members.header.indexOf('入会日')] = 'someday';
    const jobs = byName('仕事');
    jobs.rows[0]![jobs.header.indexOf('勤務枠')] = '月朝';
    const store = MemoryTableStore.from(tables);
    const codes = (wb: Workbook): string[] => wb.problems.map((p) => `${p.tab}!${p.cell} ${p.code}`);
    const full = codes(loadWorkbook(store));
    const part = codes(loadWeeklyWorkbook(store));
    const badSlot = full.filter((c) => c.startsWith('仕事!'));
    expect(badSlot).toHaveLength(1);
    expect(part).toEqual(full.filter((c) => !c.startsWith('仕事!')));
    expect(part.some((c) => c.startsWith('設定!'))).toBe(true);
    expect(part.some((c) => c.startsWith('会員!E2'))).toBe(true);
  });
});
