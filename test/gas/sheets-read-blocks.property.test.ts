import fc from 'fast-check';
import { installFakes, type FakeHandles } from '../fakes';
import { rowBlocks, SheetsTableStore } from '../../src/gas/sheets-table-store';
import { CELL_READ_US_PESSIMISTIC, gapRowsWorthReading, ROUND_TRIP_US } from '../../src/gas/read-cost';
import type { Cell } from '../../src/domain/cell';

// Rows read in blocks (rowBlocks): SheetsTableStore.findRows (rows a TextFinder found) and readRows
// (rows by known number) read rows asked close together in one getValues, the rows between them
// read and dropped, when those cost less than the round trip a second getValues would (50 ms
// against 31 µs a cell, src/gas/read-cost.ts). What callers get must be exactly what one read per
// row gives — the same values, the same row numbers, no row between — and no block may reach past
// the rows asked (so never past the sheet's grid, which the fake, like Sheets, refuses). With
// `largeCells` (packed texts: the candidate index, _活動集計) only adjacent rows share a read.
describe('rows read in blocks', () => {
  let fakes: FakeHandles;
  beforeEach(() => { fakes = installFakes(globalThis); });
  afterEach(() => fakes.uninstall());

  /** What a data cell holds: a mix of what Sheets hands back (text, numbers, booleans, blanks). */
  const VALUES: readonly (string | number | boolean)[] = ['', 'x', 12, true, '山田 花子', 3.5, '', 'M000001', false];
  const valueAt = (seed: number, row: number, col: number): string | number | boolean =>
    VALUES[(row * 31 + col * 17 + seed) % VALUES.length] as string | number | boolean;

  /** A tab `width` columns wide, `dataRows` rows under its header, in a grid of `gridRows` rows;
   *  `key(row)` (when given) put into column `keyColumn`. */
  function tab(width: number, dataRows: number, gridRows: number, seed: number, keyColumn = -1, key?: (row: number) => string): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('マッチング');
    const max = sheet.getMaxRows();
    if (gridRows > max) sheet.insertRowsAfter(max, gridRows - max);
    if (gridRows < max) sheet.deleteRows(gridRows + 1, max - gridRows);
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    const rows: (string | number | boolean)[][] = [Array.from({ length: width }, (_, c) => `列${c}`)];
    for (let r = 2; r <= dataRows + 1; r += 1) {
      rows.push(Array.from({ length: width }, (_, c) => (c === keyColumn && key ? key(r) : valueAt(seed, r, c))));
    }
    sheet.getRange(1, 1, rows.length, width).setValues(rows);
    return sheet;
  }

  /** One getValues per row, straight from the sheet: the answer the blocks must equal. */
  function rowAlone(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, width: number): Cell[] {
    const [values = []] = sheet.getRange(row, 1, 1, width).getValues();
    return values.map((v) => (v === '' ? null : v instanceof Date ? String(v) : v));
  }

  /** Rows clustered as a center's are: a start, then gaps of 1 (adjacent) to 400 rows. */
  const clustered = (gridRows: number): fc.Arbitrary<number[]> =>
    fc.tuple(fc.integer({ min: 2, max: gridRows }), fc.array(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 400 })), { maxLength: 25 }))
      .map(([start, gaps]) => {
        const rows = [start];
        for (const g of gaps) rows.push((rows[rows.length - 1] as number) + g);
        return rows.filter((r) => r <= gridRows);
      });

  const shape = fc.record({
    width: fc.integer({ min: 1, max: 40 }),
    dataRows: fc.integer({ min: 1, max: 700 }),
    spare: fc.integer({ min: 0, max: 60 }),
    seed: fc.nat(1_000),
  });

  it('readRows: the rows asked, in the order asked, as one read per row gives them; blocks inside the rows asked', () => {
    fc.assert(fc.property(shape.chain((s) => fc.record({
      s: fc.constant(s),
      asked: clustered(s.dataRows + 1 + s.spare),
      shuffle: fc.array(fc.nat(), { maxLength: 30 }),
      repeat: fc.boolean(),
      pick: fc.uniqueArray(fc.integer({ min: 0, max: s.width - 1 }), { minLength: 1, maxLength: s.width }),
      largeCells: fc.boolean(),
    })), ({ s, asked, shuffle, repeat, pick, largeCells }) => {
      fakes.uninstall();
      fakes = installFakes(globalThis);
      const gridRows = s.dataRows + 1 + s.spare;
      const sheet = tab(s.width, s.dataRows, gridRows, s.seed);
      // In any order, a row asked twice (callers hand rows in their own order; a repeat answers twice).
      const order = asked.map((r, i) => ({ r, k: shuffle[i] ?? i })).sort((a, b) => a.k - b.k).map((x) => x.r);
      const rowNumbers = repeat && order.length > 0 ? [...order, order[0] as number] : order;
      const store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
      store.header(['マッチング']);
      const { result, calls } = fakes.log.measure(() => store.readRows(['マッチング'], rowNumbers, () => pick, largeCells));
      expect(result?.rowNumbers).toEqual(rowNumbers);
      const kept = new Set(pick);
      const expected = rowNumbers.map((r) => rowAlone(sheet, r, s.width).map((v, c) => (kept.has(c) ? v : null)));
      expect(result?.rows).toEqual(expected);
      // Exactly the blocks' getValues and cells (the picked columns' span), as Google would count them.
      const first = Math.min(...pick);
      const span = Math.max(...pick) - first + 1;
      const sorted = [...new Set(asked)].sort((a, b) => a - b);
      // Long cells (the candidate index's buckets): only adjacent rows share a read.
      const blocks = rowBlocks(sorted, largeCells ? 0 : span);
      expect(calls.byMethod['Range.getValues'] ?? 0).toBe(blocks.length);
      expect(calls.cellsRead).toBe(blocks.reduce((n, [, count]) => n + count * span, 0));
      expect(blocks.length).toBeLessThanOrEqual(sorted.length);
    }), { numRuns: 60 });
  });

  it('findRows: the rows whose key cell holds a key, as one read per row gives them', () => {
    fc.assert(fc.property(shape.chain((s) => fc.record({
      s: fc.constant(s),
      hits: clustered(s.dataRows + 1),
      keyColumn: fc.integer({ min: 0, max: s.width - 1 }),
      largeCells: fc.boolean(),
    })), ({ s, hits, keyColumn, largeCells }) => {
      fakes.uninstall();
      fakes = installFakes(globalThis);
      const hit = new Set(hits);
      // Two keys, so the search's pattern has alternatives; every other row a key of no one asked.
      const sheet = tab(s.width, s.dataRows, s.dataRows + 1 + s.spare, s.seed, keyColumn, (r) => (hit.has(r) ? (r % 2 === 0 ? 'J1' : ' J2 ') : `N${r}`));
      const store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
      store.header(['マッチング']);
      const { result, calls } = fakes.log.measure(() => store.findRows(['マッチング'], () => [{ column: keyColumn, keys: ['J1', 'J2'] }], undefined, largeCells));
      const sorted = [...hit].sort((a, b) => a - b);
      expect(result?.rowNumbers).toEqual(sorted);
      expect(result?.rows).toEqual(sorted.map((r) => rowAlone(sheet, r, s.width)));
      const blocks = rowBlocks(sorted, largeCells ? 0 : s.width);
      expect(calls.byMethod['Range.getValues'] ?? 0).toBe(blocks.length);
      expect(calls.cellsRead).toBe(blocks.reduce((n, [, count]) => n + count * s.width, 0));
    }), { numRuns: 60 });
  });

  it('rowBlocks: a gap is read only when its cells cost less than a round trip, and every gap that would is', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 2, max: 5_000 }), { maxLength: 40 }), fc.integer({ min: 0, max: 2_000 }), (rows, width) => {
      const sorted = [...rows].sort((a, b) => a - b);
      const blocks = rowBlocks(sorted, width);
      // The blocks cover every row asked, start and end at one, and overlap nothing.
      const covered = sorted.filter((r) => blocks.some(([from, count]) => r >= from && r < from + count));
      expect(covered).toEqual(sorted);
      for (const [from, count] of blocks) {
        expect(sorted).toContain(from);
        expect(sorted).toContain(from + count - 1);
      }
      // Inside a block, each gap is worth reading; between two blocks, none is.
      const costOf = (gap: number): number => gap * width * CELL_READ_US_PESSIMISTIC;
      sorted.slice(1).forEach((r, i) => {
        const gap = r - (sorted[i] as number) - 1;
        const same = blocks.some(([from, count]) => r >= from && r < from + count && (sorted[i] as number) >= from);
        if (gap === 0) expect(same).toBe(true);
        else if (width > 0) expect(same).toBe(costOf(gap) < ROUND_TRIP_US);
        else expect(same).toBe(false);
      });
    }));
  });

  it('budget: a job\'s 9 matches proposed within days of each other are one getValues, not nine', () => {
    // マッチング is appended as matches are proposed; at 1,600 members (~2 a day) a job's matches
    // of one fortnight lie within a few dozen rows. マッチング's 12 columns: up to 134 rows between
    // two of them are cheaper to read than a round trip (gapRowsWorthReading). Fails if the blocks go.
    expect(gapRowsWorthReading(12)).toBe(134);
    const rows = [40, 43, 44, 51, 60, 62, 70, 77, 85];
    const hit = new Set(rows);
    tab(12, 3_000, 3_001, 7, 1, (r) => (hit.has(r) ? 'J00001' : `J${r}`));
    const store = new SheetsTableStore(() => SpreadsheetApp.getActiveSpreadsheet());
    store.header(['マッチング']);
    const found = fakes.log.measure(() => store.findRows(['マッチング'], (h) => [{ column: h.indexOf('列1'), keys: ['J00001'] }]));
    expect(found.result?.rowNumbers).toEqual(rows);
    expect(found.calls.byMethod['TextFinder.findAll']).toBe(1);
    expect(found.calls.byMethod['Range.getValues']).toBe(1);
    // Rows 40–85: 46 rows × 12 cells, 37 rows of them dropped (444 cells: 14 ms at 31 µs, against 8 × 50 ms fewer trips).
    expect(found.calls.cellsRead).toBe(46 * 12);
    // The same rows by number (the pickers' ≤ 20 hits, read from 会員 or 仕事): one getValues too.
    const byNumber = fakes.log.measure(() => store.readRows(['マッチング'], [...rows].reverse(), () => [0, 4, 11]));
    expect(byNumber.result?.rowNumbers).toEqual([...rows].reverse());
    expect(byNumber.calls.byMethod['Range.getValues']).toBe(1);
    expect(byNumber.calls.cellsRead).toBe(46 * 12);
    // Far apart (one row every 200: the bench's J00001 at 1,600 members), each row is read alone.
    const far = [2, 202, 402];
    const apart = fakes.log.measure(() => store.readRows(['マッチング'], far, () => [0, 11]));
    expect(apart.calls.byMethod['Range.getValues']).toBe(3);
    expect(apart.calls.cellsRead).toBe(3 * 12);
  });
});
