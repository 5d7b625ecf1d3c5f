import * as ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cellText, isDateCell, type Cell } from '../domain/cell';
import type { Problem } from '../domain/messages/problem';
import { allSetupTabs } from '../domain/setup/output-tabs';
import { MemoryTableStore } from './memory-table-store';
import { dressSheet } from './xlsx-formats';

// The workbook-file adapter: an .xlsx file (exceljs) in and out of a MemoryTableStore, so the
// local command line runs the same use cases as the add-in. Reading never touches the file;
// writing goes to a temporary file in the same folder and is renamed over the target, so a
// failure never leaves a half-written workbook.

/** A file that cannot be opened as a workbook; `problem` is what the user is shown. */
export class WorkbookFileError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.code}: ${String(problem.params.detail ?? '')}`);
    this.name = 'WorkbookFileError';
  }
}

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** exceljs gives dates as UTC instants whose UTC fields are the wall-clock value typed in the
 *  sheet (spreadsheet dates have no zone), so the UTC getters give back what the person sees. */
function dateToCell(d: Date): Cell {
  if (Number.isNaN(d.getTime())) return null;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours(); const m = d.getUTCMinutes(); const s = d.getUTCSeconds();
  return { date: h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}` };
}

function richText(parts: ReadonlyArray<{ text: string }>): string {
  return parts.map((p) => p.text).join('');
}

/** One exceljs cell value as a domain Cell: formulas by their result, rich text and links as text. */
export function fromExcelValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToCell(v);
  if ('richText' in v) return richText(v.richText);
  if ('hyperlink' in v) {
    const text: unknown = v.text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text) return richText((text as ExcelJS.CellRichTextValue).richText);
    return v.hyperlink;
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : fromExcelValue(result);
  }
  if ('error' in v) return String(v.error);
  return null;
}

function toExcelValue(c: Cell): { value: ExcelJS.CellValue; numFmt?: string } {
  if (!isDateCell(c)) return { value: c };
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(c.date);
  if (!m) return { value: c.date };
  const [, y, mo, d, h, mi, s] = m;
  const value = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)));
  return { value, numFmt: h === undefined ? DATE_FORMAT : DATE_TIME_FORMAT };
}

function notAWorkbook(path: string, error: unknown): WorkbookFileError {
  const message = error instanceof Error ? error.message : String(error);
  // jszip's own wording ("Can't find end of central directory : is this a zip file ?...") means
  // nothing to a center's staff; any other reason is kept short.
  const detail = /zip|central directory|end of data/i.test(message) ? 'not an .xlsx file' : (message.split(/[\n:]/)[0] ?? '').slice(0, 120);
  return new WorkbookFileError({ tab: basename(path), cell: '', code: 'not_a_workbook', params: { path, detail } });
}

function rowCells(values: ExcelJS.RowValues): Cell[] {
  // exceljs rows are 1-based sparse arrays: index 0 is always empty.
  if (!Array.isArray(values)) return [];
  const cells: Cell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(fromExcelValue(values[i] as ExcelJS.CellValue));
  return cells;
}

const blankRow = (row: readonly Cell[]): boolean => row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** Reads every tab of the .xlsx at `path` (header = row 1). Throws WorkbookFileError when the
 *  file is missing or is not a readable workbook. */
export async function readWorkbookFile(path: string): Promise<MemoryTableStore> {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new WorkbookFileError({ tab: basename(path), cell: '', code: 'file_not_found', params: { path } });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // Validations are not data, and exceljs expands each range into one entry per cell: a
    // whole-column rule (A:A) from Excel would be a million of them.
    await workbook.xlsx.readFile(path, { ignoreNodes: ['dataValidations'] });
  } catch (error) {
    throw notAWorkbook(path, error);
  }
  const tables = workbook.worksheets.map((sheet) => {
    const sheetRows = sheet.getSheetValues();
    const header = rowCells(sheetRows[1]).map((c) => cellText(c));
    const rows: Cell[][] = [];
    for (let r = 2; r < sheetRows.length; r++) rows.push(rowCells(sheetRows[r]));
    // Trailing blank rows are formatting leftovers, not records.
    while (rows.length > 0 && blankRow(rows[rows.length - 1] ?? [])) rows.pop();
    const width = rows.reduce((w, row) => Math.max(w, row.length), header.length);
    while (header.length < width) header.push('');
    return { name: sheet.name, header, rows };
  });
  return MemoryTableStore.from(tables);
}

/** Writes every tab of `store` to `path`: date cells as real dates, header row bold and frozen,
 *  and workbook.md's tabs dressed as 初期設定 dresses them (xlsx-formats.ts).
 *  Written to a temporary file beside `path`, then renamed over it. */
export async function writeWorkbookFile(store: MemoryTableStore, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const setupTabs = allSetupTabs();
  for (const name of store.tabNames()) {
    const table = store.read([name]);
    if (!table) continue;
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([...table.header]).font = { bold: true };
    for (const row of table.rows) {
      const converted = row.map(toExcelValue);
      const added = sheet.addRow(converted.map((c) => c.value));
      converted.forEach((c, i) => { if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt; });
    }
    dressSheet(sheet, name, table.header, table.rows, setupTabs);
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await workbook.xlsx.writeFile(temporary);
    renameSync(temporary, path);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    throw error;
  }
}
