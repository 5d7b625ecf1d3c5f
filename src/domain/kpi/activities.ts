import { ACTIVITY_KIND, AREA } from '../enums';
import { inPeriod } from '../civil-date';
import type { Activity } from '../schema/tabs';
import type { Report } from './report';
import type { Period } from './period';
import { bump, sortedKeys, zeroCounts } from './counts';

// JC活動 counts of kpi.md: activities dated in the period and their minutes, by area, kind and
// coordinator. One pass; the attention lists live in attention-lists.ts.
export function activityCounts(activities: readonly Activity[], period: Period): Omit<Report['activities'], 'follow_ups_due' | 'waiting_members'> {
  const byArea = zeroCounts(AREA.codes);
  const minutesByArea = zeroCounts(AREA.codes);
  const byKind = zeroCounts(ACTIVITY_KIND.codes);
  const byCoordinator = new Map<string, number>();
  const minutesByCoordinator = new Map<string, number>();
  let total = 0;
  let minutes = 0;
  for (const a of activities) {
    if (!inPeriod(a.date, period.from, period.to)) continue;
    const m = a.minutes ?? 0;
    total++;
    minutes += m;
    byArea[a.area]++;
    minutesByArea[a.area] += m;
    // A blank kind is counted as other so the split adds up to the total.
    byKind[a.kind ?? 'other']++;
    bump(byCoordinator, a.coordinator);
    bump(minutesByCoordinator, a.coordinator, m);
  }
  return {
    total,
    minutes,
    by_area: byArea,
    minutes_by_area: minutesByArea,
    by_kind: byKind,
    by_coordinator: sortedKeys(byCoordinator),
    minutes_by_coordinator: sortedKeys(minutesByCoordinator),
  };
}
