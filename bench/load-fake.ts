import type { RawTable } from '../src/domain/cell';
import { sheetGrid } from './sheet-values';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Empty rows left below the data, as a sheet someone has been typing into usually has. */
export const SPARE_ROWS = 100;

/** Puts each tab into the fake spreadsheet through its own API, as a script would: insertSheet,
 *  insertRowsAfter to make room, one setValues. The caller resets the call log afterwards. */
export function loadTables(ss: GSpreadsheet, tables: readonly RawTable[]): void {
  for (const t of tables) {
    const sheet = ss.insertSheet(t.name);
    const grid = sheetGrid(t);
    const need = grid.length + SPARE_ROWS;
    if (need > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
    sheet.getRange(1, 1, grid.length, t.header.length).setValues(grid);
  }
}
