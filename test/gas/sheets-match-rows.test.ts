import fc from 'fast-check';
import { installFakes, type FakeHandles } from '../fakes';
import { SheetsTableStore } from '../../src/gas/sheets-table-store';
import { MemoryTableStore } from '../../src/local/memory-table-store';

// TableStore.matchRows through Sheets (one TextFinder of a column, getRow of the cells kept) and
// the memory store (rows-by-number.ts matchRowsIn) answer alike: the first `limit` rows found, or
// with `fromEnd` the last `limit` (the job picker's newest, search-jobs.ts), in sheet order either way.
describe('matchRows', () => {
  let fakes: FakeHandles;
  beforeEach(() => { fakes = installFakes(globalThis); });
  afterEach(() => fakes.uninstall());

  it('answers the first or the last rows found as the memory store does, with the same total', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('・j1・a', '提・j2・ab', '・j3・b', '・'), { maxLength: 30 }), fc.nat(8), fc.boolean(), (keys, limit, fromEnd) => {
      fakes.uninstall();
      fakes = installFakes(globalThis);
      const s = SpreadsheetApp.getActiveSpreadsheet().insertSheet('_仕事検索');
      const rows = [['検索キー'], ...keys.map((k) => [k])];
      if (rows.length > s.getMaxRows()) s.insertRowsAfter(s.getMaxRows(), rows.length - s.getMaxRows());
      s.getRange(1, 1, rows.length, 1).setValues(rows);
      const sheets = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
      const memory = MemoryTableStore.from([{ name: '_仕事検索', header: ['検索キー'], rows: keys.map((k) => [k]) }]);
      const pattern = '^[提]?・(?:j|[^・]*・.*a)';
      expect(sheets.matchRows(['_仕事検索'], 0, pattern, limit, fromEnd)).toEqual(memory.matchRows(['_仕事検索'], 0, pattern, limit, fromEnd));
    }), { numRuns: 60 });
  });

  it('from the end: the last rows found, in sheet order', () => {
    const s = SpreadsheetApp.getActiveSpreadsheet().insertSheet('_仕事検索');
    s.getRange(1, 1, 6, 1).setValues([['検索キー'], ['・j1・a'], ['・'], ['・j2・a'], ['・j3・a'], ['終・j4・a']]);
    const store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
    expect(store.matchRows(['_仕事検索'], 0, '^・j', 2, true)).toEqual({ rows: [4, 5], total: 3 });
    expect(store.matchRows(['_仕事検索'], 0, '^・j', 2)).toEqual({ rows: [2, 4], total: 3 });
  });
});
