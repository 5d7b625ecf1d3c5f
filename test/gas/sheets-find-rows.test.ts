import fc from 'fast-check';
import { installFakes, type FakeHandles } from '../fakes';
import { SheetsTableStore } from '../../src/gas/sheets-table-store';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import type { Cell } from '../../src/domain/cell';

// TableStore.findRows: the rows of a tab whose key cell is one of some keys, found by one
// TextFinder search of the key column on Google's servers and read one run of adjacent rows at a
// time — the calls depend on the rows found, never on the tab's size. The memory store (and the
// .xlsx file, loaded into it) answers the same rows by a plain scan.
describe('findRows', () => {
  let fakes: FakeHandles;
  let store: SheetsTableStore;
  beforeEach(() => {
    fakes = installFakes(globalThis);
    store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
  });
  afterEach(() => fakes.uninstall());

  const tab = (name: string, rows: unknown[][]): GoogleAppsScript.Spreadsheet.Sheet => {
    const s = SpreadsheetApp.getActiveSpreadsheet().insertSheet(name);
    const width = Math.max(...rows.map((r) => r.length));
    if (width > s.getMaxColumns()) s.insertColumnsAfter(s.getMaxColumns(), width - s.getMaxColumns());
    if (rows.length > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), rows.length - s.getMaxRows());
    s.getRange(1, 1, rows.length, width).setValues(rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]));
    return s;
  };
  const matchTab = (n: number): void => {
    const rows: unknown[][] = [['マッチングID', '仕事ID', '会員ID', '状態']];
    for (let i = 1; i <= n; i += 1) rows.push([`X${i}`, `J${i % 7}`, i % 100 === 0 ? 'M1' : `M${i + 1}`, '提案']);
    tab('マッチング', rows);
  };

  it('finds the rows of a member among 5,000 with the same calls as among 500, reading only those rows', () => {
    const counts = [500, 5000].map((n) => {
      fakes.uninstall();
      fakes = installFakes(globalThis);
      store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
      // M1 holds rows 101, 201, … (every 100th match), five of them in both tabs' first 500 rows.
      const rows: unknown[][] = [['マッチングID', '仕事ID', '会員ID', '状態']];
      for (let i = 1; i <= n; i += 1) rows.push([`X${i}`, `J${i % 7}`, i % 100 === 0 && i <= 500 ? 'M1' : `M${i + 1}`, '提案']);
      tab('マッチング', rows);
      return fakes.log.measure(() => store.findRows(['マッチング'], (h) => h.indexOf('会員ID'), ['M1']));
    });
    const [small, large] = counts;
    expect(small?.result?.rowNumbers).toEqual([101, 201, 301, 401, 501]);
    expect(large?.result?.rows).toEqual(small?.result?.rows);
    expect(large?.calls.byMethod).toEqual(small?.calls.byMethod);
    // The header (4), the five rows (5 × 4): the key column is searched on the server, not read.
    expect(large?.calls.cellsRead).toBe(4 + 5 * 4);
    // getLastColumn + header getValues, getLastRow, one findAll, five getValues (no two rows adjacent).
    expect(large?.calls.byMethod['TextFinder.findAll']).toBe(1);
    expect(large?.calls.byMethod['Range.getValues']).toBe(1 + 5);
  });

  it('reads adjacent rows found in one getValues, several keys in one search, a key with spaces around it too', () => {
    tab('会員', [['会員ID', '氏名'], ['M1', 'a'], [' M2 ', 'b'], ['M3', 'c'], ['M10', 'd'], ['m2', 'e'], ['M2x', 'f']]);
    const { result, calls } = fakes.log.measure(() => store.findRows(['会員'], (h) => h.indexOf('会員ID'), ['M2', 'M3', 'M1']));
    // Case is kept (m2 is not M2), the whole cell must match (M2x, M10 are not M2 or M1).
    expect(result).toEqual({ name: '会員', header: ['会員ID', '氏名'], rows: [['M1', 'a'], [' M2 ', 'b'], ['M3', 'c']], rowNumbers: [2, 3, 4], lastRow: 7 });
    expect(calls.byMethod['TextFinder.findAll']).toBe(1);
    expect(calls.byMethod['Range.getValues']).toBe(2);
  });

  it('treats a key as text, not as a pattern, and answers nothing for no key, a missing column or an empty tab', () => {
    tab('仕事', [['仕事ID'], ['J.1'], ['JX1'], ['J(1)']]);
    expect(store.findRows(['仕事'], () => 0, ['J.1'])?.rowNumbers).toEqual([2]);
    expect(store.findRows(['仕事'], () => 0, ['J(1)'])?.rowNumbers).toEqual([4]);
    expect(store.findRows(['仕事'], () => 0, [])?.rows).toEqual([]);
    expect(store.findRows(['仕事'], () => -1, ['J.1'])?.rows).toEqual([]);
    tab('空', [['仕事ID']]);
    expect(store.findRows(['空'], () => 0, ['J1'])).toEqual({ name: '空', header: ['仕事ID'], rows: [], rowNumbers: [], lastRow: 1 });
    expect(store.findRows(['ない'], () => 0, ['J1'])).toBeNull();
  });

  it('answers what the memory store answers, for any tab and keys (property)', () => {
    const id = fc.constantFrom('M1', 'M2', 'M10', ' M1', 'M1 ', 'm1', 'X', '');
    fc.assert(fc.property(fc.array(fc.tuple(id, fc.constantFrom('a', 'b', '=1+1')), { maxLength: 30 }), fc.subarray(['M1', 'M2', 'M10', 'X']), (rows, keys) => {
      fakes.uninstall();
      fakes = installFakes(globalThis);
      const sheets = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
      const header = ['会員ID', 'メモ'];
      const data: Cell[][] = rows.map(([k, v]) => [k === '' ? null : k, v]);
      tab('会員', [header, ...data.map((r) => r.map((c) => c ?? ''))]);
      // The memory store holds what the sheet holds (a formula typed into the sheet reads as its value).
      const memory = MemoryTableStore.from([{ name: '会員', header, rows: (sheets.read(['会員'])?.rows ?? []) }]);
      const a = sheets.findRows(['会員'], () => 0, keys);
      const b = memory.findRows(['会員'], () => 0, keys);
      expect(a?.rowNumbers).toEqual(b?.rowNumbers);
      expect(a?.rows).toEqual(b?.rows);
      // The tab's last row too: correctActivity's window of the last 5,000 rows is counted from it.
      expect(a?.lastRow).toBe(b?.lastRow);
    }), { numRuns: 150 });
  });

  it('reads a tab\'s header once a run for its searches, again after this store writes row 1', () => {
    matchTab(10);
    const first = fakes.log.measure(() => store.findRows(['マッチング'], (h) => h.indexOf('仕事ID'), ['J3']));
    const second = fakes.log.measure(() => store.findRows(['マッチング'], (h) => h.indexOf('会員ID'), ['M4']));
    expect(first.calls.byMethod['Range.getValues']).toBe(1 + 2);
    // No getLastColumn nor header getValues: only the row found (M4 is match 3, row 4).
    expect(second.calls.byMethod['Sheet.getLastColumn']).toBeUndefined();
    expect(second.calls.byMethod['Range.getValues']).toBe(1);
    expect(second.result?.rowNumbers).toEqual([4]);
    store.writeCells('マッチング', 1, { columns: [2], rows: [['会員番号']] });
    const third = fakes.log.measure(() => store.findRows(['マッチング'], (h) => h.indexOf('会員番号'), ['M4']));
    expect(third.calls.byMethod['Sheet.getLastColumn']).toBe(1);
    expect(third.result?.rowNumbers).toEqual([4]);
  });

  it('finds a job\'s matches by another key column (仕事ID), J3 not J31', () => {
    matchTab(31);
    // Matches 3, 10, 17, 24, 31 hold J3 (i % 7): sheet rows 4, 11, 18, 25, 32.
    expect(store.findRows(['マッチング'], (h) => h.indexOf('仕事ID'), ['J3'])?.rowNumbers).toEqual([4, 11, 18, 25, 32]);
  });
});

describe('the TextFinder fake', () => {
  let fakes: FakeHandles;
  beforeEach(() => { fakes = installFakes(globalThis); });
  afterEach(() => fakes.uninstall());

  it('searches case-insensitively and inside cells unless told otherwise, row by row, a formula by its value', () => {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('t');
    sheet.getRange(1, 1, 2, 2).setValues([['Apple', 'pineapple'], ['APPLE', '=A1']]);
    const range = sheet.getRange(1, 1, 2, 2);
    expect(range.createTextFinder('apple').findAll().map((r) => r.getA1Notation())).toEqual(['A1', 'B1', 'A2']);
    expect(range.createTextFinder('apple').matchCase(true).findAll().map((r) => r.getA1Notation())).toEqual(['B1']);
    expect(range.createTextFinder('apple').matchEntireCell(true).findAll().map((r) => r.getA1Notation())).toEqual(['A1', 'A2']);
    expect(range.createTextFinder('=A1').matchFormulaText(true).findAll().map((r) => r.getA1Notation())).toEqual(['B2']);
    expect(range.createTextFinder('^A').useRegularExpression(true).matchCase(true).findAll().map((r) => r.getA1Notation())).toEqual(['A1', 'A2']);
    const finder = range.createTextFinder('APPLE').matchCase(true);
    expect(finder.findNext()?.getA1Notation()).toBe('A2');
    expect(finder.findNext()).toBeNull();
    // A search is a round trip; the builder calls are not.
    const { calls } = fakes.log.measure(() => range.createTextFinder('x').matchCase(true).findAll());
    expect(calls.roundTrips).toBe(1);
    expect(calls.cellsRead).toBe(0);
  });
});
