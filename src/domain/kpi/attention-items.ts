import { daysBetween, type CivilDate } from '../civil-date';
import type { Job, Match, Member } from '../schema/tabs';
import type { Report } from './report';

// The attention lists of a report (stale open jobs, follow-ups due, waiting members) with what
// makes each one urgent, most urgent first (issue 14 "Attention lists a manager can act on").
// The lists themselves come from the report (attention-lists.ts, work.ts), so what counts as
// due stays defined in one place; this only adds the days and the job titles. Members appear by
// ID only; a job's title is the center's own text for the job, never a member's.

export interface UrgentItem {
  readonly id: string;
  /** Days open (a job), since placement (a follow-up) or waiting (a member), as of the report's last day. */
  readonly days: number;
  /** The job's 仕事名: of the job itself, or of the placement's job; null when blank or no job. */
  readonly jobTitle: string | null;
  /** A follow-up's member (by ID), or a stale job's placed / headcount. */
  readonly memberId: string | null;
  readonly filled: { readonly placed: number; readonly headcount: number } | null;
  /** A waiting member's wait counts from the join day: no match of theirs dated since (the mail
   *  says "入会から15年以上", not "待機5800日": kpi/wait-span.ts). */
  readonly fromJoining?: boolean;
}

export interface AttentionItems {
  readonly staleOpenJobs: readonly UrgentItem[];
  readonly followUpsDue: readonly UrgentItem[];
  readonly waitingMembers: readonly UrgentItem[];
}

function byUrgency(a: UrgentItem, b: UrgentItem): number {
  return b.days - a.days || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One pass over jobs, matches and members each; `report` is the week's. */
export function attentionItems(
  data: { readonly jobs: readonly Job[]; readonly matches: readonly Match[]; readonly members: readonly Member[] },
  report: Report,
): AttentionItems {
  const to = report.period.to;
  const days = (from: CivilDate | null): number => (from === null ? 0 : Math.max(0, daysBetween(from, to)));
  const jobs = new Map(data.jobs.map((j) => [j.job_id, j]));
  const title = (jobId: string | null): string | null => (jobId === null ? null : jobs.get(jobId)?.title?.trim() || null);

  const stale = new Set(report.work.stale_open_jobs);
  const due = new Set(report.activities.follow_ups_due);
  const waiting = new Set(report.activities.waiting_members);
  const placedByJob = new Map<string, number>();
  const lastContact = new Map<string, CivilDate>();
  const followUps: UrgentItem[] = [];
  for (const m of data.matches) {
    if (m.job_id !== null && m.status === 'placed' && m.placed_on !== null && m.placed_on <= to) {
      placedByJob.set(m.job_id, (placedByJob.get(m.job_id) ?? 0) + 1);
    }
    if (due.has(m.match_id)) {
      followUps.push({ id: m.match_id, days: days(m.placed_on), jobTitle: title(m.job_id), memberId: m.member_id, filled: null });
    }
    // A waiting member's last day with the desk: the latest of a match's days up to `to`.
    if (waiting.has(m.member_id)) {
      for (const d of [m.ended_on, m.placed_on, m.proposed_on]) {
        if (d === null || d > to) continue;
        const seen = lastContact.get(m.member_id);
        if (seen === undefined || d > seen) lastContact.set(m.member_id, d);
      }
    }
  }
  const staleOpenJobs = data.jobs.filter((j) => stale.has(j.job_id)).map((j): UrgentItem => ({
    id: j.job_id, days: days(j.created_on), jobTitle: title(j.job_id), memberId: null,
    filled: { placed: placedByJob.get(j.job_id) ?? 0, headcount: j.headcount ?? 1 },
  }));
  const waitingMembers = data.members.filter((m) => waiting.has(m.member_id)).map((m): UrgentItem => {
    const contact = lastContact.get(m.member_id);
    const since = contact !== undefined && (m.joined_on === null || contact > m.joined_on) ? contact : m.joined_on;
    return { id: m.member_id, days: days(since), jobTitle: null, memberId: null, filled: null, fromJoining: since === m.joined_on };
  });
  return {
    staleOpenJobs: staleOpenJobs.sort(byUrgency),
    followUpsDue: followUps.sort(byUrgency),
    waitingMembers: waitingMembers.sort(byUrgency),
  };
}
