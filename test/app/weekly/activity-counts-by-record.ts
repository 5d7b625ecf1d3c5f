import { ACTIVITY_KIND, AREA } from '../../../src/domain/enums';
import { inPeriod } from '../../../src/domain/civil-date';
import type { Activity } from '../../../src/domain/schema/tabs';
import type { Report } from '../../../src/domain/kpi/report';
import type { Period } from '../../../src/domain/kpi/period';
import { bump, sortedKeys, zeroCounts } from '../../../src/domain/kpi/counts';

// JC活動 counts of kpi.md as they were computed before the per-day totals (activity-totals.ts):
// record by record. The tests hold the totals to it.
export function activityCountsByRecord(activities: readonly Activity[], period: Period): Omit<Report['activities'], 'follow_ups_due' | 'waiting_members'> {
  const byArea = zeroCounts(AREA.codes);
  const minutesByArea = zeroCounts(AREA.codes);
  const byKind = zeroCounts(ACTIVITY_KIND.codes);
  const byCoordinator = new Map<string, number>();
  const minutesByCoordinator = new Map<string, number>();
  let total = 0;
  let minutes = 0;
  for (const a of activities) {
    if (a.status === 'withdrawn') continue;
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
