import * as z from 'zod/mini';
import { refreshCandidateIndex } from '../matching/candidate-index';
import { keyNewMember } from '../members/member-search-index';
import { lazySchema } from '../../domain/lazy-schema';
import { civilDateArg, recordId, shortText } from '../shared/arg-schemas';
import type { Cell } from '../../domain/cell';
import { addDays } from '../../domain/civil-date';
import {
  GENDER, MOTIVATION, type EventKind, type JoinRoute, type Language, type RegistrationStatus,
} from '../../domain/enums';
import { locateColumns, parseTable } from '../../domain/parse/parse-table';
import { readColumnsOf } from '../shared/read-part';
import {
  EVENTS_TAB, MEMBERS_TAB, REGISTRATIONS_TAB, tabNames, type EventRecord, type Member, type Registration,
} from '../../domain/schema/tabs';
import { sessionLabel } from '../../domain/signup/session-label';
import { ALL_SLOTS } from '../../domain/slots';
import { guardedCall, parseArgs } from '../shared/guarded-call';
import type {
  AttendanceList, AttendanceRow, CheckInOutput, EventSession, EventSessionsOutput, JoinDetails, JoinOutput,
} from './attendance-types';
import { writeAudit } from '../shared/audit';
import { updateRecord } from '../shared/record-writes';
import { encodeRecord, ownedCells } from '../../domain/schema/record-cells';
import { MEMBER_IDS, nextId } from '../shared/next-id';
import { CREATE_EVENT_INPUT, createEvent, type CreateEventOutput } from './create-event';
import { PHONE_SIGNUP_INPUT, phoneSignupUseCase, type PhoneSignupResult } from '../signup/phone-signup';
import type { Mailer, PropertyBag, SignupForms, TableStore } from '../ports';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import { wordText } from '../../domain/messages/catalog';
import type { ApiResult } from '../shared/api-types';
import { cancelRegistrationUseCase, type CancelResult } from '../signup/cancel-registration';

// The イベント panel's server side: the sessions, who signed up for one, check-in at the door,
// and "join" — the attendee becomes a member in 会員 with the route 説明会 or セミナー and the
// registration is linked to the new member ID. Same rules as the rest of the sidebar API
// (guardedCall): a viewer may read, only an active coordinator or manager may write, writes
// hold the script lock (the form-submit trigger appends to 申込 under that same lock), one
// write per tab, an audit row with IDs and codes only.

/** Members the add-in creates are numbered M00001… (workbook.md): the counter of shared/next-id.ts. */
export { MEMBER_IDS };

/** How far back the picker lists past sessions: long enough to tick attendance and joins afterwards. */
export const RECENT_DAYS = 60;

/** The join route a session gives (workbook.md 入会経路): a symposium is a kind of seminar. */
export const ROUTE_OF_KIND: Readonly<Record<EventKind, JoinRoute>> = {
  orientation: 'orientation', seminar: 'seminar', symposium: 'seminar', other: 'other',
};

export interface AttendancePorts extends SidebarPorts {
  /** Document properties in bulk (the sign-up ledger), for the re-sync after a cancellation. */
  readonly bag: PropertyBag;
  readonly mailer: Mailer;
  readonly forms: SignupForms | null;
}

const id = recordId;

export const JOIN_DETAILS = lazySchema(() => z.strictObject({
  gender: z.optional(z.enum(GENDER.codes)),
  birth_date: z.optional(civilDateArg),
  district: z.optional(shortText),
  skills: z.optional(z.array(shortText).check(z.maxLength(30))),
  preferred_categories: z.optional(z.array(shortText).check(z.maxLength(30))),
  availability: z.optional(z.array(z.enum(ALL_SLOTS as readonly [string, ...string[]])).check(z.maxLength(14))),
  max_days_per_week: z.optional(z.int().check(z.gte(1), z.lte(7))),
  motivations: z.optional(z.array(z.enum(MOTIVATION.codes)).check(z.maxLength(6))),
}));

export interface AttendanceApi {
  listEventSessions(): ApiResult<EventSessionsOutput>;
  listAttendance(eventId: unknown): ApiResult<AttendanceList>;
  checkIn(registrationId: unknown, attended: unknown): ApiResult<CheckInOutput>;
  joinAsMember(registrationId: unknown, details?: unknown): ApiResult<JoinOutput>;
  cancelRegistration(registrationId: unknown): ApiResult<CancelResult>;
  /** A sign-up taken on the phone, or a walk-in at the door (`walk_in`: also ticked 出席), by the form's rules (signup/phone-signup.ts). */
  registerByPhone(input: unknown): ApiResult<PhoneSignupResult & { readonly attended: boolean }>;
  /** A new session (イベント row, 受付中): create-event.ts. */
  createEvent(input: unknown): ApiResult<CreateEventOutput>;
}

export function createAttendanceApi(ports: AttendancePorts, log?: (detail: unknown) => void): AttendanceApi {
  return {
    listEventSessions: () => guardedCall(ports, 'read', () => null, (ctx) => eventSessions(ports.store, ctx), log),
    listAttendance: (eventId) => guardedCall(ports, 'read', () => parseArgs(id, eventId), (ctx, e) => attendanceOf(ports.store, ctx, e), log),
    checkIn: (registrationId, attended) => guardedCall(ports, 'write',
      () => ({ registrationId: parseArgs(id, registrationId), attended: parseArgs(z.boolean(), attended) }),
      (ctx, a) => checkIn(ports.store, ctx, a.registrationId, a.attended), log),
    joinAsMember: (registrationId, details) => guardedCall(ports, 'write',
      () => ({ registrationId: parseArgs(id, registrationId), details: parseArgs(JOIN_DETAILS, details ?? {}) as JoinDetails }),
      (ctx, a) => joinAsMember(ports, ctx, a.registrationId, a.details), log),
    cancelRegistration: (registrationId) => guardedCall(ports, 'write', () => parseArgs(id, registrationId),
      (ctx, r) => cancelRegistrationUseCase({ store: ports.store, props: ports.bag, clock: ports.clock, mailer: ports.mailer, forms: ports.forms }, ctx, r), log),
    registerByPhone: (input) => guardedCall(ports, 'write', () => parseArgs(PHONE_SIGNUP_INPUT, input),
      (ctx, a) => {
        const out = phoneSignupUseCase({ store: ports.store, props: ports.bag, clock: ports.clock, mailer: ports.mailer, forms: ports.forms }, ctx, a);
        // A walk-in at the door is there: ticked 出席 on the row just written (a 取消 row never).
        const id = out.registration_id;
        if (!a.walk_in || id === null || out.outcome === 'duplicate_person') return { ...out, attended: false };
        ports.store.flush();
        return { ...out, attended: checkIn(ports.store, ctx, id, true).attended };
      }, log),
    createEvent: (input) => guardedCall(ports, 'write', () => parseArgs(CREATE_EVENT_INPUT, input), (ctx, a) => createEvent(ports, ctx, a), log),
  };
}

interface RegistrationsRead {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly records: Registration[];
  readonly rowNumbers: number[];
  readonly index: ReadonlyMap<string, number>;
}

function missingTab(lang: Language, ja: string, en: string): ApiError {
  return new ApiError('bad_workbook', { detail: wordText(lang).missingTab({ ja, en }) });
}

/** 申込 read whole (one read): the records, and the raw rows to rewrite one in place. */
function readRegistrations(store: TableStore, lang: Language): RegistrationsRead {
  const raw = store.read(tabNames(REGISTRATIONS_TAB, lang));
  if (!raw) throw missingTab(lang, REGISTRATIONS_TAB.ja, REGISTRATIONS_TAB.en);
  const parsed = parseTable(REGISTRATIONS_TAB, raw);
  const missing = parsed.problems.filter((p) => p.code === 'missing_header');
  if (missing.length > 0) throw new ApiError('bad_workbook', { detail: missing.map((p) => `${p.tab}: ${String(p.params.header)}`).join(', ') });
  return { name: raw.name, header: raw.header, rows: raw.rows, records: parsed.records, rowNumbers: parsed.rowNumbers, index: parsed.columnIndex };
}

function readEvents(store: TableStore, lang: Language): EventRecord[] {
  const raw = store.read(tabNames(EVENTS_TAB, lang));
  if (!raw) throw missingTab(lang, EVENTS_TAB.ja, EVENTS_TAB.en);
  return parseTable(EVENTS_TAB, raw).records;
}

function sessionOf(e: EventRecord, regs: readonly Registration[], lang: Language): EventSession {
  const mine = regs.filter((r) => r.event_id === e.event_id);
  const count = (s: RegistrationStatus): number => mine.filter((r) => r.status === s).length;
  return {
    event_id: e.event_id, kind: e.kind, title: e.title, date: e.date, start_time: e.start_time, venue: e.venue,
    capacity: e.capacity, status: e.status, label: sessionLabel(e, lang),
    confirmed: count('confirmed'), waitlisted: count('waitlisted'),
    attended: mine.filter((r) => r.attended && r.status !== 'cancelled').length,
  };
}

/** Sessions from RECENT_DAYS ago onwards (reads イベント and 申込 once each). */
export function eventSessions(store: TableStore, ctx: Pick<CallContext, 'lang' | 'today'>): EventSessionsOutput {
  const events = readEvents(store, ctx.lang);
  const regs = readRegistrations(store, ctx.lang).records;
  const from = addDays(ctx.today, -RECENT_DAYS);
  const sessions = events
    .filter((e) => e.date >= from)
    .sort((a, b) => a.date.localeCompare(b.date) || (a.start_time ?? '').localeCompare(b.start_time ?? '') || a.event_id.localeCompare(b.event_id))
    .map((e) => sessionOf(e, regs, ctx.lang));
  const live = sessions.filter((s) => s.status !== 'cancelled');
  const suggested = live.find((s) => s.date >= ctx.today) ?? live[live.length - 1] ?? sessions[0];
  return { today: ctx.today, sessions, suggested: suggested?.event_id ?? '' };
}

/** Who the panel lists first: the confirmed, then the waitlist, then those to review, the cancelled last. */
const STATUS_ORDER: Readonly<Record<RegistrationStatus, number>> = { confirmed: 0, waitlisted: 1, needs_review: 2, cancelled: 3 };

export function attendanceOf(store: TableStore, ctx: Pick<CallContext, 'lang'>, eventId: string): AttendanceList {
  const event = readEvents(store, ctx.lang).find((e) => e.event_id === eventId);
  if (!event) throw new ApiError('not_found', { what: wordText(ctx.lang).things.event, id: eventId });
  const regs = readRegistrations(store, ctx.lang).records;
  const rank = (r: Registration): number => (r.status ? STATUS_ORDER[r.status] : 2);
  const registrations: AttendanceRow[] = regs
    .map((r, k) => ({ r, k }))
    .filter(({ r }) => r.event_id === eventId)
    .sort((a, b) => rank(a.r) - rank(b.r) || a.k - b.k)
    .map(({ r }) => ({
      registration_id: r.registration_id, name: r.name, kana: r.kana, status: r.status, attended: r.attended,
      member_id: r.member_id ?? '', registered_at: r.registered_at,
    }));
  return { event: sessionOf(event, regs, ctx.lang), registrations };
}

function findRegistration(read: RegistrationsRead, lang: Language, registrationId: string): { reg: Registration; row: number } {
  const k = read.records.findIndex((r) => r.registration_id === registrationId);
  const reg = read.records[k];
  if (!reg) throw new ApiError('not_found', { what: wordText(lang).things.registration, id: registrationId });
  return { reg, row: read.rowNumbers[k] ?? 0 };
}

/** Writes the fields of one 申込 row that change (one write); no other cell of the row is touched. */
function rewriteRegistration(store: TableStore, read: RegistrationsRead, row: number, before: Registration, next: Registration, lang: Language): void {
  updateRecord(store, REGISTRATIONS_TAB, { tab: read.name, index: read.index, row }, before, next, lang);
}

/** Ticks or unticks 出席 (the caller holds the lock). Writing the same value again writes nothing. */
export function checkIn(store: TableStore, ctx: CallContext, registrationId: string, attended: boolean): CheckInOutput {
  const read = readRegistrations(store, ctx.lang);
  const { reg, row } = findRegistration(read, ctx.lang, registrationId);
  if (reg.attended === attended) return { registration_id: registrationId, attended, changed: false };
  // A cancelled place went to someone else; un-ticking is always allowed, to undo a slip.
  if (attended && reg.status === 'cancelled') throw new ApiError('registration_cancelled', { id: registrationId });
  rewriteRegistration(store, read, row, reg, { ...reg, attended }, ctx.lang);
  writeAudit(store, ctx.lang, {
    at: ctx.now, user: ctx.email, action: attended ? 'registration_check_in' : 'registration_check_in_undo', sheet: read.name,
    recordId: registrationId, detail: `event=${reg.event_id ?? ''} attended=${String(attended)}`,
  });
  return { registration_id: registrationId, attended, changed: true };
}

/**
 * Makes an attendee a member (the caller holds the lock): one append to 会員, one rewrite of the
 * 申込 row with the new member ID, one audit row. 会員 is read whole (one read, which also gives
 * its header) so the new ID stays above every ID typed by hand.
 *
 * The registration is linked first: if the member append then failed, a second press finds the
 * link pointing at no member and completes the join with the same ID, instead of making a
 * second member for one person.
 */
export function joinAsMember(ports: Pick<SidebarPorts, 'store' | 'props'>, ctx: CallContext, registrationId: string, details: JoinDetails): JoinOutput {
  const { store } = ports;
  const lang = ctx.lang;
  const read = readRegistrations(store, lang);
  const { reg, row } = findRegistration(read, lang, registrationId);
  if (reg.status === 'cancelled') throw new ApiError('registration_cancelled', { id: registrationId });
  if (!reg.attended) throw new ApiError('not_attended', { id: registrationId });

  // Only the ID column is needed (to refuse a second join and to number the new member): at a
  // large center the whole 会員 tab is the biggest read a join could make.
  const membersRaw = readColumnsOf(store, MEMBERS_TAB, ['member_id']);
  if (!membersRaw) throw missingTab(lang, MEMBERS_TAB.ja, MEMBERS_TAB.en);
  const { index: memberColumns, problems: headerProblems } = locateColumns(MEMBERS_TAB, membersRaw.name, membersRaw.header);
  const missing = headerProblems.filter((p) => p.code === 'missing_header');
  if (missing.length > 0) throw new ApiError('bad_workbook', { detail: missing.map((p) => `${p.tab}: ${String(p.params.header)}`).join(', ') });
  const idColumn = memberColumns.get('member_id') ?? -1;
  const existingIds = membersRaw.rows.map((r) => r[idColumn]).filter((c): c is string => typeof c === 'string' && c.trim() !== '').map((c) => c.trim());
  const linked = reg.member_id?.trim() ?? '';
  if (linked !== '' && existingIds.includes(linked)) throw new ApiError('already_member', { id: registrationId, member: linked });

  const event = reg.event_id ? readEvents(store, lang).find((e) => e.event_id === reg.event_id) : undefined;
  const route = ROUTE_OF_KIND[event?.kind ?? 'other'];
  const memberId = linked !== '' ? linked : nextId(ports.props, MEMBER_IDS, () => existingIds, existingIds);
  if (linked === '') rewriteRegistration(store, read, row, reg, { ...reg, member_id: memberId }, lang);

  const gender = details.gender ?? reg.gender;
  const member: Member = {
    member_id: memberId, name: reg.name, kana: reg.kana, gender: gender ?? null,
    birth_date: details.birth_date ?? null, joined_on: ctx.today, left_on: null, join_route: route,
    district: details.district ?? '', phone: reg.phone, email: reg.email,
    skills: [...(details.skills ?? [])], preferred_categories: [...(details.preferred_categories ?? [])],
    availability: [...(details.availability ?? [])], max_days_per_week: details.max_days_per_week ?? null,
    motivations: [...(details.motivations ?? [])], consent: reg.consent, notes: '', leave_reason: null,
  };
  const values = encodeRecord(MEMBERS_TAB, member, lang);
  ctx.figures?.record('members', {}, { members: [member] });
  ctx.figures?.words([member.district]);
  // Only 会員's own columns of the new row; name, kana, district and skills were typed by a
  // stranger or a coordinator, and the store keeps them text, never a formula.
  store.appendCells(membersRaw.name, ownedCells<typeof MEMBERS_TAB>(memberColumns, MEMBERS_TAB.columns.map((c) => c.key), [values]));
  // A new member, no match and no work yet: a candidate from today (matching.md "The candidate index").
  refreshCandidateIndex(store, lang, ctx.today, [{ memberId, member, matches: [] }]);
  // The picker's search key, on the row 会員 was appended to (member-search-index.ts).
  keyNewMember(store, member);

  writeAudit(store, lang, {
    at: ctx.now, user: ctx.email, action: 'member_join', sheet: membersRaw.name, recordId: memberId,
    detail: `registration=${registrationId} event=${reg.event_id ?? ''} route=${route}${linked !== '' ? ' completed' : ''}`,
  });
  return { registration_id: registrationId, member_id: memberId, joined_on: ctx.today, join_route: route };
}

