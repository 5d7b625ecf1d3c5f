import type { CivilDate } from '../civil-date';
import type { WorkRecord } from '../schema/tabs';
import { jobsById } from './jobs-by-id';
import { feeOf, floorYen } from './money';
import type { Month } from './month';
import { monthOf } from './month';
import { payClassOf, rowPay, type JobPricing, type PayClass } from './row-pay';

// The monthly close (issue 13 item 2): per member 配分金 with days, hours and the rows behind it,
// per client the bill, 派遣 wages apart. Rounding is once per member-month (配分金, wages) and once
// per client-month (a bill's pay), never per row.

/** One row as a statement lists it. */
export interface PaidRow {
  readonly work_id: string | null;
  readonly date: CivilDate;
  readonly job_id: string;
  readonly hours: number;
  /** The row's pay in yen, before the month's rounding (may have a fraction). */
  readonly pay: number;
  /** False when the job has no 単価 and the row no 金額 (pays 0; a problem for `ikigai check`). */
  readonly priced: boolean;
  /** 金額 was given and overrides the computed pay. */
  readonly override: boolean;
}

export interface MemberPay {
  readonly member_id: string;
  /** Distinct days with a 請負・委任 row. */
  readonly days: number;
  readonly hours: number;
  /** 配分金: Σ pay of the month's 請負・委任 rows, rounded down to the yen. */
  readonly amount: number;
  readonly rows: readonly PaidRow[];
}

export interface ClientBill {
  readonly client_id: string;
  /** Σ pay of the month's 請負・委任 rows on the client's jobs, rounded down to the yen. */
  readonly pay: number;
  /** floor(pay × 事務費率 / 100). */
  readonly fee: number;
  readonly total: number;
}

export interface DispatchWages {
  readonly member_id: string;
  readonly days: number;
  readonly hours: number;
  /** Σ pay of the month's 派遣 rows, rounded down to the yen: wages (賃金), never 配分金. */
  readonly wages: number;
  readonly rows: readonly PaidRow[];
}

export interface MonthlyPay {
  readonly month: Month;
  readonly members: readonly MemberPay[];
  readonly clients: readonly ClientBill[];
  readonly dispatch: readonly DispatchWages[];
  /** 職業紹介 rows: paid by the employer, only counted. */
  readonly placementRows: number;
  /** Every row of the month, of any engagement. */
  readonly rowCount: number;
  readonly totals: { readonly amount: number; readonly fee: number; readonly billed: number; readonly wages: number };
}

/** Exactly the JSON of `ikigai pay --month` (cli.md). */
export interface MonthlyPayJson {
  month: Month;
  members: { member_id: string; days: number; hours: number; amount: number }[];
  clients: { client_id: string; pay: number; fee: number; total: number }[];
  dispatch: { member_id: string; hours: number; wages: number }[];
  totals: { amount: number; fee: number; billed: number; wages: number };
}

export interface PayInput {
  readonly workLog: readonly WorkRecord[];
  readonly jobs: readonly JobPricing[];
  readonly feeRate: number;
}

/** Hours summed exactly (in millionths): 0.1 + 0.2 h is 0.3 h. */
const HOUR_MICRO = 1_000_000;
const hoursOf = (micro: number): number => Math.round(micro) / HOUR_MICRO;

interface Pot { micro: number; hoursMicro: number; days: Set<string>; rows: PaidRow[] }
function pot(map: Map<string, Pot>, key: string): Pot {
  let p = map.get(key);
  if (!p) { p = { micro: 0, hoursMicro: 0, days: new Set(), rows: [] }; map.set(key, p); }
  return p;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byDate = (a: PaidRow, b: PaidRow): number => byId(a.date, b.date) || byId(a.job_id, b.job_id) || byId(a.work_id ?? '', b.work_id ?? '');

/** The close of `month` from every row dated in it. */
export function monthlyPay(input: PayInput, month: Month): MonthlyPay {
  const jobs = jobsById(input.jobs);
  const members = new Map<string, Pot>();
  const dispatch = new Map<string, Pot>();
  const clients = new Map<string, number>();
  let placementRows = 0;
  let rowCount = 0;
  for (const r of input.workLog) {
    if (monthOf(r.date) !== month) continue;
    rowCount++;
    const job = jobs.get(r.job_id);
    const cls: PayClass = payClassOf(job?.engagement);
    if (cls === 'counted') { placementRows++; continue; }
    const pay = rowPay(r, job);
    const hoursMicro = Math.round(r.hours * HOUR_MICRO);
    const paid: PaidRow = {
      work_id: r.work_id, date: r.date, job_id: r.job_id, hours: r.hours,
      pay: pay.micro / 1_000_000, priced: pay.priced, override: r.amount !== null,
    };
    const p = pot(cls === 'wages' ? dispatch : members, r.member_id);
    p.micro += pay.micro;
    p.hoursMicro += hoursMicro;
    p.days.add(r.date);
    p.rows.push(paid);
    if (cls === 'allocation') {
      const client = job?.client_id ?? '';
      clients.set(client, (clients.get(client) ?? 0) + pay.micro);
    }
  }
  const memberPays = [...members.entries()].sort(([a], [b]) => byId(a, b)).map(([member_id, p]): MemberPay => ({
    member_id, days: p.days.size, hours: hoursOf(p.hoursMicro), amount: floorYen(p.micro), rows: p.rows.sort(byDate),
  }));
  const bills = [...clients.entries()].sort(([a], [b]) => byId(a, b)).map(([client_id, micro]): ClientBill => {
    const pay = floorYen(micro);
    const fee = feeOf(pay, input.feeRate);
    return { client_id, pay, fee, total: pay + fee };
  });
  const wages = [...dispatch.entries()].sort(([a], [b]) => byId(a, b)).map(([member_id, p]): DispatchWages => ({
    member_id, days: p.days.size, hours: hoursOf(p.hoursMicro), wages: floorYen(p.micro), rows: p.rows.sort(byDate),
  }));
  const sum = <T>(list: readonly T[], f: (t: T) => number): number => list.reduce((s, t) => s + f(t), 0);
  return {
    month,
    members: memberPays,
    clients: bills,
    dispatch: wages,
    placementRows,
    rowCount,
    totals: {
      amount: sum(memberPays, (m) => m.amount),
      fee: sum(bills, (c) => c.fee),
      billed: sum(bills, (c) => c.total),
      wages: sum(wages, (w) => w.wages),
    },
  };
}

export function monthlyPayJson(pay: MonthlyPay): MonthlyPayJson {
  return {
    month: pay.month,
    members: pay.members.map((m) => ({ member_id: m.member_id, days: m.days, hours: m.hours, amount: m.amount })),
    clients: pay.clients.map((c) => ({ client_id: c.client_id, pay: c.pay, fee: c.fee, total: c.total })),
    dispatch: pay.dispatch.map((d) => ({ member_id: d.member_id, hours: d.hours, wages: d.wages })),
    totals: { ...pay.totals },
  };
}
