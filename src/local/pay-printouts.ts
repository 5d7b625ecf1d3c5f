import type { Workbook } from '../domain/workbook';
import type { AnnualPay } from '../domain/work/annual-pay';
import { certificateHtml } from '../domain/work/certificate-html';
import type { MonthlyPay } from '../domain/work/monthly-pay';
import { statementHtml } from '../domain/work/statement-html';
import type { Printout } from './printout-files';

// The printouts of `ikigai pay --out` (and of `ikigai demo`, which writes some of the same): a
// 配分金明細 per member paid in a month, a 配分金支払証明書 per member paid in a year. The names
// come from 会員 of the workbook the command read whole.

function memberNames(workbook: Pick<Workbook, 'members'>): Map<string, string> {
  return new Map(workbook.members.map((m) => [m.member_id, m.name]));
}

/** One 配分金明細 per member with 配分金 that month (or only those of `only`, in its order). */
export function statements(workbook: Pick<Workbook, 'members' | 'jobs' | 'settings'>, pay: MonthlyPay, issuedOn: string, only?: readonly string[]): Printout[] {
  const names = memberNames(workbook);
  const titles = new Map(workbook.jobs.map((j) => [j.job_id, j.title]));
  const dispatch = new Map(pay.dispatch.map((d) => [d.member_id, d]));
  const byId = new Map(pay.members.map((m) => [m.member_id, m]));
  const members = only ? only.flatMap((id) => byId.get(id) ?? []) : pay.members;
  return members.map((m): Printout => ({
    kind: 'statement', period: pay.month, memberId: m.member_id,
    html: statementHtml({
      centerName: workbook.settings.centerName, memberId: m.member_id, memberName: names.get(m.member_id) ?? '', month: pay.month,
      pay: m, dispatch: dispatch.get(m.member_id), jobTitles: titles, issuedOn,
    }),
  }));
}

/** One 配分金支払証明書 per member paid in the year. */
export function certificates(workbook: Pick<Workbook, 'members' | 'settings'>, year: AnnualPay, issuedOn: string): Printout[] {
  const names = memberNames(workbook);
  return year.members.map((m): Printout => ({
    kind: 'certificate', period: String(year.year), memberId: m.member_id,
    html: certificateHtml({ centerName: workbook.settings.centerName, memberId: m.member_id, memberName: names.get(m.member_id) ?? '', year: year.year, member: m, issuedOn }),
  }));
}
