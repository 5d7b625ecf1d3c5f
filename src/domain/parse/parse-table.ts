import { cellRef, type Cell, type RawTable } from '../cell';
import type { Column, RecordOf } from '../schema/column';
import type { TabDef } from '../schema/tabs';
import type { Problem } from '../messages/problem';
import { CellProblem, isBlankCell, readerOf } from './parse-cell';

export interface ParsedTable<T> {
  /** The tab's name as found in the workbook. */
  readonly tab: string;
  readonly records: T[];
  /** Sheet row number (1-based, header is row 1) of each record, parallel to `records`. */
  readonly rowNumbers: number[];
  /** Column index in the sheet of each known column key; -1 when the column is absent. */
  readonly columnIndex: ReadonlyMap<string, number>;
  readonly problems: Problem[];
  /** IDs of rows left out of `records` for a bad required cell: they still exist in the tab, so
   *  references to them are not reported as dangling on top of the row's own problem. */
  readonly droppedIds: string[];
}

/** Normalises a header for matching: trims, folds full-width forms and case. */
export function normalizeHeader(h: string): string {
  return h.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Where each column of `def` stands in `header` (Japanese or English name), plus header problems. */
export function locateColumns(def: TabDef, tabName: string, header: readonly string[]): { index: Map<string, number>; problems: Problem[] } {
  const normalized = header.map((h) => normalizeHeader(String(h ?? '')));
  const index = new Map<string, number>();
  const problems: Problem[] = [];
  for (const column of def.columns) {
    const names = [normalizeHeader(column.ja), normalizeHeader(column.key)];
    const found = normalized.map((h, i) => (names.includes(h) ? i : -1)).filter((i) => i >= 0);
    if (found.length > 1) problems.push({ tab: tabName, cell: '1', code: 'duplicate_header', params: { header: column.ja } });
    const at = found[0] ?? -1;
    if (at < 0 && column.required) {
      problems.push({ tab: tabName, cell: '1', code: 'missing_header', params: { header: column.ja, en: column.key } });
    }
    index.set(column.key, at);
  }
  return { index, problems };
}

/** A bad cell where the center sees it (tab!cell; the sheet row alone when the column is missing),
 *  as parseTable and parseColumns both report it. */
function problemAt(tab: string, sheetRow: number, at: number, problem: CellProblem): Problem {
  return { tab, cell: at >= 0 ? cellRef(sheetRow - 2, at) : `${sheetRow}`, code: problem.code, params: problem.params };
}

/** Turns a raw tab into typed records, collecting every problem with its cell. Blank rows are
 *  skipped; a row whose required cell is bad is left out of `records`, other bad cells read as blank.
 *  With `only` (column keys; the required ones are always added), the other columns are not looked
 *  at: they hold their blank (as an empty cell would read) and none of their problems is found —
 *  for a reader that read only those columns (the weekly run, read-part.ts), whose other cells are
 *  empty anyway, so running their readers on half a tab's empty cells was wasted work. */
export function parseTable<Cols extends readonly Column[]>(def: TabDef<Cols>, raw: RawTable, only?: readonly string[]): ParsedTable<RecordOf<Cols>> {
  const { index, problems } = locateColumns(def, raw.name, raw.header);
  const records: RecordOf<Cols>[] = [];
  const rowNumbers: number[] = [];
  const droppedIds: string[] = [];
  if (problems.some((p) => p.code === 'missing_header')) {
    return { tab: raw.name, records, rowNumbers, columnIndex: index, problems, droppedIds };
  }
  const primary = def.columns.find((c) => c.primary);
  // Everything per column is worked out once per table; the loop below runs for millions of
  // cells in a large center and allocates nothing but the records (and problems).
  const wanted = only ? new Set(only) : null;
  const read = (column: Column): boolean => wanted === null || column.required === true || wanted.has(column.key);
  const plan = def.columns.filter(read).map((column) => ({ column, key: column.key, at: index.get(column.key) ?? -1, reader: readerOf(column) }));
  // Every record starts as a copy of one with all the keys: V8 clones that shape in one step, with
  // every field inside the object, where adding 12–18 keys one by one to `{}` reallocates the
  // record's property store on the way (the garbage was a quarter of a large parse).
  const template: Record<string, unknown> = {};
  // A column not read holds its blank; a list's blank is a new array per record (never shared).
  const freshBlanks: { key: string; blank: () => unknown }[] = [];
  for (const column of def.columns) {
    if (read(column)) { template[column.key] = null; continue; }
    const blank = readerOf(column).blank;
    const value = blank();
    template[column.key] = Array.isArray(value) ? null : value;
    if (Array.isArray(value)) freshBlanks.push({ key: column.key, blank });
  }
  const rows = raw.rows;
  // Rows below the header are 0-based from sheet row 2 in cellRef; a tail starts further down.
  const skipped = (raw.firstRow ?? 2) - 2;
  // Rows found by key carry their own sheet rows.
  const sheetRows = raw.rowNumbers;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    // (A hole in a sparse array is skipped, as forEach skipped it.)
    if (row === undefined || isBlankRow(row)) continue;
    const sheetRow = sheetRows?.[r] ?? r + skipped + 2;
    const record: Record<string, unknown> = { ...template };
    for (let b = 0; b < freshBlanks.length; b++) {
      const fresh = freshBlanks[b] as (typeof freshBlanks)[number];
      record[fresh.key] = fresh.blank();
    }
    let usable = true;
    for (const { column, key, at, reader } of plan) {
      const value = reader.read(at >= 0 ? row[at] : null);
      if (value instanceof CellProblem) {
        problems.push(problemAt(raw.name, sheetRow, at, value));
        if (column.required) usable = false;
        record[key] = reader.blank();
      } else {
        record[key] = value;
      }
    }
    if (usable) {
      // The record's shape is exactly the columns' keys and the readers' per-type values: RecordOf<Cols>.
      records.push(record as RecordOf<Cols>);
      rowNumbers.push(sheetRow);
    } else if (primary && typeof record[primary.key] === 'string' && record[primary.key] !== '') {
      droppedIds.push(record[primary.key] as string);
    }
  }
  return { tab: raw.name, records, rowNumbers, columnIndex: index, problems, droppedIds };
}

/** A tab's fields as parseTable(def, raw, keys) would make them, one array per column, a usable
 *  row's values at one index (`count` of them): the same problems, row numbers and dropped IDs,
 *  but no record per row. For a reader that only sums and scans a few columns of a large tab (the
 *  weekly run's 会員: 20,000 records of 19 fields, three fresh lists each, and their garbage were a
 *  fifth of its compute). The tab's required columns are read too (a row with a bad one is left
 *  out, as parseTable leaves it); `columns` holds every column read. The loop is parseTable's, over
 *  a row of values reused instead of a record (test/app/weekly/weekly-parse.test.ts
 *  holds the two equal on random tables with bad cells). */
export interface ParsedColumns<T, K extends keyof T> extends Omit<ParsedTable<T>, 'records'> {
  /** Usable rows: the length of every array of `columns`. */
  readonly count: number;
  readonly columns: { readonly [P in K]: T[P][] };
}

export function parseColumns<Cols extends readonly Column[], K extends keyof RecordOf<Cols> & string>(
  def: TabDef<Cols>, raw: RawTable, keys: readonly K[],
): ParsedColumns<RecordOf<Cols>, K> {
  const { index, problems } = locateColumns(def, raw.name, raw.header);
  const rowNumbers: number[] = [];
  const droppedIds: string[] = [];
  const wanted = new Set<string>(keys);
  const plan = def.columns.filter((c) => c.required === true || wanted.has(c.key))
    .map((column) => ({ column, at: index.get(column.key) ?? -1, reader: readerOf(column), values: [] as unknown[] }));
  const byKey: Record<string, unknown[]> = {};
  for (const p of plan) byKey[p.column.key] = p.values;
  // Each array holds the values the column's reader gives (RecordOf's per-type values), as parseTable's record fields do.
  const columns = byKey as { [P in K]: RecordOf<Cols>[P][] };
  const done = (): ParsedColumns<RecordOf<Cols>, K> => ({ tab: raw.name, count: rowNumbers.length, columns, rowNumbers, columnIndex: index, problems, droppedIds });
  if (problems.some((p) => p.code === 'missing_header')) return done();
  const primaryAt = plan.findIndex((p) => p.column.primary === true);
  const values: unknown[] = new Array<unknown>(plan.length).fill(null);
  const rows = raw.rows;
  const skipped = (raw.firstRow ?? 2) - 2;
  const sheetRows = raw.rowNumbers;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row === undefined || isBlankRow(row)) continue;
    const sheetRow = sheetRows?.[r] ?? r + skipped + 2;
    let usable = true;
    for (let k = 0; k < plan.length; k++) {
      const { column, at, reader } = plan[k] as (typeof plan)[number];
      const value = reader.read(at >= 0 ? row[at] : null);
      if (value instanceof CellProblem) {
        problems.push(problemAt(raw.name, sheetRow, at, value));
        if (column.required) usable = false;
        values[k] = reader.blank();
      } else {
        values[k] = value;
      }
    }
    if (usable) {
      for (let k = 0; k < plan.length; k++) (plan[k] as (typeof plan)[number]).values.push(values[k]);
      rowNumbers.push(sheetRow);
    } else if (primaryAt >= 0 && typeof values[primaryAt] === 'string' && values[primaryAt] !== '') {
      droppedIds.push(values[primaryAt] as string);
    }
  }
  return done();
}

function isBlankRow(row: readonly Cell[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}
