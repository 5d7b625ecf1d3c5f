import { FOLLOW_UP_MEMBER_FIELDS, refreshFollowUps, touchesFollowUps } from '../follow-ups/keep-list';
import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { refreshCandidateIndex } from '../matching/candidate-index';
import { GENDER, JOIN_ROUTE, MOTIVATION, type Language } from '../../domain/enums';
import { locateColumns } from '../../domain/parse/parse-table';
import { encodeRecord, ownedCells, type ColumnKey } from '../../domain/schema/record-cells';
import { MEMBERS_TAB, tabNames, type Member } from '../../domain/schema/tabs';
import { wordText } from '../../domain/messages/catalog';
import { ALL_SLOTS } from '../../domain/slots';
import { civilDateArg, freeText, optionalEmail, recordId, shortText, slotArg } from '../shared/arg-schemas';
import { writeAudit } from '../shared/audit';
import { readRowsByKey } from '../shared/find-rows';
import { idsInColumn, MEMBER_IDS, nextId } from '../shared/next-id';
import { updateRecord } from '../shared/record-writes';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import type { SaveMemberInput, SaveMemberOutput } from '../shared/api-types';
import { findMember, memberViewOf, readMemberRow } from './member-view';
import { keyEditedMember, keyNewMember } from './member-search-index';

// 会員 panel: register a member (a walk-in at the window, a referral…) or edit one — also the
// profile of a member who joined from an event with only a name and a phone. The caller holds
// the lock. Fields are the contract's English column names, enumerations as codes, lists as
// arrays (workbook.md 会員). 個人情報同意 is not required to save: it is a matching rule
// (matching.md no_consent), so a member without it is saved and never offered as a candidate.
// - New (no member_id): the member is numbered M00001… from the members' counter, the ID checked
//   free by one search of 会員ID (not the whole ID column: 100,000 cells at 50,000 members); one
//   append of the row, one audit append.
// - Edit: the member's row of 会員 found by ID (the answer is the whole member; not the whole tab,
//   a million cells at 50,000 members), only the cells of the fields given
//   that change are written (updateRecord), one audit append naming the fields, never their values.

/** The fields a save may carry: every column of 会員 but the ID, 退会日 and 退会理由 (leaveMember). */
export const MEMBER_FIELDS = [
  'name', 'kana', 'gender', 'birth_date', 'joined_on', 'join_route', 'district', 'phone', 'email', 'skills',
  'preferred_categories', 'availability', 'max_days_per_week', 'motivations', 'consent', 'notes',
] as const satisfies readonly ColumnKey<typeof MEMBERS_TAB>[];

const word = lazySchema(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(40)));

export const SAVE_MEMBER_INPUT = lazySchema(() => z.strictObject({
  member_id: z.optional(recordId),
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))),
  kana: z.optional(z.string().check(z.trim(), z.maxLength(60))),
  gender: z.optional(z.nullable(z.enum(GENDER.codes))),
  birth_date: z.optional(z.nullable(civilDateArg)),
  joined_on: z.optional(civilDateArg),
  join_route: z.optional(z.nullable(z.enum(JOIN_ROUTE.codes))),
  district: z.optional(shortText),
  phone: z.optional(z.string().check(z.trim(), z.maxLength(40))),
  email: z.optional(optionalEmail),
  skills: z.optional(z.array(word).check(z.maxLength(30))),
  preferred_categories: z.optional(z.array(word).check(z.maxLength(30))),
  availability: z.optional(z.array(slotArg).check(z.maxLength(14))),
  max_days_per_week: z.optional(z.nullable(z.int().check(z.gte(1), z.lte(7)))),
  motivations: z.optional(z.array(z.enum(MOTIVATION.codes)).check(z.maxLength(6))),
  consent: z.optional(z.boolean()),
  notes: z.optional(freeText(2000)),
}).check(z.refine((m) => m.member_id !== undefined || m.name !== undefined, { message: 'name', path: ['name'] })));

/** フリガナ as the tab keeps it: katakana (hiragana typed is turned), full width, one space between names. */
export function normaliseKana(kana: string): string {
  return kana.normalize('NFKC').replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60)).replace(/\s+/g, ' ').trim();
}

/** The given fields as the record holds them (lists each word once, slots in week order). */
function givenFields(input: SaveMemberInput): Partial<Member> {
  const out: Partial<Record<string, unknown>> = {};
  for (const key of MEMBER_FIELDS) if (input[key] !== undefined) out[key] = input[key];
  if (input.kana !== undefined) out.kana = normaliseKana(input.kana);
  if (input.skills) out.skills = [...new Set(input.skills)];
  if (input.preferred_categories) out.preferred_categories = [...new Set(input.preferred_categories)];
  if (input.availability) out.availability = ALL_SLOTS.filter((s) => input.availability?.includes(s));
  if (input.motivations) out.motivations = MOTIVATION.codes.filter((c) => input.motivations?.includes(c));
  return out as Partial<Member>;
}

/** The dates of a member must agree: born before joining, left (if so) on or after joining. */
function checkDates(m: Pick<Member, 'birth_date' | 'joined_on' | 'left_on'>): void {
  if (m.birth_date !== null && m.birth_date > m.joined_on) throw new ApiError('birth_after_join', { birth_date: m.birth_date, joined_on: m.joined_on });
  if (m.left_on !== null && m.left_on < m.joined_on) throw new ApiError('leave_before_join', { date: m.left_on, joined_on: m.joined_on });
}

export function saveMember(ports: SidebarPorts, ctx: CallContext, input: SaveMemberInput): SaveMemberOutput {
  return input.member_id === undefined ? registerMember(ports, ctx, input) : editMember(ports, ctx, input.member_id, input);
}

/** A new member's ID from the members' counter, checked free by one search of 会員ID (the same at
 *  any center size, as a new match's ID: change-match-status.ts). 会員's ID column is read only to
 *  seed a missing counter, or when a member typed by hand holds the ID: then the counter moves
 *  above every M ID in the tab, as it did when every save read the column. */
function freshMemberId(ports: SidebarPorts, tab: string, column: number, lang: Language): string {
  let seeded = false;
  const all = (): string[] => { seeded = true; return idsInColumn(ports.store, tab, column); };
  const id = nextId(ports.props, MEMBER_IDS, all);
  // Seeded from the column just read, the ID is above every M ID in it: free without a search.
  if (seeded || readRowsByKey(ports.store, MEMBERS_TAB, 'member_id', [id], lang).parsed.records.length === 0) return id;
  const ids = all();
  return nextId(ports.props, MEMBER_IDS, () => ids, ids);
}

function registerMember(ports: SidebarPorts, ctx: CallContext, input: SaveMemberInput): SaveMemberOutput {
  const { store } = ports;
  const lang = ctx.lang;
  // The header alone (from the desk cache): the row is appended under it.
  const found = store.header(tabNames(MEMBERS_TAB, lang));
  if (!found) throw new ApiError('bad_workbook', { detail: wordText(lang).missingTab(MEMBERS_TAB) });
  const { index, problems } = locateColumns(MEMBERS_TAB, found.name, found.header);
  const missing = problems.filter((p) => p.code === 'missing_header');
  if (missing.length > 0) throw new ApiError('bad_workbook', { detail: missing.map((p) => `${p.tab}: ${String(p.params.header)}`).join(', ') });
  const member: Member = {
    member_id: freshMemberId(ports, found.name, index.get('member_id') ?? -1, lang),
    name: '', kana: '', gender: null, birth_date: null, joined_on: ctx.today, left_on: null, join_route: null, district: '',
    phone: '', email: '', skills: [], preferred_categories: [], availability: [], max_days_per_week: null, motivations: [],
    consent: false, notes: '', leave_reason: null,
    ...givenFields(input),
  };
  checkDates(member);
  // Name, kana, district and notes were typed by a person: the store keeps `=HYPERLINK(...)` as text.
  store.appendCells(found.name, ownedCells<typeof MEMBERS_TAB>(index, MEMBERS_TAB.columns.map((c) => c.key), [encodeRecord(MEMBERS_TAB, member, lang)]));
  ctx.figures?.record('members', {}, { members: [member] });
  ctx.figures?.words([member.district]);
  const given = MEMBER_FIELDS.filter((k) => input[k] !== undefined);
  // A new member has no match and no work yet.
  refreshCandidateIndex(store, lang, ctx.today, [{ memberId: member.member_id, member, matches: [] }]);
  // The picker's search key, on the row 会員 was appended to (_会員検索 ends where 会員 does).
  keyNewMember(store, member);
  // A new member with consent and 就業可能枠 is waiting for work from today (the stored 継続支援 list).
  // Their 会員 row is the one just appended (not searched for again); their matches and
  // activities are still looked up by key, as a row typed by hand may name the new ID.
  refreshFollowUps(store, ctx, [member.member_id], { members: [member] });
  writeAudit(store, lang, {
    at: ctx.now, user: ctx.email, action: 'member_register', sheet: found.name, recordId: member.member_id,
    // Codes only: the name, phone and birth date are personal data.
    detail: `route=${member.join_route ?? ''} joined_on=${member.joined_on} consent=${String(member.consent)} fields=${given.join(',')}`,
  });
  return { member: memberViewOf(member, ctx.today), created: true, changed: given };
}

function editMember(ports: SidebarPorts, ctx: CallContext, memberId: string, input: SaveMemberInput): SaveMemberOutput {
  const { store } = ports;
  const members = readMemberRow(store, memberId, ctx.lang);
  const { member: before, row } = findMember(members, memberId, ctx.lang);
  const after: Member = { ...before, ...givenFields(input) };
  checkDates(after);
  const changed = updateRecord(store, MEMBERS_TAB, { tab: members.name, index: members.parsed.columnIndex, row }, before, after, ctx.lang);
  if (changed.length > 0) {
    refreshCandidateIndex(store, ctx.lang, ctx.today, [{ memberId: after.member_id, member: after }]);
    // The name or kana changed: the picker's key of this row (nothing written otherwise).
    keyEditedMember(store, row, before, after, ctx.today);
    ctx.figures?.record('members', { members: [before] }, { members: [after] });
    // The dropdowns' 地区 only when it changed: a member's 地区 left as it was is in the stored list
    // already (counted from 会員 by the recount), and a word recorded makes the run read the figures.
    if (changed.includes('district')) ctx.figures?.words([after.district]);
    // Consent, 就業可能枠, dates, name or phone changed: the member's row of the stored 継続支援 list,
    // from the row as just written (not searched for again). Any other field (地区, 技能…): the
    // list does not depend on it, and is not looked up (seven round trips).
    if (touchesFollowUps(changed, FOLLOW_UP_MEMBER_FIELDS)) refreshFollowUps(store, ctx, [before.member_id], { members: [after] });
    writeAudit(store, ctx.lang, {
      at: ctx.now, user: ctx.email, action: 'member_edit', sheet: members.name, recordId: before.member_id, detail: `fields=${changed.join(',')}`,
    });
  }
  return { member: memberViewOf(after, ctx.today), created: false, changed };
}
