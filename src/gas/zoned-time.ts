import type { DateCell } from '../domain/cell';

// The one place where spreadsheet Dates meet the center's time zone (conventions.md, "Dates").
// Sheets hands a script a Date (an instant); the cell means a wall-clock day or time in the
// spreadsheet's zone. Intl does the conversion inside the script: Utilities.formatDate would be a
// service call per cell, and a tab read must stay one call however many dates it holds.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface Wall { year: number; month: number; day: number; hour: number; minute: number; second: number }

function wallClock(instant: number, timeZone: string): Wall {
  const w: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type in w) w[p.type as keyof Wall] = Number(p.value);
  }
  return w;
}

const two = (n: number): string => String(n).padStart(2, '0');

// A tab repeats the same few hundred days many times; formatToParts is the costly step, so
// each instant is converted once per run (bounded, so a huge tab cannot grow it without end).
const memo = new Map<string, DateCell>();
const MEMO_LIMIT = 50000;

/** The cell's wall-clock day (and time, when it has one) in `timeZone`. */
export function dateToCell(date: Date, timeZone: string): DateCell {
  const key = `${timeZone} ${date.getTime()}`;
  const known = memo.get(key);
  if (known) return { date: known.date };
  const cell = convert(date.getTime(), timeZone);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, cell);
  return { date: cell.date };
}

function convert(instant: number, timeZone: string): DateCell {
  const w = wallClock(instant, timeZone);
  const day = `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)}`;
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return { date: day };
  return { date: `${day}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}` };
}

const CELL_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The instant at which `cell`'s wall-clock day (or time) begins in `timeZone`; null for text that is no date. */
export function cellToDate(cell: DateCell, timeZone: string): Date | null {
  const key = `${timeZone} ${cell.date}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    ms = instantOf(cell.date, timeZone);
    if (instants.size >= MEMO_LIMIT) instants.clear();
    instants.set(key, ms);
  }
  return ms === null ? null : new Date(ms);
}

const instants = new Map<string, number | null>();

function instantOf(text: string, timeZone: string): number | null {
  const m = CELL_TEXT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as
    [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = (at: number): number => {
    const w = wallClock(at, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at / 1000) * 1000;
  };
  // Twice, so a day on which the zone changes its offset (summer time) still lands right.
  let instant = wall - offset(wall);
  instant = wall - offset(instant);
  return instant;
}
