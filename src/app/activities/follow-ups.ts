import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { ACTIVITY_KIND } from '../../domain/enums';
import { followUpWorklist, type FollowUpItem } from '../../domain/follow-up/worklist';
import { waitYears } from '../../domain/kpi/wait-span';
import { wordText } from '../../domain/messages/catalog';
import type { Workbook } from '../../domain/workbook';
import { civilDateArg, freeText, recordId } from '../shared/arg-schemas';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import type { FollowUpView, FollowUpsOutput, LogActivityOutput, LogFollowUpInput } from '../shared/api-types';
import { appendActivities } from './append-activities';

// 継続支援: who to call today, and a call logged in one tap. The worklist's rules are
// src/domain/follow-up/worklist.ts (placements at 1 week / 1 month / 3 months, members waiting
// longest, the oldest last contact); this adds the names, kana, phones and job titles a
// coordinator needs to make the call. They appear only in this answer, which goes to the sidebar
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

export function followUpsOf(workbook: Workbook, ctx: CallContext): FollowUpsOutput {
  const activities = workbook.activities.filter((a) => a.status !== 'withdrawn');
  const list = followUpWorklist({ members: workbook.members, matches: workbook.matches, activities, today: ctx.today });
  const byId = new Map(workbook.members.map((m) => [m.member_id, m]));
  const titles = new Map(workbook.jobs.map((j) => [j.job_id, j.title]));
  const words = wordText(ctx.lang).followUp;
  const text = (item: FollowUpItem): string => {
    // Past a year, in whole years; from the join day, said so (kpi/wait-span.ts): not "5800日".
    if (item.reason === 'waiting') return words.waiting(item.since, item.days, waitYears(item.days), item.since === byId.get(item.member_id)?.joined_on);
    if (item.reason === 'no_contact') return words.no_contact(item.last_contact, item.days, waitYears(item.days));
    const placedOn = workbook.matches.find((m) => m.match_id === item.match_id)?.placed_on ?? '';
    const job = (item.job_id ? titles.get(item.job_id) : '') || item.job_id || '';
    return words[item.reason](job, placedOn);
  };
  const items: FollowUpView[] = list.items.map((item) => {
    const m = byId.get(item.member_id);
    return {
      member_id: item.member_id, name: m?.name ?? '', kana: m?.kana ?? '', phone: m?.phone ?? '',
      reason: item.reason, reason_text: text(item), since: item.since, days: item.days,
      match_id: item.match_id, job_id: item.job_id, last_contact: item.last_contact,
    };
  });
  return { today: ctx.today, items, counts: list.counts };
}

/** A follow-up call in one tap: 継続支援, フォロー unless another kind is given, today unless dated. */
export function logFollowUp(ports: SidebarPorts, ctx: CallContext, input: LogFollowUpInput): LogActivityOutput {
  const [activity] = appendActivities(ports, ctx, [{
    date: input.date ?? ctx.today, area: 'follow_up', kind: input.kind !== undefined ? input.kind : 'follow_up_contact',
    member_id: input.member_id, job_id: input.job_id ?? '', minutes: input.minutes ?? null, outcome: input.outcome ?? '', notes: input.notes ?? '',
  }]);
  if (!activity) throw new Error('no activity appended');
  return { activity };
}
