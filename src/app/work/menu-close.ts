import { formatProblem, workCloseText } from '../../domain/messages/catalog';
import { MONTHLY_CLOSE_TAB, tabName } from '../../domain/schema/tabs';
import { addMonthsTo, monthOf, type Month } from '../../domain/work/month';
import { closeMonth, type ClosePorts } from './close-month';
import { readMonthCloses } from './month-closes';
import { reopenMonth } from './reopen-month';
import type { WorkContext } from './record-work';
import { writeAnnualStats } from './write-annual-stats';

// The manager's menu items of the monthly close and the 年度統計 (issue 13), each one use case
// under the write boundary and one sentence for the toast, from the catalog (workClose, stats):
// - 月次締め（先月）: closes the last finished month (the month before today's in the center's
//   zone), as `ikigai pay --month` does; its statements are printed from 配分金明細を印刷
//   (print-statements.ts) or `ikigai pay --out`;
// - 月次締めを再開: reopens the month closed last (the latest 締め row of 月次締め), for a late report;
// - 年度統計を書き出す: writes the last finished fiscal year (the one a federation's form asks for).
// The caller check (manager) is the table of server calls'; `ctx.user` is the manager's address.

export interface MenuAnswer { readonly ok: boolean; readonly message: string }

const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function closeLastMonth(ports: ClosePorts, ctx: WorkContext, today: string, busy: string): MenuAnswer & { readonly month: Month } {
  const month = addMonthsTo(monthOf(today), -1);
  const t = workCloseText(ctx.lang);
  const r = closeMonth(ports, ctx, month);
  if (!r.ok) {
    if (r.code === 'busy') return { ok: false, month, message: busy };
    return { ok: false, month, message: t.problems(r.problems.length, r.problems[0] ? formatProblem(r.problems[0], ctx.lang) : '') };
  }
  const where = tabName(MONTHLY_CLOSE_TAB, ctx.lang);
  const head = !r.written ? t.unchanged(month) : r.wasClosed ? t.reclosed(month, where) : t.closed(month, where);
  const sums = t.closedSummary(r.pay.members.length, grouped(r.pay.totals.amount), grouped(r.pay.totals.billed), grouped(r.pay.totals.wages));
  return { ok: true, month, message: `${head}: ${sums}` };
}

export function reopenLastClose(ports: ClosePorts, ctx: WorkContext, busy: string): MenuAnswer & { readonly month: Month | null } {
  const t = workCloseText(ctx.lang);
  // The latest month whose row says 締め (a dozen rows a year: one small read).
  const closes = readMonthCloses(ports.store, ctx.lang);
  const month = [...closes.closed].sort().at(-1) ?? null;
  if (month === null) return { ok: false, month, message: t.noneClosed };
  const r = reopenMonth(ports, ctx, month);
  if (!r.ok) return { ok: false, month, message: r.code === 'busy' ? busy : t.notClosed(month) };
  return { ok: true, month, message: t.reopened(month, closes.tab ?? tabName(MONTHLY_CLOSE_TAB, ctx.lang)) };
}

/** The fiscal year that ended last before `today` (2016-04-20 with an April start → 2015). */
export function lastFinishedFiscalYear(today: string, startMonth: number): number {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return (month >= startMonth ? year : year - 1) - 1;
}

export function writeLastYearStats(ports: ClosePorts, ctx: WorkContext, today: string, startMonth: number, busy: string): MenuAnswer & { readonly fiscalYear: number } {
  const fiscalYear = lastFinishedFiscalYear(today, startMonth);
  const r = writeAnnualStats(ports, ctx, fiscalYear);
  if (r.ok) return { ok: true, fiscalYear, message: r.message };
  if (r.code === 'busy') return { ok: false, fiscalYear, message: busy };
  return { ok: false, fiscalYear, message: workCloseText(ctx.lang).statsProblems(r.problems.length, r.problems[0] ? formatProblem(r.problems[0], ctx.lang) : '') };
}

