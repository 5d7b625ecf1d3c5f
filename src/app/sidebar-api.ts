import * as z from 'zod';
import { parseCivilDate } from '../domain/civil-date';
import { ACTIVITY_KIND, AREA, type Language } from '../domain/enums';
import type { Access } from './authorize';
import { changeMatchStatus } from './change-match-status';
import { loadWorkbook } from './load-workbook';
import { logActivity } from './log-activity';
import { bootstrapOf } from './sidebar-bootstrap';
import { candidatesOf } from './sidebar-candidates';
import { openContext, readSettings, type CallContext, type SidebarPorts } from './sidebar-context';
import { ApiError } from './sidebar-error';
import { sidebarMessage } from './sidebar-messages';
import type {
  ApiResult, Bootstrap, CandidatesOutput, ChangeMatchStatusOutput, LogActivityOutput, WeekHeadline,
} from './sidebar-types';
import { weekHeadlineOf } from './sidebar-week';

// The sidebar's server API, independent of Google: src/entry/sidebar.ts binds it to Apps Script,
// src/local/dev-server.ts to a workbook file. Every call validates its arguments, checks the
// caller, takes the document lock for writes, and answers ApiResult: never a raw exception.

/** How long a write waits for another person's save before saying "busy". */
export const LOCK_WAIT_MS = 5000;

const civilDate = z.string().refine((s) => parseCivilDate(s) === s, { message: 'YYYY-MM-DD' });
const id = z.string().trim().max(40).regex(/^[^\s=+\-@]/, { message: 'ID' });
const optionalId = z.union([id, z.literal('')]).optional();
const text = z.string().max(2000);

export const LOG_ACTIVITY_INPUT = z.object({
  date: civilDate,
  area: z.enum(AREA.codes),
  kind: z.enum(ACTIVITY_KIND.codes).nullable().optional(),
  member_id: optionalId,
  client_id: optionalId,
  job_id: optionalId,
  minutes: z.number().int().min(0).max(24 * 60).nullable().optional(),
  outcome: text.optional(),
  notes: text.optional(),
}).strict();

export const CHANGE_MATCH_INPUT = z.object({
  action: z.enum(['propose', 'interview', 'place', 'decline', 'end', 'reject']),
  job_id: id,
  member_id: id,
  fit_score: z.number().min(0).max(100).nullable().optional(),
  date: civilDate.optional(),
}).strict();

const JOB_ID = id;

export interface SidebarApi {
  sidebarBootstrap(): ApiResult<Bootstrap>;
  logActivity(input: unknown): ApiResult<LogActivityOutput>;
  listCandidates(jobId: unknown): ApiResult<CandidatesOutput>;
  changeMatchStatus(input: unknown): ApiResult<ChangeMatchStatusOutput>;
  weekHeadline(): ApiResult<WeekHeadline>;
}

export function createSidebarApi(ports: SidebarPorts, log: (detail: unknown) => void = (d) => console.error(d)): SidebarApi {
  /** Settings → caller check → (lock) → the use case; every failure becomes a message in the caller's language. */
  function call<I, T>(access: Access, prepare: () => I, body: (ctx: CallContext, input: I) => T): ApiResult<T> {
    let lang: Language = 'ja';
    try {
      const settings = readSettings(ports.store);
      lang = settings.language;
      const ctx = openContext(ports, settings, access);
      // Arguments are checked before the lock, so a bad call never makes others wait.
      const input = prepare();
      if (access === 'read') return { ok: true, data: body(ctx, input) };
      if (!ports.lock.tryLock(LOCK_WAIT_MS)) throw new ApiError('busy');
      try {
        return { ok: true, data: body(ctx, input) };
      } finally {
        ports.lock.release();
      }
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, code: error.code, message: sidebarMessage(error.code, lang, error.params) };
      log(error);
      return { ok: false, code: 'internal', message: sidebarMessage('internal', lang) };
    }
  }

  function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
    const result = schema.safeParse(value);
    if (!result.success) {
      throw new ApiError('bad_input', { detail: result.error.issues.map((i) => `${i.path.join('.') || 'input'} (${i.message})`).join(', ') });
    }
    return result.data;
  }

  function workbookOf(): ReturnType<typeof loadWorkbook> {
    return loadWorkbook(ports.store);
  }

  return {
    sidebarBootstrap: () => call('read', noInput, (ctx) => bootstrapOf(workbookOf(), ctx)),
    logActivity: (input) => call('write', () => parse(LOG_ACTIVITY_INPUT, input), (ctx, valid) => logActivity(ports, ctx, valid)),
    listCandidates: (jobId) => call('read', () => parse(JOB_ID, jobId), (ctx, valid) => candidatesOf(workbookOf(), ctx, valid)),
    changeMatchStatus: (input) => call('write', () => parse(CHANGE_MATCH_INPUT, input), (ctx, valid) => changeMatchStatus(ports, ctx, valid)),
    weekHeadline: () => call('read', noInput, (ctx) => weekHeadlineOf(workbookOf(), ctx.today)),
  };
}

function noInput(): null {
  return null;
}
