import type { Cell } from '../../domain/cell';
import { findRawRows } from '../shared/find-rows';
import { addActivity, emptyTotals, type CountedFields } from '../../domain/kpi/activity-totals';
import {
  ACTIVITY_TOTALS_TAB, dayKey, parseTotalsTab, totalsTabRows,
} from '../../domain/weekly/activity-totals-tab';
import type { TableStore } from '../ports';

// A correction or a withdrawal of an activity the stored totals already count (`_活動集計`,
// count-activities.ts) changes them in the same write, under the same lock: the row's old fields
// are taken away from their day and its new ones added to theirs, and only those day rows (and,
// when a day is new, one row appended) are written — the tab's mark row and the day rows are
// found by key (TableStore.findRows: one search, whatever the tab's length). When the delta
// cannot be exact — the row's 会員ID changed (the members named are kept in chunks, not by day)
// or the row had a bad cell the correction may have mended — the mark is set stale instead, and
// the next weekly run counts 活動記録 again. A row below the mark is not counted yet: the next run
// reads it as it then is.

export type TotalsAdjustment = 'adjusted' | 'stale' | 'not_counted' | 'no_totals';


export function adjustActivityTotals(
  store: TableStore, sheetRow: number, before: CountedFields, after: CountedFields, rowHadProblems: boolean,
): TotalsAdjustment {
  const names = [ACTIVITY_TOTALS_TAB.ja, ACTIVITY_TOTALS_TAB.en];
  const keys = [...new Set(['mark', dayKey(before.date), dayKey(after.date)])];
  // Long cells (a day's JSON names its 継続支援 members: kilobytes a day at 50,000 members; the
  // members chunks up to 40,000 characters): only the rows asked are read, never the days between.
  const found = findRawRows(store, names, () => [{ column: 0, keys }], true);
  if (!found) return 'no_totals';
  const rowNumbers = found.rowNumbers ?? found.rows.map((_, i) => i + (found.firstRow ?? 2));
  const stored = parseTotalsTab(found);
  const markAt = found.rows.findIndex((r) => r[0] === 'mark');
  if (!stored || markAt < 0) return 'no_totals';
  if (sheetRow > stored.mark.row) return 'not_counted';
  const write = (row: number, cells: readonly Cell[]): void => store.writeCells(found.name, row, { columns: [0, 1], rows: [cells] });
  if (stored.mark.stale) return 'stale';
  if (rowHadProblems || (before.member_id ?? '') !== (after.member_id ?? '')) {
    // The mark row only; the run that counts the tab again writes the rest.
    const markRow = totalsTabRows({ mark: { ...stored.mark, stale: true }, totals: { ...stored.totals, members: new Map() } })[0];
    if (markRow) write(rowNumbers[markAt] ?? 0, markRow);
    return 'stale';
  }
  // The days found, as stored; the delta on them; each written back at its row (or appended).
  const totals = stored.totals;
  addActivity(totals, before, -1);
  addActivity(totals, after, 1);
  const rows = totalsTabRows({ mark: stored.mark, totals: { ...emptyTotals(), days: totals.days } });
  const rowOf = new Map(found.rows.map((r, i) => [String(r[0] ?? ''), rowNumbers[i] ?? 0]));
  const appended: Cell[][] = [];
  for (const key of keys) {
    if (key === 'mark') continue;
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

