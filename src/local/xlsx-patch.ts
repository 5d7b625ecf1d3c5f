import { DOMParser, onErrorStopParsing, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import { SaxesParser } from 'saxes';
import { columnLetter, isDateCell, type Cell } from '../domain/cell';
import { isHiddenWorkTab } from '../domain/schema/tabs';

// Rewriting some cells of an existing .xlsx in place: the package is opened with jszip, only the
// parts that must change (the changed sheets, and workbook.xml, its relationships, the content
// types and styles.xml when a tab or a style is added) are written again; every other part is
// stored back as it was, byte for byte (jszip reuses its compressed data). In a changed sheet,
// saxes (a strict streaming parser) finds where each row is, and only the rows with a changed
// cell are parsed, changed and serialized with @xmldom/xmldom and spliced back; the other rows
// and everything around sheetData stay as written, and a sheet of a million characters is
// scanned in about a tenth of a second instead of being parsed whole. So whatever the center made
// in Excel or elsewhere — formulas, hidden tabs, merges, validations, conditional formats, styles,
// links, filters, names, comments, drawings — stays, and only the cells the add-in owns change.

/** A part that cannot be read; `part` is its name in the package (`xl/worksheets/sheet2.xml`). */
export class PartError extends Error {
  constructor(readonly part: string, readonly reason: string) {
    super(`${part}: ${reason}`);
    this.name = 'PartError';
  }
}

/** One cell to set: `row` and `col` are 0-based sheet positions (row 0 is the header row). */
export interface CellEdit { readonly row: number; readonly col: number; readonly value: Cell }

/** What a new tab gets beside its cells: setup's dressing, worked out by the caller. */
export interface NewSheetDressing {
  /** Column widths by 0-based column (undefined: the default). */
  readonly widths: readonly (number | undefined)[];
  /** Column number formats by 0-based column: the style of cells typed later. */
  readonly formats: readonly (string | undefined)[];
  readonly validations: ReadonlyArray<{ readonly sqref: string; readonly formula: string; readonly errorStyle?: string }>;
}

export interface PatchPlan {
  /** Cells to set in existing tabs, by tab name. */
  readonly edits: ReadonlyMap<string, readonly CellEdit[]>;
  /** Tabs to add after the last one: every row, row 0 the header (bold, frozen). */
  readonly added: ReadonlyArray<{ readonly name: string; readonly rows: readonly (readonly Cell[])[]; readonly dressing?: NewSheetDressing }>;
  /** The workbook holds formulas whose cached results may now be stale: ask for a recalculation on open. */
  readonly recalculate: boolean;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

// ---------------------------------------------------------------------------------------------
// XML

export function parseXml(text: string, part: string): Document {
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml');
  } catch {
    throw new PartError(part, 'truncated or not well-formed XML');
  }
}

export function serializeXml(doc: Document): string {
  // The parser turned every raw line end into \n, so a \r in the tree came from a character
  // reference (a CR typed in a cell) and must be written as one again: the serializer would
  // write it raw, and the next reader would read it as \n.
  return new XMLSerializer().serializeToString(doc).replace(/\r/g, '&#13;');
}

function* elements(parent: Node, localName?: string): Generator<Element> {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (localName === undefined || (n as Element).localName === localName)) yield n as Element;
  }
}

function child(parent: Node, localName: string): Element | null {
  for (const e of elements(parent, localName)) return e;
  return null;
}

/** A new element in the namespace (and with the prefix) of the document's root. */
function make(doc: Document, localName: string): Element {
  const root = doc.documentElement;
  const ns = root?.namespaceURI ?? MAIN_NS;
  const prefix = root?.prefix;
  return doc.createElementNS(ns, prefix ? `${prefix}:${localName}` : localName);
}

/** Inserts `el` into `parent` before the first child named in `before` (schema order), else at the end. */
function insertInOrder(parent: Element, el: Element, before: readonly string[]): void {
  for (const e of elements(parent)) {
    if (before.includes(e.localName ?? '')) { parent.insertBefore(el, e); return; }
  }
  parent.appendChild(el);
}

/** An element's content regardless of where it sits (a detached clone serializes with namespace
 *  declarations its original inherits), to find an equal style entry. */
function contentKey(el: Element): string {
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && a.name !== 'xmlns' && !a.name.startsWith('xmlns:')) attrs.push(`${a.name}=${JSON.stringify(a.value)}`);
  }
  attrs.sort();
  const kids = [...elements(el)].map(contentKey);
  return `<${el.localName} ${attrs.join(' ')}>${kids.join('')}${el.childNodes.length > kids.length ? JSON.stringify(el.textContent) : ''}</>`;
}

function intAttr(el: Element, name: string): number | null {
  const v = el.getAttribute(name);
  if (v === null || v === '') return null;
  const n = Number(v);
  return Number.isInteger(n) ? n : null;
}

// ---------------------------------------------------------------------------------------------
// References

/** `AB12` → { col: 27, row: 11 } (0-based), or null. */
export function parseRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) - 1 };
}

const refOf = (row: number, col: number): string => `${columnLetter(col)}${row + 1}`;

// ---------------------------------------------------------------------------------------------
// Dates

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A DateCell as a spreadsheet serial number and the format it needs, or null when it is not a date. */
export function dateSerial(date: string, date1904: boolean): { serial: number; format: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  if (Number.isNaN(ms)) return null;
  const serial = (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
  const timed = h !== undefined && !(Number(h) === 0 && Number(mi) === 0 && Number(s ?? 0) === 0);
  return { serial, format: timed ? DATE_TIME_FORMAT : DATE_FORMAT };
}

// ---------------------------------------------------------------------------------------------
// Styles

/** Built-in number formats our reader (exceljs) takes for dates; 27–36 and 50–58 it does not know. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's own test: date letters outside quotes and brackets. */
export function isDateFormatCode(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const BLANK_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** styles.xml, parsed when a cell's style must be looked at; entries are only ever added. */
class Styles {
  changed = false;
  private readonly numFmts = new Map<number, string>();
  private readonly cellXfs: Element;
  private readonly xfs: Element[];
  private readonly derived = new Map<string, number>();

  constructor(readonly doc: Document) {
    const root = doc.documentElement;
    if (!root) throw new Error('styles.xml without a root');
    const numFmts = child(root, 'numFmts');
    if (numFmts) for (const f of elements(numFmts, 'numFmt')) {
      const id = intAttr(f, 'numFmtId');
      if (id !== null) this.numFmts.set(id, f.getAttribute('formatCode') ?? '');
    }
    let cellXfs = child(root, 'cellXfs');
    if (!cellXfs) {
      cellXfs = make(doc, 'cellXfs');
      insertInOrder(root, cellXfs, ['cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst']);
    }
    this.cellXfs = cellXfs;
    this.xfs = [...elements(cellXfs, 'xf')];
    if (this.xfs.length === 0) {
      const xf = make(doc, 'xf');
      for (const a of ['numFmtId', 'fontId', 'fillId', 'borderId', 'xfId']) xf.setAttribute(a, '0');
      cellXfs.appendChild(xf);
      this.xfs.push(xf);
      this.changed = true;
    }
  }

  private xf(index: number): Element {
    return this.xfs[index] ?? this.xfs[0]!;
  }

  isDate(index: number): boolean {
    const id = intAttr(this.xf(index), 'numFmtId') ?? 0;
    const custom = this.numFmts.get(id);
    if (custom !== undefined) return isDateFormatCode(custom);
    return BUILTIN_DATE_FORMATS.has(id);
  }

  /** The id of number format `code` (0 for General), added to <numFmts> once. */
  private numFmtId(code: string): number {
    if (code === 'General') return 0;
    for (const [id, c] of this.numFmts) if (c === code) return id;
    const root = this.doc.documentElement!;
    let numFmts = child(root, 'numFmts');
    if (!numFmts) {
      numFmts = make(this.doc, 'numFmts');
      root.insertBefore(numFmts, root.firstChild);
    }
    const id = Math.max(163, ...this.numFmts.keys()) + 1;
    const f = make(this.doc, 'numFmt');
    f.setAttribute('numFmtId', String(id));
    f.setAttribute('formatCode', code);
    numFmts.appendChild(f);
    numFmts.setAttribute('count', String(this.numFmts.size + 1));
    this.numFmts.set(id, code);
    this.changed = true;
    return id;
  }

  /** An xf like `base` but shown with `code`: an equal existing one, or one added. */
  withFormat(base: number, code: string): number {
    return this.derive(base, `fmt:${code}`, (xf) => {
      xf.setAttribute('numFmtId', String(this.numFmtId(code)));
      xf.setAttribute('applyNumberFormat', '1');
    });
  }

  /** An xf like `base` with its font in bold. */
  bold(base: number): number {
    return this.derive(base, 'bold', (xf) => {
      xf.setAttribute('fontId', String(this.boldFont(intAttr(xf, 'fontId') ?? 0)));
      xf.setAttribute('applyFont', '1');
    });
  }

  private boldFont(fontId: number): number {
    const root = this.doc.documentElement!;
    let fonts = child(root, 'fonts');
    if (!fonts) {
      fonts = make(this.doc, 'fonts');
      insertInOrder(root, fonts, ['fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst']);
    }
    const list = [...elements(fonts, 'font')];
    const base = list[fontId];
    const font = base ? (base.cloneNode(true) as Element) : make(this.doc, 'font');
    if (child(font, 'b')) return fontId;
    font.insertBefore(make(this.doc, 'b'), font.firstChild);
    const wanted = contentKey(font);
    const same = list.findIndex((f) => contentKey(f) === wanted);
    if (same >= 0) return same;
    fonts.appendChild(font);
    fonts.setAttribute('count', String(list.length + 1));
    this.changed = true;
    return list.length;
  }

  private derive(base: number, key: string, change: (xf: Element) => void): number {
    const cacheKey = `${base}|${key}`;
    const cached = this.derived.get(cacheKey);
    if (cached !== undefined) return cached;
    const xf = this.xf(base).cloneNode(true) as Element;
    change(xf);
    const wanted = contentKey(xf);
    let index = this.xfs.findIndex((x) => contentKey(x) === wanted);
    if (index < 0) {
      this.cellXfs.appendChild(xf);
      this.xfs.push(xf);
      this.cellXfs.setAttribute('count', String(this.xfs.length));
      this.changed = true;
      index = this.xfs.length - 1;
    }
    this.derived.set(cacheKey, index);
    return index;
  }
}

// ---------------------------------------------------------------------------------------------
// One sheet

/** Text as XML can hold it: characters XML 1.0 forbids (C0 controls but tab, CR and LF; lone
 *  surrogates; U+FFFE/U+FFFF) are dropped, since no reader could read them back. */
function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

interface RowEntry { readonly el: Element; cells?: Map<number, Element>; order?: number[] }

/** Index of the first element of sorted `list` greater than `x` (binary search). */
function upperBound(list: readonly number[], x: number): number {
  let lo = 0; let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The cells of one worksheet part, set one by one in document order. */
class SheetPatch {
  formulaRemoved = false;
  private readonly sheetData: Element;
  private readonly rows = new Map<number, RowEntry>();
  private readonly rowOrder: number[] = [];
  private readonly colStyles: Array<{ min: number; max: number; style: number }> = [];
  private readonly removedShared = new Set<string>();
  private bounds: { r0: number; r1: number; c0: number; c1: number } | null = null;

  constructor(
    private readonly doc: Document, private readonly styles: () => Styles, private readonly date1904: boolean,
    colStyles?: ReadonlyArray<{ min: number; max: number; style: number }>,
  ) {
    const root = doc.documentElement;
    if (!root || root.localName !== 'worksheet') throw new Error('not a worksheet');
    let sheetData = child(root, 'sheetData');
    if (!sheetData) {
      sheetData = make(doc, 'sheetData');
      insertInOrder(root, sheetData, ['sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState',
        'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks',
        'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
        'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems',
        'tableParts', 'extLst']);
    }
    this.sheetData = sheetData;
    let previous = -1;
    for (const row of elements(sheetData, 'row')) {
      // A row without r follows the one before it; give it its number so inserted rows keep it.
      const r = intAttr(row, 'r');
      const index = r !== null ? r - 1 : previous + 1;
      if (r === null) row.setAttribute('r', String(index + 1));
      if (!this.rows.has(index)) { this.rows.set(index, { el: row }); this.rowOrder.push(index); }
      previous = index;
    }
    this.rowOrder.sort((a, b) => a - b);
    if (colStyles) this.colStyles.push(...colStyles);
    const cols = colStyles ? null : child(root, 'cols');
    if (cols) for (const col of elements(cols, 'col')) {
      const style = intAttr(col, 'style');
      const min = intAttr(col, 'min'); const max = intAttr(col, 'max');
      if (style && min !== null && max !== null) this.colStyles.push({ min: min - 1, max: max - 1, style });
    }
  }

  private cellsOf(entry: RowEntry): { cells: Map<number, Element>; order: number[] } {
    if (!entry.cells || !entry.order) {
      const cells = new Map<number, Element>();
      const order: number[] = [];
      let previous = -1;
      for (const c of elements(entry.el, 'c')) {
        const at = parseRef(c.getAttribute('r') ?? '');
        const col = at ? at.col : previous + 1;
        if (!at) c.setAttribute('r', refOf(intAttr(entry.el, 'r')! - 1, col));
        if (!cells.has(col)) { cells.set(col, c); order.push(col); }
        previous = col;
      }
      order.sort((a, b) => a - b);
      entry.cells = cells; entry.order = order;
    }
    return { cells: entry.cells, order: entry.order };
  }

  private rowEntry(row: number, create: boolean): RowEntry | null {
    const found = this.rows.get(row);
    if (found || !create) return found ?? null;
    const el = make(this.doc, 'row');
    el.setAttribute('r', String(row + 1));
    const at = upperBound(this.rowOrder, row);
    const next = this.rowOrder[at];
    if (next === undefined) this.sheetData.appendChild(el);
    else this.sheetData.insertBefore(el, this.rows.get(next)!.el);
    this.rowOrder.splice(at, 0, row);
    const entry: RowEntry = { el, cells: new Map(), order: [] };
    this.rows.set(row, entry);
    return entry;
  }

  private cellEl(row: number, col: number, create: boolean): Element | null {
    const entry = this.rowEntry(row, create);
    if (!entry) return null;
    const { cells, order } = this.cellsOf(entry);
    const found = cells.get(col);
    if (found || !create) return found ?? null;
    const c = make(this.doc, 'c');
    c.setAttribute('r', refOf(row, col));
    // A new cell takes its row's style, else its column's, as Excel gives the cells people type.
    const rowStyle = entry.el.getAttribute('customFormat') === '1' || entry.el.getAttribute('customFormat') === 'true' ? intAttr(entry.el, 's') : null;
    const style = rowStyle ?? this.colStyles.find((s) => s.min <= col && col <= s.max)?.style ?? null;
    if (style) c.setAttribute('s', String(style));
    const at = upperBound(order, col);
    const next = order[at];
    if (next === undefined) entry.el.appendChild(c); else entry.el.insertBefore(c, cells.get(next)!);
    order.splice(at, 0, col);
    cells.set(col, c);
    const spans = /^(\d+):(\d+)$/.exec(entry.el.getAttribute('spans') ?? '');
    if (spans) entry.el.setAttribute('spans', `${Math.min(Number(spans[1]), col + 1)}:${Math.max(Number(spans[2]), col + 1)}`);
    return c;
  }

  private clear(c: Element): void {
    for (const e of [...elements(c)]) {
      const name = e.localName;
      if (name === 'f') {
        this.formulaRemoved = true;
        if (e.getAttribute('t') === 'shared' && e.getAttribute('ref')) this.removedShared.add(e.getAttribute('si') ?? '');
      }
      if (name === 'f' || name === 'v' || name === 'is') c.removeChild(e);
    }
    for (const a of ['t', 'cm', 'vm']) c.removeAttribute(a);
  }

  set(row: number, col: number, value: Cell): void {
    const blank = value === null || value === '' || (typeof value === 'number' && !Number.isFinite(value));
    const c = this.cellEl(row, col, !blank);
    if (!c) return;
    this.clear(c);
    this.grow(row, col);
    const first = c.firstChild; // an extLst, if any, stays last
    const add = (el: Element): void => { if (first) c.insertBefore(el, first); else c.appendChild(el); };
    const v = (text: string): Element => { const el = make(this.doc, 'v'); el.appendChild(this.doc.createTextNode(text)); return el; };
    const style = intAttr(c, 's') ?? 0;
    if (blank) {
      // A styled cell stays (its look is the center's); an unstyled empty one goes.
      if (!c.hasAttribute('s') && !c.firstChild) { c.parentNode?.removeChild(c); this.forget(row, col); }
      return;
    }
    if (typeof value === 'string') {
      c.setAttribute('t', 'inlineStr');
      const is = make(this.doc, 'is');
      const t = make(this.doc, 't');
      t.setAttribute('xml:space', 'preserve');
      t.appendChild(this.doc.createTextNode(xmlText(value)));
      is.appendChild(t);
      add(is);
    } else if (typeof value === 'boolean') {
      c.setAttribute('t', 'b');
      add(v(value ? '1' : '0'));
    } else if (typeof value === 'number') {
      // A number in a date-styled cell would read back as a date.
      if (this.styles().isDate(style)) c.setAttribute('s', String(this.styles().withFormat(style, 'General')));
      add(v(String(value)));
    } else if (isDateCell(value)) {
      const d = dateSerial(value.date, this.date1904);
      if (!d) { this.set(row, col, value.date); return; }
      if (!this.styles().isDate(style)) c.setAttribute('s', String(this.styles().withFormat(style, d.format)));
      add(v(String(d.serial)));
    }
  }

  private forget(row: number, col: number): void {
    const entry = this.rows.get(row);
    if (!entry?.cells || !entry.order) return;
    entry.cells.delete(col);
    const at = entry.order.indexOf(col);
    if (at >= 0) entry.order.splice(at, 1);
  }

  private grow(row: number, col: number): void {
    const b = this.bounds;
    this.bounds = b
      ? { r0: Math.min(b.r0, row), r1: Math.max(b.r1, row), c0: Math.min(b.c0, col), c1: Math.max(b.c1, col) }
      : { r0: row, r1: row, c0: col, c1: col };
  }

  /** The range of the cells set, widened to cover `ref` (the sheet's old <dimension>). */
  dimension(ref: string | null): string | null {
    const b = this.bounds;
    if (!b) return null;
    let { r0, r1, c0, c1 } = b;
    const old = /^([A-Z]+\d+)(?::([A-Z]+\d+))?$/.exec(ref ?? '');
    if (old) {
      const from = parseRef(old[1] ?? ''); const to = parseRef(old[2] ?? old[1] ?? '');
      if (from && to) { r0 = Math.min(r0, from.row); c0 = Math.min(c0, from.col); r1 = Math.max(r1, to.row); c1 = Math.max(c1, to.col); }
    }
    return r0 === r1 && c0 === c1 ? refOf(r0, c0) : `${refOf(r0, c0)}:${refOf(r1, c1)}`;
  }

  /** The rows of the sheet, in document order, with their 0-based numbers. */
  rowElements(): Array<{ row: number; el: Element }> {
    return [...elements(this.sheetData, 'row')].map((el) => ({ row: (intAttr(el, 'r') ?? 1) - 1, el }));
  }

  /** Cells that followed a removed shared formula keep their values (as plain values). */
  settleSharedFormulas(): void {
    if (this.removedShared.size > 0) {
      for (const entry of this.rows.values()) {
        for (const c of [...elements(entry.el, 'c')]) {
          const f = child(c, 'f');
          if (!f || f.getAttribute('t') !== 'shared' || f.getAttribute('ref') || !this.removedShared.has(f.getAttribute('si') ?? '')) continue;
          c.removeChild(f);
          if (c.getAttribute('t') === 'str') {
            // A formula's text result: kept as an inline string.
            const vEl = child(c, 'v');
            const text = vEl?.textContent ?? '';
            if (vEl) c.removeChild(vEl);
            c.setAttribute('t', 'inlineStr');
            const is = make(this.doc, 'is'); const t = make(this.doc, 't');
            t.setAttribute('xml:space', 'preserve'); t.appendChild(this.doc.createTextNode(text)); is.appendChild(t);
            c.insertBefore(is, c.firstChild);
          }
        }
      }
    }
  }

  /** Ends a patch of a whole sheet: shared formulas settled and <dimension> covering every cell set. */
  finish(): void {
    this.settleSharedFormulas();
    const root = this.doc.documentElement!;
    let dimension = child(root, 'dimension');
    const ref = this.dimension(dimension?.getAttribute('ref') ?? null);
    if (ref === null) return;
    if (!dimension) {
      dimension = make(this.doc, 'dimension');
      insertInOrder(root, dimension, ['sheetViews', 'sheetFormatPr', 'cols', 'sheetData']);
    }
    dimension.setAttribute('ref', ref);
  }
}

interface Span { readonly start: number; readonly end: number }

/** Where things are in a worksheet's XML, found by one strict streaming pass (saxes). */
interface SheetScan {
  /** Just after the root's start tag. */
  readonly rootEnd: number;
  readonly rootName: string;
  /** The start of each child of the root by local name (the first one of each name). */
  readonly children: ReadonlyMap<string, Span>;
  readonly dimensionRef: string | null;
  readonly sheetData: (Span & { readonly name: string; readonly innerStart: number; readonly innerEnd: number; readonly selfClosing: boolean }) | null;
  /** Each <row>, in document order, with its 0-based number; null when a row has no r. */
  readonly rows: ReadonlyArray<Span & { readonly row: number }> | null;
  readonly colStyles: ReadonlyArray<{ min: number; max: number; style: number }>;
  /** Shared formulas: the cell of each master by si, and the rows of the cells that follow it. */
  readonly sharedMasters: ReadonlyMap<string, string>;
  readonly sharedRows: ReadonlyMap<string, ReadonlySet<number>>;
}

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);

function scanSheet(xml: string, part: string): SheetScan {
  const parser = new SaxesParser({ position: true });
  const children = new Map<string, Span>();
  const rows: Array<Span & { row: number }> = [];
  const colStyles: Array<{ min: number; max: number; style: number }> = [];
  const sharedMasters = new Map<string, string>();
  const sharedRows = new Map<string, Set<number>>();
  let depth = 0;
  let rootEnd = -1;
  let rootName = '';
  let dimensionRef: string | null = null;
  let sheetData: SheetScan['sheetData'] = null;
  let sheetDataStart = -1;
  let sheetDataInner = -1;
  let rowStart = -1;
  let rowNumber = -1;
  let rowsNumbered = true;
  let childStart = -1;
  let cellRef = '';
  let tagStart = -1;
  const int = (v: string | undefined): number | null => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);
  // At opentagstart the parser has read the name and the character after it (a space, '>' or
  // '/'), never a '<'; the tag starts at the last '<' before that.
  parser.on('opentagstart', () => { tagStart = xml.lastIndexOf('<', parser.position - 1); });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    if (depth === 0) { rootEnd = parser.position; rootName = tag.name; }
    if (depth === 1) {
      childStart = tagStart;
      if (name === 'dimension') dimensionRef = attrs.ref ?? null;
      if (name === 'sheetData') { sheetDataStart = tagStart; sheetDataInner = parser.position; }
    }
    if (depth === 2 && name === 'col') {
      const style = int(attrs.style); const min = int(attrs.min); const max = int(attrs.max);
      if (style && min !== null && max !== null) colStyles.push({ min: min - 1, max: max - 1, style });
    }
    if (depth === 2 && name === 'row') {
      rowStart = tagStart;
      const r = int(attrs.r);
      if (r === null) rowsNumbered = false;
      rowNumber = r === null ? rowNumber + 1 : r - 1;
    }
    if (depth === 3 && name === 'c') cellRef = attrs.r ?? '';
    if (depth === 4 && name === 'f' && attrs.t === 'shared' && attrs.si !== undefined) {
      if (attrs.ref) sharedMasters.set(cellRef, attrs.si);
      else {
        const set = sharedRows.get(attrs.si) ?? new Set<number>();
        set.add(rowNumber);
        sharedRows.set(attrs.si, set);
      }
    }
    depth += 1;
  });
  parser.on('closetag', (tag) => {
    depth -= 1;
    const name = localName(tag.name);
    if (depth === 1) {
      if (!children.has(name)) children.set(name, { start: childStart, end: parser.position });
      if (name === 'sheetData') {
        const end = parser.position;
        const selfClosing = tag.isSelfClosing;
        sheetData = {
          name: tag.name, start: sheetDataStart, end, selfClosing,
          innerStart: selfClosing ? end : sheetDataInner, innerEnd: selfClosing ? end : xml.lastIndexOf('<', end - 1),
        };
      }
    }
    if (depth === 2 && name === 'row') rows.push({ start: rowStart, end: parser.position, row: rowNumber });
  });
  try {
    parser.write(xml).close();
  } catch {
    throw new PartError(part, 'truncated or not well-formed XML');
  }
  if (localName(rootName) !== 'worksheet') throw new PartError(part, 'not a worksheet');
  return { rootEnd, rootName, children, dimensionRef, sheetData, rows: rowsNumbered ? rows : null, colStyles, sharedMasters, sharedRows };
}

/** Sets `edits` in the worksheet XML `xml` of a whole sheet parsed as one DOM: for the rare sheet
 *  whose rows are not numbered or that has no sheetData. */
function patchWholeSheet(xml: string, part: string, edits: readonly CellEdit[], styles: () => Styles, date1904: boolean): { xml: string; formulaRemoved: boolean } {
  const doc = parseXml(xml, part);
  const patch = new SheetPatch(doc, styles, date1904);
  for (const e of edits) patch.set(e.row, e.col, e.value);
  patch.finish();
  return { xml: serializeXml(doc), formulaRemoved: patch.formulaRemoved };
}

/** Sets `edits` (in any order) in the worksheet XML `xml`: only the rows they touch are parsed
 *  and written again, spliced in among the others, which stay exactly as they were. */
function patchSheetXml(xml: string, part: string, unsorted: readonly CellEdit[], styles: () => Styles, date1904: boolean): { xml: string; formulaRemoved: boolean } {
  const edits = [...unsorted].sort((a, b) => a.row - b.row || a.col - b.col);
  const scan = scanSheet(xml, part);
  const sheetData = scan.sheetData;
  if (!sheetData || !scan.rows) return patchWholeSheet(xml, part, edits, styles, date1904);
  const touched = new Set(edits.map((e) => e.row));
  // Overwriting the master of a shared formula leaves its followers without a formula: their
  // rows are rewritten too (they keep their values).
  for (const e of edits) {
    const si = scan.sharedMasters.get(refOf(e.row, e.col));
    if (si !== undefined) for (const r of scan.sharedRows.get(si) ?? []) touched.add(r);
  }
  const existing = scan.rows.filter((r) => touched.has(r.row));
  const rootEndTag = `</${scan.rootName}>`;
  const sheetDataName = sheetData.name;
  const mini = `${xml.slice(0, scan.rootEnd)}<${sheetDataName}>${existing.map((r) => xml.slice(r.start, r.end)).join('')}</${sheetDataName}>${rootEndTag}`;
  const doc = parseXml(mini, part);
  const patch = new SheetPatch(doc, styles, date1904, scan.colStyles);
  for (const e of edits) patch.set(e.row, e.col, e.value);
  patch.settleSharedFormulas();

  // Serialize the changed rows in one go, cut apart at markers no sheet holds.
  const marker = `ikigai-${randomBytes(8).toString('hex')}`;
  const rowEls = patch.rowElements();
  const miniData = rowEls[0]?.el.parentNode ?? null;
  for (const { el } of rowEls) miniData?.insertBefore(doc.createProcessingInstruction(marker, 'row'), el);
  miniData?.appendChild(doc.createProcessingInstruction(marker, 'row'));
  const pieces = serializeXml(doc).split(`<?${marker} row?>`);
  const written = new Map<number, string>();
  rowEls.forEach(({ row }, i) => { written.set(row, pieces[i + 1] ?? ''); });

  // The new sheetData: untouched rows (and whatever lies between rows) as they were.
  const existingRows = new Set(scan.rows.map((r) => r.row));
  const added = [...written.keys()].filter((r) => !existingRows.has(r)).sort((a, b) => a - b);
  let inner = '';
  let cursor = sheetData.innerStart;
  let next = 0;
  for (const span of scan.rows) {
    inner += xml.slice(cursor, span.start);
    while (next < added.length && added[next]! < span.row) inner += written.get(added[next++]!) ?? '';
    inner += written.get(span.row) ?? xml.slice(span.start, span.end);
    cursor = span.end;
  }
  while (next < added.length) inner += written.get(added[next++]!) ?? '';
  inner += xml.slice(cursor, sheetData.innerEnd);

  const prefix = scan.rootName.includes(':') ? `${scan.rootName.slice(0, scan.rootName.indexOf(':'))}:` : '';
  const ref = patch.dimension(scan.dimensionRef);
  const dimension = scan.children.get('dimension');
  const head = xml.slice(0, sheetData.start);
  let before = head;
  if (ref !== null && ref !== scan.dimensionRef) {
    const element = `<${prefix}dimension ref="${ref}"/>`;
    if (dimension && dimension.end <= sheetData.start) before = xml.slice(0, dimension.start) + element + xml.slice(dimension.end, sheetData.start);
    else if (!dimension) {
      const at = ['sheetViews', 'sheetFormatPr', 'cols', 'sheetData'].map((n) => scan.children.get(n)?.start).find((v) => v !== undefined) ?? sheetData.start;
      before = xml.slice(0, at) + element + xml.slice(at, sheetData.start);
    }
  }
  const body = `<${sheetDataName}>${inner}</${sheetDataName}>`;
  return { xml: before + body + xml.slice(sheetData.end), formulaRemoved: patch.formulaRemoved };
}

// ---------------------------------------------------------------------------------------------
// The package

function resolvePart(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(baseDir, target));
}

function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

function relativeTarget(fromDir: string, part: string): string {
  return posix.relative(fromDir === '.' ? '' : fromDir, part);
}

async function readPart(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (!file) throw new PartError(part, 'missing');
  try {
    return await file.async('string');
  } catch {
    throw new PartError(part, 'cannot be unpacked');
  }
}

interface Relationship { readonly el: Element; readonly id: string; readonly type: string; readonly part: string | null }

class RelsPart {
  changed = false;
  constructor(readonly path: string, readonly doc: Document, readonly baseDir: string) {}

  static async open(zip: JSZip, path: string, baseDir: string): Promise<RelsPart> {
    const text = zip.file(path) ? await readPart(zip, path) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"/>`;
    return new RelsPart(path, parseXml(text, path), baseDir);
  }

  list(): Relationship[] {
    return [...elements(this.doc.documentElement!, 'Relationship')].map((el) => ({
      el, id: el.getAttribute('Id') ?? '', type: el.getAttribute('Type') ?? '',
      part: el.getAttribute('TargetMode') === 'External' ? null : resolvePart(this.baseDir, el.getAttribute('Target') ?? ''),
    }));
  }

  byType(kind: string): Relationship | undefined {
    return this.list().find((r) => r.type === REL_TYPE + kind || r.type.endsWith(`/${kind}`));
  }

  add(kind: string, part: string): string {
    const ids = new Set(this.list().map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n += 1;
    const el = this.doc.createElementNS(PKG_REL_NS, 'Relationship');
    el.setAttribute('Id', `rId${n}`);
    el.setAttribute('Type', REL_TYPE + kind);
    el.setAttribute('Target', relativeTarget(this.baseDir, part));
    this.doc.documentElement!.appendChild(el);
    this.changed = true;
    return `rId${n}`;
  }

  remove(rel: Relationship): void {
    this.doc.documentElement!.removeChild(rel.el);
    this.changed = true;
  }
}

/** A workbook package opened for patching. */
class XlsxPackage {
  private stylesPart: Styles | null = null;
  private stylesPath: string | null = null;
  private contentTypes: Document | null = null;
  private workbookChanged = false;

  private constructor(
    readonly zip: JSZip, readonly workbookPath: string, readonly workbook: Document, readonly rels: RelsPart,
    readonly date1904: boolean,
  ) {}

  static async open(bytes: Uint8Array): Promise<XlsxPackage> {
    let zip: JSZip;
    try {
      // No folder entries the file did not have.
      zip = await JSZip.loadAsync(bytes, { createFolders: false });
    } catch {
      throw new PartError('(zip)', 'not an .xlsx file');
    }
    const rootRels = await RelsPart.open(zip, '_rels/.rels', '');
    const workbookPath = rootRels.byType('officeDocument')?.part ?? 'xl/workbook.xml';
    const workbook = parseXml(await readPart(zip, workbookPath), workbookPath);
    const rels = await RelsPart.open(zip, relsPathOf(workbookPath), posix.dirname(workbookPath));
    const pr = child(workbook.documentElement!, 'workbookPr');
    const date1904 = pr !== null && ['1', 'true'].includes(pr.getAttribute('date1904') ?? '');
    return new XlsxPackage(zip, workbookPath, workbook, rels, date1904);
  }

  /** Every sheet of the workbook in order: its name and, for worksheets, its part. */
  sheets(): Array<{ name: string; el: Element; sheetId: number; part: string | null }> {
    const sheets = child(this.workbook.documentElement!, 'sheets');
    const byId = new Map(this.rels.list().map((r) => [r.id, r]));
    return sheets ? [...elements(sheets, 'sheet')].map((el) => {
      const rel = byId.get(el.getAttributeNS(REL_NS, 'id') ?? el.getAttribute('r:id') ?? '');
      return {
        name: el.getAttribute('name') ?? '', el, sheetId: intAttr(el, 'sheetId') ?? 0,
        part: rel && rel.type.endsWith('/worksheet') ? rel.part : null,
      };
    }) : [];
  }

  async styles(): Promise<Styles> {
    if (this.stylesPart) return this.stylesPart;
    const rel = this.rels.byType('styles');
    if (rel?.part && this.zip.file(rel.part)) {
      this.stylesPath = rel.part;
      this.stylesPart = new Styles(parseXml(await readPart(this.zip, rel.part), rel.part));
    } else {
      this.stylesPath = resolvePart(posix.dirname(this.workbookPath), 'styles.xml');
      this.stylesPart = new Styles(parseXml(BLANK_STYLES, this.stylesPath));
      this.stylesPart.changed = true;
      if (!rel) this.rels.add('styles', this.stylesPath);
      await this.setContentType(this.stylesPath, STYLES_CT);
    }
    return this.stylesPart;
  }

  private async types(): Promise<Document> {
    if (!this.contentTypes) this.contentTypes = parseXml(await readPart(this.zip, '[Content_Types].xml'), '[Content_Types].xml');
    return this.contentTypes;
  }

  async setContentType(part: string, type: string): Promise<void> {
    const doc = await this.types();
    const root = doc.documentElement!;
    const name = `/${part}`;
    for (const o of elements(root, 'Override')) if (o.getAttribute('PartName') === name) { o.setAttribute('ContentType', type); return; }
    const o = doc.createElementNS(CT_NS, 'Override');
    o.setAttribute('PartName', name);
    o.setAttribute('ContentType', type);
    root.appendChild(o);
  }

  private async removeContentType(part: string): Promise<void> {
    const doc = await this.types();
    const root = doc.documentElement!;
    for (const o of [...elements(root, 'Override')]) if (o.getAttribute('PartName') === `/${part}`) root.removeChild(o);
  }

  /** The calculation chain lists formula cells; one that lost its formula would make Excel
   *  repair the file, so the chain goes (Excel builds it again). */
  async dropCalcChain(): Promise<void> {
    const rel = this.rels.byType('calcChain');
    if (!rel) return;
    this.rels.remove(rel);
    if (rel.part) { this.zip.remove(rel.part); await this.removeContentType(rel.part); }
  }

  /** Formula results cached in the file may be stale once cells changed: ask for a full
   *  recalculation when the file is next opened. */
  recalculateOnOpen(): void {
    const root = this.workbook.documentElement!;
    let calcPr = child(root, 'calcPr');
    if (calcPr?.getAttribute('fullCalcOnLoad') === '1') return;
    if (!calcPr) {
      calcPr = make(this.workbook, 'calcPr');
      insertInOrder(root, calcPr, ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
        'fileRecoveryPr', 'webPublishObjects', 'extLst']);
    }
    calcPr.setAttribute('fullCalcOnLoad', '1');
    this.workbookChanged = true;
  }

  async addSheet(name: string): Promise<string> {
    const dir = posix.dirname(this.workbookPath);
    let n = 1;
    while (this.zip.file(resolvePart(dir, `worksheets/sheet${n}.xml`))) n += 1;
    const part = resolvePart(dir, `worksheets/sheet${n}.xml`);
    const rId = this.rels.add('worksheet', part);
    const root = this.workbook.documentElement!;
    let sheets = child(root, 'sheets');
    if (!sheets) { sheets = make(this.workbook, 'sheets'); insertInOrder(root, sheets, ['functionGroups', 'externalReferences', 'definedNames', 'calcPr']); }
    const sheet = make(this.workbook, 'sheet');
    sheet.setAttribute('name', name);
    // The add-in's working tabs (`_継続支援`…) are hidden, as setup hides them in Sheets.
    if (isHiddenWorkTab(name)) sheet.setAttribute('state', 'hidden');
    sheet.setAttribute('sheetId', String(Math.max(0, ...this.sheets().map((s) => s.sheetId)) + 1));
    sheet.setAttributeNS(REL_NS, root.lookupPrefix(REL_NS) ? `${root.lookupPrefix(REL_NS)}:id` : 'r:id', rId);
    sheets.appendChild(sheet);
    this.workbookChanged = true;
    await this.setContentType(part, WORKSHEET_CT);
    return part;
  }

  async generate(): Promise<Buffer> {
    if (this.workbookChanged) this.zip.file(this.workbookPath, serializeXml(this.workbook));
    if (this.rels.changed) this.zip.file(this.rels.path, serializeXml(this.rels.doc));
    if (this.contentTypes) this.zip.file('[Content_Types].xml', serializeXml(this.contentTypes));
    if (this.stylesPart?.changed && this.stylesPath) this.zip.file(this.stylesPath, serializeXml(this.stylesPart.doc));
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

function newSheetXml(dressing: NewSheetDressing | undefined, width: number, bodyStyle: (col: number) => number | null): string {
  const cols: string[] = [];
  for (let i = 0; i < width; i++) {
    const w = dressing?.widths[i];
    const style = bodyStyle(i);
    if (w === undefined && style === null) continue;
    cols.push(`<col min="${i + 1}" max="${i + 1}"${w !== undefined ? ` width="${w}" customWidth="1"` : ''}${style !== null ? ` style="${style}"` : ''}/>`);
  }
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const validations = dressing?.validations ?? [];
  const dv = validations.length === 0 ? '' : `<dataValidations count="${validations.length}">${validations.map((v) =>
    `<dataValidation type="list" allowBlank="1" showErrorMessage="1"${v.errorStyle ? ` errorStyle="${esc(v.errorStyle)}"` : ''} sqref="${esc(v.sqref)}"><formula1>${esc(v.formula)}</formula1></dataValidation>`).join('')}</dataValidations>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`
    + '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
    + (cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '')
    + `<sheetData/>${dv}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** Applies `plan` to the .xlsx package `bytes` and returns the new package. */
export async function patchXlsx(bytes: Uint8Array, plan: PatchPlan): Promise<Buffer> {
  const pkg = await XlsxPackage.open(bytes);
  const sheets = pkg.sheets();
  const byName = new Map(sheets.map((s) => [s.name, s]));
  // styles.xml is parsed once, when there is anything to patch (a cell's style decides how a
  // number or a date is written), and written back only when an entry was added to it.
  const styles = plan.edits.size > 0 || plan.added.length > 0 ? await pkg.styles() : null;
  const lazyStyles = (): Styles => {
    if (!styles) throw new Error('styles not loaded');
    return styles;
  };
  let formulaRemoved = false;
  let changed = false;
  for (const [name, edits] of plan.edits) {
    if (edits.length === 0) continue;
    const sheet = byName.get(name);
    if (!sheet?.part) throw new Error(`no worksheet named ${name} in the workbook`);
    const result = patchSheetXml(await readPart(pkg.zip, sheet.part), sheet.part, edits, lazyStyles, pkg.date1904);
    pkg.zip.file(sheet.part, result.xml);
    formulaRemoved ||= result.formulaRemoved;
    changed = true;
  }
  for (const tab of plan.added) {
    const name = tab.name;
    if (name.trim() === '' || name.length > 31 || INVALID_SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new Error(`Excel refuses the tab name ${JSON.stringify(name)}`);
    }
    const taken = pkg.sheets().map((s) => s.name.toLowerCase());
    if (taken.includes(name.toLowerCase())) throw new Error(`the workbook already has a tab named like ${JSON.stringify(name)}`);
    const st = lazyStyles();
    const header = tab.rows[0] ?? [];
    const width = tab.rows.reduce((w, r) => Math.max(w, r.length), header.length);
    const formats = tab.dressing?.formats ?? [];
    const colStyle = (col: number): number | null => {
      const code = formats[col];
      return code ? st.withFormat(0, code) : null;
    };
    const part = await pkg.addSheet(name);
    const edits: CellEdit[] = [];
    tab.rows.forEach((row, r) => row.forEach((value, col) => { edits.push({ row: r, col, value }); }));
    const skeleton = newSheetXml(tab.dressing, width, colStyle);
    const doc = parseXml(skeleton, part);
    const patch = new SheetPatch(doc, lazyStyles, pkg.date1904);
    for (const e of edits) patch.set(e.row, e.col, e.value);
    // The header row bold, as the fresh writer makes it (and as people expect of row 1).
    const headerRow = child(child(doc.documentElement!, 'sheetData')!, 'row');
    if (headerRow) for (const c of elements(headerRow, 'c')) c.setAttribute('s', String(st.bold(0)));
    patch.finish();
    pkg.zip.file(part, serializeXml(doc));
    changed = true;
  }
  if (formulaRemoved) await pkg.dropCalcChain();
  if (changed && plan.recalculate) pkg.recalculateOnOpen();
  return pkg.generate();
}
