import { daysBetween, type CivilDate } from '../civil-date';
import type { Job } from '../schema/tabs';
import type { MatchColumns } from './placements';
import type { MemberColumns } from './members';
import type { Report } from './report';
import { memberIndexOf, type MemberIndex } from './attention-lists';

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

/** The `limit` most urgent of the items offered, in byUrgency's order, ties in the order offered
 *  (as a stable sort of them all, then the first `limit`). An item is made only when it is among
 *  them so far: at a large center ~12,000 members wait, and the mail shows ten. */
class MostUrgent {
  private readonly kept: UrgentItem[] = [];
  constructor(private readonly limit: number) {}

  offer(id: string, days: number, make: () => UrgentItem): void {
    const { kept: items, limit } = this;
    // Every item: all of them, sorted at the end.
    if (limit === Infinity) { items.push(make()); return; }
    if (limit <= 0) return;
    // Past every item it does not come before (equal ones stay first).
    let at = items.length;
    while (at > 0 && before(id, days, items[at - 1] as UrgentItem)) at--;
    if (at >= limit) return;
    items.splice(at, 0, make());
    if (items.length > limit) items.pop();
  }

  get items(): UrgentItem[] {
    return this.limit === Infinity ? this.kept.sort(byUrgency) : this.kept;
  }
}

/** Whether (id, days) sorts strictly before `b` by byUrgency. */
function before(id: string, days: number, b: UrgentItem): boolean {
  return days !== b.days ? days > b.days : id < b.id;
}

/** One pass over jobs, matches and members each; `report` is the week's. Each list holds its
 *  `limit` most urgent items (every item by default): the mail shows MOST_URGENT of each.
 *  `index`: memberIndexOf of the same members and matches, when the run has made it. */
export function attentionItems(
  data: { readonly jobs: readonly Job[]; readonly matches: MatchColumns; readonly members: MemberColumns },
  report: Report,
  limit = Infinity,
  index: MemberIndex = memberIndexOf(data.members, data.matches),
): AttentionItems {
  const to = report.period.to;
  const days = (from: CivilDate | null): number => (from === null ? 0 : Math.max(0, daysBetween(from, to)));
  const stale = new Set(report.work.stale_open_jobs);
  const due = new Set(report.activities.follow_ups_due);
  // Waiting by the first index of the member's ID (memberIndexOf): the matches are asked by index.
  const waitingIds = new Set(report.activities.waiting_members);
  const { first, ofMatch } = index;
  const waiting = new Uint8Array(data.members.count);
  const { member_id: memberIds, joined_on: joinedOn } = data.members;
  for (let i = 0; i < data.members.count; i++) {
    const at = first[i] as number;
    if (at === i && waitingIds.has(memberIds[i] as string)) waiting[i] = 1;
  }
  // The titles of the jobs the lists name (not a Map of every job).
  const named = new Set(stale);
  const { match_id: matchIds, job_id: jobIds, member_id: matchMembers, status, placed_on: placedOn, ended_on: endedOn, proposed_on: proposedOn } = data.matches;
  for (let i = 0; i < data.matches.count; i++) {
    const job = jobIds[i] ?? null;
    if (job !== null && due.has(matchIds[i] as string)) named.add(job);
  }
  const jobs = new Map<string, Job>();
  for (const j of data.jobs) if (named.has(j.job_id)) jobs.set(j.job_id, j);
  const title = (jobId: string | null): string | null => (jobId === null ? null : jobs.get(jobId)?.title?.trim() || null);

  const placedByJob = new Map<string, number>();
  // A waiting member's last day with the desk, by the first index of the member's ID.
  const lastContact: (CivilDate | undefined)[] = new Array<CivilDate | undefined>(data.members.count).fill(undefined);
  const followUps = new MostUrgent(limit);
  for (let i = 0; i < data.matches.count; i++) {
    const id = matchIds[i] as string;
    const job = jobIds[i] ?? null;
    const member = matchMembers[i] as string;
    const placed = placedOn[i] ?? null;
    if (job !== null && status[i] === 'placed' && placed !== null && placed <= to && stale.has(job)) {
      placedByJob.set(job, (placedByJob.get(job) ?? 0) + 1);
    }
    if (due.has(id)) {
      followUps.offer(id, days(placed), () => ({ id, days: days(placed), jobTitle: title(job), memberId: member, filled: null }));
    }
    // A waiting member's last day with the desk: the latest of a match's days up to `to`.
    const at = ofMatch[i] as number;
    if (at >= 0 && waiting[at] === 1) {
      for (const d of [endedOn[i] ?? null, placed, proposedOn[i] ?? null]) {
        if (d === null || d > to) continue;
        const seen = lastContact[at];
        if (seen === undefined || d > seen) lastContact[at] = d;
      }
    }
  }
  const staleOpenJobs = new MostUrgent(limit);
  for (const j of data.jobs) {
    if (!stale.has(j.job_id)) continue;
    staleOpenJobs.offer(j.job_id, days(j.created_on), (): UrgentItem => ({
      id: j.job_id, days: days(j.created_on), jobTitle: title(j.job_id), memberId: null,
      filled: { placed: placedByJob.get(j.job_id) ?? 0, headcount: j.headcount ?? 1 },
    }));
  }
  const waitingMembers = new MostUrgent(limit);
  for (let i = 0; i < data.members.count; i++) {
    const at = first[i] as number;
    if (waiting[at] !== 1) continue;
    const id = memberIds[i] as string;
    const joined = joinedOn[i] ?? null;
    const contact = lastContact[at];
    const since = contact !== undefined && (joined === null || contact > joined) ? contact : joined;
    const waited = days(since);
    waitingMembers.offer(id, waited, (): UrgentItem => ({ id, days: waited, jobTitle: null, memberId: null, filled: null, fromJoining: since === joined }));
  }
  return { staleOpenJobs: staleOpenJobs.items, followUpsDue: followUps.items, waitingMembers: waitingMembers.items };
}
