import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { ACTIVITY_KIND } from '../../domain/enums';
import { composeWorklist, FOLLOW_UP_REASONS, groupOf } from '../../domain/follow-up/worklist';
import { waitYears } from '../../domain/kpi/wait-span';
import { wordText } from '../../domain/messages/catalog';
import { countedList, noteContacts } from '../follow-ups/keep-list';
import { followHandEdits, listReadPlan, rebuildFollowUpsSeen } from '../follow-ups/follow-hand-edits';
import { readStoredList, readStoredListWithin, STORED_PER_GROUP, type StoredItem, type StoredList } from '../follow-ups/stored-list';
import { underWriteLock } from '../shared/write-boundary';
import { civilDateArg, freeText, recordId } from '../shared/arg-schemas';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import type { FollowUpView, FollowUpsOutput, LogActivityOutput, LogFollowUpInput } from '../shared/api-types';
import { appendActivities } from './append-activities';

// 継続支援: who to call today, and a call logged in one tap. The worklist's rules are
// src/domain/follow-up/worklist.ts (placements at 1 week / 1 month / 3 months, members waiting
// longest, the oldest last contact); the list is stored in the hidden tab _継続支援 with the
// names, kana, phones and job titles a coordinator needs to make the call (src/app/follow-ups). They appear only in this answer, which goes to the sidebar
// of an active coordinator, viewer or manager: never into a mail, the audit tab or a log line.

export const LOG_FOLLOW_UP_INPUT = lazySchema(() => z.strictObject({
  member_id: recordId,
  job_id: z.optional(z.union([recordId, z.literal('')])),
  kind: z.optional(z.nullable(z.enum(ACTIVITY_KIND.codes))),
  minutes: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(24 * 60)))),
  outcome: z.optional(freeText(2000)),
  notes: z.optional(freeText(2000)),
  date: z.optional(civilDateArg),
}));

/** The panel's answer from the stored list: each group's first (20 / 10 / 10), the counts, and
 *  how old the list is (the day it was last rebuilt: time moving on is the rebuild's job). */
export function followUpsOf(list: StoredList, ctx: Pick<CallContext, 'lang' | 'today'>): FollowUpsOutput {
  const shown = composeWorklist(list.items);
  const words = wordText(ctx.lang).followUp;
  const text = (item: StoredItem): string => {
    // Past a year, in whole years; from the join day, said so (kpi/wait-span.ts): not "5800日".
    if (item.reason === 'waiting') return words.waiting(item.since, item.days, waitYears(item.days), item.since === item.joined_on);
    if (item.reason === 'no_contact') return words.no_contact(item.last_contact, item.days, waitYears(item.days));
    return words[item.reason](item.job_title || item.job_id || '', item.placed_on ?? '');
  };
  const byId = new Map(list.items.map((i) => [i.member_id, i]));
  const items: FollowUpView[] = shown.items.map((shownItem) => {
    const item = byId.get(shownItem.member_id) ?? { ...shownItem, name: '', kana: '', phone: '', job_title: '', placed_on: null, joined_on: null };
    return {
      member_id: item.member_id, name: item.name, kana: item.kana, phone: item.phone,
      reason: item.reason, reason_text: text(item), since: item.since, days: item.days,
      match_id: item.match_id, job_id: item.job_id, last_contact: item.last_contact,
    };
  });
  // A group the rebuild cut to STORED_PER_GROUP keeps the count it found then.
  const counts = { ...shown.counts };
  for (const r of FOLLOW_UP_REASONS) if (list.capped.includes(groupOf(r)) && list.builtCounts) counts[r] = list.builtCounts[r];
  const builtOn = list.builtOn ?? '';
  return { today: ctx.today, items, counts, built_on: builtOn, stale: builtOn !== '' && builtOn < ctx.today, capped: [...list.capped], stored_cap: STORED_PER_GROUP };
}

/** listFollowUps: the stored list (its size, capped, never the center's), after one getProperties
 *  that says whether a person's hand edit has touched it since (follow-hand-edits.ts) and how far
 *  down its writers have written it (list-bound.ts): then one read of that many rows, no size
 *  question — or, when the read is not the list as they left it (a row below the bound, another
 *  header) or no bound is kept, the list read whole as before.
 *  Touched: the members the edit named re-counted first, or the list rebuilt when no key named them,
 *  under the write boundary; so is the list made by the first call that finds none. When another
 *  run holds the lock then, the list is counted from the tabs without being kept: never shown as
 *  the hand edit left it. */
export function listFollowUps(ports: SidebarPorts, ctx: CallContext): FollowUpsOutput {
  const plan = listReadPlan(ports.props);
  if (plan.current) {
    const within = plan.bound === null ? null : readStoredListWithin(ports.store, ctx.lang, ctx.today, plan.bound);
    const stored = within ?? readStoredList(ports.store, ctx.lang, ctx.today);
    if (stored) return followUpsOf(stored, ctx);
  }
  const kept = underWriteLock(ports, () => followHandEdits(ports, ctx.settings, ctx.today));
  return followUpsOf(kept.ok ? kept.value : countedList(ports.store, ctx.settings, ctx.today), ctx);
}

/** 作り直す (the panel, a coordinator or manager): the list recounted from the tabs now (and the
 *  hand edits' stamps it holds cleared). */
export function rebuildFollowUpList(ports: SidebarPorts, ctx: CallContext): FollowUpsOutput {
  return followUpsOf(rebuildFollowUpsSeen(ports, ctx.settings, ctx.today), ctx);
}

/** A follow-up call in one tap: 継続支援, フォロー unless another kind is given, today unless dated. */
export function logFollowUp(ports: SidebarPorts, ctx: CallContext, input: LogFollowUpInput): LogActivityOutput {
  const [activity] = appendActivities(ports, ctx, [{
    date: input.date ?? ctx.today, area: 'follow_up', kind: input.kind !== undefined ? input.kind : 'follow_up_contact',
    member_id: input.member_id, job_id: input.job_id ?? '', minutes: input.minutes ?? null, outcome: input.outcome ?? '', notes: input.notes ?? '',
  }]);
  if (!activity) throw new Error('no activity appended');
  // The member was just called: off the stored list (their row found by key).
  noteContacts(ports.store, ctx, [activity]);
  return { activity };
}
