import { inPeriod } from '../civil-date';
import type { Period } from '../kpi/period';
import type { WorkRecord } from '../schema/tabs';
import { jobsById } from './jobs-by-id';
import { feeOf, floorYen } from './money';
import { monthOf } from './month';
import { overCaps, type WorkCapsSettings } from './over-caps';
import { payClassOf, rowPay, type JobPricing } from './row-pay';

// The national statistics from real work (issue 13 item 4; kpi.md "Work from 就業実績"), the
// `work.actual` of `ikigai report`:
// 就業実人員 = distinct members with a row in the period; 就業延人員 = distinct (member, day);
// 就業率 = 就業実人員 / members enrolled at the period's end; 契約金額 = Σ bills + Σ 派遣 wages,
// rounded as the monthly close rounds (a bill per client-month, wages per member-month), so a
// fiscal year's 契約金額 is the sum of its twelve closes.

export interface WorkActual {
  members: number;
  person_days: number;
  hours: number;
  employment_rate: number;
  contract_amount: number;
  over_monthly_days: string[];
  over_weekly_hours: string[];
}

export interface ActualInput {
  readonly workLog: readonly WorkRecord[];
  readonly jobs: readonly JobPricing[];
  readonly settings: WorkCapsSettings & { readonly feeRate: number };
}

const HOUR_MICRO = 1_000_000;

/** The figures of `period`; null when the center keeps no 就業実績 rows at all (the report then
 *  says so, and the placement-based figures stand on their own). */
export function actualWork(input: ActualInput, period: Period, enrolledOnTo: number): WorkActual | null {
  if (input.workLog.length === 0) return null;
  const jobs = jobsById(input.jobs);
  const members = new Set<string>();
  const personDays = new Set<string>();
  let hoursMicro = 0;
  const clientMonth = new Map<string, number>();
  const wagesMonth = new Map<string, number>();
  for (const r of input.workLog) {
    if (!inPeriod(r.date, period.from, period.to)) continue;
    members.add(r.member_id);
    personDays.add(`${r.member_id}\u0000${r.date}`);
    hoursMicro += Math.round(r.hours * HOUR_MICRO);
    const job = jobs.get(r.job_id);
    const cls = payClassOf(job?.engagement);
    if (cls === 'counted') continue;
    const micro = rowPay(r, job).micro;
    if (cls === 'allocation') {
      const key = `${job?.client_id ?? ''}\u0000${monthOf(r.date)}`;
      clientMonth.set(key, (clientMonth.get(key) ?? 0) + micro);
    } else {
      const key = `${r.member_id}\u0000${monthOf(r.date)}`;
      wagesMonth.set(key, (wagesMonth.get(key) ?? 0) + micro);
    }
  }
  let contract = 0;
  for (const micro of clientMonth.values()) {
    const pay = floorYen(micro);
    contract += pay + feeOf(pay, input.settings.feeRate);
  }
  for (const micro of wagesMonth.values()) contract += floorYen(micro);
  return {
    members: members.size,
    person_days: personDays.size,
    hours: Math.round(hoursMicro) / HOUR_MICRO,
    employment_rate: enrolledOnTo > 0 ? members.size / enrolledOnTo : 0,
    contract_amount: contract,
    ...overCaps(input.workLog, period, input.settings),
  };
}
