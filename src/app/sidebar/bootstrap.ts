import { formatProblem } from '../../domain/messages/catalog';
import { ageOn } from '../../domain/members/age';
import { skillVocabulary } from '../../domain/skills/vocabulary';
import type { Activity } from '../../domain/schema/tabs';
import type { Workbook } from '../../domain/workbook';
import { normaliseEmail } from '../shared/authorize';
import type { CallContext } from '../shared/call-context';
import type { ActivityView, Bootstrap, Vocabulary } from '../shared/api-types';
import { activityViewOf } from '../activities/append-activities';
import { jobOptions } from '../matching/list-jobs';
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
  return activityViewOf(a);
}

/** Distinct non-blank words (trimmed, compared in NFKC so full- and half-width forms are one), first form kept. */
function distinct(words: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const w of words) {
    const t = w.trim();
    const k = t.normalize('NFKC');
    if (t !== '' && !seen.has(k)) seen.set(k, t);
  }
  return [...seen.values()];
}

/** The dropdowns' words: the 技能 tab's skills, the 職種 of the jobs and the 地区 in use. */
export function vocabularyOf(workbook: Pick<Workbook, 'skills' | 'jobs' | 'members' | 'clients'>): Vocabulary {
  return {
    skills: skillVocabulary(workbook.skills).skills,
    categories: distinct(workbook.jobs.map((j) => j.category)).sort(),
    districts: distinct([...workbook.clients.map((c) => c.district), ...workbook.jobs.map((j) => j.district), ...workbook.members.map((m) => m.district)]).sort(),
  };
}

export function bootstrapOf(workbook: Workbook, ctx: CallContext, options: BootstrapOptions = {}): Bootstrap {
  const me = normaliseEmail(ctx.email);
  // Sheet order is the order of recording; the caller's own last entries, newest first (found
  // among the last rows of 活動記録 that the sidebar reads: sidebar/read-plans.ts).
  const mine = workbook.activities.filter((a) => normaliseEmail(a.coordinator) === me);
  const recentActivities = mine.slice(-RECENT).reverse().map(activityView);
  const enrolled = workbook.members
    .filter((m) => m.left_on === null || m.left_on > ctx.today)
    .map((m) => ({ id: m.member_id, kana: m.kana, name: m.name, age: ageOn(m.birth_date, ctx.today), district: m.district }));
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
    // In sheet order, as before (the picker orders and filters them); listJobs sorts for itself.
    jobs: jobOptions(workbook, ctx.today, (s) => s !== 'closed', false),
    recentActivities,
    vocabulary: vocabularyOf(workbook),
    week: weekHeadlineOf(workbook, ctx.today),
    problems: workbook.problems.slice(0, MAX_PROBLEMS).map((p) => formatProblem(p, ctx.lang)),
  };
}
