import { FOLLOW_UP_ACTIVITY_FIELDS, refreshFollowUps, touchesFollowUps } from '../follow-ups/keep-list';
import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema';
import { ACTIVITY_KIND, AREA } from '../../domain/enums';
import { wordText } from '../../domain/messages/catalog';
import { ACTIVITIES_TAB, type Activity } from '../../domain/schema/tabs';
import { civilDateArg, freeText, recordId } from '../shared/arg-schemas';
import { writeAudit } from '../shared/audit';
import { normaliseEmail } from '../shared/authorize';
import { readRowsByKey } from '../shared/find-rows';
import { updateRecord } from '../shared/record-writes';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import type { CorrectActivityInput, LogActivityOutput } from '../shared/api-types';
import { HEADLINE_ACTIVITY_ROWS } from '../sidebar/read-plans';
import { activityAuditDetail, activityViewOf, isEmptyActivity } from './append-activities';
import { adjustActivityTotals } from '../weekly/adjust-activity-totals';

// Corrections from the sidebar: a coordinator corrects or withdraws (取消) an activity of their
// own — a manager any. A withdrawn activity stays in 活動記録 with 状態 取消, is audited, and
// counts in no figure (kpi.md); nothing is ever deleted. The caller holds the lock. Only an
// activity among the last CORRECTABLE_ROWS rows can be corrected (the rows the sidebar's recent
// entries come from; older ones in the sheet): a rule on the row's position, kept. The activity
// is found by its ID (TableStore.findRows: one search, one short read of its row, whatever the
// size of 活動記録 — reading the 5,000-row tail was 65,000 cells), then only the changed cells of
// the row are written, and one audit append names the fields changed (never their text).

export const CORRECTABLE_ROWS = HEADLINE_ACTIVITY_ROWS;

const optionalId = lazySchema(() => z.optional(z.union([recordId, z.literal('')])));
const text = lazySchema(() => freeText(2000));

export const CORRECT_ACTIVITY_INPUT = lazySchema(() => z.strictObject({
  activity_id: recordId,
  date: z.optional(civilDateArg),
  area: z.optional(z.enum(AREA.codes)),
  kind: z.optional(z.nullable(z.enum(ACTIVITY_KIND.codes))),
  member_id: optionalId,
  client_id: optionalId,
  job_id: optionalId,
  minutes: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(24 * 60)))),
  outcome: z.optional(text),
  notes: z.optional(text),
}));

export const WITHDRAW_ACTIVITY_INPUT = recordId;

const FIELDS = ['date', 'area', 'kind', 'member_id', 'client_id', 'job_id', 'minutes', 'outcome', 'notes'] as const;

/** The activity, its row and the tab's layout, when it is among the last CORRECTABLE_ROWS rows
 *  (the first such row holding the ID, as the tail read found it); refused when it is not there,
 *  not the caller's (unless a manager), or already withdrawn. */
function ownActivity(ports: Pick<SidebarPorts, 'store'>, ctx: CallContext, activityId: string) {
  const tab = readRowsByKey(ports.store, ACTIVITIES_TAB, 'activity_id', [activityId], ctx.lang);
  const firstCorrectable = Math.max(2, tab.lastRow - CORRECTABLE_ROWS + 1);
  const at = tab.parsed.records.findIndex((a, i) => a.activity_id === activityId && (tab.parsed.rowNumbers[i] ?? 0) >= firstCorrectable);
  const activity: Activity | undefined = tab.parsed.records[at];
  if (!activity) throw new ApiError('activity_too_old', { id: activityId, rows: CORRECTABLE_ROWS });
  if (ctx.coordinator.role !== 'manager' && normaliseEmail(activity.coordinator) !== normaliseEmail(ctx.email)) {
    throw new ApiError('not_yours', { what: wordText(ctx.lang).things.activity, id: activityId });
  }
  if (activity.status === 'withdrawn') throw new ApiError('activity_withdrawn', { id: activityId });
  const row = tab.parsed.rowNumbers[at] ?? 0;
  // A bad cell in the row (one the parse reads as blank) that a correction may mend: the weekly
  // totals cannot follow that by a delta (adjust-activity-totals.ts).
  const hadProblems = tab.parsed.problems.some((p) => /^[A-Z]+(\d+)$/.exec(p.cell)?.[1] === String(row));
  return { tab, activity, hadProblems, place: { tab: tab.name, index: tab.parsed.columnIndex, row } };
}

export function correctActivity(ports: Pick<SidebarPorts, 'store'>, ctx: CallContext, input: CorrectActivityInput): LogActivityOutput {
  const { activity, place, hadProblems } = ownActivity(ports, ctx, input.activity_id);
  const after: Activity = { ...activity };
  const edits: Partial<Record<string, unknown>> = {};
  for (const k of FIELDS) if (input[k] !== undefined) edits[k] = input[k];
  Object.assign(after, edits);
  if (isEmptyActivity(after)) throw new ApiError('empty_activity');
  const changed = updateRecord(ports.store, ACTIVITIES_TAB, place, activity, after, ctx.lang);
  if (changed.length === 0) throw new ApiError('no_change');
  // The weekly run's stored totals follow the change in the same write (kpi.md "Weekly summary").
  adjustActivityTotals(ports.store, place.row, activity, after, hadProblems);
  ctx.figures?.record('activities', { activities: [activity] }, { activities: [after] });
  // A contact moved, re-dated or re-classed: both members' places on the stored 継続支援 list.
  // Minutes, kind, outcome or notes alone: the list does not depend on them (no lookup at all).
  if (touchesFollowUps(changed, FOLLOW_UP_ACTIVITY_FIELDS)) {
    refreshFollowUps(ports.store, ctx, [activity.member_id ?? '', after.member_id ?? ''], { activityRows: new Map([[place.row, after]]) });
  }
  writeAudit(ports.store, ctx.lang, {
    at: ctx.now, user: ctx.email, action: 'activity_correct', sheet: place.tab, recordId: activity.activity_id,
    detail: `fields=${changed.join(',')} ${activityAuditDetail(after)}`,
  });
  return { activity: activityViewOf(after) };
}

export function withdrawActivity(ports: Pick<SidebarPorts, 'store'>, ctx: CallContext, activityId: string): LogActivityOutput {
  const { activity, place, hadProblems } = ownActivity(ports, ctx, activityId);
  // Without the 状態 column the withdrawal could not be kept: say so rather than pretend.
  if ((place.index.get('status') ?? -1) < 0) {
    throw new ApiError('bad_workbook', { detail: wordText(ctx.lang).missingColumn(place.tab, ctx.lang === 'ja' ? '状態' : 'status') });
  }
  const after: Activity = { ...activity, status: 'withdrawn' };
  updateRecord(ports.store, ACTIVITIES_TAB, place, activity, after, ctx.lang);
  adjustActivityTotals(ports.store, place.row, activity, after, hadProblems);
  ctx.figures?.record('activities', { activities: [activity] }, { activities: [after] });
  // A contact withdrawn: the member may be due a call again (their last contact is an older one).
  refreshFollowUps(ports.store, ctx, [activity.member_id ?? ''], { activityRows: new Map([[place.row, after]]) });
  writeAudit(ports.store, ctx.lang, {
    at: ctx.now, user: ctx.email, action: 'activity_withdraw', sheet: place.tab, recordId: activity.activity_id, detail: activityAuditDetail(activity),
  });
  return { activity: activityViewOf(after) };
}
