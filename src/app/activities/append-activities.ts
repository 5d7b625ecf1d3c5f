import { ACTIVITIES_TAB, type Activity } from '../../domain/schema/tabs';
import { layoutOf } from '../shared/append-record';
import { encodeRecord, ownedCells, type ColumnKey } from '../../domain/schema/record-cells';
import { writeAudits, type AuditInput } from '../shared/audit';
import { ACTIVITY_IDS, idsInColumn, nextId } from '../shared/next-id';
import type { CallContext, SidebarPorts } from '../shared/call-context';
import { ApiError } from '../shared/api-error';
import type { ActivityView, LogActivityInput } from '../shared/api-types';

// New rows of 活動記録: the one way the sidebar adds activities (logActivity, a follow-up call,
// the マッチング activities a status change logs, a leaving). The caller holds the script lock.
// Service use whatever the number of rows: the tab's header (one small read), the ID counter
// (document properties, read and set once per activity; the ID column is read once per document
// to seed it), ONE append of all the rows, ONE audit append of their rows.

/** What a new activity holds (the sidebar's logActivity input): the coordinator is the caller
 *  and the ID comes from the counter. */
export type ActivityDraft = LogActivityInput;

/** workbook.md: an activity names at least one of member, client, job, minutes (≥ 1) or text. */
export interface ActivityContent {
  readonly member_id?: string | null;
  readonly client_id?: string | null;
  readonly job_id?: string | null;
  readonly minutes?: number | null;
  readonly outcome?: string;
  readonly notes?: string;
}

export function isEmptyActivity(a: ActivityContent): boolean {
  const has = (s: string | undefined | null): boolean => (s ?? '').trim() !== '';
  return !has(a.member_id) && !has(a.client_id) && !has(a.job_id) && !((a.minutes ?? 0) >= 1) && !has(a.outcome) && !has(a.notes);
}

/** The columns a new activity fills: all of the tab's (its ID column included). */
const ACTIVITY_COLUMNS: readonly ColumnKey<typeof ACTIVITIES_TAB>[] = ACTIVITIES_TAB.columns.map((c) => c.key);

export function activityViewOf(a: Activity): ActivityView {
  return {
    activity_id: a.activity_id, date: a.date, coordinator: a.coordinator, area: a.area, kind: a.kind,
    member_id: a.member_id ?? '', client_id: a.client_id ?? '', job_id: a.job_id ?? '', minutes: a.minutes, outcome: a.outcome,
    notes: a.notes, status: a.status ?? 'active',
  };
}

/** The audit detail of an activity: IDs and codes only (outcome and notes may name people). */
export function activityAuditDetail(a: Pick<Activity, 'area' | 'kind' | 'member_id' | 'client_id' | 'job_id'>): string {
  return [`area=${a.area}`, a.kind ? `kind=${a.kind}` : '', a.member_id ? `member=${a.member_id}` : '',
    a.client_id ? `client=${a.client_id}` : '', a.job_id ? `job=${a.job_id}` : ''].filter((s) => s !== '').join(' ');
}

/** Appends `drafts` and audits them (one audit append): answers them as saved. */
export function appendActivities(ports: Pick<SidebarPorts, 'store' | 'props'>, ctx: CallContext, drafts: readonly ActivityDraft[]): ActivityView[] {
  const { views, audits } = appendActivityRows(ports, ctx, drafts);
  writeAudits(ports.store, ctx.lang, audits);
  return views;
}

/**
 * `count` activity IDs from the counter, issued now: a caller that writes another tab before its
 * activities (a status change's match row) issues them ahead of that write, so the counter goes out
 * in the one setProperties the first write sends anyway (src/gas/document-properties.ts), not in
 * one of its own before the activities. A run that fails in between leaves a gap, never a twin.
 */
export function issueActivityIds(ports: Pick<SidebarPorts, 'store' | 'props'>, lang: CallContext['lang'], count: number): string[] {
  const layout = layoutOf(ports.store, ACTIVITIES_TAB, lang);
  const seed = (): string[] => idsInColumn(ports.store, layout.name, layout.index.get('activity_id') ?? -1);
  return Array.from({ length: count }, () => nextId(ports.props, ACTIVITY_IDS, seed));
}

/**
 * Appends `drafts` (refusing an empty one before anything is written) and answers them as saved,
 * with their audit rows (`log_activity`) for the caller to write together with its own. `ids`:
 * the drafts' IDs issued by the caller (issueActivityIds), else issued here.
 */
export function appendActivityRows(
  ports: Pick<SidebarPorts, 'store' | 'props'>, ctx: CallContext, drafts: readonly ActivityDraft[], ids: readonly string[] = [],
): { views: ActivityView[]; audits: AuditInput[] } {
  if (drafts.length === 0) return { views: [], audits: [] };
  if (drafts.some(isEmptyActivity)) throw new ApiError('empty_activity');
  const { store } = ports;
  const layout = layoutOf(store, ACTIVITIES_TAB, ctx.lang);
  const seed = (): string[] => idsInColumn(store, layout.name, layout.index.get('activity_id') ?? -1);
  const records: Activity[] = drafts.map((d, i) => ({
    activity_id: ids[i] ?? nextId(ports.props, ACTIVITY_IDS, seed),
    date: d.date, coordinator: ctx.email, area: d.area, kind: d.kind ?? null,
    member_id: d.member_id?.trim() ?? '', client_id: d.client_id?.trim() ?? '', job_id: d.job_id?.trim() ?? '',
    minutes: d.minutes ?? null, outcome: d.outcome ?? '', notes: d.notes ?? '', recorded_at: ctx.now,
    // Blank is active (workbook.md): a new row leaves 状態 empty.
    status: null,
  }));
  // Only the tab's own columns of the new rows are written (a center's formula column keeps
  // working); every text is neutralised by the store: `=HYPERLINK(...)` in the notes stays text.
  const cells = ownedCells<typeof ACTIVITIES_TAB>(layout.index, ACTIVITY_COLUMNS, records.map((r) => encodeRecord(ACTIVITIES_TAB, r, ctx.lang)));
  const append = (): void => store.appendCells(layout.name, cells);
  // The figures moved ahead of the rows (figure-changes.ts): they go out with the counter, which
  // is written ahead of the rows carrying its IDs, in one setProperties; moved back if the append fails.
  if (ctx.figures) ctx.figures.ahead('activities', {}, { activities: records }, append);
  else append();
  const audits: AuditInput[] = records.map((r) => ({
    at: ctx.now, user: ctx.email, action: 'log_activity', sheet: layout.name, recordId: r.activity_id, detail: activityAuditDetail(r),
  }));
  return { views: records.map(activityViewOf), audits };
}
