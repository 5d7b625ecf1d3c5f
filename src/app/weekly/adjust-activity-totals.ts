import type { Cell } from '../../domain/cell';
import { findRawRows } from '../shared/find-rows';
import { readRowsOf } from '../shared/rows-by-number';
import { addActivity, emptyTotals, type CountedFields } from '../../domain/kpi/activity-totals';
import {
  ACTIVITY_TOTALS_TAB, dayKey, parseTotalsTab, totalsTabRows, type StoredTotals,
} from '../../domain/weekly/activity-totals-tab';
import type { TableStore } from '../ports';

// A correction or a withdrawal of an activity the stored totals already count (`_活動集計`,
// count-activities.ts) changes them in the same write, under the same lock: the row's old fields
// are taken away from their day and its new ones added to theirs, and only those day rows (and,
// when a day is new, one row appended) are written — the tab's mark read at its row first (a row
// the totals do not count yet, or a stale mark, needs nothing more), then the day rows found by key
// (TableStore.findRows: one search, whatever the tab's length; the mark too when rows were moved
// by hand and it is not at its row). A second mark row typed further down is not looked for: the
// weekly run, which reads the tab whole, finds it and counts 活動記録 again. When the delta
// cannot be exact — the row's 会員ID changed (the members named are kept in chunks, not by day)
// or the row had a bad cell the correction may have mended — the mark is set stale instead, and
// the next weekly run counts 活動記録 again. A row below the mark is not counted yet: the next run
// reads it as it then is.

/** The mark's sheet row: the weekly run writes the tab whole, the mark first (totalsTabRows). */
const MARK_ROW = 2;

export type TotalsAdjustment = 'adjusted' | 'stale' | 'not_counted' | 'no_totals';


export function adjustActivityTotals(
  store: TableStore, sheetRow: number, before: CountedFields, after: CountedFields, rowHadProblems: boolean,
): TotalsAdjustment {
  const names = [ACTIVITY_TOTALS_TAB.ja, ACTIVITY_TOTALS_TAB.en];
  const days = [...new Set([dayKey(before.date), dayKey(after.date)])];
  // The mark first, read where the weekly run writes it (totalsTabRows' first row, under the
  // header): a row logged since that run (most corrections, and every undo of a 成立, are of the
  // day's rows) or a stale mark ends here, one read in all, no search.
  const top = readRowsOf(store, names, [MARK_ROW], () => [0, 1]);
  if (!top) return 'no_totals';
  const head = String(top.rows[0]?.[0] ?? '').trim() === 'mark' ? parseTotalsTab(top) : null;
  const writeMark = (row: number, stored: StoredTotals): void => {
    const markRow = totalsTabRows({ mark: { ...stored.mark, stale: true }, totals: { ...stored.totals, members: new Map() } })[0];
    if (markRow) store.writeCells(top.name, row, { columns: [0, 1], rows: [markRow] });
  };
  if (head) {
    if (sheetRow > head.mark.row) return 'not_counted';
    if (head.mark.stale) return 'stale';
    // The mark row only; the run that counts the tab again writes the rest.
    if (rowHadProblems || (before.member_id ?? '') !== (after.member_id ?? '')) { writeMark(MARK_ROW, head); return 'stale'; }
  }
  // The day rows found by key (and the mark too when it was not at its row: rows moved by hand).
  // Long cells (a day's JSON names its 継続支援 members: kilobytes a day at 50,000 members; the
  // members chunks up to 40,000 characters): only the rows asked are read, never the days between.
  const found = findRawRows(store, names, () => [{ column: 0, keys: head ? days : ['mark', ...days] }], true);
  if (!found) return 'no_totals';
  const foundRows = found.rowNumbers ?? found.rows.map((_, i) => i + (found.firstRow ?? 2));
  const rowNumbers = head ? [MARK_ROW, ...foundRows] : foundRows;
  const tabRows = head ? [top.rows[0] ?? [], ...found.rows] : found.rows;
  const stored = parseTotalsTab({ ...found, rows: tabRows, rowNumbers });
  const markAt = tabRows.findIndex((r) => r[0] === 'mark');
  if (!stored || markAt < 0) return 'no_totals';
  if (sheetRow > stored.mark.row) return 'not_counted';
  const write = (row: number, cells: readonly Cell[]): void => store.writeCells(found.name, row, { columns: [0, 1], rows: [cells] });
  if (stored.mark.stale) return 'stale';
  if (rowHadProblems || (before.member_id ?? '') !== (after.member_id ?? '')) {
    writeMark(rowNumbers[markAt] ?? 0, stored);
    return 'stale';
  }
  // The days found, as stored; the delta on them; each written back at its row (or appended).
  const totals = stored.totals;
  addActivity(totals, before, -1);
  addActivity(totals, after, 1);
  const rows = totalsTabRows({ mark: stored.mark, totals: { ...emptyTotals(), days: totals.days } });
  const rowOf = new Map(tabRows.map((r, i) => [String(r[0] ?? ''), rowNumbers[i] ?? 0]));
  const appended: Cell[][] = [];
  for (const key of days) {
    const row = rows.find((r) => r[0] === key) ?? [key, emptyDayText()];
    const at = rowOf.get(key);
    if (at !== undefined) write(at, row);
    else if (row[1] !== emptyDayText()) appended.push(row);
  }
  if (appended.length > 0) store.appendCells(found.name, { columns: [0, 1], rows: appended });
  return 'adjusted';
}

/** A day with nothing left in it (parseTotalsTab reads it as no day at all). */
function emptyDayText(): string {
  return JSON.stringify({ n: 0, m: 0, a: {}, k: {}, c: {}, f: {} });
}

