import { inPeriod } from '../civil-date';
import type { Activity, Job } from '../schema/tabs';
import type { Period } from './period';
import { placedStatus, type MatchColumns } from './placements';
import { activitiesByCoordinatorIn, totalsOfActivities, type ActivityTotals } from './activity-totals';

// What each coordinator did in a period (issue 14 "Per coordinator"): activities logged, matches
// proposed, placements made and jobs developed, keyed by the 担当 cell (an e-mail of コーディネータ,
// compared in lower case; blank is ""). Coordinators are staff: the mail names them.

export interface CoordinatorFigures {
  activities: number;
  proposals: number;
  placements: number;
  jobs_developed: number;
}

/** kpi.md's readings: a withdrawn activity counts nowhere; a proposal is a match whose 提案日 is
 *  in the period (whatever became of it); a placement a placed or ended match placed in it; a job
 *  developed one registered (登録日) in it, under the job's 担当. */
export function coordinatorFigures(
  data: { readonly activities: readonly Activity[]; readonly matches: MatchColumns; readonly jobs: readonly Job[] },
  period: Period,
  /** 活動記録's totals (the weekly run's; by default those of data.activities). */
  activityTotals: ActivityTotals = totalsOfActivities(data.activities),
): Map<string, CoordinatorFigures> {
  const by = new Map<string, CoordinatorFigures>();
  const of = (who: string | null): CoordinatorFigures => {
    const key = (who ?? '').trim().toLowerCase();
    let f = by.get(key);
    if (!f) by.set(key, (f = { activities: 0, proposals: 0, placements: 0, jobs_developed: 0 }));
    return f;
  };
  for (const [who, n] of activitiesByCoordinatorIn(activityTotals, period)) of(who).activities += n;
  const { proposed_on: proposedOn, placed_on: placedOn, status, coordinator } = data.matches;
  for (let i = 0; i < data.matches.count; i++) {
    if (inPeriod(proposedOn[i] ?? null, period.from, period.to)) of(coordinator[i] ?? null).proposals++;
    // A placement (isPlacement) placed in the period.
    if (placedStatus(status[i] as MatchColumns['status'][number]) && inPeriod(placedOn[i] ?? null, period.from, period.to)) of(coordinator[i] ?? null).placements++;
  }
  for (const j of data.jobs) if (inPeriod(j.created_on, period.from, period.to)) of(j.coordinator).jobs_developed++;
  return by;
}
