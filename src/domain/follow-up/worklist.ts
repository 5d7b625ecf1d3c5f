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
// A member's reason depends on their own rows only (followUpOfMember): that is what lets the
// stored list (_継続支援, src/app/follow-ups) be kept true by re-counting the one member a write
// touched. IDs, dates and codes only: the sidebar call adds the names and phones, and nothing
// here is ever mailed or logged.

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
/** The worklist's three groups, in its order (the placements' three reasons are one group). */
export type FollowUpGroup = 'placed' | 'waiting' | 'no_contact';
export const groupOf = (reason: FollowUpReason): FollowUpGroup => (reason === 'waiting' || reason === 'no_contact' ? reason : 'placed');

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

export type WorklistMember = Pick<Member, 'member_id' | 'joined_on' | 'left_on' | 'consent' | 'availability'>;
export type WorklistActivity = Pick<Activity, 'member_id' | 'date' | 'area'>;

export interface WorklistInput {
  readonly members: readonly WorklistMember[];
  readonly matches: readonly Match[];
  /** Activities not withdrawn. */
  readonly activities: readonly WorklistActivity[];
  readonly today: CivilDate;
}

/** A member's last contact and last 継続支援 activity on or before today. */
export interface Contacts {
  readonly last_contact: CivilDate | null;
  readonly last_follow_up: CivilDate | null;
}

/** The last contacts of every member the activities name (one pass). */
export function contactsOf(activities: readonly WorklistActivity[], today: CivilDate): Map<string, Contacts> {
  const out = new Map<string, { last_contact: CivilDate | null; last_follow_up: CivilDate | null }>();
  for (const a of activities) {
    if (!a.member_id || a.date > today) continue;
    let c = out.get(a.member_id);
    if (!c) { c = { last_contact: null, last_follow_up: null }; out.set(a.member_id, c); }
    if ((c.last_contact ?? '') < a.date) c.last_contact = a.date;
    if (a.area === 'follow_up' && (c.last_follow_up ?? '') < a.date) c.last_follow_up = a.date;
  }
  return out;
}

const NO_CONTACTS: Contacts = { last_contact: null, last_follow_up: null };

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

/** The milestone a placement of the member has reached today (none before a week, none after
 *  MILESTONE_UNTIL_DAYS): whether it is due depends on the member's 継続支援 calls, not on this. */
function milestoneOf(m: Match, memberId: string, today: CivilDate): (typeof MILESTONES)[number] | null {
  if (m.member_id !== memberId || !holdsPlace(m, today) || m.placed_on === null || m.placed_on > today || !m.job_id) return null;
  const elapsed = daysBetween(m.placed_on, today);
  if (elapsed > MILESTONE_UNTIL_DAYS) return null;
  return [...MILESTONES].reverse().find((s) => elapsed >= s.days) ?? null;
}

/**
 * Whether a member contacted on `contact` is due nothing today whatever else their rows hold:
 * no placement of theirs (`matches`: all of them) at a milestone, and the contact within the
 * last RECENT_CONTACT_DAYS (on or before today). Then their last contact is `contact` or later
 * and still recent, so they are neither waiting (contacted recently) nor silent
 * (NO_CONTACT_DAYS ≥ RECENT_CONTACT_DAYS): followUpOfMember answers null without their 会員 row
 * or their activities — what lets a status change that logs its activity skip reading them.
 */
export function dueNothingAfter(memberId: string, matches: readonly Match[], contact: CivilDate, today: CivilDate): boolean {
  if (contact > today || daysBetween(contact, today) >= RECENT_CONTACT_DAYS) return false;
  return !matches.some((m) => milestoneOf(m, memberId, today) !== null);
}

/**
 * Whether a member is due nothing today whatever their contacts: no placement of theirs at a
 * milestone, and not enrolled today (no 会員 row, not joined yet, or left: 退会日 on or before
 * today). followUpOfMember then answers null before it looks at a contact — what lets leaving
 * today (the placements ended the day before) re-count the member without their activities.
 */
export function dueNothingWhateverContacts(memberId: string, member: WorklistMember | undefined, matches: readonly Match[], today: CivilDate): boolean {
  if (member && enrolledOn(member, today)) return false;
  return !matches.some((m) => milestoneOf(m, memberId, today) !== null);
}

/**
 * One member's place on the worklist today, from their own rows only: their 会員 row (undefined
 * when the tab has none: a placement still counts), their matches and their contacts. Null when
 * they are due nothing.
 */
export function followUpOfMember(
  memberId: string, member: WorklistMember | undefined, matches: readonly Match[], contacts: Contacts, today: CivilDate,
): FollowUpItem | null {
  const contact = contacts.last_contact;
  // 1. Placements at a milestone: the longest overdue of the member's (the first on a tie).
  let placed: FollowUpItem | null = null;
  for (const m of matches) {
    const milestone = milestoneOf(m, memberId, today);
    if (!milestone || m.placed_on === null || !m.job_id) continue;
    const since = addDays(m.placed_on, milestone.days);
    const followed = contacts.last_follow_up;
    if (followed !== null && followed >= addDays(since, -EARLY_DAYS)) continue;
    const days = daysBetween(since, today);
    if (placed === null || days > placed.days) placed = { member_id: memberId, reason: milestone.reason, since, days, match_id: m.match_id, job_id: m.job_id, last_contact: contact };
  }
  if (placed) return placed;
  if (!member || !enrolledOn(member, today)) return null;

  // 2. Waiting for work: no match keeping them busy in the last 90 days.
  const from = addDays(today, -(WAITING_DAYS - 1));
  let busy = false;
  let lastEnd: CivilDate | null = null;
  for (const m of matches) {
    if (m.member_id !== memberId) continue;
    if (busyBetween(m, from, today)) busy = true;
    const end = m.status === 'ended' ? m.ended_on : null;
    if (end !== null && end <= today && (lastEnd ?? '') < end) lastEnd = end;
  }
  if (member.consent && member.availability.length > 0 && !busy) {
    if (contact !== null && daysBetween(contact, today) < RECENT_CONTACT_DAYS) return null;
    const since = lastEnd !== null && lastEnd > member.joined_on ? lastEnd : member.joined_on;
    return { member_id: memberId, reason: 'waiting', since, days: daysBetween(since, today), match_id: null, job_id: null, last_contact: contact };
  }

  // 3. The oldest last contact (never contacted: since joining).
  const since = contact ?? member.joined_on;
  const days = daysBetween(since, today);
  if (days < NO_CONTACT_DAYS) return null;
  return { member_id: memberId, reason: 'no_contact', since, days, match_id: null, job_id: null, last_contact: contact };
}

/** Every member due something today, each once (the members of 会員 and those a match names). */
export function dueItems(input: WorklistInput): FollowUpItem[] {
  const contacts = contactsOf(input.activities, input.today);
  const matchesOf = new Map<string, Match[]>();
  for (const m of input.matches) {
    const list = matchesOf.get(m.member_id);
    if (list) list.push(m); else matchesOf.set(m.member_id, [m]);
  }
  const members = new Map(input.members.map((m) => [m.member_id, m]));
  const ids = new Set<string>([...members.keys(), ...matchesOf.keys()]);
  const items: FollowUpItem[] = [];
  for (const id of ids) {
    const item = followUpOfMember(id, members.get(id), matchesOf.get(id) ?? [], contacts.get(id) ?? NO_CONTACTS, input.today);
    if (item) items.push(item);
  }
  return items;
}

/** The worklist's order: group by group, the longest due first (the earliest `since`: it does not
 *  change as days go by), then by member ID. */
export function worklistOrder(a: Pick<FollowUpItem, 'reason' | 'since' | 'member_id'>, b: Pick<FollowUpItem, 'reason' | 'since' | 'member_id'>): number {
  const ga = GROUPS.indexOf(groupOf(a.reason));
  const gb = GROUPS.indexOf(groupOf(b.reason));
  return ga - gb || cmp(a.since, b.since) || cmp(a.member_id, b.member_id);
}
const GROUPS: readonly FollowUpGroup[] = ['placed', 'waiting', 'no_contact'];

/** The list as the panel shows it: `items` (every member due, each once) in order, each group
 *  kept to its limit, and how many each reason counted. */
export function composeWorklist(items: readonly FollowUpItem[], limits: WorklistLimits = DEFAULT_LIMITS): Worklist {
  const sorted = [...items].sort(worklistOrder);
  const counts: Record<FollowUpReason, number> = { placed_1w: 0, placed_1m: 0, placed_3m: 0, waiting: 0, no_contact: 0 };
  const shown: Record<FollowUpGroup, number> = { placed: 0, waiting: 0, no_contact: 0 };
  const out: FollowUpItem[] = [];
  for (const item of sorted) {
    counts[item.reason]++;
    const g = groupOf(item.reason);
    if (shown[g] < limits[g]) { shown[g]++; out.push(item); }
  }
  return { items: out, counts };
}

export function followUpWorklist(input: WorklistInput, limits: WorklistLimits = DEFAULT_LIMITS): Worklist {
  return composeWorklist(dueItems(input), limits);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
