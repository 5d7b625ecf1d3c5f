import { addDays, type CivilDate } from '../../domain/civil-date';
import { isDateCell, type Cell, type RawTable } from '../../domain/cell';
import type { Language } from '../../domain/enums';
import {
  contactsOf, dueItems, dueNothingAfter, dueNothingWhateverContacts, followUpOfMember, groupOf, worklistOrder, RECENT_CONTACT_DAYS, EARLY_DAYS,
  type FollowUpGroup, type FollowUpItem, type FollowUpReason, type WorklistActivity,
} from '../../domain/follow-up/worklist';
import { ACTIVITIES_TAB, FOLLOW_UP_LIST_TAB, JOBS_TAB, MATCHES_TAB, MEMBERS_TAB, tabNames, type Activity, type Job, type Match, type Member } from '../../domain/schema/tabs';
import type { Settings } from '../../domain/settings';
import type { TableStore } from '../ports';
import { readRowsByKey, readRowsByKeyBesides } from '../shared/find-rows';
import { loadWorkbookPart, parsedColumnsOf, type WorkbookPlan } from '../shared/read-part';
import {
  STORED_PER_GROUP, builtRowOf, encodeRows, findListRows, listHeader, listTabName, rowOf, storedListOf, writeListUpdates,
  type MemberUpdate, type StoredItem, type StoredList,
} from './stored-list';

// Keeping _継続支援 true (design/sidebar-calls.md "継続支援"). Three ways, all under the write
// boundary (the caller holds the script lock):
// - rebuildFollowUps: the whole list recounted from the tabs (the nightly trigger run, the
//   panel's 作り直す, the first listFollowUps that finds no tab). Time moving on — a placement
//   reaching its next milestone, a wait or a silence growing long enough — is this run's job.
// - refreshFollowUps: the members a write touched, re-counted from their own rows found by key
//   (会員 and マッチング by 会員ID, their 活動記録 rows, the job of a milestone): a placement
//   started or ended, a member leaving or edited, an activity corrected or withdrawn.
// - noteContacts: an activity just logged, dated in the last 14 days, can only take its member
//   off the list (a contact clears waiting and no_contact, a 継続支援 call a milestone), so only
//   the member's row of the list is looked up (one search), never their history.

/** What the rebuild reads: every row of the columns the worklist and the panel use. */
export const FOLLOW_UP_REBUILD_READS: WorkbookPlan = {
  members: { columns: ['member_id', 'name', 'kana', 'joined_on', 'left_on', 'phone', 'availability', 'consent'] },
  jobs: { columns: ['job_id', 'title'] },
  matches: { columns: ['match_id', 'job_id', 'member_id', 'status', 'proposed_on', 'placed_on', 'ended_on'] },
  activities: { columns: ['member_id', 'date', 'area', 'status'] },
};

/** The columns of `def` the list is counted from: the rebuild's, and the tab's required ones
 *  (a row the parse drops for a blank required cell counts nowhere). */
function countedFields(def: { readonly columns: readonly { readonly key: string; readonly required?: boolean }[] }, part: WorkbookPlan[keyof WorkbookPlan]): readonly string[] {
  const listed = part && 'columns' in part ? part.columns : [];
  return [...new Set([...listed, ...def.columns.filter((c) => c.required).map((c) => c.key)])];
}

/** The fields of a member's 会員 row the list depends on (what the worklist counts and what the
 *  panel shows): an edit of none of them leaves the list as it is, so it is not looked up at all. */
export const FOLLOW_UP_MEMBER_FIELDS: readonly string[] = countedFields(MEMBERS_TAB, FOLLOW_UP_REBUILD_READS.members);
/** The fields of an activity the list depends on (whose contact, when, a 継続支援 call or not,
 *  withdrawn or not): a correction of its minutes, kind or notes alone leaves the list as it is. */
export const FOLLOW_UP_ACTIVITY_FIELDS: readonly string[] = countedFields(ACTIVITIES_TAB, FOLLOW_UP_REBUILD_READS.activities);
/** The same of マッチング and 仕事 (a hand edit of their other columns leaves the list as it is). */
export const FOLLOW_UP_MATCH_FIELDS: readonly string[] = countedFields(MATCHES_TAB, FOLLOW_UP_REBUILD_READS.matches);
export const FOLLOW_UP_JOB_FIELDS: readonly string[] = countedFields(JOBS_TAB, FOLLOW_UP_REBUILD_READS.jobs);

/** Whether a write that changed `changed` (column keys) can move the list, by `fields`. */
export function touchesFollowUps(changed: readonly string[], fields: readonly string[]): boolean {
  return changed.some((k) => fields.includes(k));
}

type Person = Pick<Member, 'name' | 'kana' | 'phone' | 'joined_on'>;

function storedItemOf(item: FollowUpItem, person: Person | undefined, jobs: ReadonlyMap<string, Pick<Job, 'title'>>, matches: ReadonlyMap<string, Pick<Match, 'placed_on'>>): StoredItem {
  return {
    ...item, name: person?.name ?? '', kana: person?.kana ?? '', phone: person?.phone ?? '',
    job_title: item.job_id ? jobs.get(item.job_id)?.title ?? '' : '',
    placed_on: item.match_id ? matches.get(item.match_id)?.placed_on ?? null : null,
    joined_on: person?.joined_on ?? null,
  };
}

const ZERO: Record<FollowUpReason, number> = { placed_1w: 0, placed_1m: 0, placed_3m: 0, waiting: 0, no_contact: 0 };

/** The stored list of `items` (every member due, each once): each group's first STORED_PER_GROUP. */
export function capItems(items: readonly StoredItem[]): { kept: StoredItem[]; counts: Record<FollowUpReason, number> } {
  const counts = { ...ZERO };
  const kept: StoredItem[] = [];
  const inGroup: Record<FollowUpGroup, number> = { placed: 0, waiting: 0, no_contact: 0 };
  for (const item of [...items].sort(worklistOrder)) {
    counts[item.reason]++;
    const g = groupOf(item.reason);
    if (inGroup[g] < STORED_PER_GROUP) { inGroup[g]++; kept.push(item); }
  }
  return { kept, counts };
}

/** Every member due a follow-up today, counted from the tabs (every row of 活動記録 that is not
 *  withdrawn), with what the panel shows. */
export function recountFollowUps(store: TableStore, settings: Settings, today: CivilDate): StoredItem[] {
  // Only the columns read are parsed, and no duplicate-ID check (left to ikigai check and setup).
  const wb = loadWorkbookPart(store, FOLLOW_UP_REBUILD_READS, settings, { columns: parsedColumnsOf(FOLLOW_UP_REBUILD_READS), duplicateIds: false });
  const activities = wb.activities.filter((a) => a.status !== 'withdrawn');
  const items = dueItems({ members: wb.members, matches: wb.matches, activities, today });
  const people = new Map(wb.members.map((m) => [m.member_id, m]));
  const jobs = new Map(wb.jobs.map((j) => [j.job_id, j]));
  const matches = new Map(wb.matches.map((m) => [m.match_id, m]));
  return items.map((i) => storedItemOf(i, people.get(i.member_id), jobs, matches));
}

export interface RebuildResult {
  readonly list: StoredList;
  readonly rows: number;
  /** The sheet row of the list's last row (its header, its row of counts, its members). */
  readonly lastRow: number;
}

/** The whole list recounted and written (one replace of the add-in's own tab; made, hidden, when
 *  missing). The caller holds the lock. */
export function rebuildFollowUps(store: TableStore, settings: Settings, today: CivilDate): RebuildResult {
  const lang = settings.language;
  const { kept, counts } = capItems(recountFollowUps(store, settings, today));
  const old = store.read(tabNames(FOLLOW_UP_LIST_TAB, lang));
  const name = old?.name ?? listTabName(lang);
  const cells = encodeRows([builtRowOf(today, counts), ...kept.map(rowOf)], lang);
  const header = listHeader(lang);
  // A second run the same day (the trigger fired twice, 作り直す after the night) writes nothing.
  if (!old || !sameTable(old, header, cells)) store.replace(name, header, cells);
  return { list: storedListOf({ name, header, rows: cells }, today), rows: kept.length, lastRow: cells.length + 1 };
}

/** The list counted from the tabs and not kept (another run holds the lock). */
export function countedList(store: TableStore, settings: Settings, today: CivilDate): StoredList {
  const { kept, counts } = capItems(recountFollowUps(store, settings, today));
  const lang = settings.language;
  return storedListOf({ name: listTabName(lang), header: listHeader(lang), rows: encodeRows([builtRowOf(today, counts), ...kept.map(rowOf)], lang) }, today);
}

function sameTable(old: RawTable, header: readonly string[], rows: readonly (readonly Cell[])[]): boolean {
  const text = (c: Cell | undefined): string => (c === null || c === undefined ? '' : isDateCell(c) ? `d:${c.date}` : String(c));
  const line = (r: readonly Cell[], width: number): string => Array.from({ length: width }, (_, i) => text(r[i])).join('\u0001');
  const width = header.length;
  if (old.rows.length !== rows.length || line(old.header.map(String), width) !== line([...header], width)) return false;
  return rows.every((r, i) => line(old.rows[i] ?? [], width) === line(r, width));
}

export interface KeepContext {
  readonly lang: Language;
  readonly today: CivilDate;
}

/** What the caller of refreshFollowUps has read already, for the members it names (a status
 *  change: the member's every match, found by 会員ID, as they now stand; their jobs; their 会員
 *  row when it read it), and the contact it has just logged for them (its activity's date). */
export interface KnownRows {
  readonly matches?: readonly Match[];
  readonly members?: readonly Member[];
  readonly jobs?: readonly Job[];
  readonly contacts?: ReadonlyMap<string, CivilDate>;
  /** Rows of 活動記録 the caller has just written (a correction, a withdrawal), by sheet row, as
   *  they now stand: not read again when the members' activities are. */
  readonly activityRows?: ReadonlyMap<number, Activity>;
}

/**
 * Re-counts `memberIds` from their own rows and writes their rows of the list. Reads, by key:
 * the list's rows of them (nothing more when the list does not exist yet), their 会員 rows,
 * their マッチング rows, their 活動記録 rows and the jobs of their milestones — each only when
 * `known` lacks it, and for a member just contacted with no placement at a milestone
 * (dueNothingAfter) none of them: they are due nothing, whatever the rows hold; nor their
 * activities for one not enrolled today with no placement at a milestone (a member who has just
 * left: dueNothingWhateverContacts).
 */
export function refreshFollowUps(store: TableStore, ctx: KeepContext, memberIds: readonly string[], known: KnownRows = {}): number {
  const ids = [...new Set(memberIds.map((id) => id.trim()).filter((id) => id !== ''))];
  if (ids.length === 0) return 0;
  const found = findListRows(store, ctx.lang, ids);
  if (!found) return 0;
  const matches = known.matches ?? readRowsByKey(store, MATCHES_TAB, 'member_id', ids, ctx.lang).parsed.records;
  const matchesOf = (id: string): Match[] => matches.filter((m) => m.member_id === id);
  const settled = new Set(ids.filter((id) => {
    const contact = known.contacts?.get(id);
    return contact !== undefined && dueNothingAfter(id, matchesOf(id), contact, ctx.today);
  }));
  const open = ids.filter((id) => !settled.has(id));
  const members = open.length === 0 ? [] : known.members ?? readRowsByKey(store, MEMBERS_TAB, 'member_id', open, ctx.lang).parsed.records;
  const people = new Map(members.map((m) => [m.member_id, m]));
  // A member who left (or has no 会員 row) with no placement at a milestone is due nothing,
  // whatever their contacts: their activities are not looked up.
  for (const id of open) if (dueNothingWhateverContacts(id, people.get(id), matchesOf(id), ctx.today)) settled.add(id);
  const counted = open.filter((id) => !settled.has(id));
  const activities = counted.length === 0 ? [] : activitiesOf(store, ctx.lang, counted, known.activityRows).filter((a) => a.status !== 'withdrawn');
  const contacts = contactsOf(activities, ctx.today);
  const items = ids.map((id) => (settled.has(id) ? null : followUpOfMember(id, people.get(id), matchesOf(id),
    contacts.get(id) ?? { last_contact: null, last_follow_up: null }, ctx.today)));
  const jobIds = [...new Set(items.flatMap((i) => (i?.job_id ? [i.job_id] : [])))];
  const knownJobs = new Map((known.jobs ?? []).map((j) => [j.job_id, j]));
  const missing = jobIds.filter((id) => !knownJobs.has(id));
  const jobs = new Map([...knownJobs, ...(missing.length > 0 ? readRowsByKey(store, JOBS_TAB, 'job_id', missing, ctx.lang).parsed.records.map((j): [string, Job] => [j.job_id, j]) : [])]);
  const byMatch = new Map(matches.map((m) => [m.match_id, m]));
  const updates: MemberUpdate[] = ids.map((id, i) => {
    const item = items[i];
    return { member_id: id, row: item ? rowOf(storedItemOf(item, people.get(id), jobs, byMatch)) : null };
  });
  return writeListUpdates(store, ctx.lang, found, updates);
}

/** The activities of `ids`, found by 会員ID: the rows in `written` taken as they now stand, not read again. */
function activitiesOf(store: TableStore, lang: Language, ids: readonly string[], written: ReadonlyMap<number, Activity> | undefined): Activity[] {
  if (!written || written.size === 0) return readRowsByKey(store, ACTIVITIES_TAB, 'member_id', ids, lang).parsed.records;
  const mine = [...written.values()].filter((a) => ids.includes((a.member_id ?? '').trim()));
  return [...readRowsByKeyBesides(store, ACTIVITIES_TAB, 'member_id', ids, lang, new Set(written.keys())).parsed.records, ...mine];
}

/**
 * The list after activities were logged (logActivity, logFollowUp, a team proposed): a contact
 * dated within the last RECENT_CONTACT_DAYS is the member's latest, so it takes a waiting or
 * silent member off, and a 継続支援 call from EARLY_DAYS before a milestone clears it (the
 * member then holds a placement and was just contacted: due nothing else). A member not on the
 * list stays off. Reads only the list's rows of them; an older or future date is re-counted
 * from the member's rows instead (refreshFollowUps), a future one being no contact yet.
 */
export function noteContacts(store: TableStore, ctx: KeepContext, activities: readonly WorklistActivity[]): number {
  const recentFrom = addDays(ctx.today, -(RECENT_CONTACT_DAYS - 1));
  const named = activities.filter((a) => (a.member_id ?? '').trim() !== '' && a.date <= ctx.today);
  const older = named.filter((a) => a.date < recentFrom).map((a) => (a.member_id ?? '').trim());
  const recent = named.filter((a) => a.date >= recentFrom);
  let written = older.length > 0 ? refreshFollowUps(store, ctx, older) : 0;
  const ids = [...new Set(recent.map((a) => (a.member_id ?? '').trim()))].filter((id) => !older.includes(id));
  if (ids.length === 0) return written;
  const found = findListRows(store, ctx.lang, ids);
  if (!found || found.rows.length === 0) return written;
  const updates: MemberUpdate[] = [];
  for (const id of ids) {
    const row = found.rows.find((r) => r.record.member_id === id)?.record;
    if (!row) continue;
    const mine = recent.filter((a) => (a.member_id ?? '').trim() === id);
    const latest = mine.reduce((d, a) => (a.date > d ? a.date : d), '');
    const followUp = mine.filter((a) => a.area === 'follow_up').reduce((d, a) => (a.date > d ? a.date : d), '');
    const cleared = row.reason === 'waiting' || row.reason === 'no_contact'
      || (followUp !== '' && row.since !== null && followUp >= addDays(row.since, -EARLY_DAYS));
    const lastContact = row.last_contact !== null && row.last_contact > latest ? row.last_contact : latest;
    updates.push({ member_id: id, row: cleared ? null : { ...row, last_contact: lastContact } });
  }
  written += writeListUpdates(store, ctx.lang, found, updates);
  return written;
}
