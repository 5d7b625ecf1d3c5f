import type { WorkRecord } from '../schema/tabs';
import { monthOf, type Month } from './month';

/** The work rows by the month they are dated in: one pass, so a year's twelve closes do not
 *  each walk the whole log. */
export function rowsByMonth(workLog: readonly WorkRecord[]): ReadonlyMap<Month, readonly WorkRecord[]> {
  const out = new Map<Month, WorkRecord[]>();
  for (const r of workLog) {
    const m = monthOf(r.date);
    const list = out.get(m);
    if (list) list.push(r); else out.set(m, [r]);
  }
  return out;
}
