import { formatProblem } from '../../domain/messages/catalog';
import type { Activity } from '../../domain/schema/tabs';
import type { Workbook } from '../../domain/workbook';
import { normaliseEmail } from '../shared/authorize';
import type { CallContext } from '../shared/call-context';
import type { ActivityView, Bootstrap, JobOption } from '../shared/api-types';
import { weekHeadlineOf } from '../weekly/week-headline';

// What the sidebar needs when it opens, in one call: who I am, the pick lists, my last entries
// and the week's figures. Names and kana are included because the sidebar is for staff only
// (authorize has already turned everyone else away).
const RECENT = 10;
const MAX_PROBLEMS = 20;

/**
 * Above this many enrolled members the bootstrap sends no member list and the picker searches on
 * the server (searchMembers). A member costs about 76 bytes of JSON (ID, kana, name): 3,000 are
 * ≈ 230 KB, which google.script.run hands over in well under a second and a <datalist> of 3,000
 * options still filters as one types; 50,000 were 3.8 MB, seconds of transfer and a sluggish
 * picker. Kashiwa (≈ 1,600 members) stays below it and keeps the instant, offline-like picker.
 */
export const MEMBER_LIST_LIMIT = 3_000;

export interface BootstrapOptions {
  /** MEMBER_LIST_LIMIT unless a test or the dev server lowers it. */
  readonly memberListLimit?: number;
}

export function activityView(a: Activity): ActivityView {
  return {
    activity_id: a.activity_id, date: a.date, coordinator: a.coordinator, area: a.area, kind: a.kind,
    member_id: a.member_id ?? '', client_id: a.client_id ?? '', job_id: a.job_id ?? '', minutes: a.minutes, outcome: a.outcome,
  };
}

export function jobOption(j: Workbook['jobs'][number]): JobOption {
  return { id: j.job_id, title: j.title, client_id: j.client_id ?? '', status: j.status, slots: j.slots, headcount: j.headcount ?? 1 };
}

export function bootstrapOf(workbook: Workbook, ctx: CallContext, options: BootstrapOptions = {}): Bootstrap {
  const me = normaliseEmail(ctx.email);
  // Sheet order is the order of recording; the caller's own last entries, newest first (found
  // among the last rows of 活動記録 that the sidebar reads: sidebar/read-plans.ts).
  const mine = workbook.activities.filter((a) => normaliseEmail(a.coordinator) === me);
  const recentActivities = mine.slice(-RECENT).reverse().map(activityView);
  const enrolled = workbook.members
    .filter((m) => m.left_on === null || m.left_on > ctx.today)
    .map((m) => ({ id: m.member_id, kana: m.kana, name: m.name }));
  const memberSearch = enrolled.length > (options.memberListLimit ?? MEMBER_LIST_LIMIT);
  // A large center still sends the names of the members in the recent entries (at most ten).
  const recentIds = new Set(recentActivities.map((a) => a.member_id));
  const members = memberSearch ? enrolled.filter((m) => recentIds.has(m.id)) : enrolled;
  return {
    user: { email: ctx.email, name: ctx.coordinator.name, role: ctx.coordinator.role, canWrite: ctx.canWrite },
    language: ctx.lang,
    centerName: ctx.settings.centerName,
    today: ctx.today,
    members,
    memberSearch,
    clients: workbook.clients.map((c) => ({ id: c.client_id, name: c.name })),
    jobs: workbook.jobs.filter((j) => j.status !== 'closed').map(jobOption),
    recentActivities,
    week: weekHeadlineOf(workbook, ctx.today),
    problems: workbook.problems.slice(0, MAX_PROBLEMS).map((p) => formatProblem(p, ctx.lang)),
  };
}
