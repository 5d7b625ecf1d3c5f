import { installFakes, type FakeHandles } from '../fakes';
import { SheetsTableStore } from '../../src/gas/sheets-table-store';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { adjustActivityTotals } from '../../src/app/weekly/adjust-activity-totals';
import { addActivity, emptyTotals, type CountedFields } from '../../src/domain/kpi/activity-totals';
import { ACTIVITY_TOTALS_HEADER, ACTIVITY_TOTALS_TAB, parseTotalsTab, totalsTabRows } from '../../src/domain/weekly/activity-totals-tab';
import type { Cell } from '../../src/domain/cell';
import type { TableStore } from '../../src/app/ports';

// adjustActivityTotals on Google's store: the mark is read at its row first, so a correction of a
// row the totals do not count yet (logged since the weekly run) or a stale mark costs one read, no
// search; a counted row's day rows are then found by key, and a mark moved by hand is still found.
// Each answer and every cell left behind equal the memory store's (a plain scan of the tab).

const TAB = ACTIVITY_TOTALS_TAB.ja;
const MARK_ROW_OF_ACTIVITIES = 40;

const activity = (date: string, over: Partial<CountedFields> = {}): CountedFields => ({
  date, coordinator: 'a@example.jp', area: 'matching', kind: 'call', member_id: 'M001', minutes: 10, status: null, ...over,
});

/** The tab as the weekly run writes it: the mark first, then the days, then the members named. */
function tabRows(counted: readonly CountedFields[]): Cell[][] {
  const totals = emptyTotals();
  for (const a of counted) addActivity(totals, a, 1);
  return totalsTabRows({ mark: { v: 1, row: MARK_ROW_OF_ACTIVITIES, id: 'A000039', recounted: '2025-03-03', stale: false }, totals });
}

const COUNTED = [activity('2025-03-01'), activity('2025-03-02', { minutes: 30 }), activity('2025-03-05', { member_id: 'M002' })];

describe('adjustActivityTotals', () => {
  let fakes: FakeHandles;
  let store: SheetsTableStore;
  beforeEach(() => {
    fakes = installFakes(globalThis);
    store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
  });
  afterEach(() => fakes.uninstall());

  const load = (rows: readonly Cell[][]): MemoryTableStore => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const old = ss.getSheetByName(TAB);
    if (old) ss.deleteSheet(old);
    const s = ss.insertSheet(TAB);
    const table = [[...ACTIVITY_TOTALS_HEADER], ...rows].map((r) => [r[0] ?? '', r[1] ?? '']);
    s.getRange(1, 1, table.length, 2).setValues(table);
    return MemoryTableStore.from([{ name: TAB, header: [...ACTIVITY_TOTALS_HEADER], rows }]);
  };
  const cellsOf = (s: TableStore): Cell[][] => (s.read([TAB])?.rows ?? []).map((r) => [r[0] ?? null, r[1] ?? null]);

  const both = (rows: readonly Cell[][], sheetRow: number, before: CountedFields, after: CountedFields, problems = false) => {
    const memory = load(rows);
    // The header as the desk cache holds it on Google (desk-cache.ts WRITTEN_HEADERS): not counted.
    store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
    store.header([TAB]);
    const { result, calls } = fakes.log.measure(() => adjustActivityTotals(store, sheetRow, before, after, problems));
    expect(result).toBe(adjustActivityTotals(memory, sheetRow, before, after, problems));
    expect(cellsOf(store)).toEqual(cellsOf(memory));
    return { result, calls };
  };

  it('a row logged since the weekly run: the mark read at its row, nothing searched, nothing written', () => {
    const row = activity('2025-03-10');
    const { result, calls } = both(tabRows(COUNTED), MARK_ROW_OF_ACTIVITIES + 3, row, { ...row, status: 'withdrawn' });
    expect(result).toBe('not_counted');
    expect(calls.byMethod['Range.getValues']).toBe(1);
    expect(calls.byMethod['TextFinder.findAll'] ?? 0).toBe(0);
    expect(calls.byMethod['Range.setValues'] ?? 0).toBe(0);
  });

  it('a counted row corrected: its day row found by key and rewritten, as the memory store does', () => {
    const row = COUNTED[1] as CountedFields;
    const { result, calls } = both(tabRows(COUNTED), 12, row, { ...row, minutes: 45 });
    expect(result).toBe('adjusted');
    // The mark, one search for the day, the day's row, its rewrite.
    expect(calls.byMethod['Range.getValues']).toBe(2);
    expect(calls.byMethod['TextFinder.findAll']).toBe(1);
    expect(calls.byMethod['Range.setValues']).toBe(1);
    const stored = parseTotalsTab(store.read([TAB]));
    expect(stored?.totals.days.get('2025-03-02')?.minutes).toBe(45);
  });

  it('a counted row moved to a new day: the old day emptied, the new one appended', () => {
    const row = COUNTED[0] as CountedFields;
    expect(both(tabRows(COUNTED), 5, row, { ...row, date: '2025-03-07' }).result).toBe('adjusted');
    const stored = parseTotalsTab(store.read([TAB]));
    expect(stored?.totals.days.has('2025-03-01')).toBe(false);
    expect(stored?.totals.days.get('2025-03-07')?.count).toBe(1);
  });

  it('the mark moved by hand below a day: found by key with the days, the same answer', () => {
    const [mark, ...rest] = tabRows(COUNTED);
    const moved = [...rest.slice(0, 2), mark as Cell[], ...rest.slice(2)];
    const row = COUNTED[1] as CountedFields;
    expect(both(moved, 12, row, { ...row, minutes: 5 }).result).toBe('adjusted');
    expect(both(moved.map((r) => [...r]), MARK_ROW_OF_ACTIVITIES + 1, row, { ...row, minutes: 5 }).result).toBe('not_counted');
  });

  it('a counted row whose 会員ID changes: only the mark, at its row, set stale; a stale mark ends there', () => {
    const row = COUNTED[2] as CountedFields;
    const { result, calls } = both(tabRows(COUNTED), 20, row, { ...row, member_id: 'M003' });
    expect(result).toBe('stale');
    expect(calls.byMethod['TextFinder.findAll'] ?? 0).toBe(0);
    expect(calls.byMethod['Range.setValues']).toBe(1);
    expect(parseTotalsTab(store.read([TAB]))?.mark.stale).toBe(true);
    const again = fakes.log.measure(() => adjustActivityTotals(store, 20, row, { ...row, minutes: 1 }, false));
    expect(again.result).toBe('stale');
    expect(again.calls.byMethod['Range.getValues']).toBe(1);
    expect(again.calls.byMethod['Range.setValues'] ?? 0).toBe(0);
  });

  it('no tab, or a tab the add-in did not write: nothing written', () => {
    expect(adjustActivityTotals(store, 5, COUNTED[0] as CountedFields, COUNTED[0] as CountedFields, false)).toBe('no_totals');
    const row = COUNTED[0] as CountedFields;
    expect(both([['メモ', '手で書いた'], ['day:2025-03-01', 'x']], 5, row, { ...row, minutes: 3 }).result).toBe('no_totals');
  });
});
