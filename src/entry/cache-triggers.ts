import type { TriggerSpec } from '../app/ports';
import { CALLER_TAB_NAMES } from '../app/shared/desk-cache';
import type { ScriptContext } from './dispatch';
import { TOTALS_EDITED_PROPERTY } from '../app/weekly/count-activities';
import { CANDIDATE_INDEX_TAB } from '../app/matching/candidate-index';
import {
  HAND_EDIT_READERS, readsTab, recordTouches, stampRebuild, touchOfEdit, type HandEditReader, type IndexTouch, type RecordedTouch,
} from '../app/matching/index-hand-edits';
import { MEMBER_SEARCH_PROPERTY, MEMBER_SEARCH_TAB, editKeepsMemberKeys } from '../app/members/member-search-index';
import { JOB_SEARCH_PROPERTY, JOB_SEARCH_TAB } from '../app/matching/job-search-index';
import { editedStamp } from '../app/shared/folded-key-tab';
import { ACTIVITY_TOTALS_TAB } from '../domain/weekly/activity-totals-tab';
import { ACTIVITIES_TAB, CLIENTS_TAB, FOLLOW_UP_LIST_TAB, JOBS_TAB, MEMBERS_TAB } from '../domain/schema/tabs';

// The desk cache's invalidation (src/app/shared/desk-cache.ts): two installable triggers setup
// installs, run by Apps Script for people's edits only. Script writes — the add-in's own, a
// center's own scripts — fire neither, which is why the add-in drops the cache itself when it
// writes (src/app/shared/cached-header-store.ts, setup) and why every entry has a short TTL: that
// is the bound for anything no trigger reports. Both are trigger-only globals (server-calls.ts):
// dispatch.ts runs them only for a real run of the project's own trigger for them. Unlike the
// clock triggers, they are not held to the recorded trigger owner (trigger-runs.ts): a former
// owner's edit trigger that still fires only empties the cache once more.

export const DESK_EDIT_HANDLER = 'onDeskEdit';
export const DESK_CHANGE_HANDLER = 'onDeskChange';

/** What setup installs for the cache: the spreadsheet's edit and change triggers. */
export const CACHE_TRIGGERS: readonly TriggerSpec[] = [
  { handler: DESK_EDIT_HANDLER, kind: 'on_edit' },
  { handler: DESK_CHANGE_HANDLER, kind: 'on_change' },
];

/** Changes that leave every value, header and tab where it was. */
const HARMLESS_CHANGES: ReadonlySet<string> = new Set(['EDIT', 'FORMAT']);

export interface CacheTriggerResult {
  /** Whether the run dropped the desk's cached 設定, コーディネータ and header rows. */
  readonly invalidated: boolean;
  /** Whether it stamped the weekly run's activity totals as edited (count-activities.ts): a
   *  person changed 活動記録's cells, or any tab's rows, so the next run counts 活動記録 whole. */
  readonly totalsStamped?: boolean;
  /** Whether it stamped the candidate index for a full rebuild (index-hand-edits.ts): a person
   *  changed rows, a header, an ID Sheets does not say the old value of, or too many rows of 会員,
   *  仕事, マッチング or 就業実績, or the index's own tab, so the next ranking rebuilds it first. */
  readonly indexStamped?: boolean;
  /** Whether it stamped the member picker's keys stale (member-search-index.ts): a person changed
   *  会員's ID, フリガナ, 氏名 or 退会日, a row below the ones its last rebuild keyed (a row typed by
   *  hand), _会員検索 itself or any tab's rows, so the next search rebuilds _会員検索 first. */
  readonly searchStamped?: boolean;
  /** Whether it stamped the job picker's keys stale (job-search-index.ts): a person changed 仕事,
   *  業務提供先 (a client's name is in the keys) or _仕事検索, or any tab's rows. */
  readonly jobSearchStamped?: boolean;
  /** The members and jobs of an edit of those tabs the next ranking re-packs instead (their rows'
   *  会員ID or 仕事ID), when the edit named them. */
  readonly indexTouched?: { readonly members: readonly string[]; readonly jobs: readonly string[] };
  /** The same for 継続支援's stored list (follow-ups/follow-hand-edits.ts), counted from 会員, 仕事,
   *  マッチング and 活動記録: stamped for a rebuild at the next listFollowUps, or the members to re-count. */
  readonly followUpsStamped?: boolean;
  readonly followUpsTouched?: { readonly members: readonly string[]; readonly jobs: readonly string[] };
}

/** 活動記録, and the totals' own tab: a person who unhides _活動集計 and types into it is a hand edit too. */
const ACTIVITY_TAB_NAMES: ReadonlySet<string> = new Set([ACTIVITIES_TAB.ja, ACTIVITIES_TAB.en, ACTIVITY_TOTALS_TAB.ja, ACTIVITY_TOTALS_TAB.en]);
/** 会員, and the picker's own keys (unhidden and typed into): an edit there makes them stale. */
const MEMBER_SEARCH_TAB_NAMES: ReadonlySet<string> = new Set([MEMBERS_TAB.ja, MEMBERS_TAB.en, MEMBER_SEARCH_TAB]);

/** 仕事 and 業務提供先 (its names are in the keys), and the job picker's own keys. */
const JOB_SEARCH_TAB_NAMES: ReadonlySet<string> = new Set([JOBS_TAB.ja, JOBS_TAB.en, CLIENTS_TAB.ja, CLIENTS_TAB.en, JOB_SEARCH_TAB]);

/** One setProperty: the job picker's keys stale (job-search-index.ts), rebuilt by the next search. */
function stampJobSearch(ctx: ScriptContext): void {
  ctx.ports.properties.set(JOB_SEARCH_PROPERTY, editedStamp(ctx.ports.clock.now()));
}

/** Whether an edit of 会員 leaves the member picker's keys true (member-search-index.ts
 *  editKeepsMemberKeys: none of 会員ID, フリガナ, 氏名, 退会日 changed, in rows the last rebuild
 *  keyed): 会員's header (the desk cache's, as touchStores reads it) and, when no key column was
 *  edited, one getProperty of the stamp — where the stamp would have cost a setProperty, and the
 *  next search a rebuild of the keys (会員's four columns read whole). An edit of
 *  _会員検索 itself, or of row 1, never does. */
function keepsMemberKeys(ctx: ScriptContext, edited: Edited): boolean {
  if (edited.tab !== MEMBERS_TAB.ja && edited.tab !== MEMBERS_TAB.en) return false;
  if (edited.row <= 1) return false;
  const header = edited.header();
  if (!header) return false;
  return editKeepsMemberKeys({ row: edited.row, ...edited.shape() }, header, () => ctx.ports.properties.get(MEMBER_SEARCH_PROPERTY));
}

/** The edited range as the trigger's steps ask of it, each asked of Sheets once in a run: its
 *  size and first column (three lookups) and the tab's header (the desk cache's, else one read). */
interface Edited {
  readonly tab: string;
  readonly row: number;
  shape(): { readonly rows: number; readonly column: number; readonly columns: number };
  header(): readonly string[] | null;
}

function editedOf(ctx: ScriptContext, range: GoogleAppsScript.Spreadsheet.Range, tab: string, row: number): Edited {
  let shape: { rows: number; column: number; columns: number } | undefined;
  let header: { value: readonly string[] | null } | undefined;
  return {
    tab, row,
    shape: () => (shape ??= { rows: range.getNumRows(), column: range.getColumn(), columns: range.getNumColumns() }),
    header: () => (header ??= { value: row <= 1 ? null : ctx.ports.store.header([tab])?.header ?? null }).value,
  };
}

/** One setProperty: the picker's keys stale (member-search-index.ts), rebuilt by the next search.
 *  A value of its own each time, so a rebuild that read 会員 meanwhile sees it changed. */
function stampMemberSearch(ctx: ScriptContext): void {
  ctx.ports.properties.set(MEMBER_SEARCH_PROPERTY, JSON.stringify({ edited: ctx.ports.clock.now().toISOString() }));
}

/** One setProperty; the stamp's value is only for a person reading the properties. */
function stampTotals(ctx: ScriptContext): void {
  ctx.ports.properties.set(TOTALS_EDITED_PROPERTY, ctx.ports.clock.now().toISOString());
}

type EditEvent = { range: GoogleAppsScript.Spreadsheet.Range; oldValue?: unknown; value?: unknown };

/** One of the event's cell values as text, or nothing: Sheets gives `value` and `oldValue` only for
 *  one cell typed (not pasted), `oldValue` only when the cell held something. Anything but a plain
 *  value (older runtimes once gave `{oldValue}` for a cleared cell) is taken as not given — the
 *  cautious reading: a full rebuild rather than a member missed. */
function eventText(v: unknown): { readonly text: string } | null {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? { text: String(v) } : null;
}

/** What an edit of a tab the candidate index or 継続支援's list is counted from touched
 *  (index-hand-edits.ts), recorded for each reader of the tab: the header (the desk cache's, else
 *  one small read), one getValues of each key column in the edited rows (the 会員ID column, read once
 *  for both readers; for the index also マッチング's 仕事ID column), and under ONE hold of the write lock a getProperty and a setProperty per
 *  reader whose list changed. */
function touchStores(ctx: ScriptContext, event: EditEvent, edited: Edited): Partial<Record<HandEditReader, { recorded: RecordedTouch; touch: IndexTouch }>> {
  const { range } = event;
  const { tab, row } = edited;
  const oldValue = eventText(event.oldValue);
  const value = eventText(event.value);
  const edit = {
    tab, row, ...edited.shape(),
    ...(oldValue === null ? {} : { oldValue: oldValue.text }),
    ...(value === null ? {} : { value: value.text }),
  };
  const header = edited.header();
  const read = new Map<number, (string | number | null)[]>();
  const keysIn = (column: number): (string | number | null)[] => {
    const got = read.get(column) ?? range.getSheet().getRange(row, column, edit.rows, 1).getValues().map((r) => {
      const v: unknown = r[0];
      return typeof v === 'string' || typeof v === 'number' ? v : null;
    });
    read.set(column, got);
    return got;
  };
  const touches = HAND_EDIT_READERS.filter((r) => readsTab(r, tab)).map((reader) => ({ reader, touch: touchOfEdit(edit, header, keysIn, reader) }));
  const recorded = recordTouches(ctx.ports, touches);
  const out: Partial<Record<HandEditReader, { recorded: RecordedTouch; touch: IndexTouch }>> = {};
  for (const { reader, touch } of touches) out[reader] = { recorded: recorded[reader] ?? 'none', touch };
  return out;
}

/** A reader's part of the trigger's answer: stamped, or the keys it will re-count. */
function resultOf(got: { recorded: RecordedTouch; touch: IndexTouch } | undefined): { stamped: true } | { touched: { members: readonly string[]; jobs: readonly string[] } } | null {
  if (!got || got.recorded === 'none') return null;
  if (got.recorded === 'full' || got.touch.full) return { stamped: true };
  return { touched: { members: got.touch.members, jobs: got.touch.jobs } };
}

/** A person edited cells: drops the cache when the range is on 設定 or コーディネータ or touches
 *  row 1 of any tab (a header). Costs Range.getSheet, Sheet.getName, Range.getRow (lookups) and,
 *  when it drops, one removeAll; an edit of 活動記録 also stamps the weekly run's totals (one
 *  setProperty). An edit of 会員, 仕事, マッチング or 就業実績 records the members it touched for
 *  the candidate index, and one of 会員, 仕事, マッチング or 活動記録 for 継続支援's stored list
 *  (touchStores); one of the index's own tab, or of _継続支援, stamps it for a rebuild. An edit of
 *  any other data row costs nothing more. */
export function onDeskEdit(ctx: ScriptContext): CacheTriggerResult {
  const { ports, triggerEvent } = ctx;
  const event = triggerEvent as EditEvent;
  const range = event.range;
  const tab = range.getSheet().getName().trim();
  const row = range.getRow();
  const invalidated = row === 1 || CALLER_TAB_NAMES.has(tab);
  if (invalidated) ports.deskCache.invalidate();
  const totalsStamped = ACTIVITY_TAB_NAMES.has(tab);
  if (totalsStamped) stampTotals(ctx);
  const edited = editedOf(ctx, range, tab, row);
  const searchStamped = MEMBER_SEARCH_TAB_NAMES.has(tab) && !keepsMemberKeys(ctx, edited);
  if (searchStamped) stampMemberSearch(ctx);
  const jobSearchStamped = JOB_SEARCH_TAB_NAMES.has(tab);
  if (jobSearchStamped) stampJobSearch(ctx);
  const base = { invalidated, totalsStamped, ...(searchStamped ? { searchStamped } : {}), ...(jobSearchStamped ? { jobSearchStamped } : {}) };
  if (tab === CANDIDATE_INDEX_TAB) {
    stampRebuild(ports.properties, ports.clock, 'index');
    return { ...base, indexStamped: true };
  }
  if (tab === FOLLOW_UP_LIST_TAB.ja || tab === FOLLOW_UP_LIST_TAB.en) {
    // _継続支援 unhidden and typed into: rebuilt at the next listFollowUps.
    stampRebuild(ports.properties, ports.clock, 'followUps');
    return { ...base, followUpsStamped: true };
  }
  if (!HAND_EDIT_READERS.some((r) => readsTab(r, tab))) return base;
  const touched = touchStores(ctx, event, edited);
  const index = resultOf(touched.index);
  const followUps = resultOf(touched.followUps);
  return {
    ...base,
    ...(index === null ? {} : 'stamped' in index ? { indexStamped: true } : { indexTouched: index.touched }),
    ...(followUps === null ? {} : 'stamped' in followUps ? { followUpsStamped: true } : { followUpsTouched: followUps.touched }),
  };
}

/** A person changed the sheet's structure: rows, columns or tabs added, removed or moved (which
 *  fire no edit trigger, and may move a header or remove a coordinator's row). The event does not
 *  say where, so anything but an edit (onDeskEdit's) or a format drops the cache. */
export function onDeskChange(ctx: ScriptContext): CacheTriggerResult {
  const { ports, triggerEvent } = ctx;
  const invalidated = !HARMLESS_CHANGES.has(String((triggerEvent as { changeType: unknown }).changeType));
  if (invalidated) {
    ports.deskCache.invalidate();
    // Rows removed or inserted may shift 活動記録 under the totals' mark (the event does not say
    // which tab): counted whole next time. The mark's own 活動ID check would catch most of it.
    stampTotals(ctx);
    // Rows of 会員 removed or moved: a member gone from the tab must leave the ranking too. No
    // range says whose: the index is rebuilt whole.
    stampRebuild(ports.properties, ports.clock, 'index');
    // The same for 継続支援's stored list: rebuilt at the next listFollowUps.
    stampRebuild(ports.properties, ports.clock, 'followUps');
    // Rows of 会員 inserted, removed or moved: the picker's keys no longer line up with them.
    stampMemberSearch(ctx);
    // Rows of 仕事 inserted, removed or moved: the job picker's keys no longer line up either.
    stampJobSearch(ctx);
  }
  return invalidated ? { invalidated, totalsStamped: true, indexStamped: true, followUpsStamped: true, searchStamped: true, jobSearchStamped: true } : { invalidated, totalsStamped: false };
}

export const CACHE_TRIGGER_HANDLERS = { onDeskEdit, onDeskChange };
