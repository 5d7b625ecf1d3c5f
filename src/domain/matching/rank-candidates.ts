import type { CivilDate } from '../civil-date';
import type { Settings } from '../settings';
import type { Job, Member } from '../schema/tabs';
import type { Workbook } from '../workbook';
import { checkHardRules, bestTake, EXCLUSIONS, type Exclusion, type WorkCaps } from './hard-rules';
import { buildMosaicTeam, type TeamInput } from './mosaic-team';
import { indexPlacements, type PlacementIndex } from './placements';
import { jobTerms, scoreCandidate } from './score';
import { bitCount, slotMask, slotsOf } from './slot-bits';
import type { Candidate, MatchResult } from './types';
import { currentLoad, recentWindow, recentWorkDays } from './work-load';

// Ranks the members for one job: hard rules, then score, then the mosaic team (issue 4).
export interface MatchOptions {
  /** Return only the best `limit` candidates (the team is still built from all of them). */
  readonly limit?: number;
}

/** What ranking needs, indexed once: the sidebar and the bench keep this between calls. */
export interface MatchContext {
  readonly members: readonly Member[];
  /** Each member's availability as a slot mask, parallel to `members`. */
  readonly availability: Int32Array;
  readonly placements: PlacementIndex;
  readonly caps: WorkCaps;
}

export function matchContext(workbook: Pick<Workbook, 'members' | 'matches' | 'jobs'> & { settings: Pick<Settings, keyof WorkCaps> }): MatchContext {
  const { slotHours, weeklyHoursCap, monthlyDaysCap } = workbook.settings;
  return {
    members: workbook.members,
    availability: Int32Array.from(workbook.members, (m) => slotMask(m.availability)),
    placements: indexPlacements(workbook.matches, workbook.jobs),
    caps: { slotHours, weeklyHoursCap, monthlyDaysCap },
  };
}

/** Ranks the workbook's members for job `jobId` on `asOf`; null when there is no such job. */
export function rankCandidates(workbook: Workbook, jobId: string, asOf: CivilDate, options: MatchOptions = {}): MatchResult | null {
  const job = workbook.jobs.find((j) => j.job_id === jobId);
  if (!job) return null;
  return rankForJob(job, matchContext(workbook), asOf, options);
}

/** Candidates first by score (highest first), then fewer recent work days (work shared fairly),
 *  then member ID, so the order never depends on the order of the rows. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.recent_work_days - b.recent_work_days || (a.member_id < b.member_id ? -1 : a.member_id > b.member_id ? 1 : 0);
}

export function rankForJob(job: Job, context: MatchContext, asOf: CivilDate, options: MatchOptions = {}): MatchResult {
  const jobSlots = slotMask(job.slots);
  const excluded = Object.fromEntries(EXCLUSIONS.map((e) => [e, 0])) as Record<Exclusion, number>;
  const scored: { candidate: Candidate; team: TeamInput }[] = [];
  const placed: string[] = [];

  const window = recentWindow(asOf);
  const terms = jobTerms(job);
  context.members.forEach((member, i) => {
    const placements = context.placements.get(member.member_id);
    const load = currentLoad(placements, asOf, context.caps.slotHours);
    // Placed members fill the headcount whatever else is true of them today.
    if (load.jobIds.includes(job.job_id)) placed.push(member.member_id);
    const verdict = checkHardRules(member, job.job_id, jobSlots, load, context.caps, asOf, context.availability[i] ?? 0);
    if (!verdict.ok) {
      excluded[verdict.rule]++;
      return;
    }
    const { capacity } = verdict;
    const recentDays = recentWorkDays(placements, window);
    const mostSlots = bitCount(bestTake(capacity, jobSlots));
    const { score, parts, reasons } = scoreCandidate({ member, job, coverable: capacity.coverable, mostSlots, recentDays }, terms);
    scored.push({
      candidate: {
        member_id: member.member_id, score, parts, slots: slotsOf(capacity.coverable),
        most_slots: mostSlots, recent_work_days: recentDays, reasons,
      },
      team: { member_id: member.member_id, capacity },
    });
  });

  scored.sort((a, b) => compareCandidates(a.candidate, b.candidate));
  const need = Math.max(0, (job.headcount ?? 1) - placed.length);
  const team = buildMosaicTeam(jobSlots, need, scored.map((s) => s.team));
  const candidates = scored.map((s) => s.candidate);
  return {
    job_id: job.job_id,
    as_of: asOf,
    candidates: options.limit === undefined ? candidates : candidates.slice(0, options.limit),
    placed: placed.sort(),
    need,
    team,
    excluded,
  };
}

