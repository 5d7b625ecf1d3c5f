// The parser as it was before the fast paths (git show 4cf5bc8:src/domain/parse/parse-cell.ts), kept unchanged as the
// oracle the property tests hold the fast parser to. Only the imports were changed.
import { codeOf } from './code-of';
import { cellText, isBlank, isDateCell, type Cell } from '../../../../src/domain/cell';
import { parseCivilDate } from './civil-date';
import { parseSlot, type Slot } from '../../../../src/domain/slots';
import type { Column } from '../../../../src/domain/schema/column';
import type { ProblemCode, ProblemParams } from '../../../../src/domain/messages/problem';

export type CellResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly code: ProblemCode; readonly params: ProblemParams };

const LIST_SEPARATOR = /[,、・，､]/;
const TRUE_WORDS = new Set(['true', 'はい', 'yes', 'y', '1', '○', '〇', '✓', 'on']);
const FALSE_WORDS = new Set(['false', 'いいえ', 'no', 'n', '0', '×', 'off']);

/** `a、b・c, d` → `['a','b','c','d']`, blanks dropped. */
export function splitList(text: string): string[] {
  return text.split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');
}

export function parseBoolean(c: Cell): boolean | null {
  if (typeof c === 'boolean') return c;
  if (typeof c === 'number') return c === 1 ? true : c === 0 ? false : null;
  const t = cellText(c).normalize('NFKC').toLowerCase();
  if (t === '') return false;
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

/** A date cell or `YYYY-MM-DD` / `YYYY/MM/DD` text (a date cell with a time keeps only its day). */
export function parseDateCell(c: Cell): string | null {
  if (isDateCell(c)) return parseCivilDate(c.date.slice(0, 10));
  if (typeof c === 'string') {
    const t = c.trim();
    // Text such as `2015-04-01 09:00` or ISO `2015-04-01T09:00` still names a day.
    const day = /^(\d{4}[-/]\d{1,2}[-/]\d{1,2})(?:[ T].*)?$/.exec(t.normalize('NFKC'));
    return day ? parseCivilDate(day[1] ?? '') : null;
  }
  return null;
}

const TIMESTAMP_TEXT = /^(\d{4}[-/]\d{1,2}[-/]\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/** Timestamps as `YYYY-MM-DDTHH:MM:SS` in the center's zone. Text with an offset (`Z`, `+09:00`)
 *  cannot be placed without a zone, so adapters convert those; the domain accepts zone-less text. */
export function parseTimestampCell(c: Cell): string | null {
  const text = isDateCell(c) ? c.date : typeof c === 'string' ? c.trim().normalize('NFKC') : null;
  if (text === null) return null;
  const m = TIMESTAMP_TEXT.exec(text);
  if (!m) return null;
  const day = parseCivilDate(m[1] ?? '');
  if (!day) return null;
  const h = Number(m[2] ?? 0);
  const mi = Number(m[3] ?? 0);
  const s = Number(m[4] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${day}T${p(h)}:${p(mi)}:${p(s)}`;
}

/** `HH:MM` text, a date cell carrying a time, or a day fraction (how spreadsheets store times). */
export function parseTimeCell(c: Cell): string | null {
  const p = (n: number): string => String(n).padStart(2, '0');
  if (typeof c === 'number') {
    if (c < 0 || c >= 1) return null;
    const minutes = Math.round(c * 24 * 60);
    return `${p(Math.floor(minutes / 60))}:${p(minutes % 60)}`;
  }
  const text = isDateCell(c) ? (c.date.split('T')[1] ?? '') : cellText(c).normalize('NFKC');
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
  const t = c.normalize('NFKC').trim().replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

function rangeProblem(column: Column, n: number): CellResult | null {
  const min = column.min ?? -Infinity;
  const max = column.max ?? Infinity;
  if (n < min || n > max) {
    return { ok: false, code: 'out_of_range', params: { value: n, min: Number.isFinite(min) ? min : '', max: Number.isFinite(max) ? max : '' } };
  }
  return null;
}

/** One cell against its column's type. Blank cells give the column's blank value or `required`. */
export function parseCell(column: Column, c: Cell | undefined): CellResult {
  const cell: Cell = c === undefined ? null : c;
  const header = column.ja;
  if (isBlank(cell)) {
    if (column.required) return { ok: false, code: 'required', params: { header } };
    switch (column.type) {
      case 'text': return { ok: true, value: '' };
      case 'boolean': return { ok: true, value: false };
      case 'list': case 'slots': case 'enum_list': return { ok: true, value: [] };
      default: return { ok: true, value: null };
    }
  }
  const value = cellText(cell);
  switch (column.type) {
    case 'id':
      // IDs are text; a number typed into an ID cell (1 for `1`) is the same ID.
      return { ok: true, value: typeof cell === 'number' ? String(cell) : value };
    case 'text':
      return { ok: true, value };
    case 'date': {
      const d = parseDateCell(cell);
      return d ? { ok: true, value: d } : { ok: false, code: 'bad_date', params: { value } };
    }
    case 'timestamp': {
      const t = parseTimestampCell(cell);
      return t ? { ok: true, value: t } : { ok: false, code: 'bad_timestamp', params: { value } };
    }
    case 'time': {
      const t = parseTimeCell(cell);
      return t ? { ok: true, value: t } : { ok: false, code: 'bad_time', params: { value } };
    }
    case 'int': case 'number': {
      const n = parseNumber(cell);
      if (n === null) return { ok: false, code: 'bad_number', params: { value } };
      if (column.type === 'int' && !Number.isInteger(n)) return { ok: false, code: 'bad_integer', params: { value } };
      return rangeProblem(column, n) ?? { ok: true, value: n };
    }
    case 'boolean': {
      const b = parseBoolean(cell);
      return b === null ? { ok: false, code: 'bad_boolean', params: { value } } : { ok: true, value: b };
    }
    case 'list':
      return { ok: true, value: splitList(value) };
    case 'slots': {
      const slots: Slot[] = [];
      for (const part of splitList(value)) {
        const s = parseSlot(part);
        if (!s) return { ok: false, code: 'bad_slot', params: { value: part } };
        if (!slots.includes(s)) slots.push(s);
      }
      return { ok: true, value: slots };
    }
    case 'enum': {
      const code = codeOf(column.enumeration, value);
      return code !== null ? { ok: true, value: code } : { ok: false, code: 'bad_enum', params: { value, header, allowed: allowedValues(column) } };
    }
    case 'enum_list': {
      const codes: string[] = [];
      for (const part of splitList(value)) {
        const code = codeOf(column.enumeration, part);
        if (code === null) return { ok: false, code: 'bad_enum', params: { value: part, header, allowed: allowedValues(column) } };
        if (!codes.includes(code)) codes.push(code);
      }
      return { ok: true, value: codes };
    }
  }
}

function allowedValues(column: Column): string {
  if (column.type !== 'enum' && column.type !== 'enum_list') return '';
  const e = column.enumeration;
  return e.codes.map((c) => `${e.ja[c]}/${c}`).join('、');
}
