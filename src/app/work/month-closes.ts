import { parseTable } from '../../domain/parse/parse-table';
import { MONTHLY_CLOSE_TAB, tabNames, type MonthlyClose } from '../../domain/schema/tabs';
import type { Language } from '../../domain/enums';
import { closedMonths } from '../../domain/work/closed-months';
import { parseMonth, type Month } from '../../domain/work/month';
import type { TableStore } from '../ports';
import { ApiError } from '../shared/api-error';

// The 月次締め tab as a writer needs it: which months are closed, and where each month's row is
// (one small read: a row per month ever closed, a dozen a year).
export interface MonthCloses {
  /** The tab's name as found; null when the workbook has no 月次締め tab yet. */
  readonly tab: string | null;
  readonly header: readonly string[];
  /** Column key → 0-based position (-1 when absent). */
  readonly index: ReadonlyMap<string, number>;
  readonly closed: ReadonlySet<Month>;
  /** Each month's record and its sheet row (the last row of a month, as closedMonths reads it). */
  readonly rows: ReadonlyMap<Month, { readonly record: MonthlyClose; readonly row: number }>;
}

export function readMonthCloses(store: TableStore, lang: Language): MonthCloses {
  const raw = store.read(tabNames(MONTHLY_CLOSE_TAB, lang));
  if (!raw) return { tab: null, header: [], index: new Map(), closed: new Set(), rows: new Map() };
  const parsed = parseTable(MONTHLY_CLOSE_TAB, raw);
  // A tab whose 対象月 or 状態 header is gone says nothing about which months are closed: a
  // writer must not take that for "none are".
  const missing = parsed.problems.filter((p) => p.code === 'missing_header' || p.code === 'duplicate_header');
  if (missing.length > 0) throw new ApiError('bad_workbook', { detail: missing.map((p) => `${p.tab}!${p.cell} ${String(p.params.header ?? '')}`).join(', ') });
  const rows = new Map<Month, { record: MonthlyClose; row: number }>();
  parsed.records.forEach((record, i) => {
    const month = parseMonth(record.month);
    if (month !== null) rows.set(month, { record, row: parsed.rowNumbers[i] ?? 0 });
  });
  return { tab: raw.name, header: raw.header, index: parsed.columnIndex, closed: closedMonths(parsed.records), rows };
}
