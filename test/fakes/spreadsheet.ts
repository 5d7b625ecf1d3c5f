import { guard, type Guarded } from './guard';
import { SheetImpl, type SheetHost } from './sheet';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

type SpreadsheetMethods = 'getSheetByName' | 'getSheets' | 'insertSheet' | 'deleteSheet' | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone' | 'getId' | 'getName' | 'getUrl' | 'getActiveSheet' | 'toast' | 'getSpreadsheetLocale';

export interface Toast { message: string; title: string }

export class SpreadsheetImpl implements Pick<GSpreadsheet, SpreadsheetMethods> {
  _self!: GSpreadsheet;
  private _sheets: SheetImpl[] = [];
  private _nextSheetId = 0;
  readonly _toasts: Toast[] = [];
  private readonly _host: SheetHost;

  constructor(private readonly _ctx: Guarded, private _timeZone: string, private readonly _id: string,
    private readonly _name: string, private readonly _locale: string, editor: () => string = () => '') {
    this._host = {
      log: _ctx.log, realm: _ctx.realm, ...(_ctx.executions ? { executions: _ctx.executions } : {}),
      timeZone: () => this._timeZone,
      editor,
      spreadsheet: () => this._self,
      indexOf: (sheet) => this._sheets.indexOf(sheet),
    };
  }

  /** A spreadsheet with one empty sheet, as Sheets creates it (its first sheet is named `firstSheet`). */
  /** `editor`: whose edits the script makes (Session's effective user), which protections check. */
  static create(ctx: Guarded, options: { timeZone: string; id: string; name: string; locale: string; firstSheet: string; editor?: () => string }): SpreadsheetImpl {
    const impl = new SpreadsheetImpl(ctx, options.timeZone, options.id, options.name, options.locale, options.editor);
    impl._self = guard<GSpreadsheet>(impl, 'Spreadsheet', ctx);
    impl._sheets.push(SheetImpl.create(impl._host, options.firstSheet, impl._nextSheetId++));
    return impl;
  }

  _sheetOf(sheet: GSheet): SheetImpl | undefined {
    return this._sheets.find((s) => s._self === sheet);
  }

  getSheetByName(name: string): GSheet | null {
    return this._sheets.find((s) => s.getName() === name)?._self ?? null;
  }

  getSheets(): GSheet[] {
    return this._sheets.map((s) => s._self);
  }

  insertSheet(a?: string | number | { template?: GSheet | undefined }, b?: number | { template?: GSheet | undefined }, c?: { template?: GSheet | undefined }): GSheet {
    if ((typeof a === 'object' && a !== null) || typeof b === 'object' || c !== undefined) {
      throw new this._ctx.realm.Error('not implemented in fake: Spreadsheet.insertSheet with a template');
    }
    const name = typeof a === 'string' ? a : this._freshName();
    const index = typeof a === 'number' ? a : b;
    if (this._sheets.some((s) => s.getName() === name)) {
      throw new this._ctx.realm.Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = SheetImpl.create(this._host, name, this._nextSheetId++);
    if (index === undefined) this._sheets.push(sheet);
    else this._sheets.splice(index, 0, sheet);
    return sheet._self;
  }

  private _freshName(): string {
    let n = this._sheets.length + 1;
    while (this._sheets.some((s) => s.getName() === `Sheet${n}`)) n += 1;
    return `Sheet${n}`;
  }

  deleteSheet(sheet: GSheet): void {
    const impl = this._sheetOf(sheet);
    if (!impl) throw new this._ctx.realm.Error('fake: deleteSheet of a sheet that is not in this spreadsheet');
    if (this._sheets.length === 1) throw new this._ctx.realm.Error("You can't remove all the sheets in a document.");
    this._sheets = this._sheets.filter((s) => s !== impl);
  }

  getSpreadsheetTimeZone(): string { return this._timeZone; }
  setSpreadsheetTimeZone(timezone: string): void { this._timeZone = timezone; }
  getId(): string { return this._id; }
  getName(): string { return this._name; }
  getUrl(): string { return `https://docs.google.com/spreadsheets/d/${this._id}/edit`; }
  getActiveSheet(): GSheet { return (this._sheets[0] as SheetImpl)._self; }
  getSpreadsheetLocale(): string { return this._locale; }

  /** What Forms does when a form's responses are sent here: a new response tab (フォームの回答 N in a
   *  Japanese spreadsheet, Form Responses N otherwise) whose header is タイムスタンプ and the
   *  questions, linked to the form (Sheet.getFormUrl). */
  _addResponseSheet(formUrl: string, questions: readonly string[]): GSheet {
    const ja = this._locale.startsWith('ja');
    let n = 1;
    const nameOf = (i: number): string => (ja ? `フォームの回答 ${i}` : `Form Responses ${i}`);
    while (this._sheets.some((s) => s.getName() === nameOf(n))) n += 1;
    const sheet = SheetImpl.create(this._host, nameOf(n), this._nextSheetId++);
    const header = [ja ? 'タイムスタンプ' : 'Timestamp', ...questions];
    header.forEach((h, i) => { sheet._cellForWrite(1, i + 1).stored = { kind: 'value', value: h }; });
    sheet._formUrl = formUrl;
    // Forms puts the new response tab first.
    this._sheets.unshift(sheet);
    return sheet._self;
  }

  toast(msg: string, title?: string): void {
    this._toasts.push({ message: msg, title: title ?? '' });
  }
}
