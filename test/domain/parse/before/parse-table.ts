// The parser as it was before the fast paths (git show 4cf5bc8:src/domain/parse/parse-table.ts), kept unchanged as the
// oracle the property tests hold the fast parser to. Only the imports were changed.
import { cellRef, isBlank, type RawTable } from '../../../../src/domain/cell';
import type { Column, RecordOf } from '../../../../src/domain/schema/column';
import type { TabDef } from '../../../../src/domain/schema/tabs';
import type { Problem } from '../../../../src/domain/messages/problem';
import { parseCell } from './parse-cell';

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

/** Turns a raw tab into typed records, collecting every problem with its cell. Blank rows are
 *  skipped; a row whose required cell is bad is left out of `records`, other bad cells read as blank. */
export function parseTable<Cols extends readonly Column[]>(def: TabDef<Cols>, raw: RawTable): ParsedTable<RecordOf<Cols>> {
  const { index, problems } = locateColumns(def, raw.name, raw.header);
  const records: RecordOf<Cols>[] = [];
  const rowNumbers: number[] = [];
  const droppedIds: string[] = [];
  if (problems.some((p) => p.code === 'missing_header')) {
    return { tab: raw.name, records, rowNumbers, columnIndex: index, problems, droppedIds };
  }
  const primary = def.columns.find((c) => c.primary);
  raw.rows.forEach((row, r) => {
    if (row.every((c) => isBlank(c))) return;
    const record: Record<string, unknown> = {};
    let usable = true;
    for (const column of def.columns) {
      const at = index.get(column.key) ?? -1;
      const result = parseCell(column, at >= 0 ? row[at] : null);
      if (result.ok) {
        record[column.key] = result.value;
      } else {
        problems.push({ tab: raw.name, cell: at >= 0 ? cellRef(r, at) : `${r + 2}`, code: result.code, params: result.params });
        if (column.required) usable = false;
        const blank = parseCell({ ...column, required: false }, null);
        record[column.key] = blank.ok ? blank.value : null;
      }
    }
    if (usable) {
      // The record's shape is exactly the columns' keys and parseCell's per-type values: RecordOf<Cols>.
      records.push(record as RecordOf<Cols>);
      rowNumbers.push(r + 2);
    } else if (primary && typeof record[primary.key] === 'string' && record[primary.key] !== '') {
      droppedIds.push(record[primary.key] as string);
    }
  });
  return { tab: raw.name, records, rowNumbers, columnIndex: index, problems, droppedIds };
}
