import type { JobEngagement } from '../enums';
import type { Job, WorkRecord } from '../schema/tabs';
import { toMicroYen } from './money';

// The pay of one work row (issue 13): its 金額 when given; else hours × 単価 for an hourly job,
// 単価 for a daily one (a row is one day's work). A row whose job has no 単価 and which has no
// 金額 pays 0 and is a problem for `ikigai check` (unpriced-work.ts).

/** What pricing a row needs of its job. */
export type JobPricing = Pick<Job, 'job_id' | 'client_id' | 'engagement' | 'unit_price' | 'unit'>;

export type RowPay =
  | { readonly priced: true; readonly micro: number }
  | { readonly priced: false; readonly micro: 0 };

/** A blank 単価区分 reads as hourly: 単価 is most often a rate per hour. */
export function rowPay(row: Pick<WorkRecord, 'hours' | 'amount'>, job: JobPricing | undefined): RowPay {
  if (row.amount !== null) return { priced: true, micro: toMicroYen(row.amount) };
  const price = job?.unit_price ?? null;
  if (price === null) return { priced: false, micro: 0 };
  return { priced: true, micro: job?.unit === 'day' ? toMicroYen(price) : toMicroYen(row.hours * price) };
}

/**
 * How a row's pay is handled, by the job's 契約形態: `allocation` — 配分金 (請負, 委任), paid by the
 * center, billed to the client with the fee; `wages` — 派遣, wages, listed apart and never in
 * 配分金; `counted` — 職業紹介, paid by the employer, only counted in the statistics. A job with a
 * blank 契約形態 is taken as 請負, the form most of a center's work takes.
 */
export type PayClass = 'allocation' | 'wages' | 'counted';

export function payClassOf(engagement: JobEngagement | null | undefined): PayClass {
  switch (engagement) {
    case 'dispatch': return 'wages';
    case 'placement': return 'counted';
    default: return 'allocation';
  }
}
