import { addMonthsTo, PAYMENT_LAG_MONTHS, workMonthsPaidIn, type Month } from './month';
import { monthlyPay, type PayInput } from './monthly-pay';
import { rowsByMonth } from './rows-by-month';

// The annual 配分金支払証明書 (issue 13 item 3): what the center paid each member in calendar year
// `year`. 配分金 is cut off at month end and paid the next month, so the year's payments are the
// work of December of the year before to November (kpi.md); each month as its close computes it.

export interface PaidMonth {
  /** The work month (就業月). */
  readonly month: Month;
  /** The month it was paid in (支払月). */
  readonly paid_in: Month;
  readonly days: number;
  readonly hours: number;
  readonly amount: number;
}

export interface MemberYear {
  readonly member_id: string;
  /** Only the months with 請負・委任 work, in order. */
  readonly months: readonly PaidMonth[];
  readonly days: number;
  readonly hours: number;
  readonly amount: number;
}

export interface AnnualPay {
  readonly year: number;
  /** The work months the year's payments cover, in order. */
  readonly work_months: readonly Month[];
  readonly members: readonly MemberYear[];
  readonly totals: { readonly amount: number };
}

export function annualPay(input: PayInput, year: number): AnnualPay {
  const months = workMonthsPaidIn(year);
  const buckets = rowsByMonth(input.workLog);
  const byMember = new Map<string, PaidMonth[]>();
  for (const month of months) {
    const close = monthlyPay({ ...input, workLog: buckets.get(month) ?? [] }, month);
    for (const m of close.members) {
      const line: PaidMonth = { month, paid_in: addMonthsTo(month, PAYMENT_LAG_MONTHS), days: m.days, hours: m.hours, amount: m.amount };
      const list = byMember.get(m.member_id);
      if (list) list.push(line); else byMember.set(m.member_id, [line]);
    }
  }
  const members = [...byMember.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([member_id, list]): MemberYear => ({
    member_id,
    months: list,
    days: list.reduce((s, l) => s + l.days, 0),
    // Each month's hours are already exact to the millionth; their sum is kept so too.
    hours: Math.round(list.reduce((s, l) => s + l.hours * 1_000_000, 0)) / 1_000_000,
    amount: list.reduce((s, l) => s + l.amount, 0),
  }));
  return { year, work_months: months, members, totals: { amount: members.reduce((s, m) => s + m.amount, 0) } };
}
