import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnLetter, type Cell } from '../../src/domain/cell';
import { MemoryTableStore } from '../../src/local/memory-table-store';
import { readWorkbookFile, writeWorkbookFile } from '../../src/local/xlsx-workbook-file';
import { cellXml, normalGrid, sheetjsGrid, sheetPart, zipParts } from './xlsx-helpers';

// The cell patcher, on random small tables: a workbook written whole, then saved again from a
// store with random cells changed, added, blanked or cut off at the end. Read back by our reader
// (exceljs) and by SheetJS, the tab holds exactly the store's values, every cell whose value did
// not change keeps its XML as written, and the other tab's part is the same bytes.

const text = fc.array(fc.constantFrom('a', 'Z', '0', ' ', '<', '&', '>', '"', "'", '\r', '\n', '\r\n', 'あ', '漢', '会員', 'ｶﾅ', '=', '#'), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const day = fc.record({ y: fc.integer({ min: 1901, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const time = fc.record({ h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 1, max: 59 }) })
  .map(({ h, mi, s }) => `T${pad(h)}:${pad(mi)}:${pad(s)}`);

const cell: fc.Arbitrary<Cell> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: text, weight: 4 },
  { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }), weight: 2 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: day.map((date) => ({ date })), weight: 1 },
  { arbitrary: fc.tuple(day, time).map(([d, t]) => ({ date: d + t })), weight: 1 },
);

const headerName = text.map((s) => s.trim() || 'h');

const scenario = fc.record({
  width: fc.integer({ min: 1, max: 4 }),
  height: fc.integer({ min: 0, max: 5 }),
}).chain(({ width, height }) => fc.record({
  header: fc.array(headerName, { minLength: width, maxLength: width }),
  rows: fc.array(fc.array(cell, { minLength: 0, maxLength: width }), { minLength: height, maxLength: height }),
  // Changes reach one row and one column past the table, so rows and cells get inserted.
  changes: fc.array(fc.record({ row: fc.integer({ min: 0, max: height + 1 }), col: fc.integer({ min: 0, max: width }), value: cell }), { maxLength: 8 }),
  headerChange: fc.option(fc.record({ col: fc.integer({ min: 0, max: width }), value: headerName })),
  keep: fc.option(fc.integer({ min: 0, max: height })),
  warm: fc.boolean(),
}));

describe('patching cells of an existing .xlsx', () => {
  let dir: string;
  let n = 0;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'ikigai-patch-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back exactly the store\'s values to both readers and leaves unchanged cells as written', async () => {
    await fc.assert(fc.asyncProperty(scenario, async (s) => {
      const path = join(dir, `t${n++}.xlsx`);
      const other = { name: 'Other', header: ['x', 'y'], rows: [['keep', 1], [true, { date: '2020-02-02' }]] as Cell[][] };
      await writeWorkbookFile(MemoryTableStore.from([{ name: 'T', header: s.header, rows: s.rows }, other]), path);
      const first = (await readWorkbookFile(path)).read(['T'])!;
      const partsBefore = await zipParts(path);
      const part = sheetPart(partsBefore, 'T');
      const xmlBefore = cellXml(partsBefore.get(part)!.toString('utf8'));

      const header = [...s.header];
      if (s.headerChange) header[s.headerChange.col] = s.headerChange.value;
      for (let i = 0; i < header.length; i++) header[i] ??= '';
      let rows = s.rows.map((r) => [...r]);
      for (const c of s.changes) {
        if (c.row === 0) continue;
        while (rows.length < c.row) rows.push([]);
        const row = rows[c.row - 1]!;
        while (row.length < c.col) row.push(null);
        row[c.col] = c.value;
      }
      if (s.keep !== null) rows = rows.slice(0, s.keep);
      const store = MemoryTableStore.from([{ name: 'T', header, rows }, other]);

      if (s.warm) await readWorkbookFile(path);
      await writeWorkbookFile(store, path);

      const expected = normalGrid([header, ...rows]);
      const ours = (await readWorkbookFile(path)).read(['T'])!;
      expect(normalGrid([ours.header, ...ours.rows])).toEqual(expected);
      expect(normalGrid(sheetjsGrid(path, 'T'))).toEqual(expected);

      const partsAfter = await zipParts(path);
      expect(partsAfter.get(sheetPart(partsAfter, 'Other'))).toEqual(partsBefore.get(sheetPart(partsBefore, 'Other')));
      const xmlAfter = cellXml(partsAfter.get(part)!.toString('utf8'));
      const was = normalGrid([first.header, ...first.rows]);
      const height = Math.max(was.length, expected.length);
      for (let r = 0; r < height; r++) {
        const width = Math.max(was[r]?.length ?? 0, expected[r]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          const a = was[r]?.[c] ?? null; const b = expected[r]?.[c] ?? null;
          if (JSON.stringify(a) !== JSON.stringify(b)) continue;
          const ref = `${columnLetter(c)}${r + 1}`;
          expect([ref, xmlAfter.get(ref)]).toEqual([ref, xmlBefore.get(ref)]);
        }
      }
    }), { numRuns: 60 });
  });
});
