import * as z from 'zod/mini';
import { ACTIVITY_KIND, AREA } from '../../domain/enums';
import { guardedCall, parseArgs } from '../shared/guarded-call';
import { civilDateArg, freeText, recordId } from '../shared/arg-schemas';
import { changeMatchStatus } from '../matching/change-match-status';
import { loadWorkbookPart, type WorkbookPlan } from '../shared/read-part';
import { logActivity } from '../activities/log-activity';
import { REGISTER_CLIENT_INPUT, registerClient } from '../develop/register-client';
import { REGISTER_JOB_INPUT, registerJob } from '../develop/register-job';
import { bootstrapOf, type BootstrapOptions } from './bootstrap';
import { searchMembers } from '../members/search-members';
import { candidatesOf } from '../matching/list-candidates';
import type { Access } from '../shared/authorize';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import type {
  ApiResult, Bootstrap, CandidatesOutput, ChangeMatchStatusOutput, LogActivityOutput, RegisterClientOutput, RegisterJobOutput,
  SearchMembersOutput, WeekHeadline,
} from '../shared/api-types';
import { weekHeadlineOf } from '../weekly/week-headline';
import { BOOTSTRAP_READS, CANDIDATE_READS, HEADLINE_READS } from './read-plans';
import type { Workbook } from '../../domain/workbook';

// The sidebar's server API, independent of Google: src/entry/sidebar.ts binds it to Apps Script,
// src/local/dev-server.ts to a workbook file. Every call validates its arguments, checks the
// caller, writes through the write boundary (the script lock, shared/write-boundary.ts), and
// answers ApiResult: never a raw exception.

const optionalId = z.optional(z.union([recordId, z.literal('')]));
const text = freeText(2000);

export const LOG_ACTIVITY_INPUT = z.strictObject({
  date: civilDateArg,
  area: z.enum(AREA.codes),
  kind: z.optional(z.nullable(z.enum(ACTIVITY_KIND.codes))),
  member_id: optionalId,
  client_id: optionalId,
  job_id: optionalId,
  minutes: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(24 * 60)))),
  outcome: z.optional(text),
  notes: z.optional(text),
});

export const CHANGE_MATCH_INPUT = z.strictObject({
  action: z.enum(['propose', 'interview', 'place', 'decline', 'end', 'reject']),
  job_id: recordId,
  member_id: recordId,
  fit_score: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(100)))),
  date: z.optional(civilDateArg),
});

/** What the member picker types: an ID's start, or part of a kana or a name. */
export const SEARCH_MEMBERS_INPUT = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));

export interface SidebarApi {
  sidebarBootstrap(): ApiResult<Bootstrap>;
  logActivity(input: unknown): ApiResult<LogActivityOutput>;
  listCandidates(jobId: unknown): ApiResult<CandidatesOutput>;
  changeMatchStatus(input: unknown): ApiResult<ChangeMatchStatusOutput>;
  weekHeadline(): ApiResult<WeekHeadline>;
  searchMembers(query: unknown): ApiResult<SearchMembersOutput>;
  registerClient(input: unknown): ApiResult<RegisterClientOutput>;
  registerJob(input: unknown): ApiResult<RegisterJobOutput>;
}

export function createSidebarApi(
  ports: SidebarPorts, log: (detail: unknown) => void = (d) => console.error(d), options: BootstrapOptions = {},
): SidebarApi {
  /** Settings → caller check → (lock) → the use case, as every API call does (shared/guarded-call.ts). */
  function call<I, T>(access: Access, prepare: () => I, body: (ctx: CallContext, input: I) => T): ApiResult<T> {
    return guardedCall(ports, access, prepare, body, log);
  }
  const parse = parseArgs;

  // Each call reads only the tabs, columns and rows it shows (sidebar/read-plans.ts).
  function workbookOf(ctx: CallContext, plan: WorkbookPlan): Workbook {
    return loadWorkbookPart(ports.store, plan, ctx.settings);
  }

  return {
    sidebarBootstrap: () => call('read', noInput, (ctx) => bootstrapOf(workbookOf(ctx, BOOTSTRAP_READS), ctx, options)),
    logActivity: (input) => call('write', () => parse(LOG_ACTIVITY_INPUT, input), (ctx, valid) => logActivity(ports, ctx, valid)),
    listCandidates: (jobId) => call('read', () => parse(recordId, jobId), (ctx, valid) => candidatesOf(workbookOf(ctx, CANDIDATE_READS), ctx, valid)),
    changeMatchStatus: (input) => call('write', () => parse(CHANGE_MATCH_INPUT, input), (ctx, valid) => changeMatchStatus(ports, ctx, valid)),
    weekHeadline: () => call('read', noInput, (ctx) => weekHeadlineOf(workbookOf(ctx, HEADLINE_READS), ctx.today)),
    searchMembers: (query) => call('read', () => parse(SEARCH_MEMBERS_INPUT, query), (ctx, valid) => searchMembers(ports.store, ctx, valid)),
    registerClient: (input) => call('write', () => parse(REGISTER_CLIENT_INPUT, input), (ctx, valid) => registerClient(ports, ctx, valid)),
    registerJob: (input) => call('write', () => parse(REGISTER_JOB_INPUT, input), (ctx, valid) => registerJob(ports, ctx, valid)),
  };
}

function noInput(): null {
  return null;
}
