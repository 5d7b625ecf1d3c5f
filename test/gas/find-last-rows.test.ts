import { installFakes, type FakeHandles } from '../fakes';
import { SheetsTableStore } from '../../src/gas/sheets-table-store';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { findLastRowsOf, readRowsByKey, readRowsByKeyBesides } from '../../src/app/shared/find-rows';
import { ACTIVITIES_TAB, headerName } from '../../src/domain/schema/tabs';
import type { Cell } from '../../src/domain/cell';

// findLastRowsOf (undo_place's search for the activity its 成立 logged): a member's rows of
// 活動記録 within `rows` rows of their last one, found by one search of 会員ID from the column's end
// and read in blocks — no size question (the tab's last 500 rows needed getLastRow). The memory
// store answers the same rows by a scan. readRowsByKeyBesides (the 継続支援 re-count after a
// correction, leaveMember's freed jobs): the rows found by key but those the call holds already,
// which are never read.
describe('findLastRowsOf', () => {
  let fakes: FakeHandles;
  beforeEach(() => { fakes = installFakes(globalThis); });
  afterEach(() => fakes.uninstall());

  const header = ACTIVITIES_TAB.columns.map((c) => headerName(c, 'ja'));
  const member = header.indexOf('会員ID');
  const id = header.indexOf('活動ID');
  /** 1,200 data rows (sheet rows 2…1201), M1's at the sheet rows given (one typed with spaces), M10 and others elsewhere. */
  const tab = (mine: readonly number[]): Cell[][] => Array.from({ length: 1200 }, (_, i) => {
    const row = i + 2;
    const cells: Cell[] = header.map(() => null);
    cells[id] = `A${String(row).padStart(6, '0')}`;
    cells[header.indexOf('日付')] = new Date(Date.UTC(2025, 2, 1 + (row % 9), 3)).toISOString().slice(0, 10).replace(/-/g, '/');
    cells[header.indexOf('分野')] = 'マッチング';
    cells[member] = mine.includes(row) ? (row === mine[mine.length - 1] ? ' M1 ' : 'M1') : row % 7 === 0 ? 'M10' : `M${row + 100}`;
    return cells;
  });

  it('reads the member\'s rows within 500 of their last, however many rows follow, with no size question', () => {
    // M1's last row is 1,000: the tab's last 500 rows (702…1201) would miss 600; 400 is too far back.
    const mine = [400, 600, 960, 1000];
    const rows = tab(mine);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet('活動記録');
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
    sheet.getRange(1, 1, rows.length + 1, header.length).setValues([header, ...rows].map((r) => r.map((c) => (c === null ? '' : String(c)))));
    const store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
    store.header(['活動記録', 'Activities']);
    const { result, calls } = fakes.log.measure(() => findLastRowsOf(store, ACTIVITIES_TAB, 'member_id', 'M1', 'ja', 500));
    expect(result?.rowNumbers).toEqual([600, 960, 1000]);
    expect(result?.rows.map((r) => String(r[id]))).toEqual(['A000600', 'A000960', 'A001000']);
    expect(calls.byMethod['TextFinder.findAll']).toBe(1);
    expect(calls.byMethod['Sheet.getLastRow'] ?? 0).toBe(0);
    // 600 alone; 960 and 1,000 one block (the 39 rows between cost less than a round trip).
    expect(calls.byMethod['Range.getValues']).toBe(2);
    const memory = MemoryTableStore.from([{ name: '活動記録', header, rows }]);
    const scanned = findLastRowsOf(memory, ACTIVITIES_TAB, 'member_id', 'M1', 'ja', 500);
    expect(scanned?.rowNumbers).toEqual(result?.rowNumbers);
    expect(scanned?.rows.map((r) => r[id])).toEqual(result?.rows.map((r) => r[id]));
  });

  it('answers no rows for a member with none, and null without the tab', () => {
    const store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
    expect(findLastRowsOf(store, ACTIVITIES_TAB, 'member_id', 'M1', 'ja', 500)).toBeNull();
    const memory = MemoryTableStore.from([{ name: '活動記録', header, rows: tab([]) }]);
    expect(findLastRowsOf(memory, ACTIVITIES_TAB, 'member_id', 'M1', 'ja', 500)?.rows).toEqual([]);
  });

  it('readRowsByKeyBesides: the rows readRowsByKey finds but the known ones, those not read at all', () => {
    const mine = [400, 600, 960, 1000];
    const rows = tab(mine);
    const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('活動記録');
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
    sheet.getRange(1, 1, rows.length + 1, header.length).setValues([header, ...rows].map((r) => r.map((c) => (c === null ? '' : String(c)))));
    const store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
    store.header(['活動記録', 'Activities']);
    const all = readRowsByKey(store, ACTIVITIES_TAB, 'member_id', ['M1', ' M7 '], 'ja').parsed;
    const { result, calls } = fakes.log.measure(() => readRowsByKeyBesides(store, ACTIVITIES_TAB, 'member_id', ['M1', ' M7 '], 'ja', new Set([600, 1000])).parsed);
    expect(all.rowNumbers).toEqual([400, 600, 960, 1000]);
    expect(result.rowNumbers).toEqual([400, 960]);
    expect(result.records).toEqual(all.records.filter((_, i) => [400, 960].includes(all.rowNumbers[i] ?? 0)));
    // One search; 400 and 960 far apart: a getValues each; no row of 600 or 1,000 read.
    expect(calls.byMethod['TextFinder.findAll']).toBe(1);
    expect(calls.byMethod['Range.getValues']).toBe(2);
    expect(calls.cellsRead).toBe(2 * header.length);
    const memory = MemoryTableStore.from([{ name: '活動記録', header, rows }]);
    expect(readRowsByKeyBesides(memory, ACTIVITIES_TAB, 'member_id', ['M1'], 'ja', new Set([600, 1000])).parsed.records).toEqual(result.records);
    // Every row known: nothing read but the search.
    const none = fakes.log.measure(() => readRowsByKeyBesides(store, ACTIVITIES_TAB, 'member_id', ['M1'], 'ja', new Set(mine)).parsed.records);
    expect(none.result).toEqual([]);
    expect(none.calls.byMethod['Range.getValues'] ?? 0).toBe(0);
  });
});
