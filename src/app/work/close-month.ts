import { MONTHLY_CLOSE_TAB, headerName, tabName, SETTINGS_TAB, tabNames, type MonthlyClose } from '../../domain/schema/tabs';
import { encodeRecord, type CellsByKey } from '../../domain/schema/record-cells';
import type { Problem } from '../../domain/messages/problem';
import { parseSettings } from '../../domain/settings';
import { monthlyPay, type MonthlyPay } from '../../domain/work/monthly-pay';
import type { Month } from '../../domain/work/month';
import type { Lock, TableStore } from '../ports';
import { writeAudit } from '../shared/audit';
import { loadWorkbookPart } from '../shared/read-part';
import { updateRecord } from '../shared/record-writes';
import { underWriteLock } from '../shared/write-boundary';
import { CLOSE_READS } from './close-reads';
import { readMonthCloses } from './month-closes';
import type { WorkContext } from './record-work';
import { appendRecords } from './append-records';

// The monthly close (issue 13 item 2), under the write boundary: the month's 配分金, bills and
// 派遣 wages from every row dated in it, and the month recorded closed in 月次締め, so that
// recordWork refuses its rows from then on. Data problems in what the close reads (a bad hours
// cell, a job without 単価, a row naming no member) stop it before anything is written: a closed
// month's amounts are what gets paid. Closing a month that is closed with the same totals writes
// nothing; a closed month whose rows changed since (typed into the sheet by hand) is closed again
// with the new totals. Service use: 設定, 月次締め, the columns of CLOSE_READS, one append or one
// write of the month's row, one audit row.

export interface ClosePorts {
  readonly store: TableStore;
  readonly lock: Lock;
}

export type CloseResult =
  | { readonly ok: true; readonly pay: MonthlyPay; readonly written: boolean; readonly wasClosed: boolean }
  | { readonly ok: false; readonly code: 'busy' }
  | { readonly ok: false; readonly code: 'problems'; readonly problems: readonly Problem[] };

export function closeMonth(ports: ClosePorts, ctx: WorkContext, month: Month): CloseResult {
  const locked = underWriteLock(ports, (): CloseResult => {
    const { settings, problems: settingProblems } = parseSettings(ports.store.read(tabNames(SETTINGS_TAB)));
    const workbook = loadWorkbookPart(ports.store, CLOSE_READS, settings);
    const problems = [...settingProblems, ...workbook.problems];
    if (problems.length > 0) return { ok: false, code: 'problems', problems };
    const pay = monthlyPay({ workLog: workbook.workLog, jobs: workbook.jobs, feeRate: settings.feeRate }, month);
    const closes = readMonthCloses(ports.store, ctx.lang);
    const wasClosed = closes.closed.has(month);
    const existing = closes.rows.get(month);
    const totals = {
      rows: pay.rowCount, amount_total: pay.totals.amount, billed_total: pay.totals.billed, wages_total: pay.totals.wages,
    };
    if (wasClosed && existing && sameTotals(existing.record, totals)) return { ok: true, pay, written: false, wasClosed };

    const after = { month, status: 'closed' as const, closed_at: ctx.now, closed_by: ctx.user, ...totals };
    if (existing && closes.tab !== null) {
      updateRecord(ports.store, MONTHLY_CLOSE_TAB, { tab: closes.tab, index: closes.index, row: existing.row }, existing.record, after, ctx.lang);
    } else if (closes.tab !== null) {
      appendRecords<typeof MONTHLY_CLOSE_TAB>(ports.store, { name: closes.tab, index: closes.index }, Object.keys(after) as (keyof typeof after)[],
        [encodeRecord(MONTHLY_CLOSE_TAB, after, ctx.lang)]);
    } else {
      // The first close of a workbook setup never dressed: the tab is made with the row.
      const cells: CellsByKey<typeof MONTHLY_CLOSE_TAB> = encodeRecord(MONTHLY_CLOSE_TAB, after, ctx.lang);
      ports.store.replace(tabName(MONTHLY_CLOSE_TAB, ctx.lang), MONTHLY_CLOSE_TAB.columns.map((c) => headerName(c, ctx.lang)),
        [MONTHLY_CLOSE_TAB.columns.map((c) => cells[c.key] ?? null)]);
    }
    writeAudit(ports.store, ctx.lang, {
      at: ctx.now, user: ctx.user, action: 'close_month', sheet: closes.tab ?? tabName(MONTHLY_CLOSE_TAB, ctx.lang), recordId: month,
      detail: `status=closed rows=${totals.rows} amount=${totals.amount_total} billed=${totals.billed_total} wages=${totals.wages_total}`,
    });
    return { ok: true, pay, written: true, wasClosed };
  });
  return locked.ok ? locked.value : { ok: false, code: 'busy' };
}

function sameTotals(record: MonthlyClose, t: { rows: number; amount_total: number; billed_total: number; wages_total: number }): boolean {
  return record.rows === t.rows && record.amount_total === t.amount_total && record.billed_total === t.billed_total && record.wages_total === t.wages_total;
}
