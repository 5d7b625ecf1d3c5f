import { guard } from './guard';
import type { RangeImpl } from './range';
import type { SheetImpl } from './sheet';
import type { Box } from './a1';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GTextFinder = GoogleAppsScript.Spreadsheet.TextFinder;

type FinderMethods = 'findAll' | 'findNext' | 'matchCase' | 'matchEntireCell' | 'matchFormulaText' | 'useRegularExpression';

/**
 * Range.createTextFinder(text) as Google documents it: the builder methods set options and return
 * the finder; findAll answers every matching cell of the range as a one-cell Range, row by row and
 * left to right within a row; findNext the next one after the last found (null at the end). A match
 * is on the text the cell shows: case-insensitive unless matchCase(true), anywhere in the cell
 * unless matchEntireCell(true), a regular expression with useRegularExpression(true) (Sheets' RE2
 * and JavaScript's RegExp agree on the alternations and classes the add-in sends), a formula's
 * value unless matchFormulaText(true). findAll and findNext search on Google's servers: they are
 * data round trips in the CallLog; the builder calls are lookups. No cell comes back to the script,
 * so no cell is counted as read. Options the add-in does not use (ignoreDiacritics, startFrom,
 * replaceWith…) throw "not implemented in fake".
 */
export class TextFinderImpl implements Pick<GTextFinder, FinderMethods> {
  _self!: GTextFinder;
  private _case = false;
  private _entire = false;
  private _regex = false;
  private _formulas = false;
  private _next = 0;

  private constructor(private readonly _sheet: SheetImpl, private readonly _box: Box, private readonly _text: string, private readonly _range: (box: Box) => RangeImpl) {}

  static create(sheet: SheetImpl, box: Box, text: string, range: (box: Box) => RangeImpl): TextFinderImpl {
    const impl = new TextFinderImpl(sheet, box, text, range);
    impl._self = guard<GTextFinder>(impl, 'TextFinder', sheet._host);
    return impl;
  }

  matchCase(matchCase: boolean): GTextFinder { this._case = matchCase; return this._self; }
  matchEntireCell(matchEntireCell: boolean): GTextFinder { this._entire = matchEntireCell; return this._self; }
  matchFormulaText(matchFormulaText: boolean): GTextFinder { this._formulas = matchFormulaText; return this._self; }
  useRegularExpression(useRegEx: boolean): GTextFinder { this._regex = useRegEx; return this._self; }

  private _pattern(): RegExp {
    const source = this._regex ? this._text : this._text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(this._entire ? `^(?:${source})$` : source, this._case ? 'u' : 'iu');
  }

  /** The text a cell shows, as far as the fake knows it (IDs and plain text exactly). */
  private _shown(row: number, col: number): string {
    const stored = this._sheet._cell(row, col)?.stored;
    if (!stored) return '';
    if (stored.kind === 'formula') return this._formulas ? stored.formula : '#ERROR!';
    const v = stored.value;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return v instanceof Date ? v.toISOString() : String(v);
  }

  private _matches(): Box[] {
    this._sheet._beforeRead();
    const re = this._pattern();
    const found: Box[] = [];
    for (let r = this._box.row; r < this._box.row + this._box.numRows; r += 1) {
      for (let c = this._box.col; c < this._box.col + this._box.numCols; c += 1) {
        const shown = this._shown(r, c);
        if (shown !== '' && re.test(shown)) found.push({ row: r, col: c, numRows: 1, numCols: 1 });
      }
    }
    return found;
  }

  findAll(): GRange[] {
    return this._matches().map((b) => this._range(b)._self);
  }

  findNext(): GRange | null {
    const all = this._matches();
    const box = all[this._next];
    if (!box) return null;
    this._next += 1;
    return this._range(box)._self;
  }
}
