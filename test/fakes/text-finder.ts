import { guard } from './guard';
import type { RangeImpl } from './range';
import type { SheetImpl } from './sheet';
import type { Box } from './a1';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GTextFinder = GoogleAppsScript.Spreadsheet.TextFinder;

/** RE2's `\s` (and Java's, but for the vertical tab): the ASCII spaces only. JavaScript's `\s`
 *  also matches U+3000, NBSP and the other Unicode spaces, which a search on Google does not. */
const ASCII_SPACES = '\\t\\n\\f\\r ';

/**
 * `source`, a regular expression for useRegularExpression(true), as JavaScript must read it to match
 * what Google matches. Apps Script's TextFinder documents no flavour; Sheets' own regular
 * expressions are RE2 (https://github.com/google/re2/wiki/Syntax: no lookaround, no
 * backreferences) and the Sheets API documents its find and replace as "Java regex rules"
 * (FindReplaceRequest.searchByRegex). So the fake takes only what both read alike: lookaround and
 * backreferences throw (RE2 rejects them), and `\s` is the ASCII spaces. An escaped character
 * (`\(`, `\\`, regexQuoted's) and a character class are read as such, so a typed `(?=` or `\1`
 * quoted stays text.
 */
export function portable(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      i += 1;
      if (/[1-9]/.test(next) || next === 'k') throw new Error(`Invalid regular expression for Google (a backreference, not in RE2): ${source}`);
      if (next === 's') { out += inClass ? ASCII_SPACES : `[${ASCII_SPACES}]`; continue; }
      if (next === 'S') {
        if (inClass) throw new Error(`not implemented in fake: \\S inside a class: ${source}`);
        out += `[^${ASCII_SPACES}]`;
        continue;
      }
      out += ch + next;
      continue;
    }
    if (inClass) { if (ch === ']') inClass = false; out += ch; continue; }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (source[i + 1] === '^') { out += '^'; i += 1; }
      // A `]` right after `[` or `[^` is a character of the class in RE2 and Java, an empty class in JavaScript.
      if (source[i + 1] === ']') throw new Error(`not implemented in fake: a class starting with ]: ${source}`);
      continue;
    }
    if (ch === '(' && /^\?<?[=!]/.test(source.slice(i + 1))) throw new Error(`Invalid regular expression for Google (lookaround, not in RE2): ${source}`);
    out += ch;
  }
  return out;
}

type FinderMethods = 'findAll' | 'findNext' | 'matchCase' | 'matchEntireCell' | 'matchFormulaText' | 'useRegularExpression';

/**
 * Range.createTextFinder(text) as Google documents it: the builder methods set options and return
 * the finder; findAll answers every matching cell of the range as a one-cell Range, row by row and
 * left to right within a row; findNext the next one after the last found (null at the end). A match
 * is on the text the cell shows: case-insensitive unless matchCase(true), anywhere in the cell
 * unless matchEntireCell(true), a regular expression with useRegularExpression(true) (portable():
 * only what RE2 and Java read alike, as JavaScript's RegExp then does), a formula's
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
    const source = this._regex ? portable(this._text) : this._text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
