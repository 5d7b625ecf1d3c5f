import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { ACTIVITY_KIND, AREA } from '../../domain/enums';
import { guardedCall, parseArgs } from '../shared/guarded-call';
import { civilDateArg, freeText, recordId } from '../shared/arg-schemas';
import { CHANGE_MATCH_INPUT, changeMatchStatus } from '../matching/change-match-status';
import { PROPOSE_TEAM_INPUT, proposeTeam } from '../matching/propose-team';
import { SET_JOB_STATUS_INPUT, setJobStatus } from '../matching/set-job-status';
import { LIST_JOBS_INPUT, listJobsUpTo } from '../matching/list-jobs';
import { searchJobs } from '../matching/search-jobs';
import { SEARCH_CLIENTS_INPUT, searchClients } from '../develop/search-clients';
import { SAVE_MEMBER_INPUT, saveMember } from '../members/save-member';
import { LEAVE_MEMBER_INPUT, leaveMember } from '../members/leave-member';
import { getMember } from '../members/get-member';
import { CORRECT_ACTIVITY_INPUT, WITHDRAW_ACTIVITY_INPUT, correctActivity, withdrawActivity } from '../activities/correct-activity';
import { LOG_FOLLOW_UP_INPUT, listFollowUps, logFollowUp, rebuildFollowUpList } from '../activities/follow-ups';
import { logActivity } from '../activities/log-activity';
import { REGISTER_CLIENT_INPUT, registerClient } from '../develop/register-client';
import { REGISTER_JOB_INPUT, registerJob } from '../develop/register-job';
import type { BootstrapOptions } from './bootstrap';
import { openSidebar, storedOrRecounted } from './open-sidebar';
import { headlineOfStored } from '../weekly/stored-headline';
import { searchMembers } from '../members/search-members';
import { listCandidates } from '../matching/list-candidates';
import type { Access } from '../shared/authorize';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import type {
  ApiResult, Bootstrap, CandidatesOutput, ChangeMatchStatusOutput, FollowUpsOutput, GetMemberOutput, LeaveMemberOutput, ListJobsOutput,
  LogActivityOutput, ProposeTeamOutput, RegisterClientOutput, RegisterJobOutput, SaveMemberOutput, SearchClientsOutput, SearchMembersOutput, SetJobStatusOutput,
  WeekHeadline,
} from '../shared/api-types';

// The sidebar's server API, independent of Google: src/entry/sidebar.ts binds it to Apps Script,
// src/local/dev-server.ts to a workbook file. Every call validates its arguments, checks the
// caller, writes through the write boundary (the script lock, shared/write-boundary.ts), and
// answers ApiResult: never a raw exception.

const optionalId = lazySchema(() => z.optional(z.union([recordId, z.literal('')])));
const text = lazySchema(() => freeText(2000));

export const LOG_ACTIVITY_INPUT = lazySchema(() => z.strictObject({
  date: civilDateArg,
  area: z.enum(AREA.codes),
  kind: z.optional(z.nullable(z.enum(ACTIVITY_KIND.codes))),
  member_id: optionalId,
  client_id: optionalId,
  job_id: optionalId,
  minutes: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(24 * 60)))),
  outcome: z.optional(text),
  notes: z.optional(text),
}));

export {
  CHANGE_MATCH_INPUT, PROPOSE_TEAM_INPUT, SET_JOB_STATUS_INPUT, LIST_JOBS_INPUT, SAVE_MEMBER_INPUT, LEAVE_MEMBER_INPUT,
  CORRECT_ACTIVITY_INPUT, WITHDRAW_ACTIVITY_INPUT, LOG_FOLLOW_UP_INPUT,
};

/** What the member picker types: an ID's start, or part of a kana or a name. */
export const SEARCH_MEMBERS_INPUT = lazySchema(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(40)));

export interface SidebarApi {
  sidebarBootstrap(): ApiResult<Bootstrap>;
  logActivity(input: unknown): ApiResult<LogActivityOutput>;
  listCandidates(jobId: unknown): ApiResult<CandidatesOutput>;
  changeMatchStatus(input: unknown): ApiResult<ChangeMatchStatusOutput>;
  weekHeadline(): ApiResult<WeekHeadline>;
  searchMembers(query: unknown): ApiResult<SearchMembersOutput>;
  searchClients(query: unknown): ApiResult<SearchClientsOutput>;
  registerClient(input: unknown): ApiResult<RegisterClientOutput>;
  registerJob(input: unknown): ApiResult<RegisterJobOutput>;
  listJobs(input?: unknown): ApiResult<ListJobsOutput>;
  setJobStatus(input: unknown): ApiResult<SetJobStatusOutput>;
  proposeTeam(input: unknown): ApiResult<ProposeTeamOutput>;
  getMember(memberId: unknown): ApiResult<GetMemberOutput>;
  saveMember(input: unknown): ApiResult<SaveMemberOutput>;
  leaveMember(input: unknown): ApiResult<LeaveMemberOutput>;
  listFollowUps(): ApiResult<FollowUpsOutput>;
  rebuildFollowUps(): ApiResult<FollowUpsOutput>;
  logFollowUp(input: unknown): ApiResult<LogActivityOutput>;
  correctActivity(input: unknown): ApiResult<LogActivityOutput>;
  withdrawActivity(activityId: unknown): ApiResult<LogActivityOutput>;
}

export function createSidebarApi(
  ports: SidebarPorts, log: (detail: unknown) => void = (d) => console.error(d), options: BootstrapOptions = {},
): SidebarApi {
  /** Settings → caller check → (lock) → the use case, as every API call does (shared/guarded-call.ts). */
  function call<I, T>(access: Access, prepare: () => I, body: (ctx: CallContext, input: I) => T): ApiResult<T> {
    return guardedCall(ports, access, prepare, body, log);
  }
  const parse = parseArgs;

  return {
    sidebarBootstrap: () => call('read', noInput, (ctx) => openSidebar(ports, ctx, options)),
    logActivity: (input) => call('write', () => parse(LOG_ACTIVITY_INPUT, input), (ctx, valid) => logActivity(ports, ctx, valid)),
    listCandidates: (jobId) => call('read', () => parse(recordId, jobId), (ctx, valid) => listCandidates(ports, ctx, valid)),
    changeMatchStatus: (input) => call('write', () => parse(CHANGE_MATCH_INPUT, input), (ctx, valid) => changeMatchStatus(ports, ctx, valid)),
    weekHeadline: () => call('read', noInput, (ctx) => headlineOfStored(storedOrRecounted(ports, ctx), ctx.today)),
    searchMembers: (query) => call('read', () => parse(SEARCH_MEMBERS_INPUT, query), (ctx, valid) => searchMembers(ports, ctx, valid)),
    registerClient: (input) => call('write', () => parse(REGISTER_CLIENT_INPUT, input), (ctx, valid) => registerClient(ports, ctx, valid)),
    registerJob: (input) => call('write', () => parse(REGISTER_JOB_INPUT, input), (ctx, valid) => registerJob(ports, ctx, valid)),
    listJobs: (input) => call('read', () => parse(LIST_JOBS_INPUT, input) ?? {}, (ctx, valid) => (valid.query !== undefined
      // A large center's picker: the jobs matching what was typed, their places found by key.
      ? searchJobs(ports, ctx, { ...valid, query: valid.query })
      // Without one: at most 設定 仕事一覧の上限 jobs, cut past it (the stored picker sizes first).
      : listJobsUpTo(ports.store, ctx, valid, options.jobListLimit ?? ctx.settings.jobListLimit, storedOrRecounted(ports, ctx).sizes.jobs))),
    searchClients: (query) => call('read', () => parse(SEARCH_CLIENTS_INPUT, query), (ctx, valid) => searchClients(ports.store, ctx, valid)),
    setJobStatus: (input) => call('write', () => parse(SET_JOB_STATUS_INPUT, input), (ctx, valid) => setJobStatus(ports, ctx, valid)),
    proposeTeam: (input) => call('write', () => parse(PROPOSE_TEAM_INPUT, input), (ctx, valid) => proposeTeam(ports, ctx, valid)),
    getMember: (memberId) => call('read', () => parse(recordId, memberId), (ctx, valid) => getMember(ports, ctx, valid)),
    saveMember: (input) => call('write', () => parse(SAVE_MEMBER_INPUT, input), (ctx, valid) => saveMember(ports, ctx, valid)),
    leaveMember: (input) => call('write', () => parse(LEAVE_MEMBER_INPUT, input), (ctx, valid) => leaveMember(ports, ctx, valid)),
    listFollowUps: () => call('read', noInput, (ctx) => listFollowUps(ports, ctx)),
    rebuildFollowUps: () => call('write', noInput, (ctx) => rebuildFollowUpList(ports, ctx)),
    logFollowUp: (input) => call('write', () => parse(LOG_FOLLOW_UP_INPUT, input), (ctx, valid) => logFollowUp(ports, ctx, valid)),
    correctActivity: (input) => call('write', () => parse(CORRECT_ACTIVITY_INPUT, input), (ctx, valid) => correctActivity(ports, ctx, valid)),
    withdrawActivity: (activityId) => call('write', () => parse(WITHDRAW_ACTIVITY_INPUT, activityId), (ctx, valid) => withdrawActivity(ports, ctx, valid)),
  };
}

function noInput(): null {
  return null;
}
