import { installFakes, type FakeHandles } from '../fakes';
import { SheetsTableStore } from '../../src/gas/sheets-table-store';
import { CachedHeaderStore, deskHeaderMemo } from '../../src/app/shared/cached-header-store';
import { DESK_CACHE_KEYS, DeskCache, SETTINGS_KEY, WRITTEN_HEADERS } from '../../src/app/shared/desk-cache';
import { MemorySharedCache } from '../../src/local/memory-shared-cache';
import { ACTIVITY_TOTALS_TAB } from '../../src/domain/weekly/activity-totals-tab';

// The add-in's own positional tabs (desk-cache.ts WRITTEN_HEADERS) in Sheets, through the stores
// google-ports.ts builds (CachedHeaderStore over SheetsTableStore with the desk cache's memo): with
// no entry in the cache, asking their header, searching them or reading their rows by number costs
// no getLastColumn and no getValues of row 1, and leaves nothing for the cache to put — in a
// sidebar run (the cache read) and in a trigger's (never read). A desk tab's header is still read.
describe('the headers the add-in writes, in Sheets', () => {
  let fakes: FakeHandles;
  beforeEach(() => { fakes = installFakes(globalThis); });
  afterEach(() => fakes.uninstall());

  const stores = (openCache: boolean): { store: CachedHeaderStore; shared: MemorySharedCache; cache: DeskCache } => {
    const shared = new MemorySharedCache({ now: () => new Date('2025-06-11T01:00:00Z') });
    const cache = new DeskCache(shared);
    if (openCache) cache.lookup(SETTINGS_KEY);
    const store = new CachedHeaderStore(new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet(), deskHeaderMemo(cache)), cache);
    return { store, shared, cache };
  };
  const tab = (name: string, rows: unknown[][]): void => {
    const width = Math.max(...rows.map((r) => r.length));
    SpreadsheetApp.getActiveSpreadsheet().insertSheet(name).getRange(1, 1, rows.length, width).setValues(rows);
  };

  for (const openCache of [true, false]) {
    it(`asks no header of them ${openCache ? 'in a sidebar run (the cache read, no entry)' : 'in a trigger\'s run (the cache never read)'}, and puts none in the cache`, () => {
      for (const [name, header] of WRITTEN_HEADERS) tab(name, [[...header], ...[0, 1, 2].map((i) => header.map((_, j) => (j === 0 ? `k${i}` : 'v')))]);
      tab('会員', [['会員ID', '氏名'], ['M1', '柏 太郎']]);
      const { store, shared, cache } = stores(openCache);
      const { calls } = fakes.log.measure(() => {
        for (const [name, header] of WRITTEN_HEADERS) {
          expect(store.header([name])?.header).toEqual([...header]);
          expect(store.findRows?.([name], () => [{ column: 0, keys: ['k1'] }])?.rowNumbers).toEqual([3]);
          expect(store.readRows?.([name], [2], () => [0])?.rows[0]?.[0]).toBe('k0');
        }
        // _活動集計 as its readers ask for it, in either language's order.
        expect(store.findRows?.([ACTIVITY_TOTALS_TAB.ja, ACTIVITY_TOTALS_TAB.en], () => [{ column: 0, keys: ['k2'] }])?.rowNumbers).toEqual([4]);
      });
      expect(calls.byMethod['Sheet.getLastColumn']).toBeUndefined();
      // One getValues per findRows' row found and per readRows row: none of row 1.
      expect(calls.byMethod['Range.getValues']).toBe(2 * WRITTEN_HEADERS.size + 1);
      cache.commit();
      expect(shared.getAll(DESK_CACHE_KEYS)).toEqual({});
      // A desk tab's header is read (and, in a sidebar run, remembered for the next runs).
      const desk = fakes.log.measure(() => store.header(['会員']));
      expect(desk.calls.byMethod['Sheet.getLastColumn']).toBe(1);
    });
  }
});
