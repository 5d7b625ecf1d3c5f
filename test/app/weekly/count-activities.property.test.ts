import fc from 'fast-check';
import { matchColumnsOf } from '../../../src/domain/kpi/placements';
import { loadWorkbook } from '../../../src/app/shared/load-workbook';
import { countActivities, TOTALS_EDITED_PROPERTY, type RecountReason } from '../../../src/app/weekly/count-activities';
import { addDays, type CivilDate } from '../../../src/domain/civil-date';
import type { Cell } from '../../../src/domain/cell';
import { followUpsDue } from '../../../src/domain/kpi/attention-lists';
import { coordinatorFigures } from '../../../src/domain/kpi/coordinator-figures';
import { weekHolding, weeklyPeriods } from '../../../src/domain/weekly/week-period';
import { weeklySummary } from '../../../src/domain/weekly/weekly-summary';
import { ACTIVITY_TOTALS_TAB } from '../../../src/domain/weekly/activity-totals-tab';
import { MemoryKeyValueStore } from '../../../src/local/memory-key-value-store';
import { desk, TODAY } from '../day-fixture';
import { MANAGER } from '../sidebar/sidebar-fixture';
import { activityCountsByRecord } from './activity-counts-by-record';
import { weeklyInputs, weeklyOf } from './weekly-inputs';
import { loadWeeklyWorkbook } from '../../../src/app/weekly/weekly-reads';
import { weeklyProblemCount } from '../../../src/app/weekly/count-activities';

// The model test of the weekly run's incremental count (issue 15 item 3): a desk takes random
// steps — activities logged from the sidebar, rows typed into 活動記録 by hand (bad cells too),
// corrections and withdrawals of counted rows (their delta in the same write), hand edits of
// counted rows (the on-edit trigger's stamp), rows deleted (with or without the change trigger's
// stamp) — and at random points a weekly run counts from `_活動集計` and the rows after its mark.
// Each run's figures, mail and problem count must equal a count of every row, record by record,
// as the weekly run computed before (loadWorkbook + the per-record definitions of kpi.md).

type Step =
  | { kind: 'log'; day: number; area: number; member: number; minutes: number }
  | { kind: 'type'; day: number; area: number; member: number; minutes: number; bad: number }
  | { kind: 'correct'; pick: number; day: number; area: number; member: number; minutes: number; what: number }
  | { kind: 'withdraw'; pick: number }
  | { kind: 'edit'; pick: number; column: number; value: number }
  | { kind: 'delete'; pick: number; stamped: boolean }
  | { kind: 'run'; week: number };

const AREAS = ['開拓', '募集・支援', 'マッチング', '継続支援'];
const AREA_CODES = ['development', 'recruitment', 'matching', 'follow_up'] as const;
const MEMBERS = ['', 'M001', 'M002', 'M003', 'M006', 'M007', 'M404'];
const COORDINATORS = ['tanaka@example.jp', 'boss@example.jp', 'Tanaka@Example.jp ', ''];

const n = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('log' as const), day: n(120), area: n(3), member: n(5), minutes: n(90) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('type' as const), day: n(120), area: n(3), member: n(6), minutes: n(90), bad: n(9) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(), day: n(120), area: n(3), member: n(5), minutes: n(90), what: n(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), column: n(5), value: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(), stamped: fc.boolean() }) },
  // A run some days after the one before (a weekly, a resend, a run after a busy lock).
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('run' as const), week: n(30) }) },
);

const START = '2025-03-03';
const dayOf = (i: number): CivilDate => addDays(START, i);

describe('the weekly run\'s stored activity totals', () => {
  it('give, run after run, the figures, mail and problem count of a count of every row', () => {
    const seen = new Set<RecountReason | null>();
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
      const d = desk();
      const properties = new MemoryKeyValueStore();
      let typed = 0;
      const header = (): readonly string[] => d.store.read(['活動記録'])?.header ?? [];
      const rows = (): Cell[][] => d.rows('活動記録');
      const ids = (): string[] => rows().map((r) => String(r[0] ?? '')).filter((id) => /^A\d+$/.test(id));
      const col = (name: string): number => header().indexOf(name);
      const reasons: (RecountReason | null)[] = [];
      let now = TODAY;
      for (const s of [...steps, { kind: 'run' as const, week: 0 }]) {
        switch (s.kind) {
          case 'log':
            d.day(dayOf(s.day));
            d.api().logActivity({ date: dayOf(s.day), area: AREA_CODES[s.area], member_id: MEMBERS[s.member] || undefined, minutes: s.minutes, notes: 'x' });
            break;
          case 'type': {
            // A row typed by hand, sometimes with a bad cell (the parse counts it as a problem).
            const row: Cell[] = new Array<Cell>(header().length).fill(null);
            row[col('活動ID')] = s.bad === 0 ? null : `H${++typed}`;
            row[col('日付')] = s.bad === 1 ? 'someday' : { date: dayOf(s.day) };
            row[col('担当')] = COORDINATORS[s.day % COORDINATORS.length] ?? '';
            row[col('分野')] = s.bad === 2 ? '宇宙' : AREAS[s.area] ?? '開拓';
            row[col('種別')] = s.bad === 3 ? '謎' : s.minutes % 3 === 0 ? null : '電話';
            row[col('会員ID')] = MEMBERS[s.member] ?? '';
            row[col('所要分')] = s.bad === 4 ? -5 : s.bad === 5 ? 'abc' : s.minutes;
            row[col('状態')] = s.bad === 6 ? '取消' : s.bad === 7 ? '保留' : null;
            d.store.appendCells('活動記録', { columns: row.map((_, i) => i), rows: [row] });
            break;
          }
          case 'correct': {
            const all = ids();
            const id = all[s.pick % Math.max(1, all.length)];
            if (!id) break;
            const input = s.what === 0 ? { date: dayOf(s.day) } : s.what === 1 ? { area: AREA_CODES[s.area] } : s.what === 2 ? { minutes: s.minutes } : { member_id: MEMBERS[s.member] };
            d.api(MANAGER).correctActivity({ activity_id: id, ...input });
            break;
          }
          case 'withdraw': {
            const all = ids();
            const id = all[s.pick % Math.max(1, all.length)];
            if (id) d.api(MANAGER).withdrawActivity(id);
            break;
          }
          case 'edit': {
            // A person changes a cell of any row: the on-edit trigger stamps it (cache-triggers.ts).
            const all = rows();
            if (all.length === 0) break;
            const r = s.pick % all.length;
            const c = [col('日付'), col('分野'), col('所要分'), col('会員ID'), col('状態'), col('担当')][s.column] ?? 0;
            const values: Cell[] = [{ date: dayOf(s.value % 120) }, AREAS[s.value % 4] ?? '開拓', s.value % 200, MEMBERS[s.value % MEMBERS.length] ?? '', s.value % 2 === 0 ? '取消' : '有効', COORDINATORS[s.value % 4] ?? ''];
            d.store.writeCells('活動記録', r + 2, { columns: [c], rows: [[values[s.column] ?? null]] });
            properties.set(TOTALS_EDITED_PROPERTY, '1');
            break;
          }
          case 'delete': {
            const raw = d.store.read(['活動記録']);
            if (!raw || raw.rows.length === 0) break;
            const r = s.pick % raw.rows.length;
            d.store.replace(raw.name, raw.header, raw.rows.filter((_, i) => i !== r));
            if (s.stamped) properties.set(TOTALS_EDITED_PROPERTY, '1');
            break;
          }
          case 'run': {
            now = addDays(now, s.week);
            const today = now;
            const workbook = loadWeeklyWorkbook(d.store);
            const counted = countActivities({ store: d.store, properties, today, language: 'ja' });
            reasons.push(counted.recount);
            const full = loadWorkbook(d.store);
            for (const back of [0, 3, 9]) {
              const week = weekHolding(addDays(START, 7 * (back + s.week)));
              const inc = weeklySummary(workbook, week, weeklyProblemCount(workbook, counted), [], { activityTotals: counted.totals, members: workbook.memberColumns, matches: workbook.matchColumns });
              const all = weeklySummary(full, week, full.problems.filter((p) => p.code !== 'duplicate_id').length);
              expect(inc.reports).toEqual(all.reports);
              expect(inc.mail.text).toBe(all.mail.text);
              expect(inc.mail.html).toBe(all.mail.html);
              // And the full path itself, against the per-record definitions of kpi.md.
              const p = weeklyPeriods(week, full.settings.fiscalYearStartMonth);
              for (const period of [p.week, p.previousWeek, p.fiscalYearToDate]) {
                const report = all.reports.week.period.from === period.from ? all.reports.week : all.reports.previousWeek.period.from === period.from ? all.reports.previousWeek : all.reports.fiscalYearToDate;
                const { follow_ups_due: due, waiting_members: _w, ...counts } = report.activities;
                expect(counts).toEqual(activityCountsByRecord(full.activities, period));
                expect(due).toEqual(followUpsDue(matchColumnsOf(full.matches), full.activities.filter((a) => a.status !== 'withdrawn'), period.to));
                const byRecord = new Map<string, number>();
                for (const a of full.activities) {
                  if (a.status === 'withdrawn' || a.date < period.from || a.date > period.to) continue;
                  const k = a.coordinator.trim().toLowerCase();
                  byRecord.set(k, (byRecord.get(k) ?? 0) + 1);
                }
                const figures = coordinatorFigures({ ...workbook, activities: [], matches: matchColumnsOf(full.matches) }, period, counted.totals);
                for (const [k, v] of byRecord) expect([k, figures.get(k)?.activities]).toEqual([k, v]);
                for (const [k, f] of figures) if (f.activities > 0) expect(byRecord.get(k)).toBe(f.activities);
              }
            }
            break;
          }
        }
      }
      // The first run counts the tab whole (no totals yet); the stored tab is the add-in's own.
      expect(reasons[0]).toBe('missing');
      for (const r of reasons) seen.add(r);
      expect(d.store.tabNames()).toContain(ACTIVITY_TOTALS_TAB.ja);
    }), { numRuns: 60, seed: 20261201 });
    // The runs took every way: incremental, and a whole count for each reason a desk can give.
    for (const way of [null, 'missing', 'edited', 'moved', 'due', 'stale'] as const) expect([way, seen.has(way)]).toEqual([way, true]);
  });

  it('reads only the rows after the mark on a run with nothing to recount', () => {
    const d = desk();
    const properties = new MemoryKeyValueStore();
    expect(countActivities({ store: d.store, properties, today: TODAY, language: 'ja' })).toMatchObject({ recount: 'missing', rowsRead: 1, written: true });
    // Nothing new: the mark's own row is read again (its ID checked), nothing written.
    expect(countActivities({ store: d.store, properties, today: TODAY, language: 'ja' })).toMatchObject({ recount: null, rowsRead: 1, written: false });
    for (let i = 0; i < 3; i++) d.api().logActivity({ date: TODAY, area: 'development', minutes: 10 + i });
    expect(countActivities({ store: d.store, properties, today: TODAY, language: 'ja' })).toMatchObject({ recount: null, rowsRead: 4, written: true });
    // 28 days on, the tab is counted whole whatever the stamps say, and found right.
    expect(countActivities({ store: d.store, properties, today: addDays(TODAY, 28), language: 'ja' })).toMatchObject({ recount: 'due', rowsRead: 4, differed: null });
    // A hand edit no trigger stamped (a center's own script) is found by that count and said.
    d.store.writeCells('活動記録', 3, { columns: [8], rows: [[999]] });
    const found = countActivities({ store: d.store, properties, today: addDays(TODAY, 56), language: 'ja' });
    expect(found).toMatchObject({ recount: 'due', differed: { days: [TODAY], members: false, problems: false } });
    expect(weeklyInputs(d.store).totals.days.get(TODAY)?.minutes).toBe(999 + 11 + 12);
    // The week also holds A000007 (2025-06-09, 60 minutes).
    expect(weeklyOf(weeklyInputs(d.store), weekHolding(TODAY)).reports.week.activities.minutes).toBe(60 + 999 + 11 + 12);
  });
});
