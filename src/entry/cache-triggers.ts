import type { TriggerSpec } from '../app/ports';
import { CALLER_TAB_NAMES } from '../app/shared/desk-cache';
import type { ScriptContext } from './dispatch';
import { TOTALS_EDITED_PROPERTY } from '../app/weekly/count-activities';
import { CANDIDATE_INDEX_TAB } from '../app/matching/candidate-index';
import {
  isIndexSourceTab, recordIndexTouch, stampIndexRebuild, touchOfEdit, type RecordedTouch,
} from '../app/matching/index-hand-edits';
import { MEMBER_SEARCH_PROPERTY, MEMBER_SEARCH_TAB } from '../app/members/member-search-index';
import { ACTIVITY_TOTALS_TAB } from '../domain/weekly/activity-totals-tab';
import { ACTIVITIES_TAB, MEMBERS_TAB } from '../domain/schema/tabs';

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
   *  会員 or its rows, so the next search rebuilds _会員検索 first. */
  readonly searchStamped?: boolean;
  /** The members and jobs of an edit of those tabs the next ranking re-packs instead (their rows'
   *  会員ID or 仕事ID), when the edit named them. */
  readonly indexTouched?: { readonly members: readonly string[]; readonly jobs: readonly string[] };
}

/** 活動記録, and the totals' own tab: a person who unhides _活動集計 and types into it is a hand edit too. */
const ACTIVITY_TAB_NAMES: ReadonlySet<string> = new Set([ACTIVITIES_TAB.ja, ACTIVITIES_TAB.en, ACTIVITY_TOTALS_TAB.ja, ACTIVITY_TOTALS_TAB.en]);
/** 会員, and the picker's own keys (unhidden and typed into): an edit there makes them stale. */
const MEMBER_SEARCH_TAB_NAMES: ReadonlySet<string> = new Set([MEMBERS_TAB.ja, MEMBERS_TAB.en, MEMBER_SEARCH_TAB]);

/** One setProperty: the picker's keys stale (member-search-index.ts), rebuilt by the next search.
 *  A value of its own each time, so a rebuild that read 会員 meanwhile sees it changed. */
function stampMemberSearch(ctx: ScriptContext): void {
  ctx.ports.properties.set(MEMBER_SEARCH_PROPERTY, JSON.stringify({ edited: ctx.ports.clock.now().toISOString() }));
}

/** One setProperty; the stamp's value is only for a person reading the properties. */
function stampTotals(ctx: ScriptContext): void {
  ctx.ports.properties.set(TOTALS_EDITED_PROPERTY, ctx.ports.clock.now().toISOString());
}

type EditEvent = { range: GoogleAppsScript.Spreadsheet.Range; oldValue?: unknown };

/** What an edit of 会員, 仕事, マッチング or 就業実績 touched (index-hand-edits.ts), recorded for
 *  the next ranking: the header (the desk cache's, else one small read), one getValues of the key
 *  column in the edited rows, and under the write lock one getProperty and one setProperty. */
function touchIndex(ctx: ScriptContext, event: EditEvent, tab: string, row: number): { recorded: RecordedTouch; members: readonly string[]; jobs: readonly string[] } {
  const { range } = event;
  const edit = {
    tab, row, rows: range.getNumRows(), column: range.getColumn(), columns: range.getNumColumns(),
    ...(event.oldValue === undefined || event.oldValue === null ? {} : { oldValue: String(event.oldValue) }),
  };
  const header = row <= 1 ? null : ctx.ports.store.header([tab])?.header ?? null;
  const touch = touchOfEdit(edit, header, (column) => range.getSheet().getRange(row, column, edit.rows, 1).getValues().map((r) => {
    const v: unknown = r[0];
    return typeof v === 'string' || typeof v === 'number' ? v : null;
  }));
  const recorded = recordIndexTouch(ctx.ports, touch);
  return { recorded, members: touch.full ? [] : touch.members, jobs: touch.full ? [] : touch.jobs };
}

/** A person edited cells: drops the cache when the range is on 設定 or コーディネータ or touches
 *  row 1 of any tab (a header). Costs Range.getSheet, Sheet.getName, Range.getRow (lookups) and,
 *  when it drops, one removeAll; an edit of 活動記録 also stamps the weekly run's totals (one
 *  setProperty). An edit of 会員, 仕事, マッチング or 就業実績 records the members it touched for
 *  the candidate index (touchIndex), one of the index's own tab stamps it for a rebuild. An edit of
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
  const searchStamped = MEMBER_SEARCH_TAB_NAMES.has(tab);
  if (searchStamped) stampMemberSearch(ctx);
  const base = { invalidated, totalsStamped, ...(searchStamped ? { searchStamped } : {}) };
  if (tab === CANDIDATE_INDEX_TAB) {
    stampIndexRebuild(ports.properties, ports.clock);
    return { ...base, indexStamped: true };
  }
  if (!isIndexSourceTab(tab)) return base;
  const touched = touchIndex(ctx, event, tab, row);
  if (touched.recorded === 'full') return { ...base, indexStamped: true };
  return touched.recorded === 'none' ? base : { ...base, indexTouched: { members: touched.members, jobs: touched.jobs } };
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
    stampIndexRebuild(ports.properties, ports.clock);
    // Rows of 会員 inserted, removed or moved: the picker's keys no longer line up with them.
    stampMemberSearch(ctx);
  }
  return invalidated ? { invalidated, totalsStamped: true, indexStamped: true, searchStamped: true } : { invalidated, totalsStamped: false };
}

export const CACHE_TRIGGER_HANDLERS = { onDeskEdit, onDeskChange };
