import fc from 'fast-check';
import { matchColumnsOf } from '../../../src/domain/kpi/placements';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import { loadWorkbookPart } from '../../../src/app/shared/read-part';
import { BOOTSTRAP_READS } from '../../../src/app/sidebar/read-plans';
import { addDays, type CivilDate } from '../../../src/domain/civil-date';
import type { Cell, RawTable } from '../../../src/domain/cell';
import { followUpsDue } from '../../../src/domain/kpi/attention-lists';
import { computeReport } from '../../../src/domain/kpi/compute-report';
import { parseColumns, parseTable } from '../../../src/domain/parse/parse-table';
import { MEMBER_FIGURE_KEYS } from '../../../src/domain/kpi/members';
import { ACTIVITIES_TAB, MATCHES_TAB, MEMBERS_TAB, type Activity, type Match } from '../../../src/domain/schema/tabs';
import { MATCH_FIGURE_KEYS } from '../../../src/domain/kpi/placements';
import { weekHolding, weeklyPeriods } from '../../../src/domain/weekly/week-period';
import { weeklySummary } from '../../../src/domain/weekly/weekly-summary';
import type { Workbook } from '../../../src/domain/workbook';
import { MemoryTableStore } from '../../../src/local/memory-table-store';
import { BENCH_TODAY, generateBenchCenter } from '../../../bench/generate-center';
import { weeklyInputs, weeklyOf } from './weekly-inputs';

// The weekly run's own parse (weekly-reads.ts WEEKLY_PARSE: only the columns it reads, no
// duplicate-ID check) and its follow-ups made once per run (reportBasisOf) must give exactly the
// figures of the old path: every tab parsed whole by loadWorkbook, each report on its own.

/** The old path's three reports: computeReport alone per period (it makes its own basis). */
function oldReports(wb: Workbook, day: CivilDate): unknown {
  const p = weeklyPeriods(weekHolding(day), wb.settings.fiscalYearStartMonth);
  return { week: computeReport(wb, p.week), previousWeek: computeReport(wb, p.previousWeek), fiscalYearToDate: computeReport(wb, p.fiscalYearToDate) };
}

function copyRow(t: { rows: Cell[][] }, from: number): void {
  const row = t.rows[from];
  if (row) t.rows.push([...row]);
}

describe('the weekly run\'s column parse gives the old path\'s figures', () => {
  it('on random generated centers (sizes, seeds, a copied row, any week of the last year)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 40, max: 240 }), fc.integer({ min: 100, max: 1_500 }),
      fc.integer({ min: 0, max: 60 }), fc.nat(), fc.boolean(),
      (seed, members, activities, weeksBack, rowPick, copyActivity) => {
        const center = generateBenchCenter({ name: 'p', members, activities }, seed);
        const tables = center.tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
        // A row typed twice (same ID): a duplicate the weekly run no longer reports, counted alike.
        const tab = tables.find((t) => t.name === (copyActivity ? '活動記録' : 'マッチング'));
        if (tab) copyRow(tab, rowPick % Math.max(1, tab.rows.length));
        const store = MemoryTableStore.from(tables);
        const full = loadWorkbook(store);
        const part = weeklyInputs(store);
        const day = addDays(BENCH_TODAY, -7 * weeksBack);
        expect(weeklyOf(part, weekHolding(day), 0).reports).toEqual(oldReports(full, day));
        expect(weeklyOf(part, weekHolding(day), 0).mail.text).toBe(weeklySummary(full, weekHolding(day), 0).mail.text);
        // Only the duplicate differs in what is reported.
        expect(part.problemCount).toBe(full.problems.filter((p) => p.code !== 'duplicate_id').length);
      },
    ), { numRuns: 12 });
  });
});

// What a person may type into 会員's cells: dates, codes and flags good and bad, blanks, error values.
const MEMBER_CELLS: readonly Cell[] = ['', ' ', 'someday', '2015-13-01', '2015-04-01', '2030-01-01', '1990/1/2', '#N/A', 'X', '男', '女性', 'はい', 'いいえ',
  '月午前', '月朝', 'M000001', 3, 0, 1, Number.NaN, true, { date: '2016-02-03T00:00:00' }];
// And into マッチング's: statuses, engagements, IDs of jobs and members that exist or not.
const MATCH_CELLS: readonly Cell[] = [...MEMBER_CELLS, '成立', '終了', '提案', '面接', '辞退', '請負', '派遣', 'J00001', 'J99999', 'M999999', '2016-02-01'];

describe('会員 and マッチング folded from their columns (parseColumns) give what their records gave', () => {
  it('the same figures, mail and problem count with bad cells, dropped rows and left-before-joined members', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 40, max: 160 }), fc.integer({ min: 0, max: 30 }),
      fc.array(fc.record({ row: fc.nat(), column: fc.constantFrom(...MEMBER_FIGURE_KEYS), cell: fc.constantFrom(...MEMBER_CELLS) }), { maxLength: 12 }),
      fc.array(fc.record({ row: fc.nat(), column: fc.constantFrom(...MATCH_FIGURE_KEYS), cell: fc.constantFrom(...MATCH_CELLS) }), { maxLength: 12 }),
      (seed, members, weeksBack, edits, matchEdits) => {
        const center = generateBenchCenter({ name: 'p', members, activities: 400 }, seed);
        const tables = center.tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
        const tab = tables.find((t) => t.name === '会員')!;
        for (const e of edits) {
          const at = tab.header.indexOf(MEMBERS_TAB.columns.find((c) => c.key === e.column)!.ja);
          tab.rows[e.row % tab.rows.length]![at] = e.cell;
        }
        const matchTab = tables.find((t) => t.name === 'マッチング')!;
        for (const e of matchEdits) {
          const at = matchTab.header.indexOf(MATCHES_TAB.columns.find((c) => c.key === e.column)!.ja);
          matchTab.rows[e.row % matchTab.rows.length]![at] = e.cell;
        }
        const store = MemoryTableStore.from(tables);
        const full = loadWorkbook(store);
        const part = weeklyInputs(store);
        const day = addDays(BENCH_TODAY, -7 * weeksBack);
        expect(weeklyOf(part, weekHolding(day), 0).reports).toEqual(oldReports(full, day));
        expect(weeklyOf(part, weekHolding(day), 0).mail.text).toBe(weeklySummary(full, weekHolding(day), 0).mail.text);
        expect(part.problemCount).toBe(full.problems.filter((p) => p.code !== 'duplicate_id').length);
        // The same problems, cell by cell (the weekly read names them first, after 設定's).
        const ofMembers = (ps: readonly { tab: string; cell: string; code: string }[]): string[] => ps.filter((p) => p.tab === '会員' || p.tab === 'マッチング').map((p) => `${p.tab}!${p.cell} ${p.code}`).sort();
        expect(ofMembers(part.workbook.problems)).toEqual(ofMembers(full.problems.filter((p) => p.code !== 'duplicate_id')));
      },
    ), { numRuns: 25 });
  });

  it('parseColumns: the columns, row numbers, dropped IDs and problems of parseTable\'s records (会員)', () => {
    const header = MEMBERS_TAB.columns.map((c) => c.ja);
    fc.assert(fc.property(
      fc.array(fc.array(fc.constantFrom(...MEMBER_CELLS), { minLength: header.length, maxLength: header.length }), { maxLength: 25 }),
      fc.subarray([...MEMBER_FIGURE_KEYS]), fc.integer({ min: 2, max: 40 }),
      (rows, keys, firstRow) => {
        const raw: RawTable = { name: 'Members', header, rows, firstRow };
        const records = parseTable(MEMBERS_TAB, raw, keys);
        const columns = parseColumns(MEMBERS_TAB, raw, keys);
        expect(columns.count).toBe(records.records.length);
        for (const k of keys) expect(columns.columns[k]).toEqual(records.records.map((r) => r[k]));
        expect([columns.problems, columns.rowNumbers, columns.droppedIds]).toEqual([records.problems, records.rowNumbers, records.droppedIds]);
      },
    ), { numRuns: 300 });
  });
});

// followUpsDue as it was: the latest follow-up of each member by `to`, scanned again per report.
function followUpsDueBefore(matches: readonly Match[], activities: readonly Activity[], to: CivilDate): string[] {
  const earliest = addDays(to, -60);
  const latest = addDays(to, -14);
  const last = new Map<string, CivilDate>();
  for (const a of activities) {
    if (a.area !== 'follow_up' || a.member_id === null || a.date > to) continue;
    const seen = last.get(a.member_id);
    if (seen === undefined || a.date > seen) last.set(a.member_id, a.date);
  }
  return matches.filter((m) => m.status === 'placed' && m.placed_on !== null && m.placed_on >= earliest && m.placed_on <= latest)
    .filter((m) => { const l = last.get(m.member_id); return l === undefined || l < (m.placed_on as string); })
    .map((m) => m.match_id).sort();
}

describe('follow-ups due from the days made once', () => {
  const day = (n: number): CivilDate => addDays('2025-01-01', n);
  const table = (header: string[], rows: Cell[][]): RawTable => ({ name: 't', header, rows });
  it('equal the old per-report scan for any activities, matches and day', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ m: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 0, max: 150 }), follow: fc.boolean() }), { maxLength: 30 }),
      fc.array(fc.record({ m: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 0, max: 150 }), placed: fc.boolean() }), { maxLength: 20 }),
      fc.array(fc.integer({ min: 0, max: 220 }), { minLength: 1, maxLength: 4 }),
      (acts, ms, tos) => {
        const activities = parseTable(ACTIVITIES_TAB, table(['活動ID', '日付', '分野', '会員ID'],
          acts.map((a, i) => [`A${i}`, day(a.d), a.follow ? '継続支援' : 'マッチング', `M${a.m}`]))).records;
        const matches = parseTable(MATCHES_TAB, table(['マッチングID', '会員ID', '契約形態', '状態', '成立日'],
          ms.map((m, i) => [`X${i}`, `M${m.m}`, '請負', m.placed ? '成立' : '提案', day(m.d)]))).records;
        expect(activities).toHaveLength(acts.length);
        // Also each follow-up's own day and the day before it (the edges of "by `to`").
        for (const to of [...tos, ...acts.flatMap((a) => [a.d, a.d - 1])]) expect(followUpsDue(matchColumnsOf(matches), activities, day(to))).toEqual(followUpsDueBefore(matches, activities, day(to)));
      },
    ), { numRuns: 300 });
  });
});

describe('duplicate IDs are left to ikigai check and the sidebar', () => {
  const center = generateBenchCenter({ name: 'd', members: 60, activities: 300 });
  const tables = center.tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
  for (const name of ['活動記録', '会員']) {
    const t = tables.find((x) => x.name === name)!;
    copyRow(t, t.rows.length - 1);
  }
  const store = MemoryTableStore.from(tables);
  const duplicates = (wb: Workbook): string[] => wb.problems.filter((p) => p.code === 'duplicate_id').map((p) => p.tab).sort();

  it('ikigai check (loadWorkbook, every tab whole) and the sidebar\'s opening read report both', () => {
    expect(duplicates(loadWorkbook(store))).toEqual(['会員', '活動記録']);
    expect(duplicates(loadWorkbookPart(store, BOOTSTRAP_READS, loadWorkbook(store).settings))).toEqual(['会員', '活動記録']);
  });

  it('the weekly run reports neither, still finds a reference to a member who does not exist, and counts the same', () => {
    const act = tables.find((x) => x.name === '活動記録')!;
    act.rows[0]![act.header.indexOf('会員ID')] = 'M999999';
    const withRef = MemoryTableStore.from(tables);
    const weekly = weeklyInputs(withRef);
    expect(duplicates(weekly.workbook)).toEqual([]);
    // The reference is counted from the totals (活動記録 is folded, not parsed into records).
    expect(weekly.workbook.problems).toEqual([]);
    expect(weekly.problemCount).toBe(1);
    const p = weeklyPeriods(weekHolding(BENCH_TODAY), weekly.workbook.settings.fiscalYearStartMonth);
    expect(weeklyOf(weekly, p.week).reports).toEqual(oldReports(loadWorkbook(withRef), BENCH_TODAY));
  });
});
