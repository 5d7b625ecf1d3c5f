import { guard } from './guard';
import { toA1, type Box } from './a1';
import { DataValidationImpl } from './data-validation';
import { DEFAULT_NUMBER_FORMAT } from './fake-cell';
import type { SheetImpl } from './sheet';
import { TextFinderImpl } from './text-finder';
import type { Stored } from './user-entered';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GTextFinder = GoogleAppsScript.Spreadsheet.TextFinder;

type RangeMethods = 'getValues' | 'getValue' | 'setValues' | 'setValue' | 'getFormulas' | 'clearContent'
  | 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns' | 'getLastRow' | 'getLastColumn' | 'getA1Notation' | 'getSheet'
  | 'setDataValidation' | 'getDataValidation' | 'getDataValidations' | 'setNumberFormat' | 'getNumberFormat'
  | 'getNumberFormats' | 'insertCheckboxes' | 'createTextFinder';

/** What getValues shows for a formula: the fake does not evaluate formulas, and must never make a
 *  formula look like the text it was written from (injection tests compare the two). */
export const FORMULA_VALUE = '#ERROR!';

export class RangeImpl implements Pick<GRange, RangeMethods> {
  _self!: GRange;

  constructor(private readonly _sheet: SheetImpl, private readonly _box: Box) {}

  static create(sheet: SheetImpl, box: Box): RangeImpl {
    const impl = new RangeImpl(sheet, box);
    impl._self = guard<GRange>(impl, 'Range', sheet._host);
    return impl;
  }

  private _each<T>(fn: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this._box.numRows; r += 1) {
      const line: T[] = [];
      for (let c = 0; c < this._box.numCols; c += 1) line.push(fn(this._box.row + r, this._box.col + c));
      out.push(line);
    }
    return out;
  }

  private _read(stored: Stored | undefined): string | number | boolean | Date {
    if (!stored) return '';
    if (stored.kind === 'formula') return FORMULA_VALUE;
    const v = stored.value;
    return v instanceof Date ? new this._sheet._host.realm.Date(v.getTime()) : v;
  }

  getValues(): (string | number | boolean | Date)[][] {
    this._sheet._beforeRead();
    this._sheet._host.log.cellsRead += this._box.numRows * this._box.numCols;
    return this._each((r, c) => this._read(this._sheet._cell(r, c)?.stored));
  }

  getValue(): string | number | boolean | Date {
    this._sheet._beforeRead();
    this._sheet._host.log.cellsRead += 1;
    return this._read(this._sheet._cell(this._box.row, this._box.col)?.stored);
  }

  getFormulas(): string[][] {
    this._sheet._beforeRead();
    this._sheet._host.log.cellsRead += this._box.numRows * this._box.numCols;
    return this._each((r, c) => {
      const s = this._sheet._cell(r, c)?.stored;
      return s?.kind === 'formula' ? s.formula : '';
    });
  }

  setValues(values: unknown[][]): GRange {
    if (!Array.isArray(values) || values.length !== this._box.numRows) {
      throw this._sheet._fail(`The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this._box.numRows}.`);
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this._box.numCols) {
        throw this._sheet._fail(`The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this._box.numCols}.`);
      }
    }
    // Convert everything first so a bad value leaves the sheet untouched.
    const stored = values.map((row) => row.map((v) => this._sheet._toStored(v)));
    const box = this._box;
    this._sheet._write(() => stored.forEach((row, r) => row.forEach((s, c) => { this._sheet._cellForWrite(box.row + r, box.col + c).stored = s; })));
    this._sheet._host.log.cellsWritten += this._box.numRows * this._box.numCols;
    return this._self;
  }

  setValue(value: unknown): GRange {
    const s = this._sheet._toStored(value);
    this._sheet._write(() => { this._each((r, c) => { this._sheet._cellForWrite(r, c).stored = s; }); });
    this._sheet._host.log.cellsWritten += this._box.numRows * this._box.numCols;
    return this._self;
  }

  clearContent(): GRange {
    this._sheet._write(() => {
      this._each((r, c) => {
        const cell = this._sheet._cell(r, c);
        if (cell) cell.stored = { kind: 'value', value: '' };
      });
    });
    this._sheet._host.log.cellsWritten += this._box.numRows * this._box.numCols;
    return this._self;
  }

  getRow(): number { return this._box.row; }
  getColumn(): number { return this._box.col; }
  getNumRows(): number { return this._box.numRows; }
  getNumColumns(): number { return this._box.numCols; }
  getLastRow(): number { return this._box.row + this._box.numRows - 1; }
  getLastColumn(): number { return this._box.col + this._box.numCols - 1; }
  getA1Notation(): string { return toA1(this._box); }
  getSheet(): GSheet { return this._sheet._self; }

  setDataValidation(rule: GDataValidation | null): GRange {
    this._each((r, c) => { this._sheet._cellForWrite(r, c).validation = rule; });
    return this._self;
  }

  getDataValidation(): GDataValidation | null {
    return this._sheet._cell(this._box.row, this._box.col)?.validation ?? null;
  }

  getDataValidations(): (GDataValidation | null)[][] {
    return this._each((r, c) => this._sheet._cell(r, c)?.validation ?? null);
  }

  setNumberFormat(numberFormat: string): GRange {
    this._each((r, c) => { this._sheet._cellForWrite(r, c).numberFormat = numberFormat; });
    return this._self;
  }

  getNumberFormat(): string {
    return this._sheet._cell(this._box.row, this._box.col)?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }

  getNumberFormats(): string[][] {
    return this._each((r, c) => this._sheet._cell(r, c)?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }

  /** A search of this range on Google's servers (test/fakes/text-finder.ts). */
  createTextFinder(findText: string): GTextFinder {
    return TextFinderImpl.create(this._sheet, this._box, String(findText), (box) => RangeImpl.create(this._sheet, box))._self;
  }

  /** Like Sheets: every cell gets checkbox validation and the value FALSE. */
  insertCheckboxes(): GRange {
    const rule = DataValidationImpl.wrap(this._sheet._host, { criteria: 'CHECKBOX', values: [], allowInvalid: true, helpText: '' });
    this._each((r, c) => {
      const cell = this._sheet._cellForWrite(r, c);
      cell.validation = rule;
      cell.stored = { kind: 'value', value: false };
    });
    this._sheet._host.log.cellsWritten += this._box.numRows * this._box.numCols;
    return this._self;
  }
}
