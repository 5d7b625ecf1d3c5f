import { dateCell, type Cell, type RawTable } from '../src/domain/cell';
import { DATA_ROUND_TRIPS, METADATA_CALLS, type CallLog, type CallSnapshot } from '../test/fakes/call-log';
import { isAnyDate } from '../test/fakes/realm';

// What a typical hand-written weekly script does, through the same fake spreadsheet: for each
// tab, getLastRow/getLastColumn, then one getRange(r, c).getValue() per cell; the week's row
// written with one setValue per cell; the same mail as ours. Its figures come from the same
// domain code (so they can be compared), only the way it talks to Sheets differs. Rows past
// `capRows` per tab are not read: their calls and cells are extrapolated linearly from the rows
// that were (every row of a tab costs the same calls), which the result says.

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface BaselineResult {
  readonly calls: CallSnapshot;
  /** True when some tab had more rows than capRows and its cost was extrapolated. */
  readonly extrapolated: boolean;
  readonly rowsRead: number;
  readonly rowsTotal: number;
  /** The tabs as read cell by cell (only when nothing was extrapolated), to compare the figures. */
  readonly tables: RawTable[] | null;
}

const TOKYO_OFFSET_MS = 9 * 3_600_000;

function toCell(v: unknown): Cell {
  if (v === '' || v === null || v === undefined) return null;
  if (isAnyDate(v)) {
    const iso = new Date(v.getTime() + TOKYO_OFFSET_MS).toISOString();
    return dateCell(iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : iso.slice(0, 19));
  }
  return v as Cell;
}

function add(into: Record<string, number>, from: Readonly<Record<string, number>>, factor: number): void {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n * factor;
}

export function baselineWeekly(ss: GSpreadsheet, log: CallLog, tabNames: readonly string[], weekRowWidth: number, capRows: number): BaselineResult {
  const byMethod: Record<string, number> = {};
  let cellsRead = 0;
  let cellsWritten = 0;
  let rowsRead = 0;
  let rowsTotal = 0;
  let extrapolated = false;
  const tables: RawTable[] = [];
  for (const name of tabNames) {
    log.reset();
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    const header: string[] = [];
    for (let c = 1; c <= lastCol; c++) header.push(String(sheet.getRange(1, c).getValue()));
    const fixed = log.snapshot();
    add(byMethod, fixed.byMethod, 1);
    cellsRead += fixed.cellsRead;

    const dataRows = Math.max(0, lastRow - 1);
    const read = Math.min(dataRows, capRows);
    log.reset();
    const rows: Cell[][] = [];
    for (let r = 2; r <= read + 1; r++) {
      const row: Cell[] = [];
      for (let c = 1; c <= lastCol; c++) row.push(toCell(sheet.getRange(r, c).getValue()));
      rows.push(row);
    }
    const perRows = log.snapshot();
    const factor = read === 0 ? 0 : dataRows / read;
    if (read < dataRows) extrapolated = true;
    add(byMethod, perRows.byMethod, factor);
    cellsRead += perRows.cellsRead * factor;
    rowsRead += read;
    rowsTotal += dataRows;
    tables.push({ name, header, rows });
  }
  // The week's row in 週次KPI, cell by cell, on a tab of its own so ours is left alone.
  const out = ss.getSheetByName('週次KPI_baseline') ?? ss.insertSheet('週次KPI_baseline');
  if (out.getMaxColumns() < weekRowWidth) out.insertColumnsAfter(out.getMaxColumns(), weekRowWidth - out.getMaxColumns());
  log.reset();
  for (let c = 1; c <= weekRowWidth; c++) out.getRange(2, c).setValue(c);
  const write = log.snapshot();
  add(byMethod, write.byMethod, 1);
  cellsWritten += write.cellsWritten;
  // The same mail as ours: the quota asked once, one send (counted, not sent: no MailApp here).
  add(byMethod, { 'MailApp.getRemainingDailyQuota': 1, 'MailApp.sendEmail': 1 }, 1);

  const rounded: Record<string, number> = {};
  for (const [k, n] of Object.entries(byMethod)) rounded[k] = Math.round(n);
  const total = Object.values(rounded).reduce((s, n) => s + n, 0);
  const roundTrips = Object.entries(rounded).filter(([k]) => DATA_ROUND_TRIPS.has(k)).reduce((s, [, n]) => s + n, 0);
  const metadata = Object.entries(rounded).filter(([k]) => METADATA_CALLS.has(k)).reduce((s, [, n]) => s + n, 0);
  const calls: CallSnapshot = { total, roundTrips, lookups: total - roundTrips, roundTripsWithMetadata: roundTrips + metadata, cellsRead: Math.round(cellsRead), cellsWritten, byMethod: rounded };
  log.reset();
  return { calls, extrapolated, rowsRead, rowsTotal, tables: extrapolated ? null : tables };
}
