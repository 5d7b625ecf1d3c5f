import type { Language } from '../domain/enums';
import type { AnnualPay } from '../domain/work/annual-pay';
import type { MonthlyPay } from '../domain/work/monthly-pay';
import { displayWidth } from './report-table';

// The plain-text form of `ikigai pay`: the month's members, clients and 派遣 wages, or the
// year's members, by ID only (as every printout of the desk: names are in the statements, which
// go to each member), aligned for a terminal where CJK characters are two columns wide.
const WORDS = {
  ja: {
    month: (m: string) => `${m} の配分金`, year: (y: number, from: string, to: string) => `${y}年に支払った配分金（就業月 ${from}〜${to}）`,
    members: '会員別の配分金（請負・委任）', clients: '提供先別の請求', dispatch: '派遣（賃金、配分金とは別）', totals: '合計',
    memberHead: ['会員ID', '日数', '時間', '配分金'], clientHead: ['提供先ID', '配分金', '事務費', '請求額'], dispatchHead: ['会員ID', '時間', '賃金'],
    yearHead: ['会員ID', '月数', '日数', '時間', '配分金'], none: '（なし）', noClient: '（提供先なし）',
    totalLine: (t: MonthlyPay['totals']) => `配分金 ${n(t.amount)} 円 / 事務費 ${n(t.fee)} 円 / 請求 ${n(t.billed)} 円 / 派遣賃金 ${n(t.wages)} 円`,
    yearTotal: (a: number) => `配分金 ${n(a)} 円`,
  },
  en: {
    month: (m: string) => `Pay for ${m}`, year: (y: number, from: string, to: string) => `Pay paid in ${y} (work months ${from} to ${to})`,
    members: 'Members (contract and mandate work)', clients: 'Bills by client', dispatch: 'Dispatch (wages, not in the pay)', totals: 'Totals',
    memberHead: ['member', 'days', 'hours', 'amount'], clientHead: ['client', 'pay', 'fee', 'total'], dispatchHead: ['member', 'hours', 'wages'],
    yearHead: ['member', 'months', 'days', 'hours', 'amount'], none: '(none)', noClient: '(no client)',
    totalLine: (t: MonthlyPay['totals']) => `pay ${n(t.amount)} yen / fee ${n(t.fee)} yen / billed ${n(t.billed)} yen / dispatch wages ${n(t.wages)} yen`,
    yearTotal: (a: number) => `pay ${n(a)} yen`,
  },
} as const;

function n(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function table(head: readonly string[], rows: readonly string[][]): string[] {
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]): string => '    ' + cells.map((c, i) => {
    const fill = ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c)));
    return i === 0 ? c + fill : fill + c;
  }).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}

export function renderPayTable(pay: MonthlyPay, lang: Language): string[] {
  const w = WORDS[lang];
  const section = (title: string, head: readonly string[], rows: string[][]): string[] =>
    [`  ${title}`, ...(rows.length ? table(head, rows) : [`    ${w.none}`]), ''];
  return [
    w.month(pay.month), '',
    ...section(w.members, w.memberHead, pay.members.map((m) => [m.member_id, n(m.days), n(m.hours), n(m.amount)])),
    ...section(w.clients, w.clientHead, pay.clients.map((c) => [c.client_id || w.noClient, n(c.pay), n(c.fee), n(c.total)])),
    ...section(w.dispatch, w.dispatchHead, pay.dispatch.map((d) => [d.member_id, n(d.hours), n(d.wages)])),
    `  ${w.totals}: ${w.totalLine(pay.totals)}`,
  ];
}

export function renderYearTable(year: AnnualPay, lang: Language): string[] {
  const w = WORDS[lang];
  const rows = year.members.map((m) => [m.member_id, n(m.months.length), n(m.days), n(m.hours), n(m.amount)]);
  return [
    w.year(year.year, year.work_months[0] ?? '', year.work_months[year.work_months.length - 1] ?? ''), '',
    ...(rows.length ? table(w.yearHead, rows) : [`    ${w.none}`]), '',
    `  ${w.totals}: ${w.yearTotal(year.totals.amount)}`,
  ];
}
