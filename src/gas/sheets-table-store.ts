import { isDateCell, isBlank, type Cell, type RawTable } from '../domain/cell';
import type { FoundRows, OwnedCells, TableStore } from '../app/ports';
import { neutraliseFormula } from '../domain/text/neutralise-formula';
import { findTab } from '../domain/schema/tab-lookup';
import { cellToDate, dateToCell } from './zoned-time';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type SheetValue = string | number | boolean | Date;

/**
 * The workbook's tabs in the bound spreadsheet. Every method is a fixed number of service calls,
 * whatever the number of rows (one getValues per read, one setValues per write; never a call in
 * a loop over rows).
 *
 * Every string written is neutralised against formula injection (src/domain/text/neutralise-formula.ts):
 * the add-in never means to write a formula, and a string such as `=SUM(...)` written by a script
 * would become one, as if typed into the sheet.
 *
 * Writers name the columns they own (appendCells/writeCells): a center's own column in the same
 * row is never read into memory and written back. A multi-row append reads the last row and then
 * writes below it, two calls another run could interleave, so writers run inside the write
 * boundary (src/app/shared/write-boundary.ts: script lock, flush, release).
 */
export class SheetsTableStore implements TableStore {
  private spreadsheet: Spreadsheet | null = null;
  private zone: string | null = null;
  /** findRows' header rows, by tab name, for the rest of the run: a status change searches
   *  マッチング two or three times (by 仕事ID, by 会員ID, for a free ID), and each header read is a
   *  round trip and a size question. Dropped by this store's own writes to row 1 (replace, or
   *  writeCells from row 1); an empty header is never kept (the first append writes row 1). */
  private readonly foundHeaders = new Map<string, string[]>();

  /** `open` is called at most once, on first use (nothing may happen at load time). */
  constructor(private readonly open: () => Spreadsheet) {}

  private ss(): Spreadsheet {
    this.spreadsheet ??= this.open();
    return this.spreadsheet;
  }

  // Asked for only when a date is met, so tabs without dates cost no extra call.
  private timeZone(): string {
    this.zone ??= this.ss().getSpreadsheetTimeZone();
    return this.zone;
  }

  private find(names: readonly string[]): Sheet | null {
    const ss = this.ss();
    for (const name of names) {
      const sheet = ss.getSheetByName(name);
      if (sheet) return sheet;
    }
    // No exact name: a tab typed as `会員 ` is still 会員 (workbook.md; findTab). Only then are
    // the tabs listed, so the common case costs nothing more.
    const sheets = ss.getSheets();
    const existing = sheets.map((s) => s.getName());
    const real = findTab(existing, names);
    return real === null ? null : sheets[existing.indexOf(real)] ?? null;
  }

  private existing(name: string): Sheet {
    const sheet = this.ss().getSheetByName(name);
    if (!sheet) throw new Error(`No tab named ${name}`);
    return sheet;
  }

  private toCell(v: unknown): Cell {
    if (v === '' || v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (v instanceof Date) return dateToCell(v, this.timeZone());
    return String(v);
  }

  private toSheet(c: Cell | undefined): SheetValue {
    if (c === null || c === undefined) return '';
    if (isDateCell(c)) return cellToDate(c, this.timeZone()) ?? c.date;
    // Every text is neutralised here, whoever wrote it and wherever it came from (a value read
    // back from the sheet too): Sheets takes a string written by a script as typed by a person.
    return typeof c === 'string' ? neutraliseFormula(c) : c;
  }

  private headerText(v: unknown): string {
    const c = this.toCell(v);
    if (c === null) return '';
    return isDateCell(c) ? c.date : String(c);
  }

  read(names: readonly string[]): RawTable | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    const values = sheet.getDataRange().getValues() as unknown[][];
    const [first = [], ...rest] = values;
    const rows = rest.map((row) => row.map((v) => this.toCell(v)));
    while (rows.length > 0 && (rows[rows.length - 1] as Cell[]).every((c) => isBlank(c))) rows.pop();
    const header = first.map((v) => this.headerText(v));
    // An empty sheet reads as A1 = '': no header at all.
    if (rows.length === 0 && header.every((h) => h === '')) return { name: sheet.getName(), header: [], rows: [] };
    return { name: sheet.getName(), header, rows };
  }

  header(names: readonly string[]): { name: string; header: string[] } | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    const header = this.headerOf(sheet);
    return { name: sheet.getName(), header };
  }

  readColumns(names: readonly string[], pick: (header: readonly string[]) => readonly number[]): RawTable | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    const header = this.headerOf(sheet);
    const name = sheet.getName();
    const width = header.length;
    const lastRow = sheet.getLastRow();
    const rows: Cell[][] = [];
    for (let r = 2; r <= lastRow; r++) rows.push(new Array<Cell>(width).fill(null));
    if (rows.length === 0) return { name, header, rows };
    // One getValues per run of adjacent columns: a run costs one round trip (~50 ms), while a
    // skipped column of a 50,000-row tab would cost 50,000 cells (design/README.md).
    for (const [first, count] of columnRuns(pick(header), width)) {
      const values = sheet.getRange(2, first + 1, rows.length, count).getValues() as unknown[][];
      values.forEach((row, r) => {
        const target = rows[r] as Cell[];
        for (let c = 0; c < count; c++) target[first + c] = this.toCell(row[c]);
      });
    }
    return { name, header, rows };
  }

  readTail(names: readonly string[], count: number, pick?: (header: readonly string[]) => readonly number[]): RawTable | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    const header = this.headerOf(sheet);
    const name = sheet.getName();
    const lastRow = sheet.getLastRow();
    const firstRow = Math.max(2, lastRow - count + 1);
    if (lastRow < 2 || count <= 0 || header.length === 0) return { name, header, rows: [], firstRow: lastRow + 1 };
    const height = lastRow - firstRow + 1;
    if (!pick) {
      const values = sheet.getRange(firstRow, 1, height, header.length).getValues() as unknown[][];
      return { name, header, rows: values.map((row) => row.map((v) => this.toCell(v))), firstRow };
    }
    // Only the wanted columns of the last rows, one getValues per run of adjacent ones (readColumns).
    const width = header.length;
    const rows: Cell[][] = [];
    for (let r = 0; r < height; r++) rows.push(new Array<Cell>(width).fill(null));
    for (const [first, n] of columnRuns(pick(header), width)) {
      const values = sheet.getRange(firstRow, first + 1, height, n).getValues() as unknown[][];
      values.forEach((row, r) => {
        const target = rows[r] as Cell[];
        for (let c = 0; c < n; c++) target[first + c] = this.toCell(row[c]);
      });
    }
    return { name, header, rows, firstRow };
  }

  findRows(names: readonly string[], key: (header: readonly string[]) => number, keys: readonly string[]): FoundRows | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    const name = sheet.getName();
    const header = this.foundHeaders.get(name) ?? this.headerOf(sheet);
    if (header.some((h) => h !== '')) this.foundHeaders.set(name, header);
    const column = key(header);
    const wanted = [...new Set(keys.map((k) => k.trim()).filter((k) => k !== ''))];
    const lastRow = sheet.getLastRow();
    if (column < 0 || column >= header.length || wanted.length === 0 || lastRow < 2) return { name, header, rows: [], rowNumbers: [], lastRow: Math.max(1, lastRow) };
    // One search on Google's servers for every key: the whole cell is one of them, spaces around
    // it allowed (a typed `M00012 ` is still M00012), as the ID readers trim.
    const pattern = `\\s*(?:${wanted.map(regexQuoted).join('|')})\\s*`;
    const found = sheet.getRange(2, column + 1, lastRow - 1, 1).createTextFinder(pattern)
      .matchEntireCell(true).matchCase(true).useRegularExpression(true).matchFormulaText(false).findAll();
    const sheetRows = [...new Set(found.map((r) => r.getRow()))].sort((a, b) => a - b);
    const rows: Cell[][] = [];
    // One getValues per run of adjacent rows: a member's matches are rarely next to each other,
    // but a block typed in one go is read in one call.
    for (const [first, count] of rowRuns(sheetRows)) {
      const values = sheet.getRange(first, 1, count, header.length).getValues() as unknown[][];
      for (const row of values) rows.push(row.map((v) => this.toCell(v)));
    }
    return { name, header, rows, rowNumbers: sheetRows, lastRow };
  }

  /** The header row as text: getLastColumn, then one getValues of row 1. */
  private headerOf(sheet: Sheet): string[] {
    const width = sheet.getLastColumn();
    if (width === 0) return [];
    const [first = []] = sheet.getRange(1, 1, 1, width).getValues() as unknown[][];
    return first.map((v) => this.headerText(v));
  }

  replace(name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.foundHeaders.delete(name);
    const sheet = this.ss().getSheetByName(name) ?? this.ss().insertSheet(name);
    const oldRows = sheet.getLastRow();
    const oldCols = sheet.getLastColumn();
    // Writing blanks over the old columns to the right clears them in the same setValues.
    const width = Math.max(1, header.length, oldCols, widest(rows));
    const table = [[...header] as Cell[], ...rows];
    this.ensureSize(sheet, table.length, width);
    sheet.getRange(1, 1, table.length, width).setValues(table.map((r) => this.pad(r, width)));
    if (oldRows > table.length) sheet.getRange(table.length + 1, 1, oldRows - table.length, Math.max(1, oldCols)).clearContent();
  }

  appendCells(name: string, cells: OwnedCells): void {
    if (cells.rows.length === 0 || cells.columns.length === 0) return;
    const sheet = this.existing(name);
    if (cells.rows.length === 1) {
      // One row: appendRow finds the last row and writes in one server operation, so no other
      // run can slip a row in between. The new row's unowned cells below the last row are empty
      // already; '' keeps them so.
      const width = Math.max(...cells.columns) + 1;
      const row: Cell[] = new Array<Cell>(width).fill(null);
      cells.columns.forEach((c, i) => { row[c] = cells.rows[0]?.[i] ?? null; });
      sheet.appendRow(this.pad(row, width));
      return;
    }
    const last = sheet.getLastRow();
    this.ensureSize(sheet, last + cells.rows.length, Math.max(...cells.columns) + 1);
    this.writeRuns(sheet, last + 1, cells);
  }

  writeCells(name: string, firstRow: number, cells: OwnedCells): void {
    if (cells.rows.length === 0 || cells.columns.length === 0) return;
    if (firstRow <= 1) this.foundHeaders.delete(name);
    const sheet = this.existing(name);
    try {
      this.writeRuns(sheet, firstRow, cells);
    } catch (error) {
      // Past the grid (a tally longer than the last): grow it and write again. In place, the
      // common case, costs no getMaxRows/getMaxColumns round trips.
      const rows = firstRow + cells.rows.length - 1;
      const cols = Math.max(...cells.columns) + 1;
      if (rows <= sheet.getMaxRows() && cols <= sheet.getMaxColumns()) throw error;
      this.ensureSize(sheet, rows, cols);
      this.writeRuns(sheet, firstRow, cells);
    }
  }

  flush(): void {
    SpreadsheetApp.flush();
  }

  /** One setValues per run of adjacent owned columns: a cell between two runs is never written. */
  private writeRuns(sheet: Sheet, firstRow: number, cells: OwnedCells): void {
    const position = new Map<number, number>();
    cells.columns.forEach((c, i) => position.set(c, i));
    for (const [first, count] of columnRuns(cells.columns, Number.MAX_SAFE_INTEGER)) {
      const block = cells.rows.map((values) => {
        const out: SheetValue[] = [];
        for (let c = first; c < first + count; c += 1) out.push(this.toSheet(values[position.get(c) ?? -1]));
        return out;
      });
      sheet.getRange(firstRow, first + 1, cells.rows.length, count).setValues(block);
    }
  }

  tabNames(): string[] {
    return this.ss().getSheets().map((s) => s.getName());
  }

  private pad(row: readonly Cell[], width: number): SheetValue[] {
    const out: SheetValue[] = [];
    for (let i = 0; i < width; i += 1) out.push(this.toSheet(row[i]));
    return out;
  }

  /** getRange outside the sheet's grid throws, so grow the grid first (a new sheet has 1,000 × 26). */
  private ensureSize(sheet: Sheet, rows: number, cols: number): void {
    const maxRows = sheet.getMaxRows();
    if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
    const maxCols = sheet.getMaxColumns();
    if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  }
}

/** `[first, count]` for each run of adjacent column indexes among `wanted` inside `width`, in order. */
export function columnRuns(wanted: readonly number[], width: number): [number, number][] {
  const sorted = [...new Set(wanted)].filter((c) => c >= 0 && c < width).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === c) last[1] += 1;
    else runs.push([c, 1]);
  }
  return runs;
}

/** `[first, count]` for each run of consecutive numbers among `sorted` (ascending, each once). */
export function rowRuns(sorted: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === r) last[1] += 1;
    else runs.push([r, 1]);
  }
  return runs;
}

/** `text` as a regular expression that matches it literally (RE2, as Sheets' TextFinder uses). */
export function regexQuoted(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The longest row's length (a loop, not Math.max(...rows): spreading 100,000 rows overflows the stack). */
function widest(rows: readonly (readonly Cell[])[]): number {
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}
