import { MATCH_ENGAGEMENT, SECTOR, type Sector } from '../enums';
import { addDays, inPeriod } from '../civil-date';
import type { Client, Job } from '../schema/tabs';
import type { Report } from './report';
import type { Period } from './period';
import { zeroCounts } from './counts';
import { activeBetween, placedStatus, type MatchColumns } from './placements';

// 就業 figures of kpi.md: single passes over matches, jobs and clients, with maps by ID.

/** kpi.md: an open job is stale when created 14 or more days before `to`. */
export const STALE_AFTER_DAYS = 14;

export function workFigures(
  input: { matches: MatchColumns; jobs: readonly Job[]; clients: readonly Client[] },
  period: Period,
  enrolledOnTo: number,
): Omit<Report['work'], 'actual'> {
  const { from, to } = period;
  const placedAll = new Set<string>();
  const placedBy = new Map<string, Set<string>>(MATCH_ENGAGEMENT.codes.map((c) => [c, new Set<string>()]));
  const working = new Set<string>();
  // Placed (成立) matches per job as of `to`, for stale_open_jobs; ended ones no longer fill a slot.
  const filledByJob = new Map<string, number>();
  const { status: statuses, placed_on: placedOn, ended_on: endedOn, member_id: memberIds, engagement, job_id: jobIds } = input.matches;
  for (let i = 0; i < input.matches.count; i++) {
    const status = statuses[i] as MatchColumns['status'][number];
    const placed = placedOn[i] ?? null;
    // Placements only (isPlacement).
    if (!placedStatus(status) || placed === null) continue;
    const member = memberIds[i] as string;
    if (inPeriod(placed, from, to)) {
      placedAll.add(member);
      placedBy.get(engagement[i] as string)?.add(member);
    }
    if (activeBetween(status, placed, endedOn[i] ?? null, from, to)) working.add(member);
    const job = jobIds[i] ?? null;
    if (status === 'placed' && job !== null && placed <= to) {
      filledByJob.set(job, (filledByJob.get(job) ?? 0) + 1);
    }
  }
  const byEngagement = zeroCounts(MATCH_ENGAGEMENT.codes);
  for (const c of MATCH_ENGAGEMENT.codes) byEngagement[c] = placedBy.get(c)?.size ?? 0;

  const sectorOf = new Map<string, Sector | null>(input.clients.map((c) => [c.client_id, c.sector]));
  const bySector = zeroCounts(SECTOR.codes);
  let jobsDeveloped = 0;
  let openJobs = 0;
  const stale: string[] = [];
  const staleCutoff = addDays(to, -STALE_AFTER_DAYS);
  for (const j of input.jobs) {
    if (inPeriod(j.created_on, from, to)) {
      jobsDeveloped++;
      // A job with no client, or a client with no sector, is counted as other so the split adds up.
      bySector[(j.client_id !== null ? sectorOf.get(j.client_id) : null) ?? 'other']++;
    }
    // The sheet holds today's status only; a job created after `to` was not open on `to`.
    if (j.status === 'open' && (j.created_on === null || j.created_on <= to)) {
      openJobs++;
      if (j.created_on !== null && j.created_on <= staleCutoff && (filledByJob.get(j.job_id) ?? 0) < (j.headcount ?? 1)) {
        stale.push(j.job_id);
      }
    }
  }
  let clientsDeveloped = 0;
  for (const c of input.clients) if (inPeriod(c.developed_on, from, to)) clientsDeveloped++;

  return {
    placed_members: { total: placedAll.size, by_engagement: byEngagement },
    working_members: working.size,
    employment_rate: enrolledOnTo > 0 ? working.size / enrolledOnTo : 0,
    jobs_developed: { total: jobsDeveloped, by_sector: bySector },
    clients_developed: clientsDeveloped,
    open_jobs: openJobs,
    stale_open_jobs: stale.sort(),
  };
}
