import { guard, type Guarded } from './guard';
import { isAnyDate } from './realm';
import { userEntered, type Stored } from './user-entered';
import { parseA1, type Box } from './a1';
import { RangeImpl } from './range';
import { PROTECTED_MESSAGE, ProtectionImpl } from './protection';
import { PROTECTION_TYPE } from './enums';
import { SheetCharts } from './charts';
import { DEFAULT_NUMBER_FORMAT, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, type FakeCell } from './fake-cell';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;


export interface SheetHost extends Guarded {
  /** The spreadsheet's time zone, used to read strings the way Sheets does. */
  timeZone(): string;
  /** Whose edits the script makes (Session's effective user): what a protection checks. */
  editor(): string;
  spreadsheet(): GSpreadsheet;
  indexOf(sheet: SheetImpl): number;
}

type SheetMethods = 'getName' | 'setName' | 'getSheetId' | 'getIndex' | 'getParent' | 'getRange' | 'getDataRange'
  | 'getLastRow' | 'getLastColumn' | 'getMaxRows' | 'getMaxColumns' | 'insertRowsAfter' | 'insertColumnsAfter'
  | 'appendRow' | 'deleteRows' | 'deleteRow' | 'clear' | 'clearContents' | 'setFrozenRows' | 'getFrozenRows'
  | 'protect' | 'getProtections' | 'getFormUrl' | 'newChart' | 'insertChart' | 'getCharts' | 'removeChart'
  | 'hideSheet' | 'showSheet' | 'isSheetHidden';

export class SheetImpl implements Pick<GSheet, SheetMethods> {
  _self!: GSheet;
  _rows: (FakeCell | undefined)[][] = [];
  _maxRows = NEW_SHEET_ROWS;
  _maxCols = NEW_SHEET_COLUMNS;
  private _frozenRows = 0;
  private _protections: ProtectionImpl[] = [];
  /** The form whose responses Forms writes into this sheet (Form.setDestination made it), or null. */
  _formUrl: string | null = null;
  /** The sheet's embedded charts (test/fakes/charts.ts). */
  _charts!: SheetCharts;

  constructor(readonly _host: SheetHost, private _name: string, private readonly _id: number) {}

  static create(host: SheetHost, name: string, id: number): SheetImpl {
    const impl = new SheetImpl(host, name, id);
    impl._self = guard<GSheet>(impl, 'Sheet', host);
    impl._charts = new SheetCharts(host);
    return impl;
  }

  _fail(message: string): Error {
    return new this._host.realm.Error(message);
  }

  _cell(row: number, col: number): FakeCell | undefined {
    return this._rows[row - 1]?.[col - 1];
  }

  _cellForWrite(row: number, col: number): FakeCell {
    const r = (this._rows[row - 1] ??= []);
    let c = r[col - 1];
    if (!c) {
      c = { stored: { kind: 'value', value: '' }, validation: null, numberFormat: DEFAULT_NUMBER_FORMAT };
      r[col - 1] = c;
    }
    return c;
  }

  /** How Sheets stores a value written by a script: Dates as instants, strings as if typed. */
  _toStored(v: unknown): Stored {
    if (v === null || v === undefined) return { kind: 'value', value: '' };
    if (typeof v === 'number' || typeof v === 'boolean') return { kind: 'value', value: v };
    // A cell holds up to 50,000 characters (Google Drive Help, "Files you can store in Google
    // Drive"); Sheets refuses a longer value with this message, and writes nothing of the range.
    if (typeof v === 'string' && v.length > 50_000) throw this._fail('Your input contains more than the maximum of 50000 characters in a single cell.');
    if (typeof v === 'string') return userEntered(v, this._host.timeZone());
    if (isAnyDate(v)) return { kind: 'value', value: new Date(v.getTime()) };
    // Apps Script would write the Java toString of the object — never what anyone meant.
    throw this._fail(`fake: cannot write ${Object.prototype.toString.call(v)} to a cell: ${JSON.stringify(v)}`);
  }

  /** A data write: at once, or held until the execution flushes (test/fakes/executions.ts). */
  _write(apply: () => void): void {
    this._checkEditable();
    if (this._host.executions) this._host.executions.write(apply);
    else apply();
  }

  /** A write by a user no protection of the sheet allows fails as in Sheets (protection.ts). */
  _checkEditable(): void {
    const editor = this._host.editor();
    if (this._protections.some((p) => !p._allows(editor))) throw this._fail(PROTECTED_MESSAGE);
  }

  _beforeRead(): void {
    this._host.executions?.beforeRead();
  }

  _hasContent(c: FakeCell | undefined): boolean {
    return c !== undefined && (c.stored.kind === 'formula' || c.stored.value !== '');
  }

  _checkBox(box: Box): void {
    if (box.row < 1) throw this._fail('The starting row of the range is too small.');
    if (box.col < 1) throw this._fail('The starting column of the range is too small.');
    if (box.numRows < 1) throw this._fail('The number of rows in the range must be at least 1.');
    if (box.numCols < 1) throw this._fail('The number of columns in the range must be at least 1.');
    if (box.row + box.numRows - 1 > this._maxRows || box.col + box.numCols - 1 > this._maxCols) {
      throw this._fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  /** Hidden from the tab bar (the add-in's own tabs, as `_活動集計`): still read and written as any tab. */
  _hidden = false;
  hideSheet(): GSheet { this._hidden = true; return this._self; }
  showSheet(): GSheet { this._hidden = false; return this._self; }
  isSheetHidden(): boolean { return this._hidden; }

  getName(): string { return this._name; }
  setName(name: string): GSheet { this._name = name; return this._self; }
  getSheetId(): number { return this._id; }
  getIndex(): number { return this._host.indexOf(this) + 1; }
  getParent(): GSpreadsheet { return this._host.spreadsheet(); }

  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): GRange {
    let box: Box;
    if (typeof a === 'string') {
      const parsed = parseA1(a, this._maxRows, this._maxCols);
      if (!parsed) throw this._fail(`Range not found`);
      box = parsed;
    } else {
      if (column === undefined) throw this._fail('fake: getRange(row) needs a column');
      box = { row: a, col: column, numRows: numRows ?? 1, numCols: numColumns ?? 1 };
    }
    this._checkBox(box);
    return RangeImpl.create(this, box)._self;
  }

  getDataRange(): GRange {
    this._beforeRead();
    return RangeImpl.create(this, { row: 1, col: 1, numRows: Math.max(1, this.getLastRow()), numCols: Math.max(1, this.getLastColumn()) })._self;
  }

  getLastRow(): number {
    this._beforeRead();
    return this._lastRowNow();
  }

  _lastRowNow(): number {
    for (let r = this._rows.length; r >= 1; r -= 1) {
      if ((this._rows[r - 1] ?? []).some((c) => this._hasContent(c))) return r;
    }
    return 0;
  }

  getLastColumn(): number {
    this._beforeRead();
    let last = 0;
    for (const row of this._rows) {
      if (!row) continue;
      for (let c = row.length; c > last; c -= 1) {
        if (this._hasContent(row[c - 1])) { last = c; break; }
      }
    }
    return last;
  }

  getMaxRows(): number { return this._maxRows; }
  getMaxColumns(): number { return this._maxCols; }

  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    // Rebuilt rather than splice(at, 0, ...rows): spreading 100,000+ new rows into one call's
    // arguments overflows the stack, and Sheets itself takes any number.
    const added: FakeCell[][] = Array.from({ length: howMany }, () => []);
    this._rows = this._rows.length <= afterPosition ? this._rows : this._rows.slice(0, afterPosition).concat(added, this._rows.slice(afterPosition));
    this._maxRows += howMany;
    return this._self;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    for (const row of this._rows) if (row && row.length > afterPosition) row.splice(afterPosition, 0, ...new Array<undefined>(howMany));
    this._maxCols += howMany;
    return this._self;
  }

  appendRow(rowContents: unknown[]): GSheet {
    const stored = rowContents.map((v) => this._toStored(v));
    // One server operation: the row is placed below whatever is last when Sheets applies it,
    // so two runs appending at once never take the same row.
    this._write(() => {
      const row = this._lastRowNow() + 1;
      if (row > this._maxRows) this._maxRows = row;
      if (stored.length > this._maxCols) this._maxCols = stored.length;
      stored.forEach((s, i) => { this._cellForWrite(row, i + 1).stored = s; });
    });
    this._host.log.cellsWritten += rowContents.length;
    return this._self;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this._checkEditable();
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this._maxRows) {
      throw this._fail('Those rows are out of bounds.');
    }
    if (howMany >= this._maxRows - this._frozenRows) throw this._fail('Sorry, it is not possible to delete all non-frozen rows.');
    this._rows.splice(rowPosition - 1, howMany);
    this._maxRows -= howMany;
  }

  deleteRow(rowPosition: number): GSheet {
    this.deleteRows(rowPosition, 1);
    return this._self;
  }

  clear(): GSheet {
    this._rows = [];
    return this._self;
  }

  clearContents(): GSheet {
    for (const row of this._rows) for (const c of row ?? []) if (c) c.stored = { kind: 'value', value: '' };
    return this._self;
  }

  /** The URL of the form that sends its responses to this sheet, or null (a sheet made any other way). */
  getFormUrl(): string | null { return this._formUrl; }
  setFrozenRows(rows: number): void { this._frozenRows = rows; }
  getFrozenRows(): number { return this._frozenRows; }


  protect(): GProtection {
    const p = ProtectionImpl.create(this._host, (gone) => { this._protections = this._protections.filter((x) => x !== gone); }, () => this._host.editor());
    this._protections.push(p);
    return p._self;
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder { return this._charts.newChart(); }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void { this._charts.insert(chart); }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] { return this._charts.list(); }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void { this._charts.remove(chart); }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GProtection[] {
    // Only sheet protections exist in the fake; RANGE asks for none.
    return String(type) === PROTECTION_TYPE.SHEET ? this._protections.map((p) => p._self) : [];
  }
}
