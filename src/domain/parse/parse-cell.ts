import { codeOf } from '../enums';
import { cellText, isDateCell, type Cell } from '../cell';
import { parseCivilDate } from '../civil-date';
import { parseSlot, type Slot } from '../slots';
import { foldWidth } from './fold-width';
import { errorValueOf, isNonFinite } from './error-value';
import { isWhiteSpace } from './white-space';
import type { Column } from '../schema/column';
import type { ProblemCode, ProblemParams } from '../messages/problem';

export type CellResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly code: ProblemCode; readonly params: ProblemParams };

const LIST_SEPARATOR = /[,、・，､]/;
const TRUE_WORDS = new Set(['true', 'はい', 'yes', 'y', '1', '○', '〇', '✓', 'on']);
const FALSE_WORDS = new Set(['false', 'いいえ', 'no', 'n', '0', '×', 'off']);

/** `a、b・c, d` → `['a','b','c','d']`, blanks dropped. */
export function splitList(text: string): string[] {
  // Most cells hold one item: no split, no array of pieces to trim and filter.
  if (!LIST_SEPARATOR.test(text)) {
    const t = text.trim();
    return t === '' ? [] : [t];
  }
  return text.split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');
}

export function parseBoolean(c: Cell): boolean | null {
  if (typeof c === 'boolean') return c;
  if (typeof c === 'number') return c === 1 ? true : c === 0 ? false : null;
  const t = foldWidth(cellText(c)).toLowerCase();
  if (t === '') return false;
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

/** A date cell or `YYYY-MM-DD` / `YYYY/MM/DD` text (a date cell with a time keeps only its day). */
export function parseDateCell(c: Cell): string | null {
  if (isDateCell(c)) return parseCivilDate(c.date.length === 10 ? c.date : c.date.slice(0, 10));
  if (typeof c === 'string') {
    // Text the add-in or a date cell wrote, `2015-04-01`, needs no pattern (parseCivilDate's fast path).
    if (c.length === 10) {
      const day = parseCivilDate(c);
      if (day !== null) return day;
    }
    const t = c.trim();
    // Text such as `2015-04-01 09:00` or ISO `2015-04-01T09:00` still names a day.
    const day = /^(\d{4}[-/]\d{1,2}[-/]\d{1,2})(?:[ T].*)?$/.exec(foldWidth(t));
    return day ? parseCivilDate(day[1] ?? '') : null;
  }
  return null;
}

const TIMESTAMP_TEXT = /^(\d{4}[-/]\d{1,2}[-/]\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/** `YYYY-MM-DDTHH:MM:SS` exactly (every date cell with a time): itself when real, null when not,
 *  undefined for any other shape. */
function canonicalTimestamp(text: string): string | null | undefined {
  if (text.length !== 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 /* T */
    || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const h = twoDigits(text, 11);
  const mi = twoDigits(text, 14);
  const s = twoDigits(text, 17);
  if (h < 0 || mi < 0 || s < 0 || twoDigits(text, 0) < 0 || twoDigits(text, 2) < 0 || twoDigits(text, 5) < 0 || twoDigits(text, 8) < 0) return undefined;
  // Ten ASCII digits and dashes: parseCivilDate's fast path answers the text itself or null.
  const day = parseCivilDate(text.slice(0, 10));
  return day !== null && h <= 23 && mi <= 59 && s <= 59 ? text : null;
}

function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Timestamps as `YYYY-MM-DDTHH:MM:SS` in the center's zone. Text with an offset (`Z`, `+09:00`)
 *  cannot be placed without a zone, so adapters convert those; the domain accepts zone-less text. */
export function parseTimestampCell(c: Cell): string | null {
  const text = isDateCell(c) ? c.date : typeof c === 'string' ? foldWidth(c.trim()) : null;
  if (text === null) return null;
  const canonical = canonicalTimestamp(text);
  if (canonical !== undefined) return canonical;
  const m = TIMESTAMP_TEXT.exec(text);
  if (!m) return null;
  const day = parseCivilDate(m[1] ?? '');
  if (!day) return null;
  const h = Number(m[2] ?? 0);
  const mi = Number(m[3] ?? 0);
  const s = Number(m[4] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  return `${day}T${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `HH:MM` text, a date cell carrying a time, or a day fraction (how spreadsheets store times). */
export function parseTimeCell(c: Cell): string | null {
  const p = (n: number): string => String(n).padStart(2, '0');
  if (typeof c === 'number') {
    // (NaN passes both comparisons and came out as `NaN:NaN`.)
    if (!(c >= 0 && c < 1)) return null;
    const minutes = Math.round(c * 24 * 60);
    return `${p(Math.floor(minutes / 60))}:${p(minutes % 60)}`;
  }
  const text = isDateCell(c) ? (c.date.split('T')[1] ?? '') : foldWidth(cellText(c));
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (h > 23 || mi > 59) return null;
  return `${p(h)}:${p(mi)}`;
}

function parseNumber(c: Cell): number | null {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  if (typeof c !== 'string') return null;
  const t = foldWidth(c).trim().replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/** A bad cell as a parser answers it: an instance of its own class, so a good value (any string,
 *  number, array…) is returned as it is and needs no `{ ok, value }` object around it. */
export class CellProblem {
  constructor(readonly code: ProblemCode, readonly params: ProblemParams) {}
}

/** A column's reader, built once per column (see readerOf). */
export interface ColumnReader {
  /** A cell → its value, or a CellProblem. Blank cells give the column's blank or `required`. */
  readonly read: (c: Cell | undefined) => unknown;
  /** What a blank cell, or a bad cell of an optional column, reads as (a new array each call for lists). */
  readonly blank: () => unknown;
}

/** True for null, '' and whitespace-only text: isBlank without trimming text that starts with a
 *  character that is not white space (nearly every cell). */
export function isBlankCell(c: Cell | undefined): boolean {
  if (c === null || c === undefined) return true;
  if (typeof c !== 'string') return false;
  if (c.length === 0) return true;
  if (!isWhiteSpace(c.charCodeAt(0))) return false;
  return c.trim() === '';
}

// Enum and slot cells repeat a handful of texts, so each column remembers its answers. The
// memory is capped, so a column of free text typed into an enum column cannot grow it for ever.
const MEMO_LIMIT = 512;
/** A slots column's texts are subsets of 14 slots (2^14 of them in one order): a center of 20,000
 *  members typed 6,523 different ones, so at 512 most cells were split and matched again. */
const SLOTS_MEMO_LIMIT = 16_384;

function memo<T>(fn: (text: string) => T, limit = MEMO_LIMIT): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined || seen.has(text)) return known as T;
    const value = fn(text);
    if (seen.size < limit) seen.set(text, value);
    return value;
  };
}

function rangeProblem(column: Column, n: number): CellProblem | null {
  const min = column.min ?? -Infinity;
  const max = column.max ?? Infinity;
  if (n < min || n > max) {
    return new CellProblem('out_of_range', { value: n, min: Number.isFinite(min) ? min : '', max: Number.isFinite(max) ? max : '' });
  }
  return null;
}

function blankOf(column: Column): () => unknown {
  switch (column.type) {
    case 'text': return () => '';
    case 'boolean': return () => false;
    case 'list': case 'slots': case 'enum_list': return () => [];
    default: return () => null;
  }
}

/** How a non-blank cell of `column` reads. */
function filledReader(column: Column): (cell: Cell) => unknown {
  const header = column.ja;
  switch (column.type) {
    case 'id':
      // IDs are text; a number typed into an ID cell (1 for `1`) is the same ID. `NaN` or
      // `Infinity` is what a failed calculation leaves, never an ID (a non-finite number cell is
      // already a problem in readerOf).
      return (cell) => {
        const id = typeof cell === 'number' ? String(cell) : cellText(cell);
        return isNonFinite(id) ? new CellProblem('not_finite', { value: id }) : id;
      };
    case 'text':
      return cellText;
    case 'date':
      return (cell) => parseDateCell(cell) ?? new CellProblem('bad_date', { value: cellText(cell) });
    case 'timestamp':
      return (cell) => parseTimestampCell(cell) ?? new CellProblem('bad_timestamp', { value: cellText(cell) });
    case 'time':
      return (cell) => parseTimeCell(cell) ?? new CellProblem('bad_time', { value: cellText(cell) });
    case 'int': case 'number': {
      const integer = column.type === 'int';
      return (cell) => {
        const n = parseNumber(cell);
        if (n === null) return new CellProblem('bad_number', { value: cellText(cell) });
        if (integer && !Number.isInteger(n)) return new CellProblem('bad_integer', { value: cellText(cell) });
        return rangeProblem(column, n) ?? n;
      };
    }
    case 'boolean':
      return (cell) => parseBoolean(cell) ?? new CellProblem('bad_boolean', { value: cellText(cell) });
    case 'list':
      return (cell) => splitList(cellText(cell));
    case 'slots': {
      const slotOf = memo(parseSlot);
      // A column of slots repeats a few hundred texts (月午前、水午後): each text is read once and
      // its slots copied (every record owns its list), where splitting and matching every cell
      // was a twentieth of the weekly run's compute.
      const slotsOf = memo((text: string): readonly Slot[] | CellProblem => {
        const slots: Slot[] = [];
        for (const part of splitList(text)) {
          const s = slotOf(part);
          if (!s) return new CellProblem('bad_slot', { value: part });
          if (!slots.includes(s)) slots.push(s);
        }
        return slots;
      }, SLOTS_MEMO_LIMIT);
      return (cell) => {
        const slots = slotsOf(cellText(cell));
        return slots instanceof CellProblem ? new CellProblem(slots.code, { ...slots.params }) : slots.slice();
      };
    }
    case 'enum': {
      const e = column.enumeration;
      const code = memo((text: string) => codeOf(e, text));
      return (cell) => {
        const value = cellText(cell);
        return code(value) ?? new CellProblem('bad_enum', { value, header, allowed: allowedValues(column) });
      };
    }
    case 'enum_list': {
      const e = column.enumeration;
      const code = memo((text: string) => codeOf(e, text));
      return (cell) => {
        const codes: string[] = [];
        for (const part of splitList(cellText(cell))) {
          const c = code(part);
          if (c === null) return new CellProblem('bad_enum', { value: part, header, allowed: allowedValues(column) });
          if (!codes.includes(c)) codes.push(c);
        }
        return codes;
      };
    }
  }
}

/** An error value (`#N/A`) or a number that is not finite: a problem in every column, whatever
 *  its type, before the column's own reading (which would take `#N/A` as text and NaN as `NaN`). */
function unusable(c: Cell): CellProblem | null {
  if (typeof c === 'number') return Number.isFinite(c) ? null : new CellProblem('not_finite', { value: String(c) });
  const error = errorValueOf(c);
  return error === null ? null : new CellProblem('error_value', { value: error });
}

// One reader per column object, built on first use: the schema's columns are module constants,
// so a table's parse builds nothing per cell.
const READERS = new WeakMap<Column, ColumnReader>();

export function readerOf(column: Column): ColumnReader {
  let reader = READERS.get(column);
  if (!reader) {
    const filled = filledReader(column);
    const blank = blankOf(column);
    const required = column.required === true ? new CellProblem('required', { header: column.ja }) : null;
    reader = {
      read: (c) => (isBlankCell(c) ? (required ?? blank()) : (unusable(c as Cell) ?? filled(c as Cell))),
      blank,
    };
    READERS.set(column, reader);
  }
  return reader;
}

/** One cell against its column's type. Blank cells give the column's blank value or `required`. */
export function parseCell(column: Column, c: Cell | undefined): CellResult {
  const value = readerOf(column).read(c);
  return value instanceof CellProblem ? { ok: false, code: value.code, params: value.params } : { ok: true, value };
}

function allowedValues(column: Column): string {
  if (column.type !== 'enum' && column.type !== 'enum_list') return '';
  const e = column.enumeration;
  return e.codes.map((c) => `${e.ja[c]}/${c}`).join('、');
}
