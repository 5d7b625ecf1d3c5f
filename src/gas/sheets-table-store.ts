import { columnLetter, isDateCell, isBlank, type Cell, type RawTable } from '../domain/cell';
import type { FoundRows, HeaderMemo, KeySearch, OwnedCells, TableStore } from '../app/ports';
import { neutraliseFormula } from '../domain/text/neutralise-formula';
import { regexQuoted, TRIMMED_SPACES } from '../domain/text/regex-quoted';
import { findTab } from '../domain/schema/tab-lookup';
import { cellToDate, dateToCell } from './zoned-time';
import { gapRowsWorthReading } from './read-cost';

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
  /** Header rows by tab name for the rest of the run: a status change searches マッチング for a
   *  job's and a member's rows and again for a free ID, and each header read is a round trip and a
   *  size question. Taken from `memo` (the desk cache) when it holds the tab's, so most runs read
   *  no header at all. Dropped by this store's own writes to row 1 (replace, or writeCells from
   *  row 1); an empty header is never kept (the first append writes row 1). */
  private readonly headers = new Map<string, string[]>();
  /** getLastRow by tab name for the rest of the run (a size question: ~50–160 ms in Apps Script,
   *  bench/README.md), dropped by any write of this store to the tab, which may move it. */
  private readonly lastRows = new Map<string, number>();

  /** `open` is called at most once, on first use (nothing may happen at load time). */
  /** `beforeWrite` runs before every write of a tab (replace, appendCells, writeCells): the ID
   *  counters set under the lock are written ahead of the rows that carry them (document-properties.ts). */
  constructor(private readonly open: () => Spreadsheet, private readonly memo?: HeaderMemo, private readonly beforeWrite?: () => void) {}

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
    const name = sheet.getName();
    // An empty sheet reads as A1 = '': no header at all.
    if (rows.length === 0 && header.every((h) => h === '')) return { name, header: [], rows: [] };
    // Row 1 read anyway: this run's later searches and the next runs (the desk cache) need not.
    if (header.some((h) => h !== '')) {
      this.headers.set(name, [...header]);
      this.memo?.keep(names, { name, header: [...header] });
    }
    return { name, header, rows };
  }

  header(names: readonly string[]): { name: string; header: string[] } | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    const name = sheet.getName();
    return { name, header: [...this.headerFor(sheet, name, names)] };
  }

  readColumns(names: readonly string[], pick: (header: readonly string[]) => readonly number[]): RawTable | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    const name = sheet.getName();
    const header = [...this.headerFor(sheet, name, names)];
    const width = header.length;
    const lastRow = this.lastRowOf(sheet, name);
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
    const name = sheet.getName();
    const header = [...this.headerFor(sheet, name, names)];
    const lastRow = this.lastRowOf(sheet, name);
    return this.rowsDown(sheet, name, header, count <= 0 ? lastRow + 1 : Math.max(2, lastRow - count + 1), lastRow, pick);
  }

  readFrom(names: readonly string[], firstRow: number, pick?: (header: readonly string[]) => readonly number[]): RawTable | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    const name = sheet.getName();
    const header = [...this.headerFor(sheet, name, names)];
    return this.rowsDown(sheet, name, header, Math.max(2, firstRow), this.lastRowOf(sheet, name), pick);
  }

  /** Rows firstRow..lastRow (sheet rows) of `sheet` under `header`: one getValues (with `pick`,
   *  one per run of adjacent wanted columns, as readColumns). */
  private rowsDown(sheet: Sheet, name: string, header: string[], firstRow: number, lastRow: number, pick?: (header: readonly string[]) => readonly number[]): RawTable {
    if (lastRow < 2 || firstRow > lastRow || header.length === 0) return { name, header, rows: [], firstRow: lastRow + 1 };
    const height = lastRow - firstRow + 1;
    if (!pick) {
      const values = sheet.getRange(firstRow, 1, height, header.length).getValues() as unknown[][];
      return { name, header, rows: values.map((row) => row.map((v) => this.toCell(v))), firstRow };
    }
    // Only the wanted columns of those rows, one getValues per run of adjacent ones (readColumns).
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

  findRows(names: readonly string[], searches: (header: readonly string[]) => readonly KeySearch[], lastRows?: number, largeCells = false): FoundRows | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    const name = sheet.getName();
    const header = [...this.headerFor(sheet, name, names)];
    const width = header.length;
    const wanted = searches(header)
      .filter((s) => s.column >= 0 && s.column < width)
      .map((s) => ({ column: s.column, keys: [...new Set(s.keys.map((k) => k.trim()).filter((k) => k !== ''))] }))
      .filter((s) => s.keys.length > 0);
    // The tab's last row only when a caller asks (correctActivity's window): a size question is
    // ~50–160 ms, and the search needs none — it covers the key columns whole (row 1 dropped).
    const lastRowOf = (): number => Math.max(1, this.lastRowOf(sheet, name));
    if (wanted.length === 0) return { name, header, rows: [], rowNumbers: [], get lastRow() { return lastRowOf(); } };
    // One search on Google's servers for every key of every key column (a job's matches and a
    // member's: 仕事ID and 会員ID): the whole cell is one of them, spaces around it allowed (a typed
    // `M00012 ` is still M00012), as the ID readers trim. Over several columns the search covers
    // the columns from the first key column to the last, so a cell found must then be in a key
    // column and hold one of that column's keys (a J-ID typed into 会員ID is no member's match).
    const first = Math.min(...wanted.map((s) => s.column));
    const last = Math.max(...wanted.map((s) => s.column));
    const all = [...new Set(wanted.flatMap((s) => s.keys))];
    const pattern = `${TRIMMED_SPACES}(?:${all.map(regexQuoted).join('|')})${TRIMMED_SPACES}`;
    // Among the last rows only (a window): from there to the last row, which is asked then.
    const end = lastRows === undefined ? 0 : lastRowOf();
    const start = lastRows === undefined ? 2 : Math.max(2, end - lastRows + 1);
    if (lastRows !== undefined && end < start) return { name, header, rows: [], rowNumbers: [], lastRow: end };
    const range = lastRows === undefined
      ? sheet.getRange(`${columnLetter(first)}:${columnLetter(last)}`)
      : sheet.getRange(start, first + 1, end - start + 1, last - first + 1);
    const found = range.createTextFinder(pattern)
      .matchEntireCell(true).matchCase(true).useRegularExpression(true).matchFormulaText(false).findAll();
    // One column searched (the common case): every cell found is a row wanted, as before.
    const cells = found.map((r) => ({ row: r.getRow(), column: wanted.length === 1 ? first : r.getColumn() - 1 })).filter((c) => c.row >= 2);
    const sheetRows = [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b);
    const isFound = new Set(sheetRows);
    const byRow = new Map<number, Cell[]>();
    // One getValues per block of rows found close together (rowBlocks: a gap is read and dropped
    // when its cells cost less than a round trip); rows far apart cost a getValues each, as
    // SpreadsheetApp reads one rectangle a call (design/README.md says why not batchGet).
    // Large cells (`largeCells`: _活動集計's day rows, the index's buckets): adjacent rows only.
    for (const [from, count] of rowBlocks(sheetRows, largeCells ? 0 : width)) {
      const values = sheet.getRange(from, 1, count, width).getValues() as unknown[][];
      values.forEach((row, i) => { if (isFound.has(from + i)) byRow.set(from + i, row.map((v) => this.toCell(v))); });
    }
    const keep = (row: number): boolean => {
      if (wanted.length === 1) return true;
      const cellsRead = byRow.get(row) ?? [];
      return cells.some((c) => c.row === row && wanted.some((s) => s.column === c.column && holdsKey(cellsRead[c.column], s.keys, all)));
    };
    const rowNumbers = sheetRows.filter(keep);
    return { name, header, rows: rowNumbers.map((r) => byRow.get(r) ?? []), rowNumbers, get lastRow() { return lastRowOf(); } };
  }

  matchRows(names: readonly string[], column: number, pattern: string, limit: number, fromEnd = false): { rows: number[]; total: number } | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    if (column < 0) return { rows: [], total: 0 };
    // The column whole (row 1 dropped after): no size question. A cell found comes back as a Range
    // without its value; only the first `limit` are asked their row (a lookup each).
    const letter = columnLetter(column);
    const found = sheet.getRange(`${letter}:${letter}`).createTextFinder(pattern)
      .matchEntireCell(false).matchCase(true).useRegularExpression(true).matchFormulaText(false).findAll();
    const rows: number[] = [];
    let total = 0;
    // From the end (`fromEnd`: the newest rows of a tab appended in time order), the last `limit`.
    const order = fromEnd ? [...found].reverse() : found;
    for (const range of order) {
      if (rows.length < limit) {
        const row = range.getRow();
        if (row < 2) continue;
        rows.push(row);
      }
      total += 1;
    }
    return { rows: fromEnd ? rows.reverse() : rows, total };
  }

  readRows(names: readonly string[], rowNumbers: readonly number[], pick: (header: readonly string[]) => readonly number[], largeCells = false): RawTable | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    const name = sheet.getName();
    const header = [...this.headerFor(sheet, name, names)];
    const width = header.length;
    const wanted = pick(header).filter((c) => c >= 0 && c < width);
    const byRow = new Map<number, Cell[]>();
    const sorted = [...new Set(rowNumbers.filter((r) => r >= 2))].sort((a, b) => a - b);
    if (wanted.length > 0 && sorted.length > 0) {
      const first = Math.min(...wanted);
      const span = Math.max(...wanted) - first + 1;
      const keep = new Set(wanted);
      // One getValues per block of rows asked close together, the rows between read and dropped
      // (rowBlocks: when they cost less than a round trip), as findRows; rows far apart one each.
      // A picker's ≤ 20 hits sit as close as the query's share of the tab makes them, which does
      // not depend on the center's size (bench/README.md, "Rows read in blocks"). Rows of large
      // cells (`largeCells`: the index's buckets) cost far more than the 31 µs a cell the gap is
      // priced at, so only adjacent ones share a read (a width of 0 to rowBlocks).
      const wantedRow = new Set(sorted);
      for (const [from, count] of rowBlocks(sorted, largeCells ? 0 : span)) {
        const values = sheet.getRange(from, first + 1, count, span).getValues() as unknown[][];
        values.forEach((row, i) => {
          if (!wantedRow.has(from + i)) return;
          const out = new Array<Cell>(width).fill(null);
          row.forEach((v, c) => { if (keep.has(first + c)) out[first + c] = this.toCell(v); });
          byRow.set(from + i, out);
        });
      }
    }
    const rows = rowNumbers.map((r) => byRow.get(r) ?? new Array<Cell>(width).fill(null));
    return { name, header, rows, rowNumbers: [...rowNumbers] };
  }

  readTop(names: readonly string[], dataRows: number, width: number): RawTable | null {
    const sheet = this.find(names);
    if (!sheet) return null;
    // The rectangle the caller knows, asked as it is: no getLastRow, no getDataRange. Past the
    // grid, getRange throws before anything is read (the caller's to handle).
    const values = sheet.getRange(1, 1, Math.max(1, dataRows + 1), Math.max(1, width)).getValues() as unknown[][];
    const [first = [], ...rest] = values;
    const header = first.map((v) => this.headerText(v));
    const name = sheet.getName();
    // Row 1 read past its last name (its last cell read blank): the header whole, kept for this
    // run's later searches and the next runs' (the desk cache), as `read` keeps it.
    const end = header.length - 1 - [...header].reverse().findIndex((h) => h !== '');
    if (end >= 0 && end < header.length - 1) {
      const whole = header.slice(0, end + 1);
      this.headers.set(name, whole);
      this.memo?.keep(names, { name, header: [...whole] });
    }
    return { name, header, rows: rest.map((row) => row.map((v) => this.toCell(v))) };
  }

  /** The tab's header row for this run: this run's, else the memo's (when it names this very tab:
   *  the desk cache's, or the one the add-in writes to its own tab), else read (getLastColumn and one getValues) and kept in both. */
  private headerFor(sheet: Sheet, name: string, names: readonly string[]): readonly string[] {
    const run = this.headers.get(name);
    if (run) return run;
    const kept = this.memo?.recall(names, name);
    if (kept && kept.name === name && kept.header.some((h) => h !== '')) {
      const header = [...kept.header];
      this.headers.set(name, header);
      return header;
    }
    const header = this.headerOf(sheet);
    if (header.some((h) => h !== '')) {
      this.headers.set(name, header);
      this.memo?.keep(names, { name, header: [...header] });
    }
    return header;
  }

  /** The tab's last row for this run: asked once, until this store writes to the tab. */
  private lastRowOf(sheet: Sheet, name: string): number {
    const known = this.lastRows.get(name);
    if (known !== undefined) return known;
    const last = sheet.getLastRow();
    this.lastRows.set(name, last);
    return last;
  }

  /** The header row as text: getLastColumn, then one getValues of row 1. */
  private headerOf(sheet: Sheet): string[] {
    const width = sheet.getLastColumn();
    if (width === 0) return [];
    const [first = []] = sheet.getRange(1, 1, 1, width).getValues() as unknown[][];
    return first.map((v) => this.headerText(v));
  }

  replace(name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.beforeWrite?.();
    this.headers.delete(name);
    this.lastRows.delete(name);
    const existing = this.ss().getSheetByName(name);
    const sheet = existing ?? this.ss().insertSheet(name);
    // A tab named with a leading `_` is the add-in's own working tab (`_活動集計`, workbook.md):
    // made hidden, so nobody types into it by mistake.
    if (!existing && name.startsWith('_')) sheet.hideSheet();
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
    this.beforeWrite?.();
    const sheet = this.existing(name);
    this.lastRows.delete(name);
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
    // Asked again, never this run's (a read before the lock may have asked it): the rows go
    // below whatever is last now, under the write boundary's lock.
    this.writeGrowing(sheet, sheet.getLastRow() + 1, cells);
  }

  writeCells(name: string, firstRow: number, cells: OwnedCells): void {
    if (cells.rows.length === 0 || cells.columns.length === 0) return;
    this.beforeWrite?.();
    if (firstRow <= 1) this.headers.delete(name);
    this.lastRows.delete(name);
    this.writeGrowing(this.existing(name), firstRow, cells);
  }

  /** writeRuns, growing the grid only when the rows or columns are past it (a tally longer than
   *  the last, a multi-row append at the grid's end): the common case costs no getMaxRows /
   *  getMaxColumns size questions, as getRange outside the grid throws before anything is written. */
  private writeGrowing(sheet: Sheet, firstRow: number, cells: OwnedCells): void {
    try {
      this.writeRuns(sheet, firstRow, cells);
    } catch (error) {
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

/** `[first, count]` blocks covering `sorted` (ascending, each once), rows `width` cells wide: two rows
 *  wanted share one getValues when reading the rows between them costs less than a round trip at the
 *  pessimistic end of the cost model (gapRowsWorthReading, read-cost.ts; a width of 0: only adjacent
 *  rows). A block starts and ends at a wanted row, so it never reaches past the rows asked for. */
export function rowBlocks(sorted: readonly number[], width: number): [number, number][] {
  const gapRows = gapRowsWorthReading(width);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r - (last[0] + last[1]) <= gapRows) last[1] = r - last[0] + 1;
    else runs.push([r, 1]);
  }
  return runs;
}

/** Whether `cell` (as read) shows one of `keys`: its text trimmed, a number as its digits. A cell whose
 *  text is none of `all` (the search found what it shows, formatted otherwise) is trusted as found. */
function holdsKey(cell: Cell | undefined, keys: readonly string[], all: readonly string[]): boolean {
  const shown = typeof cell === 'string' || typeof cell === 'number' ? String(cell).trim() : null;
  if (shown === null || !all.includes(shown)) return true;
  return keys.includes(shown);
}


/** The longest row's length (a loop, not Math.max(...rows): spreading 100,000 rows overflows the stack). */
function widest(rows: readonly (readonly Cell[])[]): number {
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}
