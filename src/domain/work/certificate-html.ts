import type { CivilDate } from '../civil-date';
import { escapeHtml } from '../text/escape-html';
import type { MemberYear } from './annual-pay';
import { dayJa, hoursText, monthJa, printPage, yen } from './print-page';

// The annual 配分金支払証明書 of one member (issue 13 item 3), in the statement's form: one A4
// page, Japanese, large type; one line per month paid in the year (at most twelve).
export interface CertificateInput {
  readonly centerName: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly year: number;
  readonly member: MemberYear;
  readonly issuedOn: CivilDate;
}

export function certificateHtml(input: CertificateInput): string {
  const m = input.member;
  const rows = m.months.map((l) => `<tr><td>${escapeHtml(monthJa(l.paid_in))}</td><td>${escapeHtml(monthJa(l.month))}分</td>`
    + `<td class="n">${l.days}日</td><td class="n">${escapeHtml(hoursText(l.hours))}</td><td class="n">${escapeHtml(yen(l.amount))}</td></tr>`).join('');
  const body = [
    `<p class="center">${escapeHtml(input.centerName)}</p>`,
    `<h1>配分金支払証明書</h1>`,
    `<p class="to">${escapeHtml(input.memberName || input.memberId)} 様<small>会員番号 ${escapeHtml(input.memberId)}</small></p>`,
    `<p class="lead">${input.year}年1月から12月までに、下記のとおり配分金をお支払いしたことを証明します。</p>`,
    `<div class="total"><span>${input.year}年の配分金支払額</span><b>${escapeHtml(yen(m.amount))}</b></div>`,
    `<table><colgroup><col><col><col class="h"><col class="h"><col class="y"></colgroup><thead><tr><th>支払月</th><th>就業月</th><th class="n">日数</th><th class="n">時間</th><th class="n">配分金</th></tr></thead>`,
    `<tbody>${rows}</tbody>`,
    `<tfoot><tr><td colspan="2">合計</td><td class="n">${m.days}日</td><td class="n">${escapeHtml(hoursText(m.hours))}</td><td class="n">${escapeHtml(yen(m.amount))}</td></tr></tfoot></table>`,
    `<p class="note">配分金は毎月末で締め、翌月にお支払いしています。派遣の賃金は含みません。</p>`,
    `<p class="note">配分金は給与所得ではなく、雑所得として扱われます。確定申告の際にお使いください。</p>`,
    `<p class="issued">${escapeHtml(dayJa(input.issuedOn))}<br>${escapeHtml(input.centerName)}</p>`,
  ].join('');
  return printPage(`配分金支払証明書 ${input.year} ${input.memberId}`, body);
}
