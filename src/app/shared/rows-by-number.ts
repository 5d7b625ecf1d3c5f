import type { Cell, RawTable } from '../../domain/cell';
import type { TableStore } from '../ports';

// TableStore.matchRows, readRows and readTop, or for a store without them (a test's counting wrapper, the
// demo's versioned store) the tab read whole and answered the same way: one answer for every caller.
// The memory store answers with these very functions, so its answers are Sheets' as the fake
// TextFinder (test/fakes/text-finder.ts) gives them: the text a cell shows, matched with case kept.

/** What a cell shows to a TextFinder: text as it is, a number as its digits, blank or a date as nothing
 *  the add-in's patterns match. */
function shown(c: Cell | undefined): string {
  return typeof c === 'string' || typeof c === 'number' ? String(c) : '';
}

/** The rows of `raw` (sheet rows from its firstRow, or its rowNumbers) matching `pattern` in `column`:
 *  the first `limit` of them, or (`fromEnd`) the last `limit`, in sheet order either way. */
export function matchRowsIn(raw: RawTable, column: number, pattern: string, limit: number, fromEnd = false): { rows: number[]; total: number } {
  const re = new RegExp(pattern, 'u');
  const first = raw.firstRow ?? 2;
  const rows: number[] = [];
  let total = 0;
  raw.rows.forEach((r, i) => {
    const text = column >= 0 ? shown(r[column]) : '';
    if (text === '' || !re.test(text)) return;
    total += 1;
    if (fromEnd || rows.length < limit) rows.push(raw.rowNumbers?.[i] ?? first + i);
  });
  return { rows: fromEnd ? rows.slice(Math.max(0, rows.length - limit)) : rows, total };
}

/** The rows `rowNumbers` of `raw`, only the picked columns kept (the others null). */
export function rowsIn(raw: RawTable, rowNumbers: readonly number[], pick: (header: readonly string[]) => readonly number[]): RawTable {
  const width = raw.header.length;
  const wanted = pick(raw.header).filter((c) => c >= 0 && c < width);
  const first = raw.firstRow ?? 2;
  const at = new Map<number, readonly Cell[]>();
  raw.rows.forEach((r, i) => at.set(raw.rowNumbers?.[i] ?? first + i, r));
  const rows = rowNumbers.map((n) => {
    const out = new Array<Cell>(width).fill(null);
    const r = at.get(n);
    if (r) for (const c of wanted) out[c] = r[c] ?? null;
    return out;
  });
  return { name: raw.name, header: [...raw.header], rows, rowNumbers: [...rowNumbers] };
}

export function matchRowsOf(store: TableStore, names: readonly string[], column: number, pattern: string, limit: number, fromEnd = false): { rows: readonly number[]; total: number } | null {
  if (store.matchRows) return store.matchRows(names, column, pattern, limit, fromEnd);
  const raw = store.read(names);
  return raw ? matchRowsIn(raw, column, pattern, limit, fromEnd) : null;
}

export function readRowsOf(store: TableStore, names: readonly string[], rowNumbers: readonly number[], pick: (header: readonly string[]) => readonly number[]): RawTable | null {
  if (store.readRows) return store.readRows(names, rowNumbers, pick);
  const raw = store.read(names);
  return raw ? rowsIn(raw, rowNumbers, pick) : null;
}

/** The header and the first `dataRows` data rows of `raw`, `width` columns, blanks where it has none. */
export function topOf(raw: RawTable, dataRows: number, width: number): RawTable {
  const cells = (r: readonly Cell[] | undefined): Cell[] => Array.from({ length: width }, (_, c) => r?.[c] ?? null);
  const header = Array.from({ length: width }, (_, c) => raw.header[c] ?? '');
  return { name: raw.name, header, rows: Array.from({ length: dataRows }, (_, i) => cells(raw.rows[i])) };
}

export function readTopOf(store: TableStore, names: readonly string[], dataRows: number, width: number): RawTable | null {
  if (store.readTop) return store.readTop(names, dataRows, width);
  const raw = store.read(names);
  return raw ? topOf(raw, dataRows, width) : null;
}
