import type { Cell, RawTable } from '../domain/cell';
import { civilDateTimeIn } from '../domain/civil-date';
import type { TableStore } from '../app/ports';

// A TableStore over the spreadsheet a form trigger hands in (`e.source`), so the submit handler
// needs no SpreadsheetApp lookup. Sheets are looked up once per run and kept. Dates are written
// as `YYYY-MM-DD HH:MM:SS` text, which Sheets reads as a date-time in the spreadsheet's own zone
// (as if typed), so no time-zone arithmetic happens here.
//
// Why not the shared SheetsTableStore (which every other entry point uses): the form-submit
// trigger runs for every sign-up and has a budget of 6 service calls besides mail and lock
// (forms.md). Its one write is a single-row append: here `getSheetByName` + `appendRow` = 2
// calls, and appendRow adds the row atomically. SheetsTableStore's append finds the last row and
// grows the grid first (`getSheetByName`, `getLastRow`, `getMaxRows`, `getMaxColumns`,
// `getRange`, `setValues` = 6), which would take an ordinary submit from 5 calls to 9. So this
// store stays, for the submit handler only.
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function toValue(c: Cell): string | number | boolean {
  if (c === null) return '';
  if (typeof c === 'object') return c.date.replace('T', ' ');
  return c;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export class FormSheetStore implements TableStore {
  private readonly sheets = new Map<string, Sheet | null>();
  private zone: string | null = null;

  constructor(private readonly spreadsheet: Spreadsheet) {}

  private sheet(name: string): Sheet | null {
    if (!this.sheets.has(name)) this.sheets.set(name, this.spreadsheet.getSheetByName(name));
    return this.sheets.get(name) ?? null;
  }

  private timeZone(): string {
    if (this.zone === null) this.zone = this.spreadsheet.getSpreadsheetTimeZone();
    return this.zone;
  }

  private toCell(v: unknown): Cell {
    if (isDate(v)) return { date: civilDateTimeIn(v, this.timeZone()) };
    if (v === '' || v === undefined || v === null) return null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    return String(v);
  }

  read(names: readonly string[]): RawTable | null {
    for (const name of names) {
      const sheet = this.sheet(name);
      if (!sheet) continue;
      const values = sheet.getDataRange().getValues();
      const [header = [], ...rows] = values;
      return { name, header: header.map((h) => String(h ?? '').trim()), rows: rows.map((r) => r.map((v) => this.toCell(v))) };
    }
    return null;
  }

  header(names: readonly string[]): { name: string; header: string[] } | null {
    for (const name of names) {
      const sheet = this.sheet(name);
      if (!sheet) continue;
      const width = Math.max(1, sheet.getLastColumn());
      return { name, header: (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => String(h ?? '').trim()) };
    }
    return null;
  }

  replace(name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
    let sheet = this.sheet(name);
    if (!sheet) {
      sheet = this.spreadsheet.insertSheet(name);
      this.sheets.set(name, sheet);
    }
    const width = Math.max(header.length, ...rows.map((r) => r.length));
    const all = [header.map((h) => h as Cell), ...rows].map((r) => Array.from({ length: width }, (_, i) => toValue(r[i] ?? null)));
    const old = sheet.getLastRow();
    sheet.getRange(1, 1, all.length, width).setValues(all);
    if (old > all.length) sheet.getRange(all.length + 1, 1, old - all.length, Math.max(width, sheet.getLastColumn())).clearContent();
  }

  append(name: string, rows: readonly (readonly Cell[])[]): void {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`No tab named ${name}`);
    // One row (a form answer) is one appendRow; more rows are one setValues below the last row.
    if (rows.length === 1) { sheet.appendRow((rows[0] ?? []).map(toValue)); return; }
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, width).setValues(rows.map((r) => Array.from({ length: width }, (_, i) => toValue(r[i] ?? null))));
  }

  update(name: string, firstRow: number, rows: readonly (readonly Cell[])[]): void {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`No tab named ${name}`);
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    sheet.getRange(firstRow, 1, rows.length, width).setValues(rows.map((r) => Array.from({ length: width }, (_, i) => toValue(r[i] ?? null))));
  }

  tabNames(): string[] {
    return this.spreadsheet.getSheets().map((s) => s.getName());
  }
}
