import { SEARCH_CLIENTS_INPUT } from './develop/search-clients';
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';
import { InitialSettingsSchema } from '../domain/setup/initial-settings';
import { recordId } from './shared/arg-schemas';
import { JOIN_DETAILS, type AttendanceApi } from './events/attendance';
import { PHONE_SIGNUP_INPUT } from './signup/phone-signup';
import { CREATE_EVENT_INPUT } from './events/create-event';
import { REGISTER_CLIENT_INPUT } from './develop/register-client';
import { REGISTER_JOB_INPUT } from './develop/register-job';
import type { WorkApi } from './work/work-api';
import { MEMBER_WORK_INPUT } from './work/member-work';
import { RECORD_MEMBER_WORK_INPUT } from './work/record-member-work';
import { CONFIRM_WORK_INPUT } from './work/confirm-work';
import {
  CHANGE_MATCH_INPUT, CORRECT_ACTIVITY_INPUT, LEAVE_MEMBER_INPUT, LIST_JOBS_INPUT, LOG_ACTIVITY_INPUT, LOG_FOLLOW_UP_INPUT, PROPOSE_TEAM_INPUT,
  SAVE_MEMBER_INPUT, SEARCH_MEMBERS_INPUT, SET_JOB_STATUS_INPUT, WITHDRAW_ACTIVITY_INPUT, type SidebarApi,
} from './sidebar/sidebar-api';

// Every function Apps Script may call by name — a menu item, a trigger, google.script.run from
// the sidebar or the setup dialog — in one table: its name, its arguments (zod, as they arrive:
// JSON from google.script.run), who may call it, and for the sidebar's calls the handler itself.
// Everything else is derived from this table, so a signature is written once:
// - the Apps Script globals: src/entry/globals.ts builds one function per entry, checking the
//   caller (or the trigger) before the handler runs; src/main.ts exports them and
//   scripts/build.mjs refuses to build when its exports and this table differ;
// - the sidebar's typed google.script.run wrapper (src/sidebar/script-run.ts: ServerApi);
// - the dev server's list of calls after which it saves the workbook (SIDEBAR_WRITES);
// - the table "Who may call what" in docs/design/README.md (accessTable(), kept equal by a test).

/**
 * Who may call a function:
 * - `read`: an active viewer, coordinator or manager of コーディネータ;
 * - `write`: an active coordinator or manager;
 * - `manager`: an active manager (setup: also anyone, before the desk has an active manager);
 * - `trigger`: nobody by hand; only a run of one of this project's installed triggers;
 * - `menu-open`: anyone who can open the spreadsheet (builds a menu or opens the sidebar,
 *   which shows nothing until its own calls pass their checks).
 */
export type CallAccess = 'read' | 'write' | 'manager' | 'trigger' | 'menu-open';

/** The trigger whose runs a function also accepts: time-driven, or a spreadsheet's form submit,
 *  edit or change. */
export type TriggerKind = 'clock' | 'form_submit' | 'edit' | 'change';

type Schema = z.ZodMiniType;

/** The sidebar's server: the sidebar API, the イベント panel's and the 就業実績 panel's. */
export type DeskApi = SidebarApi & AttendanceApi & WorkApi;

interface BaseCall<A extends readonly Schema[]> {
  readonly access: CallAccess;
  /** One schema per argument, in order. */
  readonly args: A;
  /** What it does, for the docs' table. */
  readonly what: string;
}

/** A call of the sidebar (google.script.run): the same on Google and in the dev server. The
 *  handler hands the raw arguments to the API, which checks the caller first and then parses
 *  them with the schemas listed here (sidebar-api.ts, attendance.ts). */
export interface SidebarCall<A extends readonly Schema[] = readonly Schema[], R = unknown> extends BaseCall<A> {
  readonly surface: 'sidebar';
  readonly access: 'read' | 'write';
  readonly run: (api: DeskApi, ...args: unknown[]) => R;
}

/** A function only Apps Script calls (menu, dialog, trigger); its handler is in src/entry. */
export interface ScriptCall<A extends readonly Schema[] = readonly Schema[]> extends BaseCall<A> {
  readonly surface: 'apps-script';
  /** Runs of this project's trigger of this kind for this function are accepted too. */
  readonly trigger?: TriggerKind;
  /** `manager`, except before the desk has any active manager (authorize.ts checkSetupCaller). */
  readonly bootstrap?: true;
}

export type ServerCall = SidebarCall | ScriptCall;

function sidebar<const A extends readonly Schema[], R>(access: 'read' | 'write', args: A, what: string, run: (api: DeskApi, ...args: unknown[]) => R): SidebarCall<A, R> {
  return { surface: 'sidebar', access, args, what, run };
}

function script<const A extends readonly Schema[]>(access: CallAccess, args: A, what: string, extra: { trigger?: TriggerKind; bootstrap?: true } = {}): ScriptCall<A> {
  return { surface: 'apps-script', access, args, what, ...extra };
}

/** The event of onOpen / onInstall (`authMode` is ScriptApp.AuthMode, an enum object). */
export const OPEN_EVENT = lazySchema(() => z.optional(z.looseObject({ authMode: z.optional(z.unknown()) })));

/** Installable triggers always run in AuthMode.FULL (an enum object whose text is FULL). */
const FULL = lazySchema(() => z.custom<unknown>((v) => v !== null && v !== undefined && String(v) === 'FULL'));
const TRIGGER_UID = lazySchema(() => z.union([z.string().check(z.minLength(1), z.maxLength(40)), z.int()]));
const hasMethod = (name: string) => z.custom<unknown>((v) => typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)[name] === 'function');

/**
 * The event objects only Apps Script makes (its documented fields): a time-driven trigger's, and
 * an installable spreadsheet form-submit trigger's, whose `range` (and `source`) are a live Range
 * (and Spreadsheet) — things google.script.run, which carries JSON only, cannot pass; an
 * installable edit trigger's (a live `range` too) and change trigger's (`changeType`: EDIT,
 * INSERT_ROW, INSERT_COLUMN, REMOVE_ROW, REMOVE_COLUMN, INSERT_GRID, REMOVE_GRID, FORMAT, OTHER;
 * a JSON copy can imitate that one, and all such a run can do is empty the desk cache). The shape
 * is the first half of the check; the second is that `triggerUid` is one of this project's
 * installed triggers for the function (src/entry/trigger-runs.ts).
 */
export const TRIGGER_EVENTS = {
  clock: lazySchema(() => z.looseObject({
    authMode: FULL, triggerUid: TRIGGER_UID,
    year: z.int(), month: z.int(), 'day-of-month': z.int(), 'day-of-week': z.int(), 'week-of-year': z.int(),
    hour: z.int(), minute: z.int(), second: z.int(), timezone: z.string(),
  })),
  form_submit: lazySchema(() => z.looseObject({
    authMode: FULL, triggerUid: TRIGGER_UID,
    namedValues: z.record(z.string(), z.array(z.string())), values: z.array(z.string()),
    // `source` (the Spreadsheet) is not in every description of this event: when present it must be live.
    range: hasMethod('getSheet'), source: z.optional(hasMethod('getId')),
  })),
  edit: lazySchema(() => z.looseObject({
    authMode: FULL, triggerUid: TRIGGER_UID, range: hasMethod('getSheet'), source: z.optional(hasMethod('getId')),
  })),
  change: lazySchema(() => z.looseObject({
    authMode: FULL, triggerUid: TRIGGER_UID, changeType: z.string().check(z.minLength(1), z.maxLength(40)), source: z.optional(hasMethod('getId')),
  })),
} as const satisfies Record<TriggerKind, Schema>;

// The table's own argument schemas, built on first use like every other (domain/lazy-schema.ts).
const ATTENDED = lazySchema(() => z.boolean());
const OPTIONAL_JOIN_DETAILS = lazySchema(() => z.optional(JOIN_DETAILS));
const FIRST_MEMBER_PAGE = lazySchema(() => z.optional(z.int().check(z.minimum(1), z.maximum(1_000_000))));

export const SERVER_CALLS = {
  // The sidebar (src/sidebar/*): read by anyone active in コーディネータ, written by a coordinator or manager.
  sidebarBootstrap: sidebar('read', [], 'the sidebar\'s first load', (api) => api.sidebarBootstrap()),
  weekHeadline: sidebar('read', [], 'this week\'s figures', (api) => api.weekHeadline()),
  listCandidates: sidebar('read', [recordId], 'candidates for a job', (api, jobId) => api.listCandidates(jobId)),
  searchMembers: sidebar('read', [SEARCH_MEMBERS_INPUT], 'the member picker at a large center', (api, query) => api.searchMembers(query)),
  searchClients: sidebar('read', [SEARCH_CLIENTS_INPUT], 'the client picker at a large center', (api, query) => api.searchClients(query)),
  listEventSessions: sidebar('read', [], 'the イベント panel\'s sessions', (api) => api.listEventSessions()),
  listAttendance: sidebar('read', [recordId], 'who signed up for a session', (api, eventId) => api.listAttendance(eventId)),
  logActivity: sidebar('write', [LOG_ACTIVITY_INPUT], 'a new activity', (api, input) => api.logActivity(input)),
  changeMatchStatus: sidebar('write', [CHANGE_MATCH_INPUT], 'propose / interview / place / end a match', (api, input) => api.changeMatchStatus(input)),
  registerClient: sidebar('write', [REGISTER_CLIENT_INPUT], 'a new client (開拓)', (api, input) => api.registerClient(input)),
  registerJob: sidebar('write', [REGISTER_JOB_INPUT], 'a new job (開拓)', (api, input) => api.registerJob(input)),
  checkIn: sidebar('write', [recordId, ATTENDED], 'attendance at the door', (api, id, attended) => api.checkIn(id, attended)),
  joinAsMember: sidebar('write', [recordId, OPTIONAL_JOIN_DETAILS], 'an attendee becomes a member', (api, id, details) => api.joinAsMember(id, details)),
  cancelRegistration: sidebar('write', [recordId], 'a cancellation (the waitlist moves up)', (api, id) => api.cancelRegistration(id)),
  registerByPhone: sidebar('write', [PHONE_SIGNUP_INPUT], 'a sign-up taken on the phone or a walk-in at the door, by the form\'s rules', (api, input) => api.registerByPhone(input)),
  createEvent: sidebar('write', [CREATE_EVENT_INPUT], 'a new session (イベント)', (api, input) => api.createEvent(input)),
  // The coordinator's day (design/sidebar-calls.md): members, jobs, follow-ups, corrections.
  listJobs: sidebar('read', [LIST_JOBS_INPUT], 'the job picker: open jobs (or all) with client, slots and places left', (api, input) => api.listJobs(input)),
  setJobStatus: sidebar('write', [SET_JOB_STATUS_INPUT], 'a job closed (終了) or reopened (再開)', (api, input) => api.setJobStatus(input)),
  proposeTeam: sidebar('write', [PROPOSE_TEAM_INPUT], 'propose every member of the mosaic team (この編成で提案)', (api, input) => api.proposeTeam(input)),
  getMember: sidebar('read', [recordId], 'one member for the 会員 form, with their open matches', (api, id) => api.getMember(id)),
  saveMember: sidebar('write', [SAVE_MEMBER_INPUT], 'a new member, or the given fields of one', (api, input) => api.saveMember(input)),
  leaveMember: sidebar('write', [LEAVE_MEMBER_INPUT], '退会: the day and reason; ends the member\'s placements', (api, input) => api.leaveMember(input)),
  listFollowUps: sidebar('read', [], '継続支援: who to call today, with name, phone and reason', (api) => api.listFollowUps()),
  rebuildFollowUps: sidebar('write', [], '継続支援: the stored list recounted from the tabs now (作り直す)', (api) => api.rebuildFollowUps()),
  logFollowUp: sidebar('write', [LOG_FOLLOW_UP_INPUT], 'a follow-up call logged in one tap', (api, input) => api.logFollowUp(input)),
  correctActivity: sidebar('write', [CORRECT_ACTIVITY_INPUT], 'a correction of one\'s own activity', (api, input) => api.correctActivity(input)),
  withdrawActivity: sidebar('write', [WITHDRAW_ACTIVITY_INPUT], 'withdraws (取消) one\'s own activity, kept in the tab', (api, id) => api.withdrawActivity(id)),
  // The 就業実績 panel (issue 13): work recorded for a day or a month at once, rows ticked 確認.
  listMemberWork: sidebar('read', [MEMBER_WORK_INPUT], 'a member\'s placements and work rows of a month, with the caps they go over', (api, input) => api.listMemberWork(input)),
  recordWork: sidebar('write', [RECORD_MEMBER_WORK_INPUT], 'a member\'s work on one placement, one row per day (closed months refused, caps warned)', (api, input) => api.recordWork(input)),
  confirmWork: sidebar('write', [CONFIRM_WORK_INPUT], 'work rows ticked (or unticked) 確認: the client confirmed', (api, input) => api.confirmWork(input)),

  // The menu and what it opens.
  onOpen: script('menu-open', [OPEN_EVENT], 'builds the 生きがい就労 menu (reads nothing)'),
  onInstall: script('menu-open', [OPEN_EVENT], 'the same, when the add-on is installed'),
  showSidebar: script('menu-open', [], 'opens the sidebar (its calls check the caller)'),

  // Setup, sends, trigger installation: an active manager.
  runSetup: script('manager', [], 'menu 初期設定 (the dialog the first time)', { bootstrap: true }),
  saveInitialSettings: script('manager', [InitialSettingsSchema], 'the first-run dialog\'s answers', { bootstrap: true }),
  sendWeeklySummaryNow: script('manager', [], 'menu: sends last week\'s summary now'),
  installWeeklyTrigger: script('manager', [], 'installs the weekly trigger at 設定\'s day and hour'),
  createSignupForm: script('manager', [], 'creates the sign-up form and its triggers'),
  closeLastMonth: script('manager', [], 'menu 月次締め: closes last month (配分金, bills, wages; the month locked)'),
  reopenLastClose: script('manager', [], 'menu: reopens the month closed last, so its work rows are taken again'),
  writeAnnualStats: script('manager', [], 'menu 年度統計を書き出す: the last fiscal year into 年度統計'),
  rebuildCandidateIndex: script('manager', [], 'menu 候補索引を作り直す: _候補索引 rebuilt from 会員, 仕事, マッチング and 就業実績 (what a person typed in)'),
  printClosedStatements: script('manager', [FIRST_MEMBER_PAGE], 'menu 配分金明細を印刷: the month closed last in a print dialog (reads only; its range choice passes the first member)'),

  // Keeping things in step: a coordinator or manager.
  syncSignupForm: script('write', [], 'menu: the form offers the sessions with a place left'),
  recheckSignups: script('write', [], 'menu 申込を再確認: takes every answer of the form 申込 lacks, in order'),
  recheckWorkReports: script('write', [], 'menu 就業報告を再確認: takes every answer of the 就業報告 form that 就業実績 and 就業報告 lack, in order'),
  tallyAllSurveys: script('write', [], 'menu: writes アンケート集計; its nightly trigger also mails each survey with new answers', { trigger: 'clock' }),

  // Triggers: only a run of this project's own installed trigger.
  weeklySummaryTrigger: script('trigger', [], 'the weekly summary (time-driven)', { trigger: 'clock' }),
  sendEventReminders: script('manager', [], 'tomorrow\'s reminders (daily trigger; by hand a manager)', { trigger: 'clock' }),
  onSignupFormSubmit: script('trigger', [], 'one sign-up (the form\'s submit trigger, its own response tab only)', { trigger: 'form_submit' }),
  onWorkReportSubmit: script('trigger', [], 'one monthly 就業報告 (its form\'s submit trigger, its own response tab only): 就業実績 rows, or kept 要確認', { trigger: 'form_submit' }),
  onDeskEdit: script('trigger', [], 'empties the desk cache when a person edits 設定, コーディネータ or a header row', { trigger: 'edit' }),
  onDeskChange: script('trigger', [], 'empties the desk cache when rows, columns or tabs are added, removed or moved', { trigger: 'change' }),
} as const satisfies Record<string, ServerCall>;

export type ServerCalls = typeof SERVER_CALLS;
export type CallName = keyof ServerCalls;
export type SidebarCallName = { [K in CallName]: ServerCalls[K] extends SidebarCall ? K : never }[CallName];
export type ScriptCallName = Exclude<CallName, SidebarCallName>;

export const CALL_NAMES = Object.keys(SERVER_CALLS) as CallName[];

/** The sidebar calls that change the workbook (the dev server saves the file after each). */
export const SIDEBAR_WRITES: readonly SidebarCallName[] = CALL_NAMES.filter(
  (n): n is SidebarCallName => SERVER_CALLS[n].surface === 'sidebar' && SERVER_CALLS[n].access === 'write');

type ArgsIn<A extends readonly Schema[]> = { -readonly [I in keyof A]: z.input<A[I]> };
export type ArgsOut<A extends readonly Schema[]> = { -readonly [I in keyof A]: z.output<A[I]> };

/** The sidebar's view of the server: each call's arguments (as the sidebar sends them) and answer. */
export type SidebarServerApi = {
  [K in SidebarCallName]: ServerCalls[K] extends SidebarCall<infer A, infer R> ? (...args: ArgsIn<A>) => R : never;
};

const TRIGGER_WORDS: Readonly<Record<TriggerKind, string>> = { clock: 'time-driven', form_submit: 'form-submit', edit: 'on-edit', change: 'on-change' };

/** "who may call it" in words, for the docs' table. */
export function accessRule(call: ServerCall): string {
  const base: Record<CallAccess, string> = {
    read: 'read: an active viewer, coordinator or manager',
    write: 'write: an active coordinator or manager',
    manager: 'manager: an active manager',
    trigger: 'trigger: nobody by hand',
    'menu-open': 'menu-open: anyone who can open the spreadsheet',
  };
  const parts = [base[call.access]];
  if (call.surface === 'apps-script' && call.bootstrap) parts.push('or anyone signed in before the desk has an active manager (bootstrap)');
  if (call.surface === 'apps-script' && call.trigger) parts.push(`${call.access === 'trigger' ? 'only' : 'or'} a run of this project's own ${TRIGGER_WORDS[call.trigger]} trigger for it`);
  return parts.join('; ');
}

/** The Markdown table of docs/design/README.md "Who may call what", one row per function. */
export function accessTable(): string {
  const rows = CALL_NAMES.map((n) => {
    const call: ServerCall = SERVER_CALLS[n];
    return `| \`${n}\` | ${call.surface} | ${accessRule(call)} | ${call.what} |`;
  });
  return ['| function | called from | who may call it | what |', '|---|---|---|---|', ...rows].join('\n');
}
