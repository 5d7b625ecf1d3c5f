import type { CivilDate } from '../civil-date';
import type { Settings } from '../settings';
import type { Job } from '../schema/tabs';
import type { Workbook } from '../workbook';
import { checkHardRules, bestTake, EXCLUSIONS, type Exclusion, type WorkCaps } from './hard-rules';
import { buildMosaicTeam, type TeamInput } from './mosaic-team';
import { indexPlacements, type PlacementIndex } from './placements';
import { jobTerms, scoreCandidate } from './score';
import { skillVocabulary, type SkillVocabulary } from '../skills/vocabulary';
import { bitCount, slotMask, slotsOf } from './slot-bits';
import type { Candidate, MatchResult, RankedMember } from './types';
import { currentLoad, recentWindow, recentWorkDays } from './work-load';
import { indexWork, workedLoad, type WorkIndex } from './worked-load';
import { dayNumber } from './day-number';

// Ranks the members for one job: hard rules, then score, then the mosaic team (issue 4).
export interface MatchOptions {
  /** Return only the best `limit` candidates (the team is still built from all of them). */
  readonly limit?: number;
}

/** What ranking needs, indexed once: the sidebar and the bench keep this between calls. */
export interface MatchContext {
  readonly members: readonly RankedMember[];
  /** Each member's availability as a slot mask, parallel to `members`. */
  readonly availability: Int32Array;
  readonly placements: PlacementIndex;
  /** 就業実績 by member: the caps count the last 4 weeks' real work too (worked-load.ts). */
  readonly work: WorkIndex;
  readonly caps: WorkCaps;
  /** The 技能 tab's vocabulary: 掃除 holds a job's 清掃 (matching.md Score). */
  readonly vocabulary: SkillVocabulary;
}

export function matchContext(workbook: Pick<Workbook, 'members' | 'matches' | 'jobs'> & { settings: Pick<Settings, keyof WorkCaps> } & Partial<Pick<Workbook, 'skills' | 'workLog'>>): MatchContext {
  const { slotHours, weeklyHoursCap, monthlyDaysCap } = workbook.settings;
  return {
    vocabulary: skillVocabulary(workbook.skills ?? []),
    members: workbook.members,
    availability: Int32Array.from(workbook.members, (m) => slotMask(m.availability)),
    placements: indexPlacements(workbook.matches, workbook.jobs),
    work: indexWork(workbook.workLog ?? []),
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

/** Places still open on each of the job's slots (index = slot bit), counting every placement
 *  that holds a place on `asOf` (not ended before it, one starting later included:
 *  src/domain/jobs/capacity.ts holdsPlace) over the slots it covers. */
function needBySlot(job: Job, context: MatchContext, asOf: CivilDate): { need: number[]; holders: Set<string> } {
  const headcount = Math.max(1, job.headcount ?? 1);
  const filled = new Array<number>(14).fill(0);
  const holders = new Set<string>();
  for (const [memberId, placements] of context.placements) {
    for (const p of placements) {
      if (p.job_id !== job.job_id || (p.to !== null ? p.to < asOf : p.ended)) continue;
      holders.add(memberId);
      for (let i = 0; i < 14; i++) if (p.slots & (1 << i)) filled[i] = (filled[i] ?? 0) + 1;
    }
  }
  return { need: filled.map((f) => Math.max(0, headcount - f)), holders };
}

export function rankForJob(job: Job, context: MatchContext, asOf: CivilDate, options: MatchOptions = {}): MatchResult {
  const jobSlots = slotMask(job.slots);
  const { need, holders } = needBySlot(job, context, asOf);
  let openSlots = 0;
  for (let i = 0; i < 14; i++) if (jobSlots & (1 << i) && (need[i] ?? 0) > 0) openSlots |= 1 << i;
  const excluded = Object.fromEntries(EXCLUSIONS.map((e) => [e, 0])) as Record<Exclusion, number>;
  const scored: { candidate: Candidate; team: TeamInput }[] = [];
  const placed: string[] = [];

  const window = recentWindow(asOf);
  const asOfDay = dayNumber(asOf);
  const terms = jobTerms(job, context.vocabulary);
  context.members.forEach((member, i) => {
    const placements = context.placements.get(member.member_id);
    const load = { ...currentLoad(placements, asOf, context.caps.slotHours), worked: workedLoad(context.work.get(member.member_id), asOfDay) };
    // Placed members fill the headcount whatever else is true of them today.
    if (load.jobIds.includes(job.job_id)) placed.push(member.member_id);
    // A member whose placement on this job starts later already holds a place on it.
    const verdict = holders.has(member.member_id) && !load.jobIds.includes(job.job_id)
      ? { ok: false as const, rule: 'already_placed' as const }
      : checkHardRules(member, job.job_id, jobSlots, load, context.caps, asOf, context.availability[i] ?? 0, openSlots);
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
  const team = buildMosaicTeam(jobSlots, need, scored.map((s) => s.team));
  // A job without slots needs headcount less the members placed on it.
  let neediest = jobSlots === 0 ? Math.max(0, (job.headcount ?? 1) - placed.length) : 0;
  for (let i = 0; i < 14; i++) if (jobSlots & (1 << i)) neediest = Math.max(neediest, need[i] ?? 0);
  const candidates = scored.map((s) => s.candidate);
  return {
    job_id: job.job_id,
    as_of: asOf,
    candidates: options.limit === undefined ? candidates : candidates.slice(0, options.limit),
    placed: placed.sort(),
    need: neediest,
    open_slots: slotsOf(openSlots),
    team,
    excluded,
  };
}

