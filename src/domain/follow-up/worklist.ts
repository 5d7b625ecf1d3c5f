import { addDays, daysBetween, type CivilDate } from '../civil-date';
import type { Activity, Match, Member } from '../schema/tabs';
import { enrolledOn } from '../matching/hard-rules';
import { holdsPlace } from '../jobs/capacity';

// 継続支援: who to call today (design/sidebar-calls.md listFollowUps). Three reasons, each member
// listed once, under the first that applies:
// 1. a placement at a milestone — 1 week, 1 month, 3 months after 成立日 — with no 継続支援
//    activity for the member since (a call up to EARLY_DAYS before the milestone counts);
// 2. a member waiting for work (enrolled, consent, 就業可能枠, no match keeping them busy in the
//    last 90 days, as kpi.md's 待機会員), longest first, unless contacted in the last 14 days;
// 3. a member whose last contact (any activity naming them) is 90 days old or more, oldest first.
// IDs, dates and codes only: the sidebar call adds the names and phones, and nothing here is
// ever mailed or logged.

export const MILESTONES = [
  { reason: 'placed_1w', days: 7 },
  { reason: 'placed_1m', days: 30 },
  { reason: 'placed_3m', days: 90 },
] as const;
/** A call this many days before a milestone clears it. */
export const EARLY_DAYS = 3;
/** A placement's last milestone stays due until this many days after 成立日. */
export const MILESTONE_UNTIL_DAYS = 180;
/** kpi.md 待機会員: no match active in the last 90 days. */
export const WAITING_DAYS = 90;
/** A waiting member contacted this recently is not listed again. */
export const RECENT_CONTACT_DAYS = 14;
/** A member not contacted for this long is listed under no_contact. */
export const NO_CONTACT_DAYS = 90;

export type FollowUpReason = (typeof MILESTONES)[number]['reason'] | 'waiting' | 'no_contact';
export const FOLLOW_UP_REASONS: readonly FollowUpReason[] = ['placed_1w', 'placed_1m', 'placed_3m', 'waiting', 'no_contact'];

export interface FollowUpItem {
  readonly member_id: string;
  readonly reason: FollowUpReason;
  /** Since when it is due: the milestone's day, the day the wait began, or the last contact
   *  (the join day when there is none). */
  readonly since: CivilDate;
  /** Days from `since` to today. */
  readonly days: number;
  /** The placement a milestone is about. */
  readonly match_id: string | null;
  readonly job_id: string | null;
  /** The member's last contact found (null: none among the activities given). */
  readonly last_contact: CivilDate | null;
}

export interface WorklistLimits {
  /** Most items per reason group: placements, waiting, no contact. */
  readonly placed: number;
  readonly waiting: number;
  readonly no_contact: number;
}
export const DEFAULT_LIMITS: WorklistLimits = { placed: 20, waiting: 10, no_contact: 10 };

export interface Worklist {
  readonly items: readonly FollowUpItem[];
  /** How many qualified under each reason before the limits (for 「ほか N人」). */
  readonly counts: Readonly<Record<FollowUpReason, number>>;
}

export interface WorklistInput {
  readonly members: readonly Pick<Member, 'member_id' | 'joined_on' | 'left_on' | 'consent' | 'availability'>[];
  readonly matches: readonly Match[];
  /** Activities not withdrawn (those read: the sidebar reads the last rows of 活動記録). */
  readonly activities: readonly Pick<Activity, 'member_id' | 'date' | 'area'>[];
  readonly today: CivilDate;
}

/** A match keeps a member busy in [from, to] (kpi.md 待機会員). */
function busyBetween(m: Match, from: CivilDate, to: CivilDate): boolean {
  if ((m.status === 'placed' || m.status === 'ended') && m.placed_on !== null) {
    return m.placed_on <= to && (m.ended_on === null ? m.status === 'placed' : m.ended_on >= from);
  }
  if (m.status === 'candidate' || m.status === 'proposed' || m.status === 'interview') {
    return m.proposed_on === null || (m.proposed_on >= from && m.proposed_on <= to);
  }
  return false;
}

export function followUpWorklist(input: WorklistInput, limits: WorklistLimits = DEFAULT_LIMITS): Worklist {
  const { today } = input;
  const lastContact = new Map<string, CivilDate>();
  const lastFollowUp = new Map<string, CivilDate>();
  for (const a of input.activities) {
    if (!a.member_id || a.date > today) continue;
    if ((lastContact.get(a.member_id) ?? '') < a.date) lastContact.set(a.member_id, a.date);
    if (a.area === 'follow_up' && (lastFollowUp.get(a.member_id) ?? '') < a.date) lastFollowUp.set(a.member_id, a.date);
  }
  const listed = new Set<string>();
  const contactOf = (id: string): CivilDate | null => lastContact.get(id) ?? null;

  // 1. Placements at a milestone, the longest overdue first.
  const placed: FollowUpItem[] = [];
  for (const m of input.matches) {
    if (!holdsPlace(m, today) || m.placed_on === null || m.placed_on > today || !m.job_id) continue;
    const elapsed = daysBetween(m.placed_on, today);
    if (elapsed > MILESTONE_UNTIL_DAYS) continue;
    const milestone = [...MILESTONES].reverse().find((s) => elapsed >= s.days);
    if (!milestone) continue;
    const since = addDays(m.placed_on, milestone.days);
    const followed = lastFollowUp.get(m.member_id);
    if (followed !== undefined && followed >= addDays(since, -EARLY_DAYS)) continue;
    placed.push({ member_id: m.member_id, reason: milestone.reason, since, days: daysBetween(since, today), match_id: m.match_id, job_id: m.job_id, last_contact: contactOf(m.member_id) });
  }
  placed.sort((a, b) => b.days - a.days || cmp(a.member_id, b.member_id));
  const placedOnce = placed.filter((p) => (listed.has(p.member_id) ? false : (listed.add(p.member_id), true)));

  // 2. Waiting members, the longest wait first.
  const from = addDays(today, -(WAITING_DAYS - 1));
  const busy = new Set<string>();
  const lastEnd = new Map<string, CivilDate>();
  for (const m of input.matches) {
    if (busyBetween(m, from, today)) busy.add(m.member_id);
    const end = m.status === 'ended' ? m.ended_on : null;
    if (end !== null && end <= today && (lastEnd.get(m.member_id) ?? '') < end) lastEnd.set(m.member_id, end);
  }
  const enrolled = input.members.filter((m) => enrolledOn(m, today));
  const waiting: FollowUpItem[] = [];
  for (const m of enrolled) {
    if (listed.has(m.member_id) || !m.consent || m.availability.length === 0 || busy.has(m.member_id)) continue;
    const contact = contactOf(m.member_id);
    if (contact !== null && daysBetween(contact, today) < RECENT_CONTACT_DAYS) continue;
    const end = lastEnd.get(m.member_id);
    const since = end !== undefined && end > m.joined_on ? end : m.joined_on;
    waiting.push({ member_id: m.member_id, reason: 'waiting', since, days: daysBetween(since, today), match_id: null, job_id: null, last_contact: contact });
  }
  waiting.sort((a, b) => b.days - a.days || cmp(a.member_id, b.member_id));
  for (const w of waiting.slice(0, limits.waiting)) listed.add(w.member_id);

  // 3. The oldest last contact (never contacted: since joining).
  const silent: FollowUpItem[] = [];
  for (const m of enrolled) {
    if (listed.has(m.member_id)) continue;
    const contact = contactOf(m.member_id);
    const since = contact ?? m.joined_on;
    const days = daysBetween(since, today);
    if (days < NO_CONTACT_DAYS) continue;
    silent.push({ member_id: m.member_id, reason: 'no_contact', since, days, match_id: null, job_id: null, last_contact: contact });
  }
  silent.sort((a, b) => b.days - a.days || cmp(a.member_id, b.member_id));

  const counts: Record<FollowUpReason, number> = { placed_1w: 0, placed_1m: 0, placed_3m: 0, waiting: waiting.length, no_contact: silent.length };
  for (const p of placedOnce) counts[p.reason]++;
  return {
    items: [...placedOnce.slice(0, limits.placed), ...waiting.slice(0, limits.waiting), ...silent.slice(0, limits.no_contact)],
    counts,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
