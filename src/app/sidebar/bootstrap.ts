import { formatProblem } from '../../domain/messages/catalog';
import { ageOn } from '../../domain/members/age';
import { skillVocabulary } from '../../domain/skills/vocabulary';
import { CLIENTS_TAB, JOBS_TAB, MEMBERS_TAB, type Activity, type Member } from '../../domain/schema/tabs';
import { DEFAULT_SETTINGS, type Settings } from '../../domain/settings';
import type { WorkbookPlan } from '../shared/read-part';
import { headlineOfStored, type StoredHeadline } from '../weekly/stored-headline';
import { JOB_LIST_READS, MEMBER_LIST_COLUMNS, RECENT_ACTIVITY_ROWS } from './read-plans';
import type { Workbook } from '../../domain/workbook';
import { normaliseEmail } from '../shared/authorize';
import type { CallContext } from '../shared/call-context';
import type { ActivityView, Bootstrap, Vocabulary } from '../shared/api-types';
import { activityViewOf } from '../activities/append-activities';
import { jobOptions } from '../matching/list-jobs';

// What the sidebar needs when it opens, in one call: who I am, the pick lists, my last entries
// and the week's figures. Names and kana are included because the sidebar is for staff only
// (authorize has already turned everyone else away).
const RECENT = 10;
const MAX_PROBLEMS = 20;

/**
 * The default of 設定 会員一覧の上限 (settings.ts): above this many enrolled members the bootstrap
 * sends no member list and the picker searches on the server (searchMembers). A member costs about 76 bytes of JSON (ID, kana, name): 3,000 are
 * ≈ 230 KB, which google.script.run hands over in well under a second and a <datalist> of 3,000
 * options still filters as one types; 50,000 were 3.8 MB, seconds of transfer and a sluggish
 * picker. Kashiwa (≈ 1,600 members) stays below it and keeps the instant, offline-like picker.
 */
export const MEMBER_LIST_LIMIT = DEFAULT_SETTINGS.memberListLimit;

export interface BootstrapOptions {
  /** 設定's limits (会員一覧の上限 …) unless a test or the dev server lowers them. */
  readonly memberListLimit?: number;
  readonly jobListLimit?: number;
  readonly clientListLimit?: number;
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

/** What the bootstrap knows besides the rows it read: the stored 今週 figures and which pickers
 *  search on the server (stored-headline.ts's counts against 設定's limits). */
export interface BootstrapParts {
  readonly stored: StoredHeadline;
  readonly memberSearch: boolean;
  readonly jobSearch: boolean;
  readonly clientSearch: boolean;
}

/** Above 設定's limits, the pickers search on the server (searchMembers, listJobs with a query,
 *  searchClients) instead of carrying every option. The counts are the stored figures': 会員数
 *  today, jobs not 終了, clients. `options` lowers the member limit (a test, the dev server). */
export function searchingPickers(stored: StoredHeadline, settings: Settings, options: BootstrapOptions = {}): Pick<BootstrapParts, 'memberSearch' | 'jobSearch' | 'clientSearch'> {
  return {
    memberSearch: stored.figures.members_enrolled[0] > (options.memberListLimit ?? settings.memberListLimit),
    jobSearch: stored.sizes.jobs > (options.jobListLimit ?? settings.jobListLimit),
    clientSearch: stored.sizes.clients > (options.clientListLimit ?? settings.clientListLimit),
  };
}

/** What the sidebar reads when it opens (read-plans.ts): the last rows of 活動記録 for the caller's
 *  recent entries, the 技能 tab, and only the lists that are sent — never the 1.1 M cells the
 *  headline's recount read at 50,000 members. */
export function bootstrapPlan(parts: Pick<BootstrapParts, 'memberSearch' | 'jobSearch' | 'clientSearch' | 'stored'>): WorkbookPlan {
  const words = parts.stored.districts === null || parts.stored.categories === null;
  return {
    activities: { tail: RECENT_ACTIVITY_ROWS },
    skills: { whole: true },
    ...(parts.memberSearch ? {} : { members: { columns: MEMBER_LIST_COLUMNS } }),
    ...(parts.clientSearch && parts.jobSearch ? {} : { clients: { columns: ['client_id', 'name'] } }),
    ...(parts.jobSearch ? {} : { jobs: JOB_LIST_READS.jobs, matches: JOB_LIST_READS.matches }),
    // The words did not fit the stored figures (a center with hundreds of 地区): read them.
    ...(words ? { members: { columns: [...MEMBER_LIST_COLUMNS, 'district'] }, clients: { columns: ['client_id', 'name', 'district'] }, jobs: { columns: ['job_id', 'client_id', 'title', 'category', 'status', 'slots', 'headcount', 'district', 'created_on'] }, matches: JOB_LIST_READS.matches } : {}),
  };
}

export function bootstrapOf(workbook: Workbook, ctx: CallContext, parts: BootstrapParts): Bootstrap {
  const readTabNames = new Set([
    ...(parts.memberSearch ? [] : [MEMBERS_TAB.ja, MEMBERS_TAB.en]),
    ...(parts.clientSearch && parts.jobSearch ? [] : [CLIENTS_TAB.ja, CLIENTS_TAB.en]),
    ...(parts.jobSearch ? [] : [JOBS_TAB.ja, JOBS_TAB.en]),
  ].map((n) => n.trim()));
  const me = normaliseEmail(ctx.email);
  // Sheet order is the order of recording; the caller's own last entries, newest first (found
  // among the last rows of 活動記録: RECENT_ACTIVITY_ROWS).
  const mine = workbook.activities.filter((a) => normaliseEmail(a.coordinator) === me);
  const recentActivities = mine.slice(-RECENT).reverse().map(activityView);
  const enrolledOption = (m: Member) => ({ id: m.member_id, kana: m.kana, name: m.name, age: ageOn(m.birth_date, ctx.today), district: m.district });
  const enrolled = (list: readonly Member[]) => list.filter((m) => m.left_on === null || m.left_on > ctx.today).map(enrolledOption);
  // A large center sends no member (the picker searches; recent entries name members by ID).
  const members = parts.memberSearch ? [] : enrolled(workbook.members);
  const { stored } = parts;
  const vocabulary = stored.districts !== null && stored.categories !== null
    ? { skills: skillVocabulary(workbook.skills).skills, categories: [...stored.categories], districts: [...stored.districts] }
    : vocabularyOf(workbook);
  return {
    user: { email: ctx.email, name: ctx.coordinator.name, role: ctx.coordinator.role, canWrite: ctx.canWrite },
    language: ctx.lang,
    centerName: ctx.settings.centerName,
    today: ctx.today,
    members,
    memberSearch: parts.memberSearch,
    clients: parts.clientSearch ? [] : workbook.clients.map((c) => ({ id: c.client_id, name: c.name })),
    clientSearch: parts.clientSearch,
    // In sheet order, as before (the picker orders and filters them); listJobs sorts for itself.
    jobs: parts.jobSearch ? [] : jobOptions(workbook, ctx.today, (s) => s !== 'closed', false),
    jobSearch: parts.jobSearch,
    recentActivities,
    vocabulary,
    week: headlineOfStored(stored, ctx.today),
    // A reference to a tab this open did not read (a large center's 業務提供先, 仕事) is not missing.
    problems: workbook.problems.filter((p) => p.code !== 'missing_reference' || readTabNames.has(String(p.params.target ?? '')))
      .slice(0, MAX_PROBLEMS).map((p) => formatProblem(p, ctx.lang)),
  };
}
