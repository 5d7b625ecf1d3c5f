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
    // 20 columns, so the 99 rows between two of M1's hold 1,980 cells: more than a round trip is
    // worth (1,612 cells: gapRowsWorthReading, src/gas/read-cost.ts), each row is read alone.
    const extra = Array.from({ length: 16 }, (_, i) => `列${i}`);
    const counts = [500, 5000].map((n) => {
      fakes.uninstall();
      fakes = installFakes(globalThis);
      store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
      // M1 holds rows 101, 201, … (every 100th match), five of them in both tabs' first 500 rows.
      const rows: unknown[][] = [['マッチングID', '仕事ID', '会員ID', '状態', ...extra]];
      for (let i = 1; i <= n; i += 1) rows.push([`X${i}`, `J${i % 7}`, i % 100 === 0 && i <= 500 ? 'M1' : `M${i + 1}`, '提案', ...extra.map(() => '')]);
      tab('マッチング', rows);
      return fakes.log.measure(() => store.findRows(['マッチング'], (h) => [{ column: h.indexOf('会員ID'), keys: ['M1'] }]));
    });
    const [small, large] = counts;
    expect(small?.result?.rowNumbers).toEqual([101, 201, 301, 401, 501]);
    expect(large?.result?.rows).toEqual(small?.result?.rows);
    expect(large?.calls.byMethod).toEqual(small?.calls.byMethod);
    // The header (20), the five rows (5 × 20): the key column is searched on the server, not read.
    expect(large?.calls.cellsRead).toBe(20 + 5 * 20);
    // getLastColumn + header getValues, getLastRow, one findAll, five getValues (no two rows close).
    expect(large?.calls.byMethod['TextFinder.findAll']).toBe(1);
    expect(large?.calls.byMethod['Range.getValues']).toBe(1 + 5);
  });

  it('reads rows found close together in one block, the rows between dropped, rows far apart alone', () => {
    // 4 columns: up to 403 rows between two found ones cost less than a round trip (< 50 ms at 31 µs a cell).
    const rows: unknown[][] = [['マッチングID', '仕事ID', '会員ID', '状態']];
    for (let i = 1; i <= 1200; i += 1) rows.push([`X${i}`, 'J1', [10, 50, 450, 1200].includes(i) ? 'M1' : `M${i + 1}`, '提案']);
    tab('マッチング', rows);
    const { result, calls } = fakes.log.measure(() => store.findRows(['マッチング'], (h) => [{ column: h.indexOf('会員ID'), keys: ['M1'] }]));
    expect(result?.rowNumbers).toEqual([11, 51, 451, 1201]);
    expect(result?.rows.map((r) => r[0])).toEqual(['X10', 'X50', 'X450', 'X1200']);
    // The header, rows 11–451 in one getValues (gaps of 39 and 399 rows), row 1201 alone (749 rows after 451).
    expect(calls.byMethod['Range.getValues']).toBe(1 + 2);
    expect(calls.cellsRead).toBe(4 + 441 * 4 + 4);
  });

  it('searches two key columns in one TextFinder search, each cell held to its own column\'s keys', () => {
    const rows: unknown[][] = [['マッチングID', '仕事ID', '会員ID', '状態']];
    // J1's matches (rows 2, 4), M1's (rows 3, 4), a J1 typed into 会員ID (row 5) and an M1 into 仕事ID (row 6).
    rows.push(['X1', 'J1', 'M2', '提案'], ['X2', 'J2', 'M1', '提案'], ['X3', 'J1', 'M1', '成立'], ['X4', 'J3', 'J1', '提案'], ['X5', 'M1', 'M3', '提案']);
    for (let i = 6; i <= 3000; i += 1) rows.push([`X${i}`, 'J9', 'M9', '提案']);
    rows.push(['X9999', 'J1', 'M5', '提案']);
    tab('マッチング', rows);
    const { result, calls } = fakes.log.measure(() => store.findRows(['マッチング'], (h) => [
      { column: h.indexOf('仕事ID'), keys: ['J1'] }, { column: h.indexOf('会員ID'), keys: ['M1'] },
    ]));
    expect(result?.rowNumbers).toEqual([2, 3, 4, 3002]);
    // One search (B:C whole), no getLastRow; rows 2–6 in one block, row 3002 alone.
    expect(calls.byMethod['TextFinder.findAll']).toBe(1);
    expect(calls.byMethod['Sheet.getLastRow']).toBeUndefined();
    expect(calls.byMethod['Range.getValues']).toBe(1 + 2);
    const memory = MemoryTableStore.from([{ name: 'マッチング', header: rows[0] as string[], rows: (store.read(['マッチング'])?.rows ?? []) }]);
    expect(memory.findRows(['マッチング'], (h) => [
      { column: h.indexOf('仕事ID'), keys: ['J1'] }, { column: h.indexOf('会員ID'), keys: ['M1'] },
    ])?.rowNumbers).toEqual(result?.rowNumbers);
  });

  it('asks a tab\'s last row only when the caller reads it, once a run, again after this store writes to the tab', () => {
    matchTab(10);
    const search = (): ReturnType<SheetsTableStore['findRows']> => store.findRows(['マッチング'], (h) => [{ column: h.indexOf('会員ID'), keys: ['M4'] }]);
    // The search itself needs no size question (it covers the key column whole).
    expect(fakes.log.measure(search).calls.byMethod['Sheet.getLastRow']).toBeUndefined();
    expect(fakes.log.measure(() => search()?.lastRow).calls.byMethod['Sheet.getLastRow']).toBe(1);
    expect(fakes.log.measure(() => search()?.lastRow).calls.byMethod['Sheet.getLastRow']).toBeUndefined();
    store.appendCells('マッチング', { columns: [0, 2], rows: [['X11', 'M4']] });
    const after = fakes.log.measure(() => { const r = search(); return [r?.rowNumbers, r?.lastRow]; });
    expect(after.calls.byMethod['Sheet.getLastRow']).toBe(1);
    expect(after.result).toEqual([[4, 12], 12]);
  });

  it('searches only the tab\'s last rows when asked (a window), as the memory store does', () => {
    const rows: unknown[][] = [['活動ID', '会員ID']];
    for (let i = 1; i <= 30; i += 1) rows.push([`A${i}`, i % 4 === 0 ? 'M1' : 'M2']);
    tab('活動記録', rows);
    const { result, calls } = fakes.log.measure(() => store.findRows(['活動記録'], (h) => [{ column: h.indexOf('会員ID'), keys: ['M1'] }], 10));
    // Data rows 21–30 (sheet rows 22–31): M1 at 24 and 28, not at 4 … 20.
    expect(result?.rows.map((r) => r[0])).toEqual(['A24', 'A28']);
    expect(result?.rowNumbers).toEqual([25, 29]);
    expect(result?.lastRow).toBe(31);
    expect(calls.byMethod['Sheet.getLastRow']).toBe(1);
    expect(calls.byMethod['TextFinder.findAll']).toBe(1);
    const memory = MemoryTableStore.from([{ name: '活動記録', header: rows[0] as string[], rows: (store.read(['活動記録'])?.rows ?? []) }]);
    for (const n of [0, 1, 10, 30, 100]) {
      const search = (h: readonly string[]): { column: number; keys: string[] }[] => [{ column: h.indexOf('会員ID'), keys: ['M1'] }];
      expect([n, store.findRows(['活動記録'], search, n)?.rowNumbers]).toEqual([n, memory.findRows(['活動記録'], search, n)?.rowNumbers]);
    }
  });

  it('takes the header from the memo when it names this tab, and keeps one it had to read', () => {
    matchTab(3);
    const kept: string[] = [];
    const memo = {
      recall: (names: readonly string[]) => (names[0] === 'マッチング' ? { name: 'マッチング', header: ['マッチングID', '仕事ID', '会員ID', '状態'] } : null),
      keep: (names: readonly string[]) => { kept.push(names[0] ?? ''); },
    };
    const withMemo = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet(), memo);
    const { result, calls } = fakes.log.measure(() => withMemo.findRows(['マッチング'], (h) => [{ column: h.indexOf('会員ID'), keys: ['M3'] }]));
    expect(result?.rowNumbers).toEqual([3]);
    expect(calls.byMethod['Sheet.getLastColumn']).toBeUndefined();
    expect(calls.byMethod['Range.getValues']).toBe(1);
    tab('会員', [['会員ID'], ['M1']]);
    expect(withMemo.findRows(['会員'], () => [{ column: 0, keys: ['M1'] }])?.rowNumbers).toEqual([2]);
    expect(kept).toEqual(['会員']);
  });

  it('reads adjacent rows found in one getValues, several keys in one search, a key with spaces around it too', () => {
    tab('会員', [['会員ID', '氏名'], ['M1', 'a'], [' M2 ', 'b'], ['M3', 'c'], ['M10', 'd'], ['m2', 'e'], ['M2x', 'f']]);
    const { result, calls } = fakes.log.measure(() => store.findRows(['会員'], (h) => [{ column: h.indexOf('会員ID'), keys: ['M2', 'M3', 'M1'] }]));
    // Case is kept (m2 is not M2), the whole cell must match (M2x, M10 are not M2 or M1).
    expect(result).toEqual({ name: '会員', header: ['会員ID', '氏名'], rows: [['M1', 'a'], [' M2 ', 'b'], ['M3', 'c']], rowNumbers: [2, 3, 4], lastRow: 7 });
    expect(calls.byMethod['TextFinder.findAll']).toBe(1);
    expect(calls.byMethod['Range.getValues']).toBe(2);
  });

  it('treats a key as text, not as a pattern, and answers nothing for no key, a missing column or an empty tab', () => {
    tab('仕事', [['仕事ID'], ['J.1'], ['JX1'], ['J(1)']]);
    expect(store.findRows(['仕事'], () => [{ column: 0, keys: ['J.1'] }])?.rowNumbers).toEqual([2]);
    expect(store.findRows(['仕事'], () => [{ column: 0, keys: ['J(1)'] }])?.rowNumbers).toEqual([4]);
    expect(store.findRows(['仕事'], () => [{ column: 0, keys: [] }])?.rows).toEqual([]);
    expect(store.findRows(['仕事'], () => [{ column: -1, keys: ['J.1'] }])?.rows).toEqual([]);
    tab('空', [['仕事ID']]);
    expect(store.findRows(['空'], () => [{ column: 0, keys: ['J1'] }])).toEqual({ name: '空', header: ['仕事ID'], rows: [], rowNumbers: [], lastRow: 1 });
    expect(store.findRows(['ない'], () => [{ column: 0, keys: ['J1'] }])).toBeNull();
  });

  it('answers what the memory store answers, for any tab and keys (property)', () => {
    // A full-width space or NBSP around an ID too: the ID readers trim them, and RE2's `\s` does not match them.
    const id = fc.constantFrom('M1', 'M2', 'M10', ' M1', 'M1 ', 'M1\u3000', '\u00a0M2', 'm1', 'X', '');
    fc.assert(fc.property(fc.array(fc.tuple(id, fc.constantFrom('a', 'b', '=1+1')), { maxLength: 30 }), fc.subarray(['M1', 'M2', 'M10', 'X']), (rows, keys) => {
      fakes.uninstall();
      fakes = installFakes(globalThis);
      const sheets = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
      const header = ['会員ID', 'メモ'];
      const data: Cell[][] = rows.map(([k, v]) => [k === '' ? null : k, v]);
      tab('会員', [header, ...data.map((r) => r.map((c) => c ?? ''))]);
      // The memory store holds what the sheet holds (a formula typed into the sheet reads as its value).
      const memory = MemoryTableStore.from([{ name: '会員', header, rows: (sheets.read(['会員'])?.rows ?? []) }]);
      const a = sheets.findRows(['会員'], () => [{ column: 0, keys }]);
      const b = memory.findRows(['会員'], () => [{ column: 0, keys }]);
      expect(a?.rowNumbers).toEqual(b?.rowNumbers);
      expect(a?.rows).toEqual(b?.rows);
      // The tab's last row too: correctActivity's window of the last 5,000 rows is counted from it.
      expect(a?.lastRow).toBe(b?.lastRow);
    }), { numRuns: 150 });
  });

  it('answers what the memory store answers for two key columns searched at once (property)', () => {
    const id = fc.constantFrom('M1', 'J1', 'M2', ' J1', 'M1 ', '\u3000J1', 'M2\u3000', 'X', '');
    fc.assert(fc.property(fc.array(fc.tuple(id, fc.constantFrom('a', 'J1'), id), { maxLength: 40 }), fc.subarray(['J1', 'M1', 'X']), fc.subarray(['M1', 'M2', 'J1']), (rows, jobKeys, memberKeys) => {
      fakes.uninstall();
      fakes = installFakes(globalThis);
      const sheets = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
      // 仕事ID and 会員ID with a column between them the search spans but must not find by.
      const header = ['仕事ID', 'メモ', '会員ID'];
      const data: Cell[][] = rows.map(([j, m, k]) => [j === '' ? null : j, m, k === '' ? null : k]);
      tab('マッチング', [header, ...data.map((r) => r.map((c) => c ?? ''))]);
      const memory = MemoryTableStore.from([{ name: 'マッチング', header, rows: (sheets.read(['マッチング'])?.rows ?? []) }]);
      const searches = (): { column: number; keys: string[] }[] => [{ column: 0, keys: jobKeys }, { column: 2, keys: memberKeys }];
      const a = sheets.findRows(['マッチング'], searches);
      const b = memory.findRows(['マッチング'], searches);
      expect(a?.rowNumbers).toEqual(b?.rowNumbers);
      expect(a?.rows).toEqual(b?.rows);
    }), { numRuns: 150 });
  });

  it('reads a tab\'s header once a run for its searches, again after this store writes row 1', () => {
    matchTab(10);
    const first = fakes.log.measure(() => store.findRows(['マッチング'], (h) => [{ column: h.indexOf('仕事ID'), keys: ['J3'] }]));
    const second = fakes.log.measure(() => store.findRows(['マッチング'], (h) => [{ column: h.indexOf('会員ID'), keys: ['M4'] }]));
    // The header, then J3's rows 4 and 11 in one block (the 6 rows between: 24 cells).
    expect(first.calls.byMethod['Range.getValues']).toBe(1 + 1);
    // No getLastColumn nor header getValues: only the row found (M4 is match 3, row 4).
    expect(second.calls.byMethod['Sheet.getLastColumn']).toBeUndefined();
    expect(second.calls.byMethod['Range.getValues']).toBe(1);
    expect(second.result?.rowNumbers).toEqual([4]);
    store.writeCells('マッチング', 1, { columns: [2], rows: [['会員番号']] });
    const third = fakes.log.measure(() => store.findRows(['マッチング'], (h) => [{ column: h.indexOf('会員番号'), keys: ['M4'] }]));
    expect(third.calls.byMethod['Sheet.getLastColumn']).toBe(1);
    expect(third.result?.rowNumbers).toEqual([4]);
  });

  it('finds a job\'s matches by another key column (仕事ID), J3 not J31', () => {
    matchTab(31);
    // Matches 3, 10, 17, 24, 31 hold J3 (i % 7): sheet rows 4, 11, 18, 25, 32.
    expect(store.findRows(['マッチング'], (h) => [{ column: h.indexOf('仕事ID'), keys: ['J3'] }])?.rowNumbers).toEqual([4, 11, 18, 25, 32]);
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
    // Regular expressions as Google reads them (text-finder.ts portable): `\s` is the ASCII
    // spaces (RE2's; JavaScript's also takes U+3000 and NBSP), lookaround and backreferences are
    // refused (RE2 has neither), and a quoted `\(?=`, `\\1` or `[(?=]` is text.
    sheet.getRange(3, 1, 2, 2).setValues([['M1\u3000', 'M1 '], ['(?=x)', '\\1']]);
    const tail = sheet.getRange(3, 1, 2, 2);
    const found = (p: string): string[] => tail.createTextFinder(p).useRegularExpression(true).matchCase(true).matchEntireCell(true).findAll().map((r) => r.getA1Notation());
    expect(found('M1\\s*')).toEqual(['B3']);
    expect(found('M1[\\s]*')).toEqual(['B3']);
    expect(found('M1\\S')).toEqual(['A3']);
    expect(found('\\(\\?=x\\)')).toEqual(['A4']);
    expect(found('\\\\1')).toEqual(['B4']);
    expect(found('[(?=x)]+')).toEqual(['A4']);
    expect(() => found('M(?=1)1.*')).toThrow(/lookaround/);
    expect(() => found('(?<!x)M1.*')).toThrow(/lookaround/);
    expect(() => found('(M)\\1')).toThrow(/backreference/);
    // A search is a round trip; the builder calls are not.
    const { calls } = fakes.log.measure(() => range.createTextFinder('x').matchCase(true).findAll());
    expect(calls.roundTrips).toBe(1);
    expect(calls.cellsRead).toBe(0);
  });
});
