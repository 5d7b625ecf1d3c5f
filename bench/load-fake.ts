import type { RawTable } from '../src/domain/cell';
import { sheetGrid } from './sheet-values';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Empty rows left below the data, as a sheet someone has been typing into usually has. */
export const SPARE_ROWS = 100;
const ROW_STEP = 50_000;

/** Puts each tab into the fake spreadsheet through its own API, as a script would: insertSheet,
 *  insertRowsAfter to make room, one setValues. The caller resets the call log afterwards. */
export function loadTables(ss: GSpreadsheet, tables: readonly RawTable[]): void {
  for (const t of tables) {
    const sheet = ss.insertSheet(t.name);
    const grid = sheetGrid(t);
    const need = grid.length + SPARE_ROWS;
    // In steps: the fake's insertRowsAfter spreads its new rows into one call's arguments,
    // which overflows the stack beyond ~100,000 rows (Sheets itself takes any number).
    while (need > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), Math.min(ROW_STEP, need - sheet.getMaxRows()));
    sheet.getRange(1, 1, grid.length, t.header.length).setValues(grid);
  }
}
