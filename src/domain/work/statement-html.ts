import { weekdayIndex, type CivilDate } from '../civil-date';
import { WEEKDAYS_JA } from '../slots';
import { escapeHtml } from '../text/escape-html';
import { addMonthsTo, PAYMENT_LAG_MONTHS, type Month } from './month';
import type { DispatchWages, MemberPay, PaidRow } from './monthly-pay';
import { dayJa, hoursText, monthJa, printPage, yen } from './print-page';

// The 配分金明細 of one member for one month (issue 13 item 2): printable, one A4 page, Japanese,
// large type. The rows behind the amount are listed day by day when they fit the page
// (DAILY_ROWS_MAX); a member with more rows gets one line per job (days, hours, pay) instead, so
// the statement is always one page. 派遣 work is named apart: wages, not in this amount.
export interface StatementInput {
  readonly centerName: string;
  readonly memberId: string;
  /** The member's own name: the statement goes to that person. */
  readonly memberName: string;
  readonly month: Month;
  readonly pay: MemberPay;
  readonly dispatch?: DispatchWages | undefined;
  /** Job ID → 仕事名. */
  readonly jobTitles: ReadonlyMap<string, string>;
  readonly issuedOn: CivilDate;
}

/** Daily lines that fit one A4 page at the statement's type size (checked in Chromium). */
export const DAILY_ROWS_MAX = 20;

function dayWithWeekday(day: CivilDate): string {
  return `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}（${WEEKDAYS_JA[weekdayIndex(day)] ?? ''}）`;
}

function jobName(titles: ReadonlyMap<string, string>, jobId: string): string {
  return titles.get(jobId) || jobId;
}

function dailyRows(rows: readonly PaidRow[], titles: ReadonlyMap<string, string>): string {
  return rows.map((r) => `<tr><td>${escapeHtml(dayWithWeekday(r.date))}</td><td title="${escapeHtml(jobName(titles, r.job_id))}">${r.override ? '<small>金額指定 </small>' : ''}${escapeHtml(jobName(titles, r.job_id))}</td>`
    + `<td class="n">${escapeHtml(hoursText(r.hours))}</td><td class="n">${escapeHtml(r.priced ? yen(r.pay) : '単価未設定')}</td></tr>`).join('');
}

function jobRows(rows: readonly PaidRow[], titles: ReadonlyMap<string, string>): string {
  const byJob = new Map<string, { days: Set<string>; hours: number; pay: number }>();
  for (const r of rows) {
    let j = byJob.get(r.job_id);
    if (!j) { j = { days: new Set(), hours: 0, pay: 0 }; byJob.set(r.job_id, j); }
    j.days.add(r.date);
    j.hours += r.hours * 1_000_000;
    j.pay += r.pay * 1_000_000;
  }
  return [...byJob].map(([jobId, j]) => `<tr><td>${j.days.size}日</td><td title="${escapeHtml(jobName(titles, jobId))}">${escapeHtml(jobName(titles, jobId))}</td>`
    + `<td class="n">${escapeHtml(hoursText(Math.round(j.hours) / 1_000_000))}</td><td class="n">${escapeHtml(yen(Math.round(j.pay) / 1_000_000))}</td></tr>`).join('');
}

/** The statement's page as a whole printable document (`ikigai pay --out`). */
export function statementHtml(input: StatementInput): string {
  return printPage(`配分金明細書 ${monthJa(input.month)} ${input.memberId}`, statementBody(input));
}

/** The statement's page inside `<div class="page">` (the menu's print dialog holds many). */
export function statementBody(input: StatementInput): string {
  const { pay } = input;
  const daily = pay.rows.length <= DAILY_ROWS_MAX;
  const head = daily ? ['就業日', '仕事', '時間', '金額'] : ['日数', '仕事', '時間', '金額'];
  const exact = pay.rows.reduce((s, r) => s + Math.round(r.pay * 1_000_000), 0) / 1_000_000;
  const paidIn = addMonthsTo(input.month, PAYMENT_LAG_MONTHS);
  const body = [
    `<p class="center">${escapeHtml(input.centerName)}</p>`,
    `<h1>配分金明細書</h1>`,
    `<p class="to">${escapeHtml(input.memberName || input.memberId)} 様<small>会員番号 ${escapeHtml(input.memberId)}</small></p>`,
    `<p class="lead">${escapeHtml(monthJa(input.month))}分（${escapeHtml(monthJa(input.month))}1日〜末日の就業）の配分金をお知らせします。お支払いは${escapeHtml(monthJa(paidIn))}です。</p>`,
    `<div class="total"><span>配分金（${pay.days}日・${escapeHtml(hoursText(pay.hours))}）</span><b>${escapeHtml(yen(pay.amount))}</b></div>`,
    `<table><colgroup><col class="d"><col><col class="h"><col class="y"></colgroup><thead><tr>${head.map((h, i) => `<th${i >= 2 ? ' class="n"' : ''}>${h}</th>`).join('')}</tr></thead>`,
    `<tbody>${daily ? dailyRows(pay.rows, input.jobTitles) : jobRows(pay.rows, input.jobTitles)}</tbody>`,
    `<tfoot><tr><td colspan="2">合計（円未満切り捨て）</td><td class="n">${escapeHtml(hoursText(pay.hours))}</td><td class="n">${escapeHtml(yen(pay.amount))}</td></tr></tfoot></table>`,
    exact !== pay.amount ? `<p class="note">金額の合計 ${escapeHtml(yen(exact))} の円未満を切り捨てています。</p>` : '',
    daily ? '' : `<p class="note">日ごとの内訳はセンターでご覧いただけます（${pay.rows.length}件）。</p>`,
    input.dispatch ? `<p class="note">このほか派遣の就業 ${input.dispatch.days}日・${escapeHtml(hoursText(input.dispatch.hours))}は賃金としてお支払いします（この明細には含みません）。</p>` : '',
    `<p class="note">配分金は請負・委任の仕事に対してセンターがお支払いするもので、給与（賃金）ではありません。</p>`,
    `<p class="issued">${escapeHtml(dayJa(input.issuedOn))}　${escapeHtml(input.centerName)}</p>`,
  ].join('');
  return body;
}
