import { formatProblem, workCloseText } from '../../domain/messages/catalog';
import type { Language } from '../../domain/enums';
import { parseSettings } from '../../domain/settings';
import { SETTINGS_TAB, tabNames } from '../../domain/schema/tabs';
import { monthlyPay } from '../../domain/work/monthly-pay';
import type { Month } from '../../domain/work/month';
import { PRINT_BATCH, printDialogHtml } from '../../domain/work/print-dialog-html';
import { statementBody } from '../../domain/work/statement-html';
import type { TableStore } from '../ports';
import { loadWorkbookPart } from '../shared/read-part';
import { CLOSE_READS } from './close-reads';
import { readMonthCloses } from './month-closes';

// The 配分金明細 of the month closed last, for the manager's print dialog in Sheets (menu
// 配分金明細を印刷（締めた月）): the statements `ikigai pay --out` writes, in member ID order, one
// batch of PRINT_BATCH members at a time (a 1,600-member center: 16 batches of ~0.5 MB instead of
// one ~7.6 MB page). Read only, so no lock: 設定, 月次締め, the close's columns and 会員's names
// (the statement goes to the member by name; it is shown to the manager only, never mailed).
// The amounts are those the close computes from the same rows; a closed month's rows are refused
// by every writer, so they are the month's closed amounts.

export type PrintAnswer =
  | { readonly ok: true; readonly month: Month; readonly html: string; readonly first: number; readonly count: number; readonly total: number }
  | { readonly ok: false; readonly message: string };

export function closedMonthStatements(store: TableStore, lang: Language, issuedOn: string, first: number, fn: string): PrintAnswer {
  const t = workCloseText(lang);
  const month = [...readMonthCloses(store, lang).closed].sort().at(-1);
  if (month === undefined) return { ok: false, message: t.printNoneClosed };
  const { settings, problems: settingProblems } = parseSettings(store.read(tabNames(SETTINGS_TAB)));
  const workbook = loadWorkbookPart(store, { ...CLOSE_READS, members: { columns: ['member_id', 'name'] } }, settings);
  const problems = [...settingProblems, ...workbook.problems];
  if (problems[0]) return { ok: false, message: t.printProblems(problems.length, formatProblem(problems[0], lang)) };
  const pay = monthlyPay({ workLog: workbook.workLog, jobs: workbook.jobs, feeRate: settings.feeRate }, month);
  if (pay.members.length === 0) return { ok: false, message: t.printNobody(month) };
  const total = pay.members.length;
  // A range past the end (the members changed since the choice was offered) starts at the last batch.
  const start = Math.min(Math.max(1, Math.trunc(first)), Math.floor((total - 1) / PRINT_BATCH) * PRINT_BATCH + 1);
  const names = new Map(workbook.members.map((m) => [m.member_id, m.name]));
  const titles = new Map(workbook.jobs.map((j) => [j.job_id, j.title]));
  const dispatch = new Map(pay.dispatch.map((d) => [d.member_id, d]));
  const batch = pay.members.slice(start - 1, start - 1 + PRINT_BATCH);
  const pages = batch.map((m) => statementBody({
    centerName: settings.centerName, memberId: m.member_id, memberName: names.get(m.member_id) ?? '', month,
    pay: m, dispatch: dispatch.get(m.member_id), jobTitles: titles, issuedOn,
  }));
  return { ok: true, month, first: start, count: batch.length, total, html: printDialogHtml({ lang, month, pages, first: start, total, fn }) };
}
